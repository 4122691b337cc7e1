/**
 * The week that changed, end to end (issue 29): the channel's digest, posted week after week by the runner, marks
 * each client it names as new this week or named for how many weeks running, and lists those recovered since
 * last week (not one that left); after a week with no digest, it marks nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { findClientByName, updateClient } from '../../src/db/queries/clients.js';
import { snoozeClient } from '../../src/db/queries/decisions.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import * as schema from '../../src/db/schema/index.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('the week that changed, in the weekly digest on %s', (driver) => {
  let h: Harness;
  let clock = new Date('2026-11-30T09:00:30Z');
  /** When what the test logs is logged (the harness's clock, running from a day the test sets). */
  let logFrom = { at: new Date('2026-11-23T12:00:00Z').getTime(), since: Date.now() };
  const logClock = () => new Date(logFrom.at + (Date.now() - logFrom.since));
  const webFor = async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });

  beforeAll(async () => {
    h = await startHarness(driver, logClock);
    await h.command(ALICE, '/client', 'add Liar Co <@U0ALICE|alice>');
    await h.command(ALICE, '/client', 'add Sour Co <@U0ALICE|alice>');
    await h.command(ALICE, '/client', 'add Leaving Co <@U0ALICE|alice>');
    await h.command(ALICE, '/client', 'add Drifting Co <@U0BOB|bob>');
    await h.command(ALICE, '/client', 'add Snoozed Co <@U0BOB|bob>');
    await h.command(ALICE, '/incident', 'snoozed co lie Said the data was deleted');
    await h.command(ALICE, '/incident', 'liar co lie Said the report was sent');
    await h.command(ALICE, '/incident', 'leaving co lie Said the invoice was paid');
    await h.command(ALICE, '/client', 'add Grim Co <@U0ALICE|alice>');
    await h.command(ALICE, '/call', 'sour co -attitude -comms -planning Tense call');
    await h.command(ALICE, '/call', 'grim co -attitude -comms -planning Tense call');
    // Never called: not yet overdue for contact (30 days) at the first digest, overdue at the second.
    const drifting = await findClientByName(h.db, { teamId: TEAM, name: 'Drifting Co' });
    await h.db
      .update(schema.clients)
      .set({ createdAt: new Date('2026-11-04T12:00:00Z') })
      .where(eq(schema.clients.id, drifting.id));
    await updateWorkspaceSettings(h.db, {
      teamId: TEAM,
      by: 'U0ADMIN',
      patch: { digestChannelId: 'C0DIGEST', timeZone: 'UTC', digestDay: 1, digestTime: '09:00' },
    });
    await h.db
      .update(schema.workspaces)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(schema.workspaces.teamId, TEAM));
  });
  afterAll(() => h?.close());

  /** The week's digest, posted by the runner at `at`: every message of it (channel and thread), as text. */
  const postAt = async (at: string): Promise<string> => {
    clock = new Date(at);
    const runner = new DigestRunner({ db: h.database.db, owner: h.database.owner, webFor, logger: silentLogger, now: () => clock, charts: false });
    const seq = h.api.lastSeq;
    expect((await runner.tick()).map((r) => r.outcome)).toEqual(['posted']);
    return h
      .since(seq)
      .filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'C0DIGEST')
      .map((c) => textOf(c.params))
      .join('\n');
  };
  const headOf = (text: string, name: string) => text.split('\n').find((line) => line.startsWith(`*${name}*`)) ?? '';

  it('marks new, still named and recovered from one week to the next, and nothing after a week with no digest', async () => {
    // The first digest: nothing to compare with, nothing marked; a criterion met by incidents logged this week says so.
    const first = await postAt('2026-11-30T09:00:30Z');
    expect(headOf(first, 'Liar Co')).toBe('*Liar Co* · Regular · <@U0ALICE>');
    expect(headOf(first, 'Sour Co')).toBe('*Sour Co* · Regular · <@U0ALICE>');
    expect(headOf(first, 'Leaving Co')).not.toBe('');
    expect(headOf(first, 'Snoozed Co')).not.toBe('');
    expect(first).toContain('🚩 *3. Lying*: 1 lie ever (23 Nov) · 🆕 met for the first time this week');
    expect(first).toContain('📉 Health fell 28 points this week');
    expect(first).not.toContain('Recovered since last week');
    expect(first).not.toContain('Drifting Co');

    // Before the next week: Leaving Co leaves; Bob snoozes Snoozed Co (answered, not recovered); Sour Co is well
    // again after five good calls; Grim Co turned bad no further but is still at risk (not named, not recovered);
    // Drifting Co falls overdue for contact.
    logFrom = { at: new Date('2026-12-03T12:00:00Z').getTime(), since: Date.now() };
    for (let i = 0; i < 5; i++) await h.command(ALICE, '/call', 'sour co +comms +positive Good call');
    const leaving = await findClientByName(h.db, { teamId: TEAM, name: 'Leaving Co' });
    await updateClient(h.db, { teamId: TEAM, by: 'U0ALICE', clientId: leaving.id, patch: { status: 'exited' } });
    const snoozed = await findClientByName(h.db, { teamId: TEAM, name: 'Snoozed Co' });
    await snoozeClient(h.db, { teamId: TEAM, by: { actor: 'U0BOB', at: new Date('2026-12-01T10:00:00Z') }, input: { clientId: snoozed.id, days: 14 } });
    const second = await postAt('2026-12-07T09:00:30Z');
    expect(headOf(second, 'Liar Co')).toBe('*Liar Co* · Regular · <@U0ALICE> · named 2 weeks running');
    expect(headOf(second, 'Drifting Co')).toBe('*Drifting Co* · Regular · <@U0BOB> · 🆕 new this week');
    // The lie was logged the week before: no longer new.
    expect(second).toContain('🚩 *3. Lying*: 1 lie ever (23 Nov)\n');
    expect(second).toContain('✅ Recovered since last week: Sour Co\n');
    expect(second).not.toContain('Leaving Co');
    expect(second).not.toContain('Snoozed Co');
    expect(headOf(second, 'Sour Co')).toBe('');
    expect(headOf(second, 'Grim Co')).toBe('');

    // No digest the week after: two weeks back is not last week, so nothing is marked or recovered.
    const third = await postAt('2026-12-21T09:00:30Z');
    expect(headOf(third, 'Liar Co')).toBe('*Liar Co* · Regular · <@U0ALICE>');
    expect(headOf(third, 'Drifting Co')).toBe('*Drifting Co* · Regular · <@U0BOB>');
    expect(third).not.toContain('Recovered since last week');

    // The week after that follows it again: still named counts the weeks in a row only.
    const fourth = await postAt('2026-12-28T09:00:30Z');
    expect(headOf(fourth, 'Liar Co')).toBe('*Liar Co* · Regular · <@U0ALICE> · named 2 weeks running');
    expect(headOf(fourth, 'Drifting Co')).toBe('*Drifting Co* · Regular · <@U0BOB> · named 2 weeks running');
  });
});
