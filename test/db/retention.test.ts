/**
 * Growth, bounded (db/retention.ts): for each table that grows with traffic, a row past its rule goes and a
 * row within it stays, whatever workspace it belongs to; what a rule does not count (a request still waiting, a
 * page never posted) stays however old; and a sweep deletes in bounded batches, the rest at the next tick.
 * Monday 2026-11-23 09:00 UTC is "now".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createClient } from '../../src/db/queries/clients.js';
import { RETENTION, retentionCutoff, type RetentionKey } from '../../src/db/retention.js';
import { auditLog, digestMessages, digests, personalSends, slackRequests, snoozes } from '../../src/db/schema/index.js';
import { DAY_MS } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log.js';
import { pruneByRetention } from '../../src/services/retention.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const NOW = new Date('2026-11-23T09:00:00Z');
const TEAMS = ['T0KEEPA', 'T0KEEPB'];
/** A day past the rule's cutoff, and a day within it. */
const old = (rule: RetentionKey) => new Date(retentionCutoff(RETENTION[rule], NOW).getTime() - DAY_MS);
const recent = (rule: RetentionKey) => new Date(retentionCutoff(RETENTION[rule], NOW).getTime() + DAY_MS);

describe('the retention rules', () => {
  it('count back from now by their days', () => {
    expect(retentionCutoff(RETENTION.requestsDone, NOW)).toEqual(new Date('2026-11-22T09:00:00Z'));
    expect(retentionCutoff(RETENTION.requestsFailed, NOW)).toEqual(new Date('2026-10-24T09:00:00Z'));
    expect(retentionCutoff(RETENTION.digestMessages, NOW)).toEqual(new Date('2025-11-23T09:00:00Z'));
  });
});

describe.each(TEST_DRIVERS)('the retention sweep on %s', (driver) => {
  let handle: DatabaseHandle;
  let seq = 0;
  const key = (what: string) => `${what}-${++seq}`;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
  });
  afterAll(() => handle?.close());

  const sweep = () => pruneByRetention(handle.owner, NOW, silentLogger);

  it('keeps answered requests a day and failed ones thirty, and never a request still to be worked', async () => {
    const rows: { row: typeof slackRequests.$inferInsert & { requestKey: string }; fate: 'gone' | 'kept' }[] = TEAMS.flatMap((teamId) =>
      (
        [
          ['done', old('requestsDone'), 'gone'],
          ['done', recent('requestsDone'), 'kept'],
          ['failed', recent('requestsDone'), 'kept'],
          ['failed', old('requestsFailed'), 'gone'],
          ['failed', recent('requestsFailed'), 'kept'],
        ] as const
      ).map(([state, finishedAt, fate]) => ({
        row: { teamId, requestKey: key(`cmd:${fate}`), entry: 'command /call', body: {}, receivedAt: finishedAt, state, finishedAt },
        fate,
      })),
    );
    // Waiting since long ago (put back for later, say): not finished, so no rule counts it.
    rows.push({
      row: { teamId: TEAMS[0]!, requestKey: key('cmd:kept'), entry: 'command /call', body: {}, receivedAt: old('requestsFailed'), state: 'waiting' },
      fate: 'kept',
    });
    await handle.owner.insert(slackRequests).values(rows.map((r) => r.row));
    await sweep();
    const left = await handle.owner
      .select({ key: slackRequests.requestKey })
      .from(slackRequests)
      .where(
        inArray(
          slackRequests.requestKey,
          rows.map((r) => r.row.requestKey),
        ),
      );
    expect(left.map((r) => r.key).sort()).toEqual(
      rows
        .filter((r) => r.fate === 'kept')
        .map((r) => r.row.requestKey)
        .sort(),
    );
  });

  it('keeps the audit trail 400 days, and the workspace settings changes for good', async () => {
    const lines = TEAMS.flatMap((teamId) =>
      (['gone', 'kept'] as const).map((fate) => ({
        teamId,
        actor: 'U0AUDIT',
        action: 'client.update',
        entityType: 'client',
        entityId: key(fate),
        at: fate === 'gone' ? old('audit') : recent('audit'),
      })),
    );
    // Who set the digest channel, years ago: the digest still tells them when Slack refuses it.
    const settings = TEAMS.map((teamId) => ({
      teamId,
      actor: 'U0AUDIT',
      action: 'workspace.update',
      entityType: 'workspace',
      entityId: key('kept'),
      at: new Date(old('audit').getTime() - 800 * DAY_MS),
      details: { changed: { digestChannelId: 'C0DIGEST' } },
    }));
    await handle.owner.insert(auditLog).values([...lines, ...settings]);
    await sweep();
    const left = await handle.owner.select({ id: auditLog.entityId }).from(auditLog).where(eq(auditLog.actor, 'U0AUDIT'));
    expect(left.map((r) => r.id).sort()).toEqual(
      [...lines, ...settings]
        .filter((l) => l.entityId.startsWith('kept'))
        .map((l) => l.entityId)
        .sort(),
    );
  });

  it('keeps the marks of scheduled DMs sent 90 days', async () => {
    const sends = TEAMS.flatMap((teamId) =>
      (['gone', 'kept'] as const).map((fate) => ({
        teamId,
        userId: 'U0DM',
        kind: 'reminder',
        key: key(fate),
        claimedBy: 'test',
        claimedAt: fate === 'gone' ? old('personalSends') : recent('personalSends'),
        sentAt: fate === 'gone' ? old('personalSends') : recent('personalSends'),
      })),
    );
    await handle.owner.insert(personalSends).values(sends);
    await sweep();
    const left = await handle.owner.select({ key: personalSends.key }).from(personalSends).where(eq(personalSends.userId, 'U0DM'));
    expect(left.map((r) => r.key).sort()).toEqual(
      sends
        .filter((s) => s.key.startsWith('kept'))
        .map((s) => s.key)
        .sort(),
    );
  });

  it('keeps the digest messages posted within a year, and the digest and its pages never posted', async () => {
    const pages: { id: string; fate: 'gone' | 'kept' }[] = [];
    for (const teamId of TEAMS) {
      const client = await createClient(handle.owner, { teamId, by: 'U0SEED', input: { name: key('Digest client') } });
      const [digest] = await handle.owner
        .insert(digests)
        .values({ teamId, week: '2024-11-18', channelId: 'C0DIGEST', claimedBy: 'test', status: 'posted' })
        .returning({ id: digests.id });
      const page = async (postedAt: Date | null, fate: 'gone' | 'kept') => {
        const [row] = await handle.owner
          .insert(digestMessages)
          .values({
            teamId,
            digestId: digest!.id,
            channelId: 'C0DIGEST',
            ts: postedAt ? key('1700000000.') : null,
            postedAt,
            blocks: [],
            clientIds: [client.id],
          })
          .returning({ id: digestMessages.id });
        pages.push({ id: row!.id, fate });
      };
      await page(old('digestMessages'), 'gone');
      await page(recent('digestMessages'), 'kept');
      await page(null, 'kept');
    }
    await sweep();
    const left = await handle.owner
      .select({ id: digestMessages.id })
      .from(digestMessages)
      .where(
        inArray(
          digestMessages.id,
          pages.map((p) => p.id),
        ),
      );
    expect(left.map((r) => r.id).sort()).toEqual(
      pages
        .filter((p) => p.fate === 'kept')
        .map((p) => p.id)
        .sort(),
    );
    expect(await handle.owner.select({ id: digests.id }).from(digests).where(eq(digests.week, '2024-11-18'))).toHaveLength(TEAMS.length);
  });

  it('keeps snoozes until 400 days after they ended', async () => {
    const rows: { id: string; fate: 'gone' | 'kept' }[] = [];
    for (const teamId of TEAMS) {
      const client = await createClient(handle.owner, { teamId, by: 'U0SEED', input: { name: key('Snoozed client') } });
      for (const fate of ['gone', 'kept'] as const) {
        const until = fate === 'gone' ? old('snoozes') : recent('snoozes');
        const [row] = await handle.owner
          .insert(snoozes)
          .values({ teamId, clientId: client.id, snoozedBy: 'U0SNOOZE', snoozedAt: new Date(until.getTime() - 7 * DAY_MS), until })
          .returning({ id: snoozes.id });
        rows.push({ id: row!.id, fate });
      }
    }
    await sweep();
    const left = await handle.owner.select({ id: snoozes.id }).from(snoozes).where(eq(snoozes.snoozedBy, 'U0SNOOZE'));
    expect(left.map((r) => r.id).sort()).toEqual(
      rows
        .filter((r) => r.fate === 'kept')
        .map((r) => r.id)
        .sort(),
    );
  });

  it('deletes in bounded batches: a tick takes at most batch × batches rows, the next tick the rest', async () => {
    await handle.owner.insert(auditLog).values(
      Array.from({ length: 7 }, (_, i) => ({
        teamId: TEAMS[i % 2]!,
        actor: 'U0BATCH',
        action: 'call.log',
        entityType: 'call',
        entityId: `b${i}`,
        at: old('audit'),
      })),
    );
    const remaining = async () => (await handle.owner.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actor, 'U0BATCH'))).length;
    expect((await pruneByRetention(handle.owner, NOW, silentLogger, { batch: 2, batches: 2 })).audit).toBe(4);
    expect(await remaining()).toBe(3);
    expect((await pruneByRetention(handle.owner, NOW, silentLogger, { batch: 2, batches: 2 })).audit).toBe(3);
    expect(await remaining()).toBe(0);
  });

  it('lets instances sweep at once: each row is deleted by one of them, and all go', async () => {
    await handle.owner.insert(auditLog).values(
      Array.from({ length: 30 }, (_, i) => ({
        teamId: TEAMS[i % 2]!,
        actor: 'U0TOGETHER',
        action: 'call.log',
        entityType: 'call',
        entityId: `t${i}`,
        at: old('audit'),
      })),
    );
    const sweeps = await Promise.all([1, 2, 3].map(() => pruneByRetention(handle.owner, NOW, silentLogger, { batch: 4, batches: 20 })));
    expect(sweeps.reduce((sum, s) => sum + (s.audit ?? 0), 0)).toBe(30);
    expect(await handle.owner.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.actor, 'U0TOGETHER'))).toEqual([]);
  });
});
