/** Text helpers for Block Kit: escaping user input and keeping within Slack's limits (slack-contract.md). */
import { formatNumber } from '../../i18n/format.js';
import { md, t, type Mrkdwn } from '../../i18n/messages.js';
import { isRightToLeft } from '../../i18n/locales.js';
import { escapeName } from '../../domain/mrkdwn.js';
import type { Reader } from '../../i18n/reader.js';

export const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  optionText: 75,
  optionValue: 150,
  staticOptions: 100,
  modalTitle: 24,
  /** Fallback `text` of a message. */
  messageText: 4000,
  privateMetadata: 3000,
} as const;

export { escapeName, escapeText } from '../../domain/mrkdwn.js';

/** Cuts text to `max` characters (code points kept whole) and says so, rather than letting Slack reject it. */
export function truncate(text: string, max: number, note = '… (truncated)'): string {
  if (text.length <= max) return text;
  const cut = Array.from(text.slice(0, max - note.length));
  // Array.from split surrogate pairs correctly; a trailing lone high surrogate is dropped.
  let out = cut.join('');
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out + note;
}

export const mention = (userId: string | null | undefined) => (userId ? `<@${userId}>` : '_no owner_');

/** Someone, or "no owner" in the reader's words. */
export const mentionFor = (reader: Reader, userId: string | null | undefined): string => (userId ? `<@${userId}>` : t(reader, 'client.noOwner'));

/**
 * Who a builder writes for: a reader, or (from a caller not yet telling who reads) a time zone, read in English.
 * Lets callers outside the commands move to readers one at a time.
 */

/** Parts of a line ("3 days late, invoice INV-7") joined with the reader's comma. */
export const joinParts = (reader: Pick<Reader, 'locale'>, parts: readonly string[]): string => parts.join(reader.locale === 'fa' ? '، ' : ', ');

/** A signed change in the reader's digits: "+3", "−2" (a true minus sign). */
export const signedNumber = (n: number, reader: Pick<Reader, 'locale'>): string => `${n > 0 ? '+' : '−'}${formatNumber(Math.abs(n), reader)}`;

/**
 * A command to type, with a client's name in it, as one code span: passed whole into a message, so that a
 * right-to-left reader's isolation marks go around the span, never inside it (a copied command must run).
 */
export const commandFor = (command: string, name: string, rest = ''): Mrkdwn => md(`\`${command} ${escapeName(name)}${rest ? ` ${rest}` : ''}\``);

/** Text whose every line starts with a right-to-left mark when the reader's language is written right to left. */
export const linesFor = (reader: Pick<Reader, 'locale'>, text: string): string =>
  isRightToLeft(reader.locale) ? text.replace(/^(?!\u200F)/gm, '\u200F') : text;

/**
 * Blocks as a right-to-left reader reads them: every line of their mrkdwn texts (sections, fields, context) starts
 * with a right-to-left mark, the lines put together from pieces (a trait list, a bullet with a date) too.
 */
export function blocksFor<B>(reader: Pick<Reader, 'locale'>, blocks: B[]): B[] {
  if (!isRightToLeft(reader.locale)) return blocks;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const entries = Object.entries(node).map(([key, value]) => [key, walk(value)] as const);
    const out = Object.fromEntries(entries) as Record<string, unknown>;
    if (out.type === 'mrkdwn' && typeof out.text === 'string') out.text = linesFor(reader, out.text);
    return out;
  };
  return blocks.map((block) => walk(block) as B);
}

/** ASCII digits in a fixed text ("09:00") as the reader writes digits ("۰۹:۰۰" in Persian). */
export const digitsFor = (reader: Pick<Reader, 'locale'>, text: string): string =>
  text.replace(/\d/g, (d) => formatNumber(Number(d), reader, { useGrouping: false }));
