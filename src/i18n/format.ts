/**
 * Dates, numbers, money and lists as a reader reads them (Intl): in their language's digits, their calendar (the
 * Solar Hijri one for Persian unless they asked for the Gregorian), the time zone they read in, and their
 * workspace's currency. Intl's formatters are slow to build (profiled: once the top cost of a confirmation), so
 * each is built once and kept.
 */
import { INTL_TAGS } from './locales.js';
import type { Reader } from './reader.js';

const kept = new Map<string, unknown>();
function once<T>(key: string, build: () => T): T {
  let found = kept.get(key) as T | undefined;
  if (found === undefined) kept.set(key, (found = build()));
  return found;
}

const tagOf = (reader: Pick<Reader, 'locale' | 'calendar'>) => `${INTL_TAGS[reader.locale]}-u-ca-${reader.calendar}`;

function dates(reader: Reader, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = tagOf(reader);
  return once(`date ${tag} ${reader.timeZone} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, { ...options, timeZone: reader.timeZone }));
}

/**
 * A date in Persian as it is written: weekday, day, month, year ("چهارشنبه ۱۱ آذر ۱۴۰۵"). ICU's pattern for the
 * Solar Hijri calendar puts the year first and a Latin comma before the weekday.
 */
function inPersianOrder(format: Intl.DateTimeFormat, date: Date): string {
  const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, p.value]));
  return [part.weekday, part.day, part.month, part.year].filter(Boolean).join(' ');
}

function formatted(reader: Reader, options: Intl.DateTimeFormatOptions, date: Date): string {
  const format = dates(reader, options);
  return reader.locale === 'fa' ? inPersianOrder(format, date) : format.format(date);
}

/** A day, with its weekday and year: "Wed, 2 Dec 2026", "2 Ara 2026 Çar", "چهارشنبه ۱۱ آذر ۱۴۰۵". */
export function formatDay(date: Date, reader: Reader): string {
  return formatted(reader, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, date);
}

/** A compact day for lists of dates: "23 Nov", with the year only when it is not `reference`'s year (in the reader's calendar). */
export function formatShortDay(date: Date, reader: Reader, reference: Date): string {
  const year = dates(reader, { year: 'numeric' });
  const sameYear = year.format(date) === year.format(reference);
  return formatted(reader, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }, date);
}

/** A calendar day stored as YYYY-MM-DD (a step's due day, a renewal), whatever the reader's zone. */
export function formatCalendarDay(day: string, reader: Reader): string {
  return formatDay(new Date(`${day}T12:00:00Z`), { ...reader, timeZone: 'UTC' });
}

/** A time of day, "09:00" in the reader's digits. */
export function formatTime(date: Date, reader: Reader): string {
  return dates(reader, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

export function formatNumber(value: number, reader: Pick<Reader, 'locale'>, options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 }): string {
  const tag = INTL_TAGS[reader.locale];
  return once(`number ${tag} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options)).format(value);
}

/** Money in the workspace's currency when it has one ("₺12.500", "12 500 €"), else as a whole number. */
export function formatMoney(amount: number, reader: Pick<Reader, 'locale' | 'currency'>): string {
  return reader.currency
    ? formatNumber(amount, reader, { style: 'currency', currency: reader.currency, maximumFractionDigits: 0 })
    : formatNumber(amount, reader, { maximumFractionDigits: 0 });
}

/** "A, B and C" in the reader's language. */
export function formatList(items: readonly string[], reader: Pick<Reader, 'locale'>, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  const tag = INTL_TAGS[reader.locale];
  return once(`list ${tag} ${type}`, () => new Intl.ListFormat(tag, { type })).format(items);
}

/** Compares names as the reader's language sorts them (Turkish ç after c, Finnish ä after z, Persian letters in their order). */
export function nameOrder(reader: Pick<Reader, 'locale'>): (a: string, b: string) => number {
  const tag = INTL_TAGS[reader.locale];
  return once(`collator ${tag}`, () => new Intl.Collator(tag, { sensitivity: 'base', numeric: true })).compare;
}
