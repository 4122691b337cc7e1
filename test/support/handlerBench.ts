/**
 * The handler tier: a listener's work run as a worker runs it (a `Turn` in the request's workspace, the real
 * database, the recording Web API), without the signed HTTP receiver, the inbox or the membership gate. For
 * what a use case stores and answers, where the end-to-end harness (slackHarness.ts) would only add the frame.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { LocalSlackWebApi, type SlackApiCall } from '../../src/local/slackWebApi.js';
import type { SlackActor } from '../../src/local/slackRequests.js';
import type { Database, DatabaseHandle } from '../../src/db/client.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { silentLogger } from '../../src/log.js';
import { Metrics } from '../../src/metrics.js';
import { Handlers, Turn, type SlackDeps } from '../../src/slack/frame.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { createSlackWeb } from '../../src/slack/web.js';
import { openTestDatabase, type TestDriver } from './database.js';
import { pinnedClock, TEAM, USERS } from './slackHarness.js';

export interface HandlerBench {
  /** The owner's database (no row-level security): what tests seed and check with. */
  db: Database;
  api: LocalSlackWebApi;
  /**
   * Runs the work registered for `entry` (`command /call`, `action digest_snooze`, `view decision_modal`) as
   * `actor`, with `body` as Slack would send it; returns the Slack calls it made. A refusal rejects (the frame
   * would turn it into an answer).
   */
  run(entry: string, actor: SlackActor, body: Record<string, unknown>): Promise<SlackApiCall[]>;
  close(): Promise<void>;
}

/** Every entry point is declared on Bolt, and registered with the frame's handlers: only the latter are used here. */
const declarationsOnly = new Proxy({}, { get: () => () => undefined }) as App;

let turns = 0;

export async function startHandlerBench(driver: TestDriver): Promise<HandlerBench> {
  const api = await new LocalSlackWebApi(USERS, TEAM).start();
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openTestDatabase(driver);
    const now = pinnedClock();
    const web = createSlackWeb({ signingSecret: 'unused', botToken: 'xoxb-test-token', appToken: undefined, apiUrl: api.apiUrl }, handle.owner, {
      now,
      logger: silentLogger,
    });
    const deps: SlackDeps = {
      db: handle.db,
      reader: handle.reader,
      owner: handle.owner,
      logger: silentLogger,
      now,
      people: web.people,
      digest: {
        preview: () => Promise.reject(new Error('the digest is not in the handler tier (test/digest/)')),
        postNow: () => Promise.reject(new Error('the digest is not in the handler tier (test/digest/)')),
        refuseChannel: () => Promise.resolve(),
      },
      isResponseUrl: (url) => url.startsWith(`${new URL(api.apiUrl).origin}/`),
      handlers: new Handlers(),
      wakeWorkers: () => {},
      workersId: 'handler-bench',
      metrics: new Metrics(),
      installations: web.installations,
    };
    registerListeners(declarationsOnly, deps);
    const opened = handle;
    return {
      db: opened.owner,
      api,
      async run(entry, actor, body) {
        const handler = deps.handlers.get(entry);
        if (!handler) throw new Error(`no listener registered for ${entry}`);
        const seq = api.lastSeq;
        const n = ++turns;
        const client: WebClient = await web.requestWebFor(actor.teamId);
        const turn = new Turn(deps, client, {
          entry,
          teamId: actor.teamId,
          userId: actor.userId,
          channelId: actor.channelId ?? null,
          responseUrl: api.responseUrl(`handler-${n}`),
          triggerId: `handler-trigger-${n}`,
          requestKey: `handler:${n}`,
          now: now(),
        });
        // As a worker does: every statement sees the request's workspace only.
        await inWorkspace(actor.teamId, () => handler.run(turn, body));
        return api.calls.filter((c) => c.seq > seq);
      },
      async close() {
        await opened.close();
        await api.stop();
      },
    };
  } catch (error) {
    await handle?.close();
    await api.stop();
    throw error;
  }
}
