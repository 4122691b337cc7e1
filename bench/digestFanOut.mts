// Benchmark: many workspaces' digests due at the same minute, one of them hundreds of pages long, posted to the
// stand-in Web API with Slack's rate limit on (1 message a second per channel): how long until every other
// workspace has its digest, and how long the long one takes.
import { randomBytes } from 'node:crypto';
import { count, eq, isNull } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/db/client.js';
import { logIncident } from '../src/db/queries/activity.js';
import { createClient } from '../src/db/queries/clients.js';
import { saveInstallation } from '../src/db/queries/installations.js';
import * as schema from '../src/db/schema/index.js';
import { limitConcurrency } from '../src/limit.js';
import { LocalSlackWebApi, SLACK_CHANNEL_POST_LIMIT } from '../src/local/slackWebApi.js';
import { silentLogger } from '../src/log.js';
import { createRapport } from '../src/rapport.js';

/** The target: every workspace but the long one posted within a minute. */
export const FAN_OUT_TARGET_SECONDS = 60;

/** Clients a page of the posted digest names, each with its buttons (measured: the text limit per message decides). */
const CLIENTS_PER_PAGE = 7;

export interface FanOutOptions {
  workspaces?: number;
  /** About how many messages the long digest has (the first message and its thread pages). */
  bigPages?: number;
  /**
   * How long to keep timing the long digest once the others are posted: at 1 message a second, 300 pages take
   * five minutes. Past it the bench refuses the long digest's next page (as Slack refusing one would: a later tick
   * posts the rest) and projects its time from its pace so far. Infinity: wait until it is posted.
   */
  bigWaitSeconds?: number;
}

export interface FanOutRow {
  workspaces: number;
  /** Seconds from the tick until every workspace but the long one had its digest posted in full. */
  othersSeconds: number;
  /** Messages of the long digest, and how many of them Slack took before the bench stopped waiting. */
  bigPages: number;
  bigPagesPosted: number;
  /** Seconds the long digest took in full: measured when `bigFinished`, else projected from its pace. */
  bigSeconds: number;
  bigFinished: boolean;
  /** Messages Slack took, all workspaces together. */
  pagesPosted: number;
  /** Posts Slack answered with HTTP 429 (each was posted again after its Retry-After). */
  rateLimited: number;
}

/**
 * Sets up `workspaces` workspaces due this minute (UTC), each installed by "Add to Slack" with its own bot token,
 * the first (listed first, so a one-by-one runner would make all the others wait for it) with enough clients
 * meeting a firing criterion for `bigPages` messages, the others with two such clients (one message); then runs
 * the app's digest tick, as the scheduler does, against the stand-in with Slack's rate limit on.
 */
export async function benchDigestFanOut(database: DatabaseHandle, options: FanOutOptions = {}): Promise<FanOutRow> {
  const { workspaces = 200, bigPages = 300, bigWaitSeconds = 60 } = options;
  const api = await new LocalSlackWebApi().start();
  api.channelPostLimit = SLACK_CHANNEL_POST_LIMIT;
  try {
    const now = new Date();
    const teams = Array.from({ length: workspaces }, (_, i) => `T0FAN${String(i).padStart(4, '0')}`);
    const channelOf = (team: string) => `C${team.slice(1)}`;
    const [big] = teams as [string, ...string[]];
    const tokenKeys = [{ id: 'bench', key: randomBytes(32) }] as const;
    await database.owner.insert(schema.workspaces).values(
      teams.map((teamId) => ({
        teamId,
        digestChannelId: channelOf(teamId),
        timeZone: 'UTC',
        digestDay: now.getUTCDay(),
        digestTime: now.toISOString().slice(11, 16),
        createdAt: new Date(now.getTime() - 365 * 86_400_000),
      })),
    );
    // Written as the app writes them, so whatever it keeps beside the rows (health, decay) is kept here too.
    const by = { actor: 'U0ADMIN', at: new Date(now.getTime() - 86_400_000) };
    const exposed = async (teamId: string, i: number) => {
      const client = await createClient(database.owner, { teamId, by, input: { name: `Client ${i}`, ownerUserId: `U0OWNER${i % 25}` } });
      await logIncident(database.owner, { teamId, by, input: { clientId: client.id, occurredAt: by.at, details: { kind: 'legal_exposure' } } });
    };
    const setUp = limitConcurrency(8);
    await Promise.all([
      ...teams.map((teamId) =>
        setUp(() =>
          saveInstallation(database.owner, {
            keys: tokenKeys,
            record: {
              teamId,
              enterpriseId: null,
              isEnterpriseInstall: false,
              botToken: `xoxb-${teamId}`,
              botUserId: null,
              botId: null,
              scopes: 'commands,chat:write',
              installerUserId: null,
            },
            at: now,
          }),
        ),
      ),
      ...Array.from({ length: bigPages * CLIENTS_PER_PAGE }, (_, i) => setUp(() => exposed(big, i))),
      ...teams.slice(1).flatMap((teamId) => [0, 1].map((i) => setUp(() => exposed(teamId, i)))),
    ]);

    const rapport = createRapport({
      slack: {
        signingSecret: randomBytes(16).toString('hex'),
        oauth: { clientId: 'bench.rapport', clientSecret: 'bench-secret', stateSecret: 'bench-state-secret', tokenKeys },
        appToken: undefined,
        apiUrl: api.apiUrl,
      },
      database,
      logger: silentLogger,
    });
    let pagesPosted = 0;
    let rateLimited = 0;
    let bigPagesPosted = 0;
    let bigLastAt = 0;
    const othersPosted = new Set<string>();
    let othersDone!: (at: number) => void;
    const othersDoneAt = new Promise<number>((resolve) => (othersDone = resolve));
    api.onCall((call) => {
      if (call.method !== 'chat.postMessage') return;
      if (call.response?.error === 'ratelimited') rateLimited++;
      if (!call.response?.ok) return;
      pagesPosted++;
      if (call.params.channel === channelOf(big)) {
        bigPagesPosted++;
        bigLastAt = performance.now();
        return;
      }
      othersPosted.add(String(call.params.channel));
      if (othersPosted.size === workspaces - 1) othersDone(performance.now());
    });

    const started = performance.now();
    const ticked = rapport.digest.tick();
    const othersSeconds = ((await othersDoneAt) - started) / 1000;
    const stillPosting = await Promise.race([
      ticked.then(() => false),
      new Promise<true>((resolve) => setTimeout(() => resolve(true), bigWaitSeconds === Infinity ? 2 ** 31 - 1 : bigWaitSeconds * 1000).unref()),
    ]);
    if (stillPosting) api.failNext('chat.postMessage', 'fatal_error');
    await ticked;
    await rapport.stop();

    const [stored] = await database.owner.select({ pages: count() }).from(schema.digestMessages).where(eq(schema.digestMessages.teamId, big));
    const [waiting] = await database.owner.select({ pages: count() }).from(schema.digestMessages).where(isNull(schema.digestMessages.ts));
    const bigPagesStored = stored!.pages;
    const bigFinished = bigPagesPosted === bigPagesStored;
    // Every other workspace's digest is one message: posted means posted in full.
    if (waiting!.pages !== bigPagesStored - bigPagesPosted) throw new Error(`${waiting!.pages} pages of the other workspaces were not posted`);
    const bigElapsed = (bigLastAt - started) / 1000;
    return {
      workspaces,
      othersSeconds,
      bigPages: bigPagesStored,
      bigPagesPosted,
      bigSeconds: bigFinished ? bigElapsed : (bigElapsed * bigPagesStored) / bigPagesPosted,
      bigFinished,
      pagesPosted,
      rateLimited,
    };
  } finally {
    await api.stop();
  }
}

/** One line of figures, with the target met or MISSED. */
export function fanOutLine(r: FanOutRow): string {
  const big = r.bigFinished
    ? `${r.bigPages} pages in ${r.bigSeconds.toFixed(0)} s`
    : `${r.bigPagesPosted} of ${r.bigPages} pages posted when the bench stopped waiting; all of them ≈ ${r.bigSeconds.toFixed(0)} s at that pace`;
  return (
    `${r.workspaces} workspaces due at once: every other workspace posted in ${r.othersSeconds.toFixed(1)} s | the long one: ${big} | ` +
    `${r.pagesPosted} messages posted, ${r.rateLimited} answered 429 | others < ${FAN_OUT_TARGET_SECONDS} s ${r.othersSeconds < FAN_OUT_TARGET_SECONDS ? 'met' : 'MISSED'}`
  );
}
