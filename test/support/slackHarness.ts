/**
 * The app under test, as Slack sees it: the real Bolt receiver on a loopback port, a private database, and
 * the local Web API recording what the app sends. Tests speak to it only through signed HTTP requests.
 */
import { LocalSlackWebApi, type LocalSlackUser, type SlackApiCall } from '../../src/local/slackWebApi.js';
import { SlackRequestSender, type SlackActor } from '../../src/local/slackRequests.js';
import type { Database, DatabaseHandle } from '../../src/db/client.js';
import { silentLogger, createLogger, type Logger } from '../../src/log.js';
import { createRapport, type Rapport } from '../../src/rapport.js';
import { queueState } from '../../src/db/queries/requests.js';
import { slackRequests } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';
import { openTestDatabase, type TestDriver } from './database.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export const TEAM = 'T0ACME';
export const OTHER_TEAM = 'T0OTHER';
export const ALICE: SlackActor = { teamId: TEAM, userId: 'U0ALICE', channelId: 'C0SALES' };
export const BOB: SlackActor = { teamId: TEAM, userId: 'U0BOB', channelId: 'C0SALES' };
export const ADMIN: SlackActor = { teamId: TEAM, userId: 'U0ADMIN', channelId: 'C0SALES' };
export const MALLORY: SlackActor = { teamId: OTHER_TEAM, userId: 'U0MALLORY', channelId: 'C0ELSEWHERE' };

export const USERS: LocalSlackUser[] = [
  { id: 'U0ALICE', name: 'alice', teamId: TEAM },
  { id: 'U0BOB', name: 'bob', teamId: TEAM },
  { id: 'U0ADMIN', name: 'admin', teamId: TEAM, isAdmin: true },
  { id: 'U0MALLORY', name: 'mallory', teamId: OTHER_TEAM },
];

/**
 * The app's clock in every Slack test: Monday 2026-11-23 10:00 UTC when the harness starts, then moving with
 * real time (so entries keep their order). Whatever day the suite runs, the app sees the same dates.
 */
export const TEST_EPOCH = new Date(process.env.TEST_EPOCH ?? '2026-11-23T10:00:00Z');

export function pinnedClock(epoch: Date = TEST_EPOCH): () => Date {
  const started = Date.now();
  return () => new Date(epoch.getTime() + (Date.now() - started));
}

export interface Harness {
  /** The owner's database (row-level security does not apply): what tests seed and look across workspaces with. */
  db: Database;
  /** The private database the app runs on (its `db` is the app's, restricted to one workspace at a time). */
  database: DatabaseHandle;
  /** The app's clock (see TEST_EPOCH). */
  now: () => Date;
  /** Postgres only: the private database's URL, to open more pools on it as other app instances would. */
  databaseUrl: string | undefined;
  api: LocalSlackWebApi;
  send: SlackRequestSender;
  slack: Rapport;
  url: string;
  /** Sends a command and returns its ack and the first thing the app sent after it (reply or modal). */
  command(actor: SlackActor, command: string, text: string, triggerId?: string): Promise<{ status: number; ack: any; reply: SlackApiCall }>;
  /** Everything the app sent since `seq` (default: since the harness started). */
  since(seq: number): SlackApiCall[];
  /** Resolves once every request acknowledged so far has been worked (nothing waiting or being worked). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

let commandSeq = 0;

/** How long `idle()` waits for the inbox to empty: generous, for a busy machine (a test still fails on a request stuck for good). */
const IDLE_WITHIN_MS = 30_000;
/** How long a test waits for a Slack call by default: the stand-in's own 5 s is short on a busy 2-core machine. */
const SLACK_CALL_WITHIN_MS = 15_000;

/** The recording Web API, waiting as long as a busy machine may need. */
class PatientSlackWebApi extends LocalSlackWebApi {
  override waitFor(match: (call: SlackApiCall) => boolean, timeoutMs = SLACK_CALL_WITHIN_MS): Promise<SlackApiCall> {
    return super.waitFor(match, timeoutMs);
  }
}

export async function startHarness(driver: TestDriver, now: () => Date = pinnedClock(), appLogger?: Logger): Promise<Harness> {
  let handle: (DatabaseHandle & { url?: string }) | undefined;
  const api = await new PatientSlackWebApi(USERS, TEAM).start();
  try {
    handle = await openTestDatabase(driver);
    /**
     * Until a command's work is over (what it sends after its answer: a picture, the DMs to those concerned), so
     * none of it lands in what a test does next. A command whose work is held up (Slack made to hang, a retry
     * later) is left to it after a while: tests of those wait for what they expect themselves.
     */
    const settled = async (requestKey: string) => {
      const until = performance.now() + 10_000;
      while (performance.now() < until) {
        const [row] = await handle!.owner.select({ state: slackRequests.state }).from(slackRequests).where(eq(slackRequests.requestKey, requestKey));
        if (!row || (row.state !== 'waiting' && row.state !== 'working')) return;
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const logger = appLogger ?? (process.env.TEST_LOG ? createLogger({ level: 'debug' }) : silentLogger);
    const slack = createRapport({
      slack: { signingSecret: SIGNING_SECRET, botToken: 'xoxb-test-token', appToken: undefined, apiUrl: api.apiUrl },
      database: handle,
      logger,
      now,
    });
    const port = await slack.start(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    const send = new SlackRequestSender({ url: `${url}/slack/events`, signingSecret: SIGNING_SECRET, responseUrl: (id) => api.responseUrl(id) });
    const h: Harness = {
      now,
      db: handle.owner,
      database: handle,
      databaseUrl: handle.url,
      api,
      send,
      slack,
      url,
      async command(actor, command, text, triggerId = `trigger-${++commandSeq}`) {
        const seq = api.lastSeq;
        const responseId = `R${commandSeq}-${Math.random().toString(36).slice(2)}`;
        const res = await send.command(actor, command, text, { triggerId, responseId });
        if (res.status !== 200) throw new Error(`${command} ${text}: HTTP ${res.status}`);
        if (res.body && typeof res.body === 'object' && 'text' in res.body) {
          return { status: res.status, ack: res.body, reply: { method: 'ack', params: res.body, token: undefined, seq } };
        }
        // This command's own answer: on its response URL, or a modal opened with its trigger id. Generous: a busy
        // machine (CI beside other work) can take seconds; the failure names the command that went unanswered.
        const reply = await api
          .waitFor(
            (c) =>
              c.seq > seq &&
              ((c.method === 'response_url' && c.responseUrlId === responseId) || (c.method === 'views.open' && c.params.trigger_id === triggerId)),
            20_000,
          )
          .catch((error: Error) => {
            throw new Error(`${command} ${text.slice(0, 200)} went unanswered: ${error.message.slice(0, 300)}`);
          });
        await settled(`cmd:${triggerId}`);
        return { status: res.status, ack: res.body, reply };
      },
      since: (seq) => api.calls.filter((c) => c.seq > seq),
      async idle() {
        const until = Date.now() + IDLE_WITHIN_MS;
        for (;;) {
          const queue = await queueState(handle!.owner);
          if (queue.waiting === 0 && queue.working === 0) return;
          if (Date.now() > until) throw new Error(`requests still waiting or being worked after ${IDLE_WITHIN_MS / 1000} s`);
          await new Promise((r) => setTimeout(r, 10));
        }
      },
      async close() {
        await slack.stop();
        await handle!.close();
        await api.stop();
      },
    };
    return h;
  } catch (error) {
    await handle?.close();
    await api.stop();
    throw error;
  }
}

/** All the text of a message or reply (text, section texts and fields, context), for loose assertions. */
export function textOf(params: Record<string, any>): string {
  const parts: string[] = [params.text ?? ''];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'text' && typeof v === 'string') parts.push(v);
        else walk(v);
      }
    }
  };
  walk(params.blocks);
  return parts.join('\n');
}

/** The buttons of a reply as { action_id: value }. */
export function buttonsOf(params: Record<string, any>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const block of params.blocks ?? []) {
    if (block.type === 'actions') for (const e of block.elements) out[e.action_id] = e.value;
  }
  return out;
}
