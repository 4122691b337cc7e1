/**
 * Input in every language, through the receiver: what a Turkish person types is stored as they meant it, and what
 * cannot be read one way is refused with nothing stored (issue 25, "misread inputs").
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { speaking } from '../support/languages.js';
import { eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { localDate } from '../../src/domain/calendar.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('numbers, dates and words typed the local way, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  const client = (name: string) => findClientByName(h.db, { teamId: TEAM, name });
  const callsOf = async (name: string) =>
    h.db
      .select()
      .from(schema.calls)
      .where(eq(schema.calls.clientId, (await client(name)).id));

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/rapport', 'settings me language tr');
    await say(BOB, '/client', 'add Stark Industries vip long-term');
    await say(BOB, '/client', 'add Ege Tekstil regular 12500');
    await say(BOB, '/client', 'add Işık');
    await say(BOB, '/client', 'add Güneş');
  });
  afterAll(() => h?.close());
  beforeEach(() => speaking(h, { U0ALICE: 'tr' }));

  it('a Turkish person’s 12.500 is twelve thousand five hundred; +iletişim dün is the trait, yesterday', async () => {
    await say(ALICE, '/client', 'add Ostim Makine regular 12.500');
    const ostim = await client('Ostim Makine');
    expect(ostim.monthlyValue).toBe(12500);
    expect(ostim.category).toBe('regular');

    await say(ALICE, '/call', 'ostim makine +iletişim dün Teklif konuşuldu');
    const [call] = await callsOf('Ostim Makine');
    expect(localDate(call!.occurredAt, 'UTC')).toBe('2026-11-22');
    expect(call!.notes).toBe('Teklif konuşuldu');
    const observed = await h.db.select().from(schema.traitObservations).where(eq(schema.traitObservations.callId, call!.id));
    expect(observed.map((o) => o.trait)).toEqual(['excellent_communication']);

    await say(ALICE, '/call', 'ostim makine cuma +İLETİŞİM -bilgi');
    const friday = (await callsOf('Ostim Makine')).find((c) => localDate(c.occurredAt, 'UTC') === '2026-11-20');
    expect(friday).toBeDefined();
  });

  it('the same 12.500 from an English person is asked about, and nothing is stored', async () => {
    const answer = await say(BOB, '/client', 'add Acme Ltd 12.500');
    expect(answer).toContain('12.500 can be read two ways: 12,500 or 12.5');
    await expect(client('Acme Ltd')).rejects.toThrow();
    const turkish = await say(ALICE, '/client', 'set Ege Tekstil value 1,500');
    expect(turkish).toContain('iki türlü okunabiliyor');
    expect((await client('Ege Tekstil')).monthlyValue).toBe(12500);
  });

  it('an impossible date is refused and nothing stored; 28.11.2026 is that day', async () => {
    const before = (await callsOf('Stark Industries')).length;
    expect(await say(BOB, '/call', 'stark industries 2026-02-31 +info')).toContain('There is no day 2026-02-31');
    expect(await say(ALICE, '/call', 'stark industries 31.04.2026 +info')).toContain('diye bir gün yok');
    expect((await callsOf('Stark Industries')).length).toBe(before);

    await say(ALICE, '/client', 'next ege tekstil Teklifi gönder 28.11.2026');
    const steps = await h.db
      .select()
      .from(schema.nextSteps)
      .where(eq(schema.nextSteps.clientId, (await client('Ege Tekstil')).id));
    expect(steps.map((s) => [s.what, s.dueOn])).toEqual([['Teklifi gönder', '2026-11-28']]);

    await say(ALICE, '/call', 'stark industries 20.11.2026 +bilgi');
    expect((await callsOf('Stark Industries')).map((c) => localDate(c.occurredAt, 'UTC'))).toContain('2026-11-20');
  });

  it('/incident … late 45 amount=1 200 stores 1200, never amount 1 and a note "200"', async () => {
    await say(ALICE, '/incident', 'ege tekstil late 45 amount=1 200');
    const rows = await h.db
      .select()
      .from(schema.incidents)
      .where(eq(schema.incidents.clientId, (await client('Ege Tekstil')).id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ kind: 'slow_payment', daysLate: 45, amount: 1200 });
    expect(rows[0]!.description).toBe('');

    await say(ALICE, '/incident', 'stark industries yalan');
    const lies = await h.db
      .select()
      .from(schema.incidents)
      .where(eq(schema.incidents.clientId, (await client('Stark Industries')).id));
    expect(lies.map((r) => r.kind)).toEqual(['lying']);
  });

  it('a Persian person’s ۱۲k, ویژه and +ارتباط دیروز; a Finnish person’s 12 500 and eilen', async () => {
    await say(BOB, '/rapport', 'settings me language fa');
    await say(BOB, '/client', 'add شرکت پارس ویژه ۱۲k');
    const pars = await client('شرکت پارس');
    expect([pars.category, pars.monthlyValue]).toEqual(['vip', 12000]);
    await say(BOB, '/call', 'شرکت پارس \u200F+ارتباط دیروز');
    const [call] = await callsOf('شرکت پارس');
    expect(localDate(call!.occurredAt, 'UTC')).toBe('2026-11-22');
    expect(await say(BOB, '/client', 'set شرکت پارس renews ۱۴۰۵/۱۲/۳۰')).toContain('وجود ندارد');
    await say(BOB, '/client', 'set شرکت پارس renews ۱۴۰۶/۰۱/۱۱');
    expect((await client('شرکت پارس')).renewsOn).toBe('2027-03-31');

    await say(BOB, '/rapport', 'settings me language fi');
    await say(BOB, '/client', 'add Nokia Oyj pitkäaikainen 12\u00A0500');
    const nokia = await client('Nokia Oyj');
    expect([nokia.relationship, nokia.monthlyValue]).toEqual(['long_term', 12500]);
    await say(BOB, '/call', 'nokia oyj eilen +viestintä');
    const [finnish] = await callsOf('Nokia Oyj');
    expect(localDate(finnish!.occurredAt, 'UTC')).toBe('2026-11-22');
    await say(BOB, '/rapport', 'settings me language en');
  });

  it('refusals of what cannot be read are in the person’s language, with the usage', async () => {
    const answer = await say(ALICE, '/incident', 'ege tekstil huysuz');
    expect(answer).toContain('`huysuz` bir olay türü değil');
    expect(answer).toContain('Kullanım: `/incident <müşteri>');
    expect(await say(ALICE, '/client', 'list mor')).toContain('`mor` ile listeleyemiyorum');
    expect(await say(ALICE, '/client', 'list kritik')).not.toContain('listeleyemiyorum');
  });

  it('a Turkish name typed without its letters gets a "did you mean"', async () => {
    expect(await say(BOB, '/call', 'isik +info')).toContain('Did you mean “Işık”');
    expect(await say(BOB, '/call', 'GUNES +info')).toContain('Did you mean “Güneş”');
    expect(await callsOf('Işık')).toHaveLength(0);
  });
});
