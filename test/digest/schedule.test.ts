/** When the digest is posted: the scheduler's first tick, a schedule moved mid-week, a post by hand, time zones across DST. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, eq, sql } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import { DigestRunner } from '../../src/digest/run.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { startDigestScheduler } from '../../src/digest/schedule.js';
import { silentLogger } from '../../src/log.js';
import { TEST_DRIVERS } from '../support/database.js';
import { DIGEST_CHANNEL as CHANNEL, digestTools, seedDigestPortfolio } from '../support/digestBench.js';
import { TEAM, startHarness, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('weekly digest: schedule on %s', (driver) => {
  let h: Harness;
  const { runner, digestRows, clock } = digestTools(() => h);

  beforeAll(async () => {
    h = await startHarness(driver);
    await seedDigestPortfolio(h);
  });
  afterAll(() => h?.close());

  describe('the scheduler', () => {
    it('the node-cron scheduler ticks at start, so a due week is posted without waiting a minute', async () => {
      await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
      const seq = h.api.lastSeq;
      const scheduler = startDigestScheduler(runner(clock), silentLogger);
      try {
        await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === CHANNEL);
      } finally {
        await scheduler.stop();
      }
      await vi.waitFor(async () => expect(await digestRows()).toMatchObject([{ status: 'posted' }]), { timeout: 15_000, interval: 50 });
    });
  });

  describe('a schedule moved mid-week', () => {
    it('does not post a second digest days after this week’s one; the new day takes over next week', async () => {
      const teamId = 'T0MOVED';
      await updateWorkspaceSettings(h.db, { teamId, by: 'U0ADMIN', patch: { digestChannelId: 'C0MOVED', timeZone: 'UTC', digestDay: 1, digestTime: '09:00' } });
      await h.db
        .update(schema.workspaces)
        .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
        .where(eq(schema.workspaces.teamId, teamId));
      const moved = (report: Awaited<ReturnType<DigestRunner['tick']>>) => report.filter((r) => r.teamId === teamId).map((r) => `${r.week} ${r.outcome}`);
      // Monday 2026-10-05 09:00 posts; the admin then moves the digest to Wednesday.
      await h.db
        .insert(schema.digests)
        .values({ teamId, week: '2026-09-28', channelId: 'C0MOVED', claimedBy: 'earlier', status: 'posted', postedAt: new Date('2026-09-28T09:00:00Z') });
      expect(moved(await runner(() => new Date('2026-10-05T09:00:00Z')).tick())).toEqual(['2026-10-05 posted']);
      await updateWorkspaceSettings(h.db, { teamId, by: 'U0ADMIN', patch: { digestDay: 3 } });
      expect(moved(await runner(() => new Date('2026-10-07T09:00:00Z')).tick())).toEqual([]);
      expect(moved(await runner(() => new Date('2026-10-14T09:00:00Z')).tick())).toEqual(['2026-10-14 posted']);
    });
  });

  describe('a digest posted by hand before the slot', () => {
    it('counts as that week’s digest: the slot an hour later posts nothing, the next week posts as usual', async () => {
      const teamId = 'T0EARLY';
      await updateWorkspaceSettings(h.db, {
        teamId,
        by: 'U0ADMIN',
        patch: { digestChannelId: 'C0EARLY', timeZone: 'Europe/Istanbul', digestDay: 1, digestTime: '09:00' },
      });
      const early = (report: Awaited<ReturnType<DigestRunner['tick']>>) => report.filter((r) => r.teamId === teamId).map((r) => `${r.week} ${r.outcome}`);
      // Monday 2026-11-30 08:00 in Istanbul (05:00Z), an hour before the slot, the workspace being a week old.
      await h.db
        .update(schema.workspaces)
        .set({ createdAt: new Date('2026-11-24T00:00:00Z') })
        .where(eq(schema.workspaces.teamId, teamId));
      // `/rapport digest now` runs within the request's workspace.
      const outcome = await inWorkspace(teamId, () => runner(() => new Date('2026-11-30T05:00:00Z')).postNow(teamId, 'U0ADMIN', false));
      expect(outcome).toMatchObject({ status: 'posted', week: '2026-11-30', early: true });
      expect(early(await runner(() => new Date('2026-11-30T06:01:00Z')).tick())).toEqual([]);
      expect(early(await runner(() => new Date('2026-12-07T06:00:00Z')).tick())).toEqual(['2026-12-07 posted']);
      // Tuesday by hand: last Monday's week, already posted.
      expect(await inWorkspace(teamId, () => runner(() => new Date('2026-12-08T10:00:00Z')).postNow(teamId, 'U0ADMIN', false))).toMatchObject({
        status: 'already_posted',
      });
      expect((await digestRows(teamId)).map((d) => d.week).sort()).toEqual(['2026-11-30', '2026-12-07']);
    });
  });

  describe('time zones across the November DST change', () => {
    it('New York and Istanbul each post at their own 09:00', async () => {
      const teams = { 'America/New_York': 'T0NEWYORK', 'Europe/Istanbul': 'T0ISTANBUL' } as const;
      for (const [timeZone, teamId] of Object.entries(teams)) {
        await updateWorkspaceSettings(h.db, { teamId, by: 'U0ADMIN', patch: { digestChannelId: 'C0TZ', timeZone, digestDay: 1, digestTime: '09:00' } });
        await h.db
          .update(schema.workspaces)
          .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
          .where(eq(schema.workspaces.teamId, teamId));
        await h.db.insert(schema.digests).values({ teamId, week: '2026-10-19', channelId: 'C0TZ', claimedBy: 'earlier', status: 'posted' });
      }
      const postedAt: string[] = [];
      for (const instant of [
        '2026-10-26T05:59Z',
        '2026-10-26T06:00Z',
        '2026-10-26T12:59Z',
        '2026-10-26T13:00Z',
        '2026-11-02T05:59Z',
        '2026-11-02T06:00Z',
        '2026-11-02T13:59Z',
        '2026-11-02T14:00Z',
      ]) {
        const now = new Date(instant.replace('Z', ':00Z'));
        const report = await runner(() => now).tick();
        for (const r of report.filter((x) => Object.values(teams).includes(x.teamId as never) && x.outcome === 'posted'))
          postedAt.push(`${r.teamId} ${r.week} at ${instant}`);
      }
      expect(postedAt).toEqual([
        'T0ISTANBUL 2026-10-26 at 2026-10-26T06:00Z',
        'T0NEWYORK 2026-10-26 at 2026-10-26T13:00Z',
        'T0ISTANBUL 2026-11-02 at 2026-11-02T06:00Z',
        'T0NEWYORK 2026-11-02 at 2026-11-02T14:00Z',
      ]);
      const rows = await h.db
        .select({ n: count() })
        .from(schema.digests)
        .where(sql`${schema.digests.teamId} in ('T0NEWYORK', 'T0ISTANBUL')`);
      expect(rows[0]!.n).toBe(6);
      // Leave no other workspace due: workspaces post side by side, and the tests after it fail Slack's next call.
      for (const teamId of Object.values(teams)) await updateWorkspaceSettings(h.db, { teamId, by: 'U0ADMIN', patch: { digestChannelId: null } });
    });
  });
});
