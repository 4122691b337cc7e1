/**
 * Putting messages into words for a reader: the catalogue's ICU message in their language, with its arguments.
 * A string argument is user text (a client's name, a note): escaped for Slack's mrkdwn so that it can neither
 * mention, link nor format (`tPlain`, for plain-text fields, leaves it as typed); what is mrkdwn already (a
 * mention, a date formatted for the reader, a sentence put into words) is passed as `md(…)`. Numbers are
 * formatted by the message (`{n, number}`, `#` in plurals) in the reader's digits.
 *
 * Persian reads right to left, and Slack lays every line out left to right: each Persian line starts with a
 * right-to-left mark, and each argument is isolated (FSI … PDI), so a Latin name and a number beside it keep
 * their order. An argument that chooses a branch (`{status, select, …}`) is a key, not text: never isolated, or
 * no branch would match it.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { isPluralElement, isSelectElement, isTagElement, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { escapeName } from '../domain/mrkdwn.js';
import { INTL_TAGS, isRightToLeft, type Locale } from './locales.js';
import { MESSAGES, type MessageKey } from './messages/index.js';
import type { Reader } from './reader.js';

export type { MessageKey };

/** Text already in Slack's mrkdwn (a mention, a formatted date, a sentence said): passed into a message as it is. */
export class Mrkdwn {
  constructor(readonly text: string) {}
}
export const md = (text: string): Mrkdwn => new Mrkdwn(text);

/** A nested `Said` is another message (a field's name in a refusal) put into the same reader's words. */
export type Arg = string | number | Mrkdwn | Said;
export type Args = Readonly<Record<string, Arg>>;

/** A message not yet put into words for anyone: what an error carries until it is told to its reader. */
export interface Said {
  readonly key: MessageKey;
  readonly args?: Args;
}
export const said = (key: MessageKey, args?: Args): Said => (args ? { key, args } : { key });

const FSI = '\u2068';
const PDI = '\u2069';
const RLM = '\u200F';

/** A message compiled once, with the names of its arguments that choose a `select` branch. */
interface Compiled {
  format: IntlMessageFormat;
  selectors: ReadonlySet<string>;
}

const compiled = new Map<string, Compiled>();

function selectorsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (isSelectElement(element)) into.add(element.value);
    if (isSelectElement(element) || isPluralElement(element)) for (const option of Object.values(element.options)) selectorsOf(option.value, into);
    if (isTagElement(element)) selectorsOf(element.children, into);
  }
  return into;
}

function compiledOf(locale: Locale, key: MessageKey): Compiled {
  const id = `${locale}\u0000${key}`;
  let found = compiled.get(id);
  if (!found) {
    const source = MESSAGES[locale][key];
    if (source === undefined) throw new Error(`no message ${key}`);
    const format = new IntlMessageFormat(source, INTL_TAGS[locale], undefined, { ignoreTag: true });
    found = { format, selectors: selectorsOf(format.getAst()) };
    compiled.set(id, found);
  }
  return found;
}

const localeOf = (reader: Reader | Locale): Locale => (typeof reader === 'string' ? reader : reader.locale);

function render(reader: Reader | Locale, key: MessageKey, args: Args | undefined, escape: (text: string) => string, marked = true): string {
  const locale = localeOf(reader);
  const rtl = isRightToLeft(locale);
  const { format, selectors } = compiledOf(locale, key);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(args ?? {})) {
    const text =
      value instanceof Mrkdwn
        ? value.text
        : typeof value === 'object'
          ? render(locale, value.key, value.args, escape, false)
          : typeof value === 'string'
            ? escape(value)
            : value;
    values[name] = rtl && typeof text === 'string' && !selectors.has(name) ? `${FSI}${text}${PDI}` : text;
  }
  const out = String(format.format(values));
  return rtl && marked ? out.replace(/^(?!\u200F)/gm, RLM) : out;
}

/** A message in Slack's mrkdwn, in the reader's language; string arguments are user text, escaped. */
export const t = (reader: Reader | Locale, key: MessageKey, args?: Args): string => render(reader, key, args, escapeName);

/** A message for a plain-text field (a button, a title, an option): arguments as they are. */
export const tPlain = (reader: Reader | Locale, key: MessageKey, args?: Args): string => render(reader, key, args, (text) => text);

/** What was said, put into the reader's words. */
export const say = (reader: Reader | Locale, message: Said): string => t(reader, message.key, message.args);
