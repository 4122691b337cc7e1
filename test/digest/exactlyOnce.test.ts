/** One digest per workspace-week, however many instances tick, crash or fail, and whoever posts it by hand. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import * as schema from '../../src/db/schema/index.js';
import { DigestRunner } from '../../src/digest/run.js';
import { openDatabase } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';
import { TEST_DRIVERS } from '../support/database.js';
import { DIGEST_CHANNEL as CHANNEL, digestTools, seedDigestPortfolio } from '../support/digestBench.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('weekly digest: exactly once on %s', (driver) => {
  let h: Harness;
  const tools = digestTools(() => h);
  const { runner, digestRows, clock } = tools;
  /** The digests posted: the channel's messages, not their threads (the digest's pictures, its further pages). */
  const posts = (seq = 0) => tools.posts(seq).filter((c) => !c.params.thread_ts);
  /** The local date of the slot the portfolio's digest is due at: the key of its week. */
  let dueWeek = '';
  const slotWeek = () => dueWeek;

  beforeAll(async () => {
    h = await startHarness(driver);
    dueWeek = await seedDigestPortfolio(h);
  });
  afterAll(() => h?.close());

  describe('exactly once', () => {
    beforeEach(async () => {
      await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
    });

    it('three instances ticking together post one digest', async () => {
      const seq = h.api.lastSeq;
      const instances = ['a', 'b', 'c'].map((id) => runner(clock, id));
      for (let round = 0; round < 3; round++) await Promise.all(instances.map((r) => r.tick()));
      expect(posts(seq)).toHaveLength(1);
      expect(await digestRows()).toMatchObject([{ status: 'posted' }]);
    });

    it.runIf(driver === 'postgres')('three instances with their own connection pools post one digest', async () => {
      const seq = h.api.lastSeq;
      const pools = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: h.databaseUrl!, logger: silentLogger, poolSize: 2 })));
      try {
        const instances = pools.map(
          (p, i) =>
            new DigestRunner({
              db: p.db,
              owner: p.owner,
              webFor: async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl }),
              logger: silentLogger,
              now: clock,
              instance: `pool-${i}`,
            }),
        );
        for (let round = 0; round < 5; round++) await Promise.all(instances.map((r) => r.tick()));
      } finally {
        await Promise.all(pools.map((p) => p.close()));
      }
      expect(posts(seq)).toHaveLength(1);
      expect(await digestRows()).toMatchObject([{ status: 'posted' }]);
    });

    it('a claim left by a crashed instance is finished by the next tick, without a duplicate', async () => {
      const week = slotWeek();
      await h.db.insert(schema.digests).values({ teamId: TEAM, week, channelId: CHANNEL, claimedBy: 'crashed', claimedAt: new Date(Date.now() - 10 * 60_000) });
      const seq = h.api.lastSeq;
      await runner(clock, 'survivor').tick();
      await runner(clock, 'other').tick();
      expect(posts(seq)).toHaveLength(1);
      expect(await digestRows()).toMatchObject([{ status: 'posted', claimedBy: 'survivor', week }]);
    });

    it('an instance that died after Slack took its post is not posted over: the next one finds it in the channel', async () => {
      const seq = h.api.lastSeq;
      h.api.holdNext('chat.postMessage', CHANNEL);
      void runner(clock, 'dies-mid-post').tick(); // its post reaches Slack, the answer never comes back
      await h.api.next('chat.postMessage', seq);
      await h.db
        .update(schema.digests)
        .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(schema.digests.teamId, TEAM));
      await runner(clock, 'survivor').tick();
      expect(posts(seq)).toHaveLength(1);
      expect(await digestRows()).toMatchObject([{ status: 'posted', claimedBy: 'survivor', messageTs: posts(seq)[0]!.response!.ts }]);
    });

    it('a fresh claim of another instance is left alone (it is posting right now)', async () => {
      const week = slotWeek();
      await h.db.insert(schema.digests).values({ teamId: TEAM, week, channelId: CHANNEL, claimedBy: 'busy' });
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      expect(posts(seq)).toEqual([]);
    });

    it('a Slack failure keeps the claim and is retried after the lease, once', async () => {
      h.api.failNext('chat.postMessage', 'not_in_channel', CHANNEL);
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      const [failed] = await digestRows();
      expect(failed).toMatchObject({ status: 'claimed', attempts: 1, lastError: 'not_in_channel' });
      await h.db
        .update(schema.digests)
        .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(schema.digests.id, failed!.id));
      await runner(clock).tick();
      await runner(clock).tick();
      expect(posts(seq).length).toBe(2); // the refused attempt, then the one that landed
      expect(await digestRows()).toMatchObject([{ status: 'posted' }]);
    });

    it('a refused digest is told once, with the remedy, to whoever set the channel; /rapport settings shows it', async () => {
      const seq = h.api.lastSeq;
      const lapse = () =>
        h.db
          .update(schema.digests)
          .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
          .where(eq(schema.digests.teamId, TEAM));
      h.api.failNext('chat.postMessage', 'not_in_channel', CHANNEL);
      await runner(clock).tick();
      await lapse();
      h.api.failNext('chat.postMessage', 'not_in_channel', CHANNEL);
      await runner(clock).tick();
      expect(await digestRows()).toMatchObject([{ status: 'claimed', attempts: 2, lastError: 'not_in_channel' }]);
      const opened = h.since(seq).filter((c) => c.method === 'conversations.open');
      expect(opened.map((c) => c.params.users)).toEqual(['U0ADMIN']); // set the channel in dueNow(); told once
      const dm = h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === opened[0]!.response!.channel?.id);
      expect(dm).toHaveLength(1);
      expect(textOf(dm[0]!.params)).toContain(`Rapport is not a member of <#${CHANNEL}>: invite it there`);

      const settings = await h.command(ALICE, '/rapport', 'settings');
      expect(textOf(settings.reply.params)).toContain(`week of ${slotWeek()}, *not posted* (2 attempts). Rapport is not a member of <#${CHANNEL}>`);

      await lapse();
      await runner(clock).tick();
      expect(await digestRows()).toMatchObject([{ status: 'posted' }]);
      const after = await h.command(ALICE, '/rapport', 'settings');
      expect(textOf(after.reply.params)).toContain(`Last digest: week of ${slotWeek()}, posted`);
    });

    it('a week missed while every instance was down is posted once when one comes back', async () => {
      // Three days after the slot, nothing posted: the next tick catches up that week, later ticks do nothing.
      const later = () => new Date(h.now().getTime() + 3 * 86_400_000);
      const seq = h.api.lastSeq;
      for (let i = 0; i < 5; i++) await runner(later).tick();
      expect(posts(seq)).toHaveLength(1);
      expect((await digestRows()).map((d) => d.week)).toEqual([slotWeek()]);
    });

    it('/rapport digest now posts at most once a week for admins, again only with --force (audited)', async () => {
      const seq = h.api.lastSeq;
      expect(textOf((await h.command(BOB, '/rapport', 'digest now')).reply.params)).toContain('Only workspace admins');
      h.api.failNext('chat.postMessage', 'is_archived', CHANNEL);
      expect(textOf((await h.command(ADMIN, '/rapport', 'digest now')).reply.params)).toContain(`Slack refused the digest. <#${CHANNEL}> is archived`);
      const again = textOf((await h.command(ADMIN, '/rapport', 'digest now')).reply.params);
      expect(again).toContain(`The last attempt failed. <#${CHANNEL}> is archived`);
      expect(again).toContain('tries again by itself');
      await h.db
        .update(schema.digests)
        .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(schema.digests.teamId, TEAM));
      const posted = textOf((await h.command(ADMIN, '/rapport', 'digest now')).reply.params);
      expect(posted).toContain('Digest posted. It counts as the digest for the week of');
      expect(textOf((await h.command(ADMIN, '/rapport', 'digest now')).reply.params)).toContain('already posted');
      expect(textOf((await h.command(ADMIN, '/rapport', 'digest now --force')).reply.params)).toContain('Digest posted');
      expect(posts(seq).filter((c) => c.response?.ok)).toHaveLength(2);
      expect(await digestRows()).toHaveLength(1);
      const [forced] = await h.db
        .select({ n: count() })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, 'digest.force'), eq(schema.auditLog.actor, 'U0ADMIN')));
      expect(forced!.n).toBe(1);
    });
  });
});
