/**
 * The forms and the App Home tab in the reader's language (issue 25): a Finnish person's call form, a Persian
 * person's Home tab in Persian digits, the Home tab's language select taking effect at once, and every
 * plain-text field of every form, in all four languages, within Slack's limits.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { speaking } from '../support/languages.js';
import { CRITERIA, DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { MESSAGES, type MessageKey } from '../../src/i18n/messages/index.js';
import { readerIn, type Reader } from '../../src/i18n/reader.js';
import { homeView } from '../../src/slack/blocks/home.js';
import { callModal, clientEraseModal, decisionModal, incidentModal } from '../../src/slack/blocks/modals.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

/** Slack's limits on plain text (slack-contract.md), by where the text sits. */
const LIMIT: Record<string, number> = { title: 24, submit: 24, close: 24, button: 75, option: 75, placeholder: 150, header: 150, label: 2000, hint: 2000 };

/** Every plain_text in a view, with the limit that applies to it where it sits. */
function plainTexts(node: unknown, where = 'label', out: { where: string; text: string }[] = []): { where: string; text: string }[] {
  if (Array.isArray(node)) node.forEach((n) => plainTexts(n, where, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'plain_text' && typeof o.text === 'string') out.push({ where, text: o.text });
    for (const [key, value] of Object.entries(o)) {
      const here =
        key in LIMIT
          ? key
          : key === 'text' && o.type === 'button'
            ? 'button'
            : key === 'text' && o.type === 'header'
              ? 'header'
              : key === 'options' || key === 'initial_options' || key === 'initial_option'
                ? 'option'
                : where;
      if (value && typeof value === 'object') plainTexts(value, here, out);
    }
  }
  return out;
}

const textsOf = (view: unknown) => plainTexts(view).map((p) => p.text);
/** Persian lines start with a right-to-left mark (i18n/messages.ts). */
const unmarked = (text: string) => text.replace(/^\u200F/, '');

/** Every form, as `reader` sees it: new and edited, from a message, each incident kind, each decision decided or proposed. */
const everyForm = (reader: Reader) => {
  const message = { channelId: 'C1', ts: '1.2', author: 'U0CLIENT' };
  return [
    callModal({ reader, catalogue: DEFAULT_CATALOGUE, metadata: { channelId: 'C1', message }, today: '2026-11-23' }),
    callModal({ reader, catalogue: DEFAULT_CATALOGUE, metadata: { channelId: 'C1', entryId: 'e1' }, today: '2026-11-23' }),
    ...[undefined, ...CRITERIA.map((c) => c.kind)].flatMap((kind) => [
      incidentModal({ reader, metadata: { channelId: null, message }, today: '2026-11-23', ...(kind ? { kind } : {}) }),
      incidentModal({ reader, metadata: { channelId: null, entryId: 'e1' }, today: '2026-11-23', ...(kind ? { kind } : {}) }),
    ]),
    ...(['keep', 'require_prepayment', 'start_exit'] as const).flatMap((kind) =>
      [true, false].map((proposing) =>
        decisionModal({
          reader,
          clientId: 'c1',
          digestId: null,
          kind,
          channelId: null,
          client: { name: 'Acme', status: 'exited' },
          proposing,
          reviewOn: '2026-12-01',
        }),
      ),
    ),
    clientEraseModal({ reader, client: { id: 'c1', name: 'Acme' }, channelId: null }),
  ];
};

describe('every form, in every language, within Slack’s limits', () => {
  it.each(LOCALES)('%s', (locale) => {
    const reader = readerIn(locale);
    const views = everyForm(reader);
    const home = [true, false].map((personalDigest) =>
      homeView({ reader, lines: [], now: new Date('2026-11-23T10:00:00Z'), personalDigest, language: { own: null, workspace: 'fi' } }),
    );
    const problems: string[] = [];
    for (const view of [...views, ...home]) {
      for (const { where, text } of plainTexts(view)) {
        if (text.length > LIMIT[where]!) problems.push(`${where} over ${LIMIT[where]}: ${text}`);
        // The kit cuts an option or a button that does not fit: nothing translated may need it.
        if (text.endsWith('(truncated)')) problems.push(`${where} cut: ${text}`);
      }
    }
    // Titles and the modal buttons, as the catalogue says them (the kit would cut a longer one with "…").
    const short = (Object.keys(MESSAGES.en) as MessageKey[]).filter((k) => /^forms\.(.*Title.*|cancel|save|submit\..*|eraseSubmit)$/.test(k));
    expect(short.length).toBeGreaterThan(8);
    for (const key of short) if (MESSAGES[locale][key].length > 24) problems.push(`${key} is ${MESSAGES[locale][key].length} characters`);
    expect(problems).toEqual([]);
    if (locale !== 'en') expect(textsOf(views[0])).not.toContain('Log a call');
  });

  // Slack (and the local page) say "(optional)" beside an optional input's label: a label saying it too reads it twice.
  it.each(LOCALES)('%s: no optional input’s label says it is optional', (locale) => {
    const reader = readerIn(locale);
    const word = MESSAGES[locale]['page.optional'].replace(/[()]/g, '');
    const views = everyForm(reader);
    const labels = views.flatMap((v) => v.blocks.filter((b: any) => b.type === 'input' && b.optional).map((b: any) => b.label.text as string));
    expect(labels.length).toBeGreaterThan(5);
    expect(labels.filter((label) => label.toLowerCase().includes(word.toLowerCase()))).toEqual([]);
    // Nor does any label in the forms' catalogue, whoever shows it.
    expect(Object.entries(MESSAGES[locale]).filter(([key, text]) => key.startsWith('forms.') && text.includes(word))).toEqual([]);
  });
});

describe.each(TEST_DRIVERS)('forms and the Home tab in the person’s language, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  const home = async (seq: number, user: string) =>
    (await h.api.waitFor((c) => c.seq > seq && c.method === 'views.publish' && c.params.user_id === user)).params.view;

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Acme Corp <@U0BOB|bob>');
  });
  afterAll(() => h?.close());
  beforeEach(() => speaking(h));

  it('a person set to Finnish opens the call form in Finnish', async () => {
    await say(ALICE, '/rapport', 'settings me language fi');
    const { reply } = await h.command(ALICE, '/call', '');
    expect(reply.method).toBe('views.open');
    const view = reply.params.view;
    expect(view.title.text).toBe('Kirjaa puhelu');
    expect(view.submit.text).toBe('Tallenna');
    expect(view.close.text).toBe('Peruuta');
    const labels = view.blocks.map((b: any) => b.label?.text);
    expect(labels).toEqual(expect.arrayContaining(['Asiakas', 'Puhelun päivä', 'Havaitut hyvät piirteet', 'Muistiinpanot', 'Seuraava askel']));
    expect(view.blocks.find((b: any) => b.block_id === 'next_step')).toMatchObject({ optional: true, label: { text: 'Seuraava askel' } });
    const traits = view.blocks.find((b: any) => b.block_id === 'traits_good').element.options.map((o: any) => o.text.text);
    expect(traits).toContain('Erinomainen viestintä');
    // The client picker's type-ahead answers in Finnish too when nothing matches.
    const seq = h.api.lastSeq;
    const res = await h.send.options(ALICE, { action_id: 'client', block_id: 'client', value: 'zzz' });
    expect(JSON.stringify(res.body ?? '')).toContain('Yksikään asiakas ei täsmää');
    expect(seq).toBeLessThanOrEqual(h.api.lastSeq);
  });

  it('a Persian person’s Home tab is Persian, with Persian digits', async () => {
    await say(BOB, '/rapport', 'settings me language fa');
    const seq = h.api.lastSeq;
    await h.send.event(TEAM, { type: 'app_home_opened', user: 'U0BOB', channel: 'D0BOB', tab: 'home' });
    const view = await home(seq, 'U0BOB');
    expect(unmarked(view.blocks[0].text.text)).toBe('مشتریان شما');
    const text = textOf({ blocks: view.blocks });
    expect(text).toContain('ثبت تماس');
    expect(text).toContain('دریافت گزارش مشتریانم با پیام خصوصی');
    expect(text).toMatch(/\(\u2068?[۰-۹]+\u2069?\)/); // the count of a band's clients
    expect(text).toMatch(/به‌روزرسانی: .*[۰-۹]/); // the day it was updated
    expect(text).not.toMatch(/Your clients|Log a call|Updated /);
    const select = view.blocks.find((b: any) => b.accessory?.action_id === 'home_language').accessory;
    expect(select.initial_option.value).toBe('fa');
    expect(select.options.map((o: any) => unmarked(o.text.text))).toEqual(['پیش‌فرض فضای کاری', 'English', 'Türkçe', 'فارسی', 'suomi']);
  });

  it('choosing Türkçe in the Home tab publishes it again in Turkish, and Rapport goes on in Turkish', async () => {
    const seq = h.api.lastSeq;
    await h.send.blockAction(
      BOB,
      { type: 'static_select', action_id: 'home_language', block_id: 'language', selected_option: { value: 'tr' } },
      { view: { id: 'VHOME', type: 'home' } },
    );
    const view = await home(seq, 'U0BOB');
    expect(view.blocks[0].text.text).toBe('Müşterileriniz');
    expect(textOf({ blocks: view.blocks })).toContain('Görüşme kaydet');
    expect(view.blocks.find((b: any) => b.accessory?.action_id === 'home_language').accessory.initial_option.value).toBe('tr');
    expect(await say(BOB, '/rapport', 'settings me language klingon')).toContain('Rapport klingon dilini konuşmuyor');
    // "Workspace default" clears the choice: English again.
    const again = h.api.lastSeq;
    await h.send.blockAction(
      BOB,
      { type: 'static_select', action_id: 'home_language', block_id: 'language', selected_option: { value: 'default' } },
      { view: { id: 'VHOME', type: 'home' } },
    );
    expect((await home(again, 'U0BOB')).blocks[0].text.text).toBe('Your clients');
  });

  it('a Turkish person’s Edit form and Undo answer in Turkish', async () => {
    await say(ADMIN, '/rapport', 'settings me language tr');
    const { reply } = await h.command(ADMIN, '/call', 'acme corp +comms first notes');
    const buttons = buttonsOf(reply.params);
    let seq = h.api.lastSeq;
    await h.send.blockAction(ADMIN, { action_id: 'call_edit', value: buttons.call_edit! });
    const opened = (await h.api.next('views.open', seq)).params.view;
    expect(opened.title.text).toBe('Görüşmeyi düzenle');
    expect(opened.blocks.find((b: any) => b.block_id === 'traits_good').element.initial_options[0].text.text).toBe('Mükemmel iletişim');
    seq = h.api.lastSeq;
    await h.send.blockAction(ADMIN, { action_id: 'call_undo', value: buttons.call_undo! });
    expect(textOf((await h.api.next('response_url', seq)).params)).toContain('*Acme Corp* ile görüşme geri alındı');
  });
});
