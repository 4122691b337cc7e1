/**
 * One part of the message catalogue: English first, the source, then every other language with exactly the same
 * keys (the compiler refuses a missing or an extra one). Messages are ICU MessageFormat: `{name}`,
 * `{count, plural, one {# call} other {# calls}}`, `{kind, select, …}`; test/i18n/catalogue.test.ts checks that
 * each language's message takes the same arguments as the English one, and has the plural forms it needs.
 */
import type { Locale } from './locales.js';

type Other = Exclude<Locale, 'en'>;

export type Catalogue<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export function area<const K extends string>(
  en: Readonly<Record<K, string>>,
  others: Readonly<Record<Other, Readonly<Record<NoInfer<K>, string>>>>,
): Catalogue<K> {
  return { en, ...others };
}
