/**
 * The weekly digest and the DMs Rapport sends unasked, in their reader's language (issue 25): a Persian
 * workspace's digest is Persian, with Persian digits, Solar Hijri dates and right-to-left lines; a Turkish
 * person's personal digest and reminder are Turkish while their English workspace's channel digest stays English.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { speaking } from '../support/languages.js';
import { eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import * as schema from '../../src/db/schema/index.js';
import { createNextStep } from '../../src/db/queries/nextSteps.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import { DigestRunner } from '../../src/digest/run.js';
import { NextStepReminders } from '../../src/digest/reminders.js';
import { PersonalDigests } from '../../src/digest/personal.js';
import { Escalations } from '../../src/digest/escalations.js';
import { silentLogger } from '../../src/log.js';
import { PeopleDirectory } from '../../src/slack/people.js';
import { TEST_DRIVERS } from '../support/database.js';
import { digestDueInAMinute } from '../support/digestDue.js';
import { seedDigestClients } from '../support/digestBench.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { ClientWeekRows } from '../../src/domain/clientWeek.js';
import type { ClientProfile } from '../../src/domain/types.js';
import { composeDigest, decisionLine, digestPageWithout, snoozeLine } from '../../src/slack/blocks/digest.js';
import { readerIn, type Reader } from '../../src/i18n/reader.js';
import { aClient, aClientWeek, daysAgo, evidenceOfRows, incident, NOW, observedTimes, selectFromRows } from '../support/builders.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const CHANNEL = 'C0DIGEST';
/** Client names the tests typed: user text, shown as typed in any language. */
const NAMES = ['Liar Co', 'Sour Co', 'Quiet Co', 'Fine Co'];

/** What is left of a text once names, mentions, channels, commands and Rapport's own name are taken out. */
const withoutNamesAndCodes = (text: string) =>
  NAMES.reduce((s, name) => s.split(name).join(' '), text)
    .replace(/<[@#!][^>]*>/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/Rapport/g, ' ');

describe.each(TEST_DRIVERS.slice(0, 1))('the digest and scheduled DMs in their reader’s language, on %s', (driver) => {
  let h: Harness;
  const webFor = async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });
  const runner = (now: () => Date) => new DigestRunner({ db: h.database.owner, owner: h.database.owner, webFor, logger: silentLogger, now });
  const posts = (seq: number) => h.api.calls.filter((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === CHANNEL);
  const clock = () => new Date(h.now().getTime() + 120_000);

  /** The digest falls due a minute from now, so a tick two minutes ahead posts it, with all the test logged in its week. */
  async function postDigest(): Promise<Record<string, any>> {
    await digestDueInAMinute(h, CHANNEL);
    await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
    const seq = h.api.lastSeq;
    await runner(clock).tick();
    const [post] = posts(seq);
    expect(post).toBeDefined();
    return post!.params;
  }

  beforeAll(async () => {
    h = await startHarness(driver);
    await seedDigestClients(h);
  });
  afterAll(() => h?.close());
  beforeEach(() => speaking(h));

  it('an English workspace’s digest is English', async () => {
    const text = textOf(await postDigest());
    expect(text).toContain('2 clients need a decision');
    expect(text).toContain('Meet firing criteria');
    expect(text).not.toMatch(/[\u200F\u06F0-\u06F9]/);
  });

  it('a Turkish person’s reminder and personal digest are Turkish, the English channel’s digest stays English', async () => {
    await h.command(BOB, '/rapport', 'settings me language tr');
    await h.command(BOB, '/rapport', 'settings me digest on');
    const globex = await findClientByName(h.db, { teamId: TEAM, name: 'Fine Co' });
    await createNextStep(h.db, {
      teamId: TEAM,
      by: 'U0ALICE',
      input: { clientId: globex.id, what: 'Send the plan', assigneeUserId: 'U0BOB', dueOn: '2026-11-30', source: 'client' },
    });
    const now = new Date('2026-11-30T09:30:00Z');
    const deps = { db: h.database.db, owner: h.database.owner, webFor, people: new PeopleDirectory(), logger: silentLogger, now: () => now };
    let seq = h.api.lastSeq;
    await new NextStepReminders(deps).tick();
    const reminder = h.since(seq).find((c) => c.method === 'chat.postMessage' && textOf(c.params).includes('Send the plan'));
    expect(reminder).toBeDefined();
    const said = textOf(reminder!.params);
    expect(said).toContain('Bugün son gün: 1 sonraki adım');
    expect(said).toContain('Send the plan');
    expect(JSON.stringify(reminder!.params.blocks)).toContain('Tamamlandı');
    expect(said).not.toContain('Due today');

    seq = h.api.lastSeq;
    const digest = new DigestRunner({ db: h.database.db, owner: h.database.owner, webFor, logger: silentLogger, now: () => now });
    await new PersonalDigests({ ...deps, digest }).tick();
    const personal = h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel !== CHANNEL);
    expect(personal.length).toBeGreaterThan(0);
    const page = textOf(personal[0]!.params);
    expect(page).toContain('Rapport özeti');
    expect(page).toContain('Quiet Co');
    expect(page).toContain('Teması gecikenler');
    expect(page).not.toMatch(/\b(clients? needs?|decision|Gone quiet|Overdue|No contact)\b/);

    // So is their preview of the digest, with their own clients first.
    const preview = textOf((await h.command(BOB, '/rapport', 'digest preview')).reply.params);
    expect(preview).toContain('Rapport özeti');
    expect(preview).toContain('tanesi sizin');

    // The channel is everyone's: it stays in the workspace's language.
    const channel = textOf(await postDigest());
    expect(channel).toContain('Turned bad this week');
    expect(channel).not.toContain('Rapport özeti');

    // Word of a change to their clients reaches them in Turkish too, while Alice is answered in English.
    seq = h.api.lastSeq;
    const reply = textOf((await h.command(ALICE, '/client', 'set sour co owner <@U0BOB|bob>')).reply.params);
    expect(reply).toContain('owner is now <@U0BOB>');
    const told = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && textOf(c.params).includes('sorumlusu yaptı'));
    expect(textOf(told.params)).toContain('<@U0ALICE> sizi *Sour Co* müşterisinin sorumlusu yaptı.');
  });

  it('a Persian workspace’s digest is Persian: Persian digits, Solar Hijri dates, right-to-left lines, no English word', async () => {
    await h.command(ADMIN, '/rapport', 'settings language fa');
    const digest = await postDigest();
    const text = textOf(digest);
    expect(text).toContain('گزارش هفتگی Rapport');
    expect(text).toContain('آذر'); // late November 2026 is Azar 1405
    expect(text).toMatch(/[\u06F0-\u06F9]/);
    expect(text).toContain('معیارهای قطع همکاری');
    expect(text).toContain('تماس عقب‌افتاده');
    // Every line of every section reads right to left.
    const sections = (digest.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text!.text);
    for (const line of sections.flatMap((s) => s.split('\n'))) expect(line.startsWith('\u200F'), line).toBe(true);
    // Only the category's own acronym (VIP) is Latin, as the Persian label writes it.
    const left = withoutNamesAndCodes(text).replace(/VIP/g, ' ');
    expect(left).not.toMatch(/[A-Za-z]{2,}/);
    expect(left).not.toMatch(/[0-9]/);
    // Its buttons too.
    const buttons = JSON.stringify(digest.blocks.filter((b: { type: string }) => b.type === 'actions').map((b: { elements: unknown }) => b.elements));
    expect(buttons).toContain('سابقه');
    expect(buttons).not.toContain('Acknowledge');

    // A decision rewrites the channel's digest in the channel's language.
    const [row] = await h.db.select().from(schema.digests).where(eq(schema.digests.teamId, TEAM));
    const liar = await findClientByName(h.db, { teamId: TEAM, name: 'Liar Co' });
    const seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, { type: 'button', action_id: 'digest_acknowledge', value: liar.id } as never, {
      message: { ts: row!.messageTs!, blocks: digest.blocks },
      channelId: CHANNEL,
    });
    const update = await h.api.next('chat.update', seq);
    expect(update.params.text).toContain('گزارش هفتگی Rapport (به‌روز شده)');
    expect(textOf(update.params)).toContain('در ⁨');
    expect(textOf(update.params)).toMatch(/<@U0ALICE>⁩ در ⁨[^⁩]*آذر[^⁩]*⁩ دید/);
  });
});

describe('the digest composed for a reader', () => {
  const cat = DEFAULT_CATALOGUE;
  const week = (client: ClientProfile, parts: Partial<ClientWeekRows> = {}): ClientWeekRows =>
    aClientWeek(client, { loggedThisWeek: { calls: 1, incidents: 0 }, ...parts });
  const weeks = [
    week(aClient({ id: 'c-liar', name: 'Liar', ownerUserId: 'U0ALICE', monthlyValue: 12500 }), {
      incidents: [incident('lying', daysAgo(3)), ...[4, 30, 60].map((d) => incident('slow_payment', daysAgo(d)))],
    }),
    week(aClient({ name: 'Soon Co', renewsOn: '2026-12-01', monthlyValue: 4000, ownerUserId: 'U0ALICE' }), {
      history: { observations: observedTimes('negative_attitude', 4, daysAgo(1)) },
    }),
  ];
  const compose = (reader: Reader) =>
    composeDigest(cat, selectFromRows(cat, weeks, NOW), evidenceOfRows(cat, weeks, NOW), { timeZone: 'UTC', interactive: true, readBy: reader })
      .map((p) => textOf(p))
      .join('\n')
      // Marks of direction taken out, and Intl's no-break spaces read as spaces.
      .replace(/[\u200F\u2068\u2069]/g, '')
      .replace(/[\u00A0\u202F]/g, ' ');

  it('words criteria, reasons, renewals and figures in Turkish, money in the workspace’s lira', () => {
    const text = compose(readerIn('tr', { currency: 'TRY' }));
    expect(text).toContain('*5. Sürekli geç ödeme*: 180 gün içinde 3 geç ödeme');
    expect(text).toContain('📉 Sağlık bu hafta 33 puan düştü (15 puan ve üzeri bir düşüş dikkat ister)');
    expect(text).toContain('*Liar* · Normal · <@U0ALICE> · aylık ₺12.500');
    expect(text).toContain('yenileme 1 Ara 2026 Sal');
    expect(text).toContain('Elde tutma: %100');
    expect(text).toContain('Gördüm');
  });

  it('in Finnish, with euros and Finnish dates', () => {
    const text = compose(readerIn('fi', { currency: 'EUR' }));
    expect(text).toContain('Rapport-kooste — 16.11.–23.11.');
    expect(text).toContain('12 500 €/kk');
    expect(text).toContain('3 myöhästynyttä maksua 180 päivässä');
    expect(text).toContain('Torkuta 14 päivää');
  });

  it('in Persian, a decision and a snooze line with Solar Hijri days', () => {
    const fa = readerIn('fa');
    expect(decisionLine({ kind: 'start_exit', decidedBy: 'U1', decidedAt: NOW, reason: null }, fa)).toMatch(/^\u200F🚪 .*آذر.*قطع همکاری را آغاز کرد$/);
    expect(snoozeLine({ snoozedBy: 'U1', until: NOW }, fa)).toContain('به تعویق انداخت');
    expect(compose(fa)).toContain('۳ پرداخت دیرهنگام در ۱۸۰ روز');
  });
});

describe('a deleted client taken out of a Persian digest page', () => {
  it('leaves a Persian line where it was, and the rest of the owner line as it was', () => {
    const cat = DEFAULT_CATALOGUE;
    const leak = aClient({ id: 'c-leak', name: 'Leak Co', ownerUserId: 'U0ALICE' });
    const other = aClient({ id: 'c-other', name: 'Other Co', ownerUserId: 'U0ALICE' });
    const weeks = [leak, other].map((c) => aClientWeek(c, { incidents: [incident('lying', daysAgo(2))] }));
    const [page] = composeDigest(cat, selectFromRows(cat, weeks, NOW), evidenceOfRows(cat, weeks, NOW), {
      timeZone: 'UTC',
      interactive: true,
      readBy: readerIn('fa'),
    });
    const cut = digestPageWithout(page!, { id: leak.id, names: [leak.name] })!;
    const text = cut.blocks.map((b) => JSON.stringify(b)).join('\n');
    expect(text).not.toContain('Leak Co');
    expect(text).toContain('Other Co');
    expect(text).toContain('بر اساس مسئول');
    expect(text).toContain('حذف شد');
    expect(cut.text).not.toContain('این پیامِ گزارش هفتگی برداشته شد');
  });
});

describe.each(TEST_DRIVERS.slice(0, 1))('an escalation to a Finnish admin, on %s', (driver) => {
  let h: Harness;
  let clock = new Date('2026-11-30T09:00:30Z');
  const webFor = async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ADMIN, '/rapport', 'settings me language fi');
    await h.command(ALICE, '/client', 'add Liar Co <@U0ALICE|alice>');
    await h.command(ALICE, '/incident', 'liar co lie Said the report was sent');
    await updateWorkspaceSettings(h.db, {
      teamId: TEAM,
      by: 'U0ADMIN',
      patch: { digestChannelId: CHANNEL, timeZone: 'UTC', digestDay: 1, digestTime: '09:00' },
    });
    await h.db
      .update(schema.workspaces)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(schema.workspaces.teamId, TEAM));
  });
  afterAll(() => h?.close());

  it('is in Finnish, the digest’s pages it carries too, while the channel’s stays English', async () => {
    const runner = new DigestRunner({ db: h.database.db, owner: h.database.owner, webFor, logger: silentLogger, now: () => clock });
    const escalations = new Escalations({
      db: h.database.db,
      owner: h.database.owner,
      digest: runner,
      webFor,
      people: new PeopleDirectory(),
      logger: silentLogger,
      now: () => clock,
    });
    expect((await runner.tick()).map((r) => r.outcome)).toEqual(['posted']);
    clock = new Date('2026-12-07T09:00:30Z');
    let seq = h.api.lastSeq;
    expect((await runner.tick()).map((r) => r.outcome)).toEqual(['posted']);
    expect(textOf(h.since(seq).find((c) => c.method === 'chat.postMessage')!.params)).toContain('Meet firing criteria');
    seq = h.api.lastSeq;
    expect(await escalations.tick()).toEqual([{ teamId: TEAM, userId: 'U0ADMIN', week: '2026-12-07', clients: 1 }]);
    const text = h
      .since(seq)
      .filter((c) => c.method === 'chat.postMessage')
      .map((c) => textOf(c.params))
      .join('\n');
    expect(text).toContain('1 asiakas oli kahdessa viimeisimmässä koosteessa');
    expect(text).toContain('Lopettamisen kriteerit täyttyvät');
    expect(text).toContain('Liar Co');
    expect(text).not.toContain('Meet firing criteria');
  });
});
