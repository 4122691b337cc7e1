/**
 * Numbers as people type them in their own language: `12.500` is twelve thousand five hundred to a Turk, `12 500`
 * to a Finn, `۱۲٬۵۰۰` to a Persian, `12,500` to an English speaker. Pure: no Slack, no database.
 *
 * The rule is never to store a guess. A `.` or `,` followed by exactly three digits is the one case two
 * conventions read differently (a group of thousands, or three decimals): it is read as a group only when it is
 * the reader's own group mark (`.` in Turkish, `,` in English and Persian); otherwise the reader is asked which
 * they meant, with both readings. Everything else is read one way or refused: `12.50.0` is no number.
 */
import { RapportError } from '../domain/errors.js';
import type { Locale } from './locales.js';
import { said } from './messages.js';
import { wordKey } from '../domain/names.js';

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII digits; other characters as they are. */
export function latinDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (c) => String((c.charCodeAt(0) - 0x0660) % 0x90));
}

/** The mark each language writes between groups of thousands, and before decimals, when typing on a keyboard. */
const GROUP_MARK: Readonly<Record<Locale, ',' | '.' | ' '>> = { en: ',', tr: '.', fa: ',', fi: ' ' };
const DECIMAL_MARK: Readonly<Record<Locale, ',' | '.'>> = { en: '.', tr: ',', fa: '.', fi: ',' };

/** White space people (and their keyboards' number formats) put between groups: space, no-break, narrow no-break, thin. */
const SPACES = /[ \u00A0\u202F\u2009\u2007]/g;
const CURRENCY = /^[$€£₺﷼]|[$€£₺﷼]$|(?<=\d)\s*(?:tl|try|eur|usd|irr|€)$/i;
const SCALE: Readonly<Record<string, number>> = { k: 1_000, m: 1_000_000 };

export type NumberReading =
  | { kind: 'number'; value: number }
  /** Two conventions read it differently: `asGroups` (thousands) or `asDecimal`; nothing is stored until they say. */
  | { kind: 'ambiguous'; asGroups: number; asDecimal: number }
  /** It looks like a number but none can be read from it (`12.50.0`, `1,2,3`). */
  | { kind: 'invalid' }
  /** Not a number at all (a word). */
  | { kind: 'none' };

/** Whether a typed word is meant as a number (digits, separators, a currency sign, `k`/`m`): a number or a refusal, never a name. */
export function looksLikeNumber(text: string): boolean {
  const t = latinDigits(text.normalize('NFKC').trim()).replace(SPACES, ' ');
  return /^[$€£₺﷼]?\s?\d[\d.,٬٫' ]*(?:[kKmM])?\s?(?:[$€£₺﷼]|tl|try|eur|usd|irr)?$/i.test(t) && /\d/.test(t);
}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** Groups of thousands as written: 1–3 digits, then groups of exactly three. */
const validGroups = (groups: readonly string[]) =>
  groups.length > 1 && /^\d{1,3}$/.test(groups[0]!) && !groups[0]!.startsWith('0') && groups.slice(1).every((g) => /^\d{3}$/.test(g));

/** Words for a thousand, a million and a billion after a number (`12 bin`, `۲ میلیون`, `3 tuhatta`). */
const SCALE_WORDS = new Map<string, number>([
  ...['thousand', 'bin', 'هزار', 'tuhat', 'tuhatta'].map((w): [string, number] => [wordKey(w), 1e3]),
  ...['million', 'milyon', 'میلیون', 'miljoona', 'miljoonaa'].map((w): [string, number] => [wordKey(w), 1e6]),
  ...['billion', 'milyar', 'میلیارد', 'miljardi', 'miljardia'].map((w): [string, number] => [wordKey(w), 1e9]),
]);

/** The scale a word names (`bin` 1000, `میلیون` a million), or undefined. */
export const scaleWord = (word: string): number | undefined => SCALE_WORDS.get(wordKey(word));

/**
 * Reads one typed number (spaces inside it included: `12 500`), optionally followed by a word for thousands or
 * millions (`12 bin`, `۲٫۵ میلیون`), the way `locale` writes numbers.
 */
export function readNumber(typed: string, locale: Locale): NumberReading {
  const t = typed.normalize('NFKC').trim();
  const scaled = /^(.*\S)\s+(\S+)$/u.exec(t);
  const scale = scaled ? scaleWord(scaled[2]!) : undefined;
  if (!scaled || scale === undefined) return readPlainNumber(t, locale);
  const reading = readPlainNumber(scaled[1]!, locale);
  if (reading.kind === 'number') return { kind: 'number', value: round(reading.value * scale) };
  if (reading.kind === 'ambiguous') return { kind: 'ambiguous', asGroups: round(reading.asGroups * scale), asDecimal: round(reading.asDecimal * scale) };
  return reading;
}

function readPlainNumber(typed: string, locale: Locale): NumberReading {
  let t = latinDigits(typed.normalize('NFKC').trim()).replace(SPACES, ' ').replace(/[’']/g, "'");
  // Persian handwriting and keyboards often put a slash for the decimal point: ۲/۵ is two and a half.
  if (locale === 'fa') t = t.replace(/^(\d+)\/(\d+)([kKmM]?)$/, '$1٫$2$3');
  if (!looksLikeNumber(t)) return { kind: 'none' };
  t = t.replace(CURRENCY, '').trim();
  let scale = 1;
  const suffix = /([kKmM])$/.exec(t);
  if (suffix) {
    scale = SCALE[suffix[1]!.toLowerCase()]!;
    t = t.slice(0, -1).trim();
  }
  // The Arabic marks say what they are: ٬ groups, ٫ is the decimal point. A space or an apostrophe only ever groups.
  t = t.replace(/٬/g, "'");
  let decimalPart: string | undefined;
  if (t.includes('٫')) {
    const parts = t.split('٫');
    if (parts.length !== 2 || /[.,]/.test(parts[1]!)) return { kind: 'invalid' };
    [t, decimalPart] = [parts[0]!, parts[1]!];
  }
  if (!/^\d[\d.,' ]*$/.test(t) && !(decimalPart !== undefined && t === '')) return { kind: 'invalid' };
  if (decimalPart !== undefined && !/^\d+$/.test(decimalPart)) return { kind: 'invalid' };

  const marks = [...new Set(t.replace(/\d/g, ''))];
  const whole = (groups: string[]) => (groups.length === 1 ? /^\d+$/.test(groups[0]!) : validGroups(groups));
  const finish = (integer: string, fraction?: string) => ({
    kind: 'number' as const,
    value: round(Number(`${integer || '0'}${fraction ? `.${fraction}` : ''}`) * scale),
  });

  if (decimalPart !== undefined) {
    if (marks.length > 1) return { kind: 'invalid' };
    const groups = t.split(marks[0] ?? '\u0000');
    return t === '' || whole(groups) ? finish(groups.join(''), decimalPart) : { kind: 'invalid' };
  }
  if (marks.length === 0) return finish(t);
  if (marks.length > 2) return { kind: 'invalid' };
  if (marks.length === 2) {
    // Two marks: the last, once, is the decimal point; the other groups (`12.500,5`, `1,234.5`, `12 500,5`).
    const last = t.replace(/\d/g, '').at(-1)!;
    const group = marks.find((m) => m !== last)!;
    const at = t.lastIndexOf(last);
    if (t.indexOf(last) !== at || last === ' ' || last === "'") return { kind: 'invalid' };
    const fraction = t.slice(at + 1);
    const groups = t.slice(0, at).split(group);
    return fraction && /^\d+$/.test(fraction) && whole(groups) ? finish(groups.join(''), fraction) : { kind: 'invalid' };
  }
  const mark = marks[0]!;
  const groups = t.split(mark);
  if (mark === ' ' || mark === "'") return whole(groups) ? finish(groups.join('')) : { kind: 'invalid' };
  // One kind of `.` or `,`: more than once, it can only group.
  if (groups.length > 2) return validGroups(groups) ? finish(groups.join('')) : { kind: 'invalid' };
  const [before, after] = groups as [string, string];
  if (!after) return { kind: 'invalid' };
  if (!before) return finish('0', after);
  if (after.length !== 3 || !validGroups(groups)) return finish(before, after);
  // `12.500`, `1,500`: a group of thousands or three decimals.
  if (mark === GROUP_MARK[locale]) return finish(before + after);
  return { kind: 'ambiguous', asGroups: round(Number(before + after) * scale), asDecimal: round(Number(`${before}.${after}`) * scale) };
}

/** How to type a value so that `locale` reads it one way only: `12500`, `12,5` (tr, fi), `12.5` (en) or `۱۲٫۵` (fa). */
export function unambiguousTyping(value: number, locale: Locale): string {
  let text = String(value);
  const fraction = text.split('.')[1];
  if (fraction?.length === 3) text += '0';
  if (locale === 'fa') return text.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d))).replace('.', '٫');
  return DECIMAL_MARK[locale] === ',' ? text.replace('.', ',') : text;
}

/** The refusal of a reading that is not one number, in the reader's words (see messages/input.ts). */
export function numberProblem(typed: string, reading: NumberReading, locale: Locale, field?: string): RapportError {
  if (reading.kind === 'ambiguous') {
    return new RapportError(
      'invalid_input',
      said('input.numberAmbiguous', {
        typed,
        asGroups: reading.asGroups,
        asDecimal: reading.asDecimal,
        typeGroups: unambiguousTyping(reading.asGroups, locale),
        typeDecimal: unambiguousTyping(reading.asDecimal, locale),
      }),
      field ? { field } : {},
    );
  }
  return new RapportError('invalid_input', said('input.numberInvalid', { typed }), field ? { field } : {});
}

/**
 * A number typed by a reader of `locale`: the value, undefined when the text is no number at all (a word), or a
 * refusal (RapportError) when it is meant as one but cannot be read, or can be read two ways.
 */
export function numberTyped(typed: string, locale: Locale, field?: string): number | undefined {
  const reading = readNumber(typed, locale);
  if (reading.kind === 'none') return undefined;
  if (reading.kind === 'number') return reading.value;
  throw numberProblem(typed, reading, locale, field);
}

/**
 * Spaces inside a number split it into several words (`12 500`, `1 200`): the words from `from` that make one
 * number (a first group of 1–3 digits, then groups of three, the last with optional decimals or `k`): the index
 * just after the run (`from + 1` when the word stands alone).
 */
export function numberRunAt(words: readonly string[], from: number): number {
  const w = (k: number) => latinDigits(words[k] ?? '');
  let end = from + 1;
  if (/^[$€£₺﷼]?\d{1,3}$/.test(w(from))) {
    while (/^\d{3}$/.test(w(end))) end++;
    if (/^\d{3}(?:[.,٫]\d+)?[kKmM]?$/.test(w(end)) && !/^\d{3}$/.test(w(end))) end++;
  }
  return words[end] !== undefined && scaleWord(words[end]!) !== undefined ? end + 1 : end;
}

/**
 * Like numberRunAt, searching back: the first index of a run of words that ends at `end` (exclusive) and makes one
 * number with spaces inside (`… regular 12 500`), or `end - 1` when the last word stands alone.
 */
export function numberRunEndingAt(words: readonly string[], end: number): number {
  const w = (k: number) => latinDigits(words[k] ?? '');
  if (end >= 2 && scaleWord(words[end - 1]!) !== undefined && looksLikeNumber(words[end - 2]!)) return numberRunEndingAt(words, end - 1);
  const last = end - 1;
  if (!/^\d{3}(?:[.,٫]\d+)?[kKmM]?$/.test(w(last))) return last;
  let start = last;
  while (start - 1 >= 0 && /^\d{3}$/.test(w(start - 1))) start--;
  if (start - 1 >= 0 && /^[$€£₺﷼]?\d{1,3}$/.test(w(start - 1))) return start - 1;
  // Groups of three with no shorter first group (`500 000`): the first one leads.
  return start < last ? start : last;
}
