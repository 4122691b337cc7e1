/** A digest too long for one message: its pages in the thread, each posted once, whatever stops the poster. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { createClient } from '../../src/db/queries/clients.js';
import { logIncident } from '../../src/db/queries/activity.js';
import { QUICK_RETRY_DELAYS_MS } from '../../src/slack/slackError.js';
import { TEST_DRIVERS } from '../support/database.js';
import { digestDueInAMinute } from '../support/digestDue.js';
import { digestTools } from '../support/digestBench.js';
import { startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('weekly digest: thread pages on %s', (driver) => {
  let h: Harness;
  const { runner, digestRows, clock } = digestTools(() => h);

  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h?.close());

  describe('long digests', () => {
    /** A workspace whose digest names 40 clients (each meets a firing criterion): several messages long. */
    async function bigDigestTeam(team: string, channel: string) {
      for (let i = 0; i < 40; i++) {
        const by = { actor: 'U0ADMIN', at: h.now() };
        const c = await createClient(h.db, { teamId: team, by, input: { name: `Big ${i}`, ownerUserId: 'U0ADMIN' } });
        await logIncident(h.db, { teamId: team, by, input: { clientId: c.id, occurredAt: h.now(), details: { kind: 'legal_exposure' } } });
      }
      // Scheduled only once the data exists: the slot (next whole minute) then falls after all of it.
      await digestDueInAMinute(h, channel, team);
      const postsTo = (seq: number) => h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === channel && c.response?.ok);
      const namedIn = (messages: { params: Record<string, unknown> }[]) => messages.flatMap((m) => textOf(m.params).match(/\*Big \d+\*/g) ?? []);
      const stored = () => h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.teamId, team));
      /** Once Slack has answered the channel message (the thread's parent), `then` arranges what happens to the next post. */
      const afterFirstPost = (then: () => void) => {
        const off = h.api.onCall((c) => {
          if (c.method !== 'chat.postMessage' || c.params.channel !== channel || c.params.thread_ts) return;
          off();
          setImmediate(then); // listeners run as the call is recorded, before it is answered
        });
      };
      const lapseHold = () =>
        h.db
          .update(schema.digests)
          .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
          .where(eq(schema.digests.teamId, team));
      return { postsTo, namedIn, stored, afterFirstPost, lapseHold };
    }

    it('a digest too long for one message continues in its thread, naming every client', async () => {
      const team = 'T0BIGTEAM';
      const big = await bigDigestTeam(team, 'C0BIG');
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      const messages = big.postsTo(seq);
      expect(messages.length).toBeGreaterThan(1);
      const [first, ...thread] = messages;
      const [row] = await digestRows(team);
      expect(row!.messageTs).toBeTruthy();
      expect(thread.every((m) => m.params.thread_ts === row!.messageTs)).toBe(true);
      expect(first!.params.thread_ts).toBeUndefined();
      expect(new Set(big.namedIn(messages)).size).toBe(40);
      const stored = await big.stored();
      expect(stored).toHaveLength(messages.length);
      expect(stored.every((m) => m.ts)).toBe(true);
    });

    it('a thread page Slack keeps failing (past the quick retries) waits, and a later tick posts the rest of the thread in order, each page once', async () => {
      const team = 'T0BIGFAIL';
      const big = await bigDigestTeam(team, 'C0BIGFAIL');
      const seq = h.api.lastSeq;
      // The page's first try and each of its quick retries fail.
      big.afterFirstPost(() => {
        for (let i = 0; i <= QUICK_RETRY_DELAYS_MS.length; i++) h.api.failNext('chat.postMessage', 'fatal_error', 'C0BIGFAIL');
      });
      await runner(clock).tick();
      expect(big.postsTo(seq)).toHaveLength(1);
      expect(await digestRows(team)).toMatchObject([{ status: 'posted', attempts: 1, lastError: 'fatal_error' }]);
      const waiting = (await big.stored()).filter((m) => !m.ts);
      expect(waiting.length).toBeGreaterThan(0);

      await runner(clock, 'other').tick(); // the hold has not lapsed: nobody posts yet
      expect(big.postsTo(seq)).toHaveLength(1);

      await big.lapseHold();
      await runner(clock, 'other').tick();
      await runner(clock, 'third').tick();
      const [first, ...thread] = big.postsTo(seq);
      expect(thread).toHaveLength(waiting.length);
      expect(thread.every((m) => m.params.thread_ts === first!.response!.ts)).toBe(true);
      const named = big.namedIn([first!, ...thread]);
      expect(named).toHaveLength(40);
      expect(new Set(named).size).toBe(40);
      const pages = (await big.stored()).sort((a, b) => a.page - b.page);
      expect(pages.every((m) => m.ts)).toBe(true);
      expect(pages.map((m) => m.ts)).toEqual([first!, ...thread].map((m) => m.response!.ts));
    });

    it('an instance that dies mid-thread: the next one finishes the thread without posting again the page Slack took', async () => {
      const team = 'T0BIGDEAD';
      const big = await bigDigestTeam(team, 'C0BIGDEAD');
      const seq = h.api.lastSeq;
      big.afterFirstPost(() => h.api.holdNext('chat.postMessage', 'C0BIGDEAD'));
      void runner(clock, 'dies-mid-thread').tick(); // its first thread page reaches Slack, the answer never comes back
      const taken = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'C0BIGDEAD' && !!c.params.thread_ts);
      await big.lapseHold();
      await runner(clock, 'survivor').tick();
      const messages = big.postsTo(seq);
      const named = big.namedIn(messages);
      expect(new Set(named).size).toBe(40);
      expect(named).toHaveLength(40); // no page twice
      const pages = await big.stored();
      expect(pages).toHaveLength(messages.length);
      expect(pages.every((m) => m.ts)).toBe(true);
      expect(pages.find((m) => m.page === 1)?.ts).toBe(taken.response!.ts);
    });
  });
});
