/**
 * No English reaches someone who reads another language: every payload Rapport sends a Turkish, Persian or
 * Finnish reader (replies, DMs, forms, the Home tab, the digest of a workspace in that language) is scanned for
 * words that only Rapport's English catalogue uses. Names, what people typed and code (commands, keys, what a
 * person types) are left out of the scan.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { speaking } from '../support/languages.js';
import { MESSAGES } from '../../src/i18n/messages/index.js';
import { LOCALES, type Locale } from '../../src/i18n/locales.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, TEAM, startHarness, type Harness } from '../support/slackHarness.js';

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z]{3,}/g) ?? [];

/** Words of the English catalogue that no other language's catalogue uses (so not a command, a code or a name). */
const ENGLISH_ONLY = (() => {
  const elsewhere = new Set(LOCALES.filter((l) => l !== 'en').flatMap((l) => Object.values(MESSAGES[l]).flatMap(wordsOf)));
  return new Set(
    Object.values(MESSAGES.en)
      .flatMap(wordsOf)
      .filter((w) => !elsewhere.has(w)),
  );
})();

/** Every string a person can read in a payload: text fields of messages, blocks, views and options. */
function readable(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') return out;
  if (Array.isArray(node)) node.forEach((n) => readable(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'text' || k === 'initial_comment' || k === 'placeholder' || k === 'title' || k === 'label' || k === 'hint') && typeof v === 'string')
        out.push(v);
      else if (k !== 'action_id' && k !== 'block_id' && k !== 'value' && k !== 'callback_id' && k !== 'private_metadata' && k !== 'url') readable(v, out);
    }
  }
  return out;
}

/** What this test typed (client names, notes): user text, shown as typed in any language. */
const TYPED = ['Broken Co', '12.50.0', 'Ostim Makine', 'Pars Co', 'Weekly sync', 'sent the export late', 'Send the plan', 'globex', 'nobody here'];

describe.each(TEST_DRIVERS.slice(0, 1))('no English word reaches a reader of another language, on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h?.close());
  beforeEach(() => speaking(h));

  it.each(['tr', 'fa', 'fi'] as Locale[])(
    '%s',
    async (locale) => {
      await h.command(ADMIN, '/rapport', `settings language ${locale}`);
      const from = h.api.lastSeq;
      const run = (text: string, command = '/client', actor = ALICE) => h.command(actor, command, text);
      await run('add Ostim Makine vip long-term <@U0ALICE|alice> 12500');
      await run('add Pars Co problem <@U0ALICE|alice>');
      await run('ostim makine +communication -reporting Weekly sync', '/call');
      await run('ostim makine lie sent the export late', '/incident');
      await run('pars co late 45', '/incident');
      await run('show ostim makine');
      await run('list');
      await run('find ostim');
      await run('set pars co category regular');
      await run('next ostim makine Send the plan tomorrow');
      await run('show nobody here');
      await run('help', '/rapport');
      await run('settings', '/rapport');
      await run('todo', '/rapport');
      await run('digest preview', '/rapport', ADMIN);
      await run('', '/call');
      await run('', '/incident');
      await run('delete pars co');
      await run('add Broken Co regular 12.50.0');
      await run('ostim makine 2026-02-31 +communication', '/call');
      await run('settings me digest on', '/rapport');
      await run('settings language fi', '/rapport');
      await run('export', '/rapport');
      await run('settings channel <#C0DIGEST|digest>', '/rapport', ADMIN);
      await run('digest now --force', '/rapport', ADMIN);
      await h.send.event(TEAM, { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' });
      await h.idle();
      // The scan saw replies, forms, the Home tab and the digest's posts.
      expect([...new Set(h.since(from).map((c) => c.method))]).toEqual(
        expect.arrayContaining(['response_url', 'views.open', 'views.publish', 'chat.postMessage']),
      );
      const found = new Map<string, string>();
      for (const call of h.since(from)) {
        for (let text of readable(call.params)) {
          for (const typed of TYPED) text = text.split(typed).join(' ');
          // Code is what a person types (commands, threshold keys), the same in every language.
          text = text.replace(/`[^`]*`/g, ' ');
          for (const word of wordsOf(text)) if (ENGLISH_ONLY.has(word) && !found.has(word)) found.set(word, `${call.method}: ${text.slice(0, 160)}`);
        }
      }
      expect([...found.entries()].map(([w, where]) => `${w} ← ${where}`)).toEqual([]);
    },
    120_000,
  );
});
