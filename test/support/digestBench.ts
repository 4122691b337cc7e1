/**
 * What the digest's end-to-end tests share (test/digest/*.test.ts): runners of their own on a harness's database
 * and Web API, the posts they made, and the portfolio most of them read. Each test file starts its own harness.
 */
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import { digestDueInAMinute } from './digestDue.js';
import { ALICE, TEAM, type Harness } from './slackHarness.js';

/** The channel TEAM's digest is posted in. */
export const DIGEST_CHANNEL = 'C0DIGEST';

/** Tools over the harness `harness()` returns (started in a `beforeAll`, so read when called). */
export function digestTools(harness: () => Harness) {
  const tools = {
    /** A runner of our own, on the harness's database and Web API, with a clock the test sets. */
    runner: (now: () => Date, instance = 'test') =>
      new DigestRunner({
        db: harness().database.owner,
        owner: harness().database.owner,
        webFor: async () => new WebClient('xoxb-test-token', { slackApiUrl: harness().api.apiUrl }),
        logger: silentLogger,
        now,
        instance,
      }),
    /** The channel messages posted in TEAM's digest channel since `seq`. */
    posts: (seq = 0) => harness().api.calls.filter((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === DIGEST_CHANNEL),
    digestRows: async (teamId = TEAM) => harness().db.select().from(schema.digests).where(eq(schema.digests.teamId, teamId)),
    /**
     * The digest is scheduled a minute from now (UTC) and the runners' clock runs two minutes ahead, so the
     * week is due and everything the test logged (at the real time) falls inside it.
     */
    clock: () => new Date(harness().now().getTime() + 120_000),
    /** This week's digest, posted afresh whatever ran before (describe blocks run in any order): its first message. */
    async postAfresh(): Promise<Record<string, any>> {
      await harness().db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
      const seq = harness().api.lastSeq;
      await tools.runner(tools.clock).tick();
      const [post] = tools.posts(seq);
      expect(post).toBeDefined();
      return post!.params;
    },
  };
  return tools;
}

/**
 * TEAM's portfolio, one client per section, and its digest due in a minute in DIGEST_CHANNEL (set by U0ADMIN):
 * Liar Co (Alice's, 4k/month) lied, Sour Co (Alice's) turned bad, Quiet Co (Bob's, long-term VIP) was registered
 * 40 days ago and never called, Fine Co (Bob's) is fine. Returns the week's key (the slot's local date).
 */
export async function seedDigestPortfolio(h: Harness): Promise<string> {
  await seedDigestClients(h);
  return digestDueInAMinute(h, DIGEST_CHANNEL);
}

/** The clients of `seedDigestPortfolio`, with no digest scheduled. */
export async function seedDigestClients(h: Harness): Promise<void> {
  await h.command(ALICE, '/client', 'add Liar Co <@U0ALICE|alice> 4k');
  await h.command(ALICE, '/client', 'add Sour Co <@U0ALICE|alice>');
  await h.command(ALICE, '/client', 'add Quiet Co long-term vip <@U0BOB|bob>');
  await h.command(ALICE, '/client', 'add Fine Co <@U0BOB|bob>');
  await h.command(ALICE, '/incident', 'liar co lie Said the report was sent');
  await h.command(ALICE, '/call', 'sour co -attitude -comms -planning Tense call');
  await h.command(ALICE, '/call', 'fine co +comms +positive');
  const quiet = await findClientByName(h.db, { teamId: TEAM, name: 'Quiet Co' });
  await h.db
    .update(schema.clients)
    .set({ createdAt: new Date(h.now().getTime() - 40 * 86_400_000) })
    .where(eq(schema.clients.id, quiet.id));
}
