/**
 * Refusals and errors in the reader's words, through the receiver: an unknown client (with "did you mean"), an
 * admins-only command, a value out of bounds, who decides about a client, a guest turned away by the gate; in
 * Turkish, in Persian (each line marked right to left), and unchanged in English.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { speaking } from '../support/languages.js';
import { sql } from 'drizzle-orm';
import { findClientByName } from '../../src/db/queries/clients.js';
import { parseInput } from '../../src/db/queries/parse.js';
import { RapportError } from '../../src/domain/errors.js';
import { newClientSchema, workspaceSettingsPatchSchema } from '../../src/domain/inputs.js';
import { say as sayIn } from '../../src/i18n/messages.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const RLM = '\u200F';
const GUEST = { teamId: TEAM, userId: 'U0GUEST', channelId: 'C0SALES' };

/** English words Rapport's refusals are made of: none may reach someone who reads another language. */
const ENGLISH_WORDS = /\b(client|called|Did you mean|Only|Sorry|admin|must|cannot|Guests|workspace|characters)\b/;

/** What a schema refuses, told in `locale`. */
function refusalOf(schema: Parameters<typeof parseInput>[0], input: unknown, locale: 'en' | 'tr' | 'fa' | 'fi'): string {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof RapportError && error.said) return sayIn(locale, error.said);
    throw error;
  }
  throw new Error('not refused');
}

describe('validation refusals are catalogue messages', () => {
  it('names the field on its own, in each language, and keeps the English sentence', () => {
    expect(refusalOf(newClientSchema, { name: '  ' }, 'en')).toBe('A client name cannot be empty.');
    expect(refusalOf(newClientSchema, { name: '  ' }, 'fi')).toBe('Asiakkaan nimi: ei voi olla tyhjä.');
    expect(refusalOf(workspaceSettingsPatchSchema, { digestDay: 9 }, 'en')).toBe('The digest day can be at most 6.');
    expect(refusalOf(workspaceSettingsPatchSchema, { digestDay: 9 }, 'tr')).toBe('Özet günü: en fazla 6 olabilir.');
    expect(refusalOf(workspaceSettingsPatchSchema, { digestDay: 9 }, 'fa')).toContain('روز گزارش هفتگی');
    expect(refusalOf(workspaceSettingsPatchSchema, { digestDay: 9 }, 'fa')).toContain('۶');
    expect(refusalOf(newClientSchema, { name: 'Acme', monthlyValue: -1 }, 'tr')).toBe('Aylık değer negatif olamaz.');
  });
});

describe.each(TEST_DRIVERS)('errors in the reader’s language, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);

  beforeAll(async () => {
    h = await startHarness(driver);
    h.api.users.set('U0GUEST', { id: 'U0GUEST', name: 'guest', teamId: TEAM, isRestricted: true, locale: 'tr-TR' });
    await say(ALICE, '/client', 'add Acme Corp vip <@U0ALICE|alice>');
    await say(BOB, '/rapport', 'settings me language tr');
  });
  afterAll(() => h?.close());
  beforeEach(() => speaking(h, { U0BOB: 'tr' }));

  it('a Turkish person is refused in Turkish: unknown client with “did you mean”, admins only, a value too long, who decides', async () => {
    const unknown = await say(BOB, '/client', 'show acm');
    expect(unknown).toContain('“acm” adında bir müşteri yok. Şunu mu demek istediniz: “Acme Corp”?');
    expect(await say(BOB, '/client', 'show zyxwvut')).toContain('“zyxwvut” adında bir müşteri yok. `/client add <name>` yeni bir müşteri kaydeder.');
    const admin = await say(BOB, '/rapport', 'settings language fa');
    expect(admin).toContain('Rapport’un ayarlarını yalnızca çalışma alanı yöneticileri değiştirebilir.');
    const tooLong = await say(BOB, '/call', `acme corp +comms ${'x'.repeat(4000)}`);
    expect(tooLong).toContain('Notlar: en fazla 3.000 karakter olabilir.');
    const decider = await say(BOB, '/client', 'delete Acme Corp');
    expect(decider).toContain('*Acme Corp* müşterisini yalnızca müşteri sorumlusu <@U0ALICE> ya da bir çalışma alanı yöneticisi silebilir.');
    for (const text of [unknown, admin, tooLong.slice(0, 200), decider]) expect(text.replace(/`[^`]*`|“[^”]*”|\*[^*]*\*/g, '')).not.toMatch(ENGLISH_WORDS);
  });

  it('a guest is turned away by the gate in their language', async () => {
    const refused = await say(GUEST, '/call', 'acme corp +comms');
    expect(refused).toContain('Rapport bu çalışma alanının tam üyeleri içindir.');
    expect(refused).not.toMatch(ENGLISH_WORDS);
  });

  it('a Persian person is refused in Persian, every line marked right to left', async () => {
    await say(ALICE, '/rapport', 'settings me language fa');
    const unknown = await say(ALICE, '/client', 'show acm');
    expect(unknown.startsWith(RLM)).toBe(true);
    expect(unknown).toContain('مشتری‌ای با نام «');
    expect(unknown).toContain('آیا منظورتان «');
    expect(unknown).toContain('Acme Corp');
    const admin = await say(ALICE, '/rapport', 'digest now');
    expect(admin.startsWith(RLM)).toBe(true);
    expect(admin).toContain('فقط مدیران فضای کاری می‌توانند گزارش هفتگی را دستی منتشر کنند.');
    await say(ALICE, '/rapport', 'settings me language default');
  });

  it('a guest’s form is refused in the receiver, in the workspace’s language', async () => {
    const { reply } = await h.command(ADMIN, '/call', '');
    await say(ADMIN, '/rapport', 'settings language fi');
    const acme = await findClientByName(h.db, { teamId: TEAM, name: 'Acme Corp' });
    const submitted = await h.send.viewSubmission(GUEST, reply.params.view, {
      client: { client: { type: 'external_select', selected_option: { value: acme.id, text: { type: 'plain_text', text: 'x' } } } },
    });
    expect(submitted.body).toMatchObject({
      response_action: 'errors',
      errors: { client: expect.stringContaining('Rapport on tämän työtilan täysille jäsenille.') },
    });
    await say(ADMIN, '/rapport', 'settings language en');
  });

  it('a request that cannot be stored is answered in its ack in the language its person was last answered in', async () => {
    await say(BOB, '/client', 'show acm');
    await h.idle();
    await h.db.execute(sql`alter table slack_requests rename to slack_requests_away`);
    try {
      const command = await h.send.command(BOB, '/client', 'add Never Saved');
      expect(command.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('hiçbir şey yapılmadı. Lütfen yeniden gönderin.') });
      const english = await h.send.command(ADMIN, '/client', 'add Never Saved');
      expect(english.body).toMatchObject({ text: expect.stringContaining('nothing was done. Please send it again.') });
    } finally {
      await h.db.execute(sql`alter table slack_requests_away rename to slack_requests`);
    }
  });

  it('English is unchanged', async () => {
    expect(await say(ADMIN, '/client', 'show acm')).toContain('No client called “acm”. Did you mean “Acme Corp”?');
    expect(await say(ALICE, '/rapport', 'digest now')).toContain('Only workspace admins can post the digest by hand.');
    expect(await say(ADMIN, '/call', `acme corp +comms ${'x'.repeat(4000)}`)).toContain('The notes can be at most 3000 characters.');
    expect(await say(ADMIN, '/client', 'show zyxwvut')).toContain('No client called “zyxwvut”. `/client add <name>` registers a new client.');
  });
});
