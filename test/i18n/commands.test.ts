/**
 * The commands' answers in the person's language, through the receiver: what a Turkish, Persian or Finnish account
 * manager sees after `/call`, `/client show`, `/client list`, `/rapport help` and `/rapport settings`. The app's
 * clock is Monday 23 Nov 2026 (2 Azar 1405 in the Solar Hijri calendar).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { speaking } from '../support/languages.js';
import { TEST_DRIVERS } from '../support/database.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { ADMIN, ALICE, BOB, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const PERSIAN_DIGITS = /[۰-۹]/;
const RLM = '\u200F';

describe.each(TEST_DRIVERS)('commands answer in the person’s language, on %s', (driver) => {
  let h: Harness;
  const answer = async (actor: typeof ALICE, command: string, text: string) => (await h.command(actor, command, text)).reply.params;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf(await answer(actor, command, text));

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Globex regular');
    await say(ALICE, '/rapport', 'settings me language tr');
    await say(BOB, '/rapport', 'settings me language fa');
    await say(ADMIN, '/rapport', 'settings me language fi');
  });
  afterAll(() => h?.close());
  beforeEach(() => speaking(h, { U0ALICE: 'tr', U0BOB: 'fa', U0ADMIN: 'fi' }));

  it('tr: a call logged in one line is confirmed in Turkish, with a Turkish date and buttons', async () => {
    const reply = await answer(ALICE, '/call', 'globex +info');
    const text = textOf(reply);
    expect(text).toContain('✅ *Globex* ile 23 Kas 2026 Pzt tarihli görüşme kaydedildi.');
    expect(text).toContain('👍 Bilgi paylaşımı');
    expect(text).toContain('Şu anki sağlık:');
    expect(text).not.toMatch(/Call with|Health now|logged/);
    const buttons = reply.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements.map((e: any) => e.text.text) : []));
    expect(buttons).toEqual(['Geri al (10 dk)', 'Düzenle']);
    expect(Object.keys(buttonsOf(reply))).toEqual(['call_undo', 'call_edit']);
  });

  it('fa: a client’s card is Persian, with Persian digits, Solar Hijri dates and right-to-left marks', async () => {
    const text = await say(BOB, '/client', 'show globex');
    expect(text).toContain('سلامت');
    expect(text).toContain('روند ۸ هفته');
    expect(text).toContain('آخرین تماس‌ها');
    expect(text).toMatch(/آذر ۱۴۰۵|۱۴۰۵ آذر/);
    expect(text).toMatch(PERSIAN_DIGITS);
    expect(text).not.toContain('2026');
    expect(text).toContain(RLM);
    expect(text).not.toMatch(/Health|Last calls|Category|As of/);
  });

  it('fi: help is Finnish, its commands as typed', async () => {
    const help = await say(ADMIN, '/rapport', 'help');
    expect(help).toContain('*Rapport* pitää kirjaa asiakassuhteidesi tilasta.');
    expect(help).toContain('`/call help`');
    expect(help).toContain('`/rapport todo` avoimet seuraavat askeleesi');
    expect(help).not.toContain('keeps score');
    expect(await say(ADMIN, '/call', 'ohje')).toContain('*Kirjaa puhelu*');
  });

  it('tr: the settings show the workspace’s language and currency in Turkish', async () => {
    await say(ADMIN, '/rapport', 'settings currency TRY');
    await say(ADMIN, '/rapport', 'settings language tr');
    const settings = await say(ALICE, '/rapport', 'settings');
    expect(settings).toContain('*Rapport ayarları*');
    expect(settings).toContain('Dil: Türkçe');
    expect(settings).toContain('Para birimi: TRY (₺12.500)');
    expect(settings).toContain('Misafirler: izin yok');
    expect(settings).not.toMatch(/Rapport settings|Guests:/);
  });

  it('tr: a list is sorted as Turkish sorts names (Çelik after Cem)', async () => {
    await say(ALICE, '/client', 'add Çelik Yapı');
    await say(ALICE, '/client', 'add Cem Lojistik');
    const list = await say(ALICE, '/client', 'list');
    expect(list).toContain('Tüm müşteriler');
    expect(list.indexOf('Cem Lojistik')).toBeGreaterThan(-1);
    expect(list.indexOf('Cem Lojistik')).toBeLessThan(list.indexOf('Çelik Yapı'));
    // The same list in English order puts Çelik first (ç reads as c there).
    await say(BOB, '/rapport', 'settings me language en');
    const english = await say(BOB, '/client', 'list');
    expect(english.indexOf('Çelik Yapı')).toBeLessThan(english.indexOf('Cem Lojistik'));
  });

  it('tr: an incident is confirmed in Turkish, its facts in Turkish digits; fi: the export is told in Finnish', async () => {
    await say(ADMIN, '/rapport', 'settings currency TRY');
    const incident = await say(ALICE, '/incident', 'globex late 45 amount=12500');
    expect(incident).toContain('✅ *Globex* için 23 Kas 2026 Pzt tarihli olay kaydedildi: Geç ödeme (45 gün gecikme, tutar ₺12.500).');
    const seq = h.api.lastSeq;
    const exported = await say(ADMIN, '/rapport', 'export');
    expect(exported).toContain(
      '📦 Lähetetty sinulle yksityisviestinä: Asiakkaat (clients.csv), Puhelut (calls.csv), Tapaukset (incidents.csv), Päätökset (decisions.csv) ja Seuraavat askeleet (next-steps.csv) avattavaksi taulukkolaskentaohjelmassa',
    );
    expect(exported).toMatch(/\d+ raakataulua skripteille README.txt-tiedoston kanssa \(yhteensä \d+ riviä\)\./);
    const upload = h.since(seq).find((c) => c.method === 'files.completeUploadExternal' && c.params.initial_comment !== undefined); // not a chart of an earlier /client show
    expect(JSON.stringify(upload?.params)).toContain('Kaikki, mitä Rapport säilyttää tästä työtilasta');
  });

  it('fa: a client’s history (the digest’s History button) is Persian, newest first, in Solar Hijri dates', async () => {
    const globex = await findClientByName(h.db, { teamId: TEAM, name: 'Globex' });
    await say(ALICE, '/call', 'globex +info');
    const seq = h.api.lastSeq;
    await h.send.blockAction(BOB, { action_id: 'digest_history', value: globex.id });
    const text = textOf((await h.api.next('response_url', seq)).params);
    expect(text).toContain('سابقهٔ');
    expect(text).toContain('📞 تماس، ثبت‌شده توسط');
    expect(text).toMatch(/آذر ۱۴۰۵|۱۴۰۵ آذر/);
    expect(text).not.toMatch(/History of|Call by|logged by/);
  });
});
