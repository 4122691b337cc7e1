/**
 * Profit by category over time, end to end (issue 30): clients registered, revalued, moved between categories and
 * exited over months; `/rapport value` shows each month's value per category in the workspace's currency, with
 * totals, and who moved which client when.
 */
import { findClientByName } from '../../src/db/queries/clients.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, MALLORY, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('/rapport value on %s', (driver) => {
  let h: Harness;
  // The app's clock, moved by the test from month to month (moving with real time between, so entries keep their order).
  let epoch = new Date('2026-07-10T10:00:00Z');
  let started = Date.now();
  const setClock = (iso: string) => {
    epoch = new Date(iso);
    started = Date.now();
  };
  const say = async (user: typeof ALICE, command: string, text: string) => textOf((await h.command(user, command, text)).reply.params);

  /** The table's rows, each split into its cells (month, regular, VIP, problem, employee, total). */
  const rows = (text: string) =>
    /```\n([\s\S]*?)\n```/
      .exec(text)![1]!
      .split('\n')
      .map((line) => line.trim().split(/\s{2,}/));

  beforeAll(async () => {
    h = await startHarness(driver, () => new Date(epoch.getTime() + (Date.now() - started)));
    await h.command(ADMIN, '/rapport', 'settings currency EUR');
    await h.command(ALICE, '/client', 'add Acme Corp 4000');
    await h.command(ALICE, '/client', 'add Beta Ltd vip 10000');
    await h.command(ALICE, '/client', 'add Staff Shop employee 500');
    await h.idle();
    setClock('2026-09-15T10:00:00Z');
    await h.command(ALICE, '/client', 'set acme corp value 6000');
    await h.command(ALICE, '/client', 'set beta ltd category problem Paid late three times');
    await h.command(ALICE, '/client', 'add Late Joiner 1000');
    await h.idle();
    setClock('2026-10-20T10:00:00Z');
    // Exiting opens the exit form; the client leaves once it is confirmed.
    await h.send.viewSubmission(ALICE, (await h.command(ALICE, '/client', 'set staff shop status exited')).reply.params.view, {});
    await h.idle();
    setClock('2026-12-03T10:00:00Z');
  });
  afterAll(() => h?.close());

  it('shows each of the last six months’ value per category with totals, and the move with who and when', async () => {
    const { reply } = await h.command(BOB, '/rapport', 'value');
    const text = textOf(reply.params);
    expect(text).toContain('*Monthly value by client category* · Jul 2026 to Dec 2026');
    expect(text).toContain('*Problem (full prepayment only)* earns most: €10,000 of €17,000 a month in Dec 2026 (59%).');
    const table = rows(text);
    expect(table[0]).toEqual(['Month', 'Regular', 'VIP', 'Problem', 'Employee', 'Total']);
    const [, jul, aug, sep, oct, nov, dec] = table;
    expect(jul).toEqual(['Jul 2026', '€4,000', '€10,000', '€0', '€500', '€14,500']);
    expect(aug).toEqual(['Aug 2026', '€4,000', '€10,000', '€0', '€500', '€14,500']);
    // September: Acme revalued, Beta moved to problem, a new client, all from that month.
    expect(sep!.slice(1)).toEqual(['€7,000', '€0', '€10,000', '€500', '€17,500']);
    // October: the staff shop exited.
    expect(oct!.slice(1)).toEqual(['€7,000', '€0', '€10,000', '€0', '€17,000']);
    expect(nov!.slice(1)).toEqual(oct!.slice(1));
    expect(dec).toEqual(['Dec 2026*', '€7,000', '€0', '€10,000', '€0', '€17,000']);
    expect(text).toContain('Dec 2026* is counted up to today.');
    expect(text).toContain('*Moved between categories* (1)');
    expect(text).toMatch(
      /• Tue, 15 Sept? 2026 · \*Beta Ltd\* \(€10,000 a month\): VIP \/ critical → Problem \(full prepayment only\), by <@U0ALICE> — “Paid late three times”/,
    );
    // Every move listed says why: no advice on how to say it.
    expect(text).not.toContain('write it after the category');
    // The client's History keeps why too.
    const beta = await findClientByName(h.db, { teamId: TEAM, name: 'Beta Ltd' });
    const seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, { action_id: 'digest_history', value: beta.id });
    const history = await h.api.waitFor((c) => c.seq > seq && c.method === 'response_url', 30_000);
    expect(textOf(history.params)).toContain('Category VIP / critical → Problem (full prepayment only) by <@U0ALICE>: “Paid late three times”');
    // Then, privately, the months as a picture (uploaded shared nowhere), its alt text saying the last month in words.
    const picture = await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === reply.responseUrlId && c.seq > reply.seq, 30_000);
    const [image] = picture.params.blocks as { type: string; slack_file: { id: string }; alt_text: string }[];
    expect(image!.type).toBe('image');
    expect(image!.alt_text).toBe(
      'Bars of the monthly value by client category, Jul 2026 to Dec 2026; in Dec 2026: Regular €7,000, VIP €0, Problem €10,000 and Employee €0, €17,000 in all.',
    );
    expect(h.api.files.get(image!.slack_file.id)!.bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(h.api.files.get(image!.slack_file.id)!.channel).toBeUndefined();
  });

  it('covers as many months as asked, and refuses what it cannot count', async () => {
    const three = await say(BOB, '/rapport', 'value 3m');
    expect(rows(three).map((r) => r[0])).toEqual(['Month', 'Oct 2026', 'Nov 2026', 'Dec 2026*']);
    expect(three).toContain('No client moved between categories in these months.');
    expect(await say(BOB, '/rapport', 'value 40m')).toContain('“40m” is not a number of months I can count.');
  });

  it('counts only the asker’s own workspace', async () => {
    await say(MALLORY, '/client', 'add Elsewhere Co vip 999');
    const text = await say(MALLORY, '/rapport', 'value 1m');
    expect(rows(text)[1]!.slice(1)).toEqual(['0', '999', '0', '0', '999']);
    expect(text).not.toContain('Beta Ltd');
  });

  it('is listed in `/rapport help`', async () => {
    expect(await say(BOB, '/rapport', 'help')).toContain('`/rapport value [6m]` monthly value by client category');
  });
});
