/**
 * The message catalogue: every key in every language (the compiler already refuses a missing one), each message
 * valid ICU MessageFormat taking exactly the English message's arguments, of the same kinds, with every plural
 * form its language needs, and each one put into words without failing.
 */
import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { INTL_TAGS, LOCALES } from '../../src/i18n/locales.js';
import { MESSAGES, type MessageKey } from '../../src/i18n/messages/index.js';
import { md, t } from '../../src/i18n/messages.js';

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'text',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
};

/** Each argument a message takes, with its kind (`name:text`, `count:plural`), and each plural's branches. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>(), plurals: { name: string; branches: string[] }[] = []) {
  for (const e of elements) {
    const kind = KIND[e.type];
    if (kind && 'value' in e) found.add(`${e.value}:${kind}`);
    if (e.type === TYPE.plural) plurals.push({ name: e.value, branches: Object.keys(e.options) });
    if (e.type === TYPE.plural || e.type === TYPE.select) for (const option of Object.values(e.options)) argumentsOf(option.value, found, plurals);
  }
  return { found, plurals };
}

const keys = Object.keys(MESSAGES.en) as MessageKey[];

describe('the message catalogue', () => {
  it('has every key in every language, none empty', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...keys].sort());
      expect(keys.filter((key) => !MESSAGES[locale][key]?.trim())).toEqual([]);
    }
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: each message is valid ICU with the English arguments, and the plural forms the language needs', (locale) => {
    const needed = new Intl.PluralRules(INTL_TAGS[locale]).resolvedOptions().pluralCategories as string[];
    const problems: string[] = [];
    for (const key of keys) {
      const english = argumentsOf(parse(MESSAGES.en[key]));
      let own: ReturnType<typeof argumentsOf>;
      try {
        own = argumentsOf(parse(MESSAGES[locale][key]));
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      if ([...own.found].sort().join() !== [...english.found].sort().join())
        problems.push(`${key}: takes ${[...own.found]} where English takes ${[...english.found]}`);
      for (const plural of own.plurals) {
        const missing = needed.filter((form) => !plural.branches.includes(form));
        if (missing.length > 0) problems.push(`${key}: the plural of ${plural.name} lacks ${missing.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('puts every message into words in every language with arguments of the right kinds', () => {
    for (const key of keys) {
      const { found } = argumentsOf(parse(MESSAGES.en[key]));
      const args = Object.fromEntries(
        [...found].map((a) => {
          const [name, kind] = a.split(':') as [string, string];
          return [name, kind === 'number' || kind === 'plural' ? 3 : kind === 'select' ? 'other' : md(`x`)];
        }),
      );
      for (const locale of LOCALES) expect(() => t(locale, key, args), `${locale} ${key}`).not.toThrow();
    }
  });
});
