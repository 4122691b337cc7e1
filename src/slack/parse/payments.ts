/**
 * `/incident <client> [day] paid on time [day] [amount] [invoice=REF]`: a payment on time (issue 30), typed in any of
 * the four languages, the amount as the person writes numbers (`12.500` in Turkish, `۱۲k` in Persian: i18n/numbers.ts
 * reads it one way, asks when it reads two ways, refuses when it reads none). Pure.
 */
import { RapportError } from '../../domain/errors.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import { wordKey } from '../../domain/names.js';
import type { Locale } from '../../i18n/locales.js';
import { md, said } from '../../i18n/messages.js';
import { numberRunAt, numberTyped } from '../../i18n/numbers.js';
import { parseDayWords, type Token } from './commandText.js';

/** The words that say "paid on time", each as its words in order (compared by wordKey). */
const PAID_ON_TIME: readonly (readonly string[])[] = [
  ['paid', 'on', 'time'],
  ['paid-on-time'],
  ['on-time'],
  ['ontime'],
  ['zamanında', 'ödedi'],
  ['zamanında', 'ödeme'],
  ['zamanında'],
  ['به‌موقع', 'پرداخت', 'کرد'],
  ['به‌موقع', 'پرداخت'],
  ['به‌موقع'],
  ['بموقع'],
  ['maksoi', 'ajallaan'],
  ['maksettu', 'ajallaan'],
  ['ajallaan'],
].sort((a, b) => b.length - a.length);

/** How many tokens from `from` say "paid on time", or 0. */
export function paidOnTimeWords(tokens: readonly Token[], from: number): number {
  for (const phrase of PAID_ON_TIME) {
    const words = tokens.slice(from, from + phrase.length);
    if (words.length === phrase.length && words.every((t, i) => !t.quoted && wordKey(t.value) === wordKey(phrase[i]!))) return phrase.length;
  }
  return 0;
}

export interface PaidOnTimeArgs {
  amount: number | null;
  invoiceRef: string | null;
  /** A day named after the words (`paid on time yesterday 1200`). */
  day?: string;
}

/** The words after "paid on time" (`used` of `tokens` said it). `example` is the command as it should be typed, for the refusal. */
export function parsePaidOnTime(tokens: readonly Token[], used: number, today: string, locale: Locale, example: string): PaidOnTimeArgs {
  let i = used;
  const dated = parseDayWords(tokens, i, today, locale);
  if (dated) i += dated.used;
  let amount: number | null = null;
  let invoiceRef: string | null = null;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const invoice = /^invoice=(.+)$/i.exec(t.value);
    if (invoice && !t.quoted && invoiceRef === null) {
      invoiceRef = invoice[1]!;
      i++;
      continue;
    }
    const value = /^amount=(.+)$/i.exec(t.value)?.[1] ?? t.value;
    // `1 200`: a number with spaces in it is read whole.
    const words = [value, ...tokens.slice(i + 1).map((next) => (next.quoted ? '' : next.value))];
    const end = t.quoted ? 1 : numberRunAt(words, 0);
    const typed = words.slice(0, end).join(' ');
    const read: number | undefined = amount === null && !t.quoted ? numberTyped(typed, locale, 'amount') : undefined;
    if (read === undefined) {
      throw new RapportError('invalid_input', said('payments.notAmount', { typed: md(quoteCode(t.value)), example: md(quoteCode(example)) }), {
        field: 'amount',
      });
    }
    amount = read;
    i += end;
  }
  return { amount, invoiceRef, ...(dated ? { day: dated.day } : {}) };
}
