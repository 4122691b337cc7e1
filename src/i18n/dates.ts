/**
 * Days as people type them, in any of the four languages whatever their own: `28.11.2026`, `28/11/2026`,
 * `2026-11-28`, Persian digits, Solar Hijri dates (`۱۴۰۵/۰۹/۱۱`: any year 1300–1499 is one), and words: today,
 * yesterday, tomorrow, weekdays, `last monday`, `next week`, `in 3 days` and their Turkish, Persian and Finnish
 * equivalents (`dün`, `cumartesi`, `eilen`, `perjantaina`, `فردا`, `شنبه`, `۳ روز دیگر`…). Pure.
 *
 * A date that does not exist (`2026-02-31`, `31.04.2026`) is refused, never moved to the next month. A date that
 * reads two ways (`03/04/2026`) is read day first in Turkish, Persian and Finnish, as they write it; an English
 * reader is asked which they meant when both readings are dates.
 */
import { RapportError } from '../domain/errors.js';
import { wordKey } from '../domain/names.js';
import { formatCalendarDay } from './format.js';
import type { Locale } from './locales.js';
import { said } from './messages.js';
import { latinDigits } from './numbers.js';
import { readerIn } from './reader.js';
import { fromSolarHijri, isSolarHijriYear } from './solarHijri.js';

const DAY_MS = 86_400_000;

export interface DateToken {
  value: string;
  quoted: boolean;
}

/** A day `days` after (or before, when negative) `day`, both YYYY-MM-DD. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a Gregorian date, or undefined when it does not exist (the 31st of April). */
export function gregorianDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return undefined;
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

/** A date of either calendar: a year 1300–1499 is Solar Hijri. */
const calendarDay = (year: number, month: number, day: number) => (isSolarHijriYear(year) ? fromSolarHijri(year, month, day) : gregorianDay(year, month, day));

export type DateReading =
  | { kind: 'day'; day: string }
  /** `03/04/2026` typed by an English reader: 3 April or 4 March. */
  | { kind: 'ambiguous'; dayFirst: string; monthFirst: string }
  /** Shaped like a date, but no such day (`2026-02-31`). */
  | { kind: 'impossible' }
  | { kind: 'none' };

/** A date written with digits, as `locale` writes dates. */
export function readNumericDate(typed: string, locale: Locale): DateReading {
  const t = latinDigits(typed.normalize('NFKC').trim());
  const reading = readDigits(t, locale);
  // A sentence's full stop after a date (`… 28.11.2026.`) is not part of it.
  return reading.kind === 'none' && /[.,;]$/.test(t) ? readDigits(t.slice(0, -1), locale) : reading;
}

function readDigits(t: string, locale: Locale): DateReading {
  const yearFirst = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(t);
  if (yearFirst) {
    const day = calendarDay(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
    return day ? { kind: 'day', day } : { kind: 'impossible' };
  }
  const yearLast = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(t);
  // Two-digit years (`28.11.26`) are this century's; a Persian one could be either calendar's, so it is no date.
  if (!yearLast || (yearLast[4]!.length === 2 && locale === 'fa')) return { kind: 'none' };
  const [a, b] = [Number(yearLast[1]), Number(yearLast[3])];
  const year = yearLast[4]!.length === 2 ? 2000 + Number(yearLast[4]) : Number(yearLast[4]);
  const dayFirst = calendarDay(year, b, a);
  // Dots are always day first (nobody writes month.day.year); so is everyone but English, with any mark.
  if (yearLast[2] === '.' || locale !== 'en' || isSolarHijriYear(year)) return dayFirst ? { kind: 'day', day: dayFirst } : { kind: 'impossible' };
  const monthFirst = calendarDay(year, a, b);
  if (dayFirst && monthFirst && dayFirst !== monthFirst) return { kind: 'ambiguous', dayFirst, monthFirst };
  const day = dayFirst ?? monthFirst;
  return day ? { kind: 'day', day } : { kind: 'impossible' };
}

/** The refusal of a date that is not one day. */
export function dateProblem(typed: string, reading: DateReading, locale: Locale, field = 'date'): RapportError {
  if (reading.kind === 'ambiguous') {
    const reader = readerIn(locale);
    return new RapportError(
      'invalid_input',
      said('input.dateAmbiguous', {
        typed,
        dayFirst: formatCalendarDay(reading.dayFirst, reader),
        monthFirst: formatCalendarDay(reading.monthFirst, reader),
        typeDayFirst: reading.dayFirst,
        typeMonthFirst: reading.monthFirst,
      }),
      { field },
    );
  }
  return new RapportError('invalid_input', said('input.dateImpossible', { typed }), { field });
}

/** A typed date: its day, undefined when it is no date at all, or a refusal when it is impossible or ambiguous. */
export function dateTyped(typed: string, locale: Locale, field?: string): string | undefined {
  const reading = readNumericDate(typed, locale);
  if (reading.kind === 'none') return undefined;
  if (reading.kind === 'day') return reading.day;
  throw dateProblem(typed, reading, locale, field);
}

// ---------------------------------------------------------------------------------------------
// Words

const words = (...list: string[]) => new Set(list.map(wordKey));

const TODAY = words('today', 'bugün', 'امروز', 'tänään');
const YESTERDAY = words('yesterday', 'dün', 'دیروز', 'eilen');
const DAY_BEFORE_YESTERDAY = words('evvelsi gün', 'önceki gün', 'پریروز', 'toissapäivänä', 'toissa päivänä');
const TOMORROW = words('tomorrow', 'yarın', 'فردا', 'huomenna');
/** Before a weekday: the one of the week before (`last monday`, `geçen pazartesi`, `viime maanantaina`). */
const LAST = words('last', 'geçen', 'geçtiğimiz', 'viime');
/** After a weekday in Persian: `دوشنبه گذشته`, `دوشنبه پیش`. */
const LAST_AFTER = words('گذشته', 'پیش', 'قبل');
/** Words a named day may follow and that go with it: `on monday`, `by friday`, `تا جمعه`. */
const ON = words('on');
const BY = words('by', 'due', 'on', 'تا', 'until');
/** After a day, part of it: `pazartesi günü`, `cumaya kadar`, `روز`. */
const DAY_TAIL = words('günü', 'kadar', 'mennessä');
const WEEK = words('week', 'hafta', 'هفته', 'viikko', 'viikon', 'viikolla', 'viikkoa');
const DAYS = words('day', 'days', 'gün', 'روز', 'päivä', 'päivän', 'päivää');
const WEEKS = words('week', 'weeks', 'hafta', 'هفته', 'viikko', 'viikon', 'viikkoa');
const NEXT = words('next', 'gelecek', 'önümüzdeki', 'ensi', 'seuraava', 'seuraavalla');
const NEXT_AFTER = words('بعد', 'آینده', 'دیگر', 'بعدی');
const NEXT_WEEK_ONE_WORD = words('haftaya');
/** After `N days` / `N weeks`: from now (`3 gün sonra`, `۳ روز دیگر`, `3 päivän päästä`). */
const LATER = words('sonra', 'içinde', 'دیگر', 'بعد', 'päästä', 'kuluttua', 'sisällä');
/** After `N days`: ago (`3 days ago`, `3 gün önce`, `۳ روز پیش`, `3 päivää sitten`). */
const AGO = words('ago', 'önce', 'پیش', 'قبل', 'sitten');

/** Weekday names, Sunday first, each in the four languages (Finnish also in the form that means "on": maanantaina). */
const WEEKDAY_NAMES: readonly (readonly string[])[] = [
  ['sunday', 'pazar', 'pazara', 'یکشنبه', 'یک شنبه', 'sunnuntai', 'sunnuntaina', 'sunnuntaihin'],
  ['monday', 'pazartesi', 'pazartesiye', 'دوشنبه', 'دو شنبه', 'maanantai', 'maanantaina', 'maanantaihin'],
  ['tuesday', 'salı', 'salıya', 'سه‌شنبه', 'سه شنبه', 'tiistai', 'tiistaina', 'tiistaihin'],
  ['wednesday', 'çarşamba', 'çarşambaya', 'چهارشنبه', 'چهار شنبه', 'keskiviikko', 'keskiviikkona', 'keskiviikkoon'],
  ['thursday', 'perşembe', 'perşembeye', 'پنجشنبه', 'پنج شنبه', 'torstai', 'torstaina', 'torstaihin'],
  ['friday', 'cuma', 'cumaya', 'جمعه', 'perjantai', 'perjantaina', 'perjantaihin'],
  ['saturday', 'cumartesi', 'cumartesiye', 'شنبه', 'lauantai', 'lauantaina', 'lauantaihin'],
];
const WEEKDAY_KEYS = new Map(WEEKDAY_NAMES.flatMap((names, day) => names.map((n): [string, number] => [wordKey(n), day])));
const ENGLISH_WEEKDAYS = WEEKDAY_NAMES.map((names) => names[0]!);

/** The weekday a key names (0 Sunday … 6 Saturday), or -1. English names may be cut short to three letters or more (`wed`, `thurs`). */
function weekdayOfKey(key: string): number {
  const found = WEEKDAY_KEYS.get(key);
  if (found !== undefined) return found;
  return key.length >= 3 && /^[a-z]+$/.test(key) ? ENGLISH_WEEKDAYS.findIndex((d) => d.startsWith(key)) : -1;
}

/** The weekday (0 Sunday … 6 Saturday) a word names in any of the four languages (`monday`, `mon`, `pazartesi`, `دوشنبه`, `maanantai`), or -1. */
export function weekdayNamed(word: string): number {
  const key = wordKey(latinDigits(word));
  return key ? weekdayOfKey(key) : -1;
}

/** Each token's key (quoted ones never name a day), with trailing punctuation left out. */
function keysOf(tokens: readonly DateToken[]): (string | undefined)[] {
  return tokens.map((t) => (t.quoted ? undefined : wordKey(latinDigits(t.value).replace(/[.,;:!?،؛]+$/u, ''))));
}

const rawOf = (tokens: readonly DateToken[], k: number) =>
  tokens[k] && !tokens[k]!.quoted ? latinDigits(tokens[k]!.value.replace(/[,;:!?،؛]+$/u, '')) : undefined;

/** A weekday starting at token k (Persian ones may be two words: `سه شنبه`): the weekday and how many tokens it took. */
function weekdayAt(keys: readonly (string | undefined)[], k: number): { weekday: number; used: number } | undefined {
  const pair = keys[k] && keys[k + 1] ? WEEKDAY_KEYS.get(`${keys[k]}${keys[k + 1]}`) : undefined;
  if (pair !== undefined) return { weekday: pair, used: 2 };
  const one = keys[k] ? weekdayOfKey(keys[k]!) : -1;
  return one >= 0 ? { weekday: one, used: 1 } : undefined;
}

/**
 * A day named at `tokens[from]`, looking back from `today` (YYYY-MM-DD), as a call or an incident is dated:
 * today, yesterday, a weekday (the latest one, today included; `last monday` the one before), `3 days ago`, or a
 * date. Returns the day and how many tokens it took, undefined when no day is named there, and throws a refusal
 * for a date that is impossible or ambiguous.
 */
export function dayNamedAt(tokens: readonly DateToken[], from: number, today: string, locale: Locale): { day: string; used: number } | undefined {
  const keys = keysOf(tokens);
  let i = from;
  if (keys[i] && ON.has(keys[i]!)) i++;
  const key = keys[i];
  if (!key) return undefined;
  const took = (day: string, used: number) => {
    const tail = keys[i + used] && DAY_TAIL.has(keys[i + used]!) ? 1 : 0;
    return { day, used: i - from + used + tail };
  };
  if (TODAY.has(key)) return took(today, 1);
  if (YESTERDAY.has(key)) return took(shiftDay(today, -1), 1);
  if (DAY_BEFORE_YESTERDAY.has(key)) return took(shiftDay(today, -2), 1);
  if (keys[i + 1] && DAY_BEFORE_YESTERDAY.has(`${key}${keys[i + 1]}`)) return took(shiftDay(today, -2), 2);
  const raw = rawOf(tokens, i)!;
  const date = dateTyped(raw, locale);
  if (date) return took(date, 1);
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : undefined;
  if (n !== undefined && keys[i + 1] && keys[i + 2] && AGO.has(keys[i + 2]!)) {
    if (DAYS.has(keys[i + 1]!)) return took(shiftDay(today, -n), 3);
    if (WEEKS.has(keys[i + 1]!)) return took(shiftDay(today, -7 * n), 3);
  }
  const last = LAST.has(key);
  const named = weekdayAt(keys, last ? i + 1 : i);
  if (!named) return undefined;
  const lastAfter = !last && keys[i + named.used] !== undefined && LAST_AFTER.has(keys[i + named.used]!);
  const since = (new Date(`${today}T12:00:00Z`).getUTCDay() - named.weekday + 7) % 7;
  const back = last || lastAfter ? since || 7 : since;
  return took(shiftDay(today, -back), named.used + (last || lastAfter ? 1 : 0));
}

/**
 * The day a text ends with, looking ahead from `today` as a next step is due: today, tomorrow, a weekday (the
 * next one, so `friday` on a Friday is a week later), next week, in N days or weeks, or a date; optionally after
 * `by`, `due`, `on` or `تا`. Returns the day and the index of the token where the phrase starts.
 */
export function dayNamedAtEnd(tokens: readonly DateToken[], today: string, locale: Locale): { day: string; from: number } | undefined {
  const keys = keysOf(tokens);
  const n = keys.length;
  const at = (k: number) => keys[n - k] ?? '';
  const raw = (k: number) => rawOf(tokens, n - k) ?? '';
  let end = n;
  // A trailing `günü`, `kadar` or `mennessä` belongs to the day before it.
  if (DAY_TAIL.has(at(1)) && n > 1) end = n - 1;
  const e = (k: number) => keys[end - k] ?? '';
  const count = (k: number) => {
    const word = rawOf(tokens, end - k) ?? '';
    return /^\d{1,3}$/.test(word) ? Number(word) : undefined;
  };
  const times = (unit: string) => (DAYS.has(unit) ? 1 : WEEKS.has(unit) ? 7 : 0);
  let found: { day: string; length: number } | undefined;
  const date = end === n && keys[n - 1] !== undefined ? dateTyped(raw(1), locale) : undefined;
  if (date) found = { day: date, length: 1 };
  else if (TODAY.has(e(1))) found = { day: today, length: 1 };
  else if (TOMORROW.has(e(1))) found = { day: shiftDay(today, 1), length: 1 };
  else if (NEXT_WEEK_ONE_WORD.has(e(1))) found = { day: shiftDay(today, 7), length: 1 };
  else if (e(3) === 'in' && count(2) !== undefined && times(e(1))) found = { day: shiftDay(today, count(2)! * times(e(1))), length: 3 };
  else if (count(3) !== undefined && times(e(2)) && LATER.has(e(1))) found = { day: shiftDay(today, count(3)! * times(e(2))), length: 3 };
  else if (NEXT.has(e(2)) && WEEK.has(e(1))) found = { day: shiftDay(today, 7), length: 2 };
  else if (WEEK.has(e(2)) && NEXT_AFTER.has(e(1))) found = { day: shiftDay(today, 7), length: 2 };
  else {
    const pair = e(2) && e(1) ? WEEKDAY_KEYS.get(`${e(2)}${e(1)}`) : undefined;
    const weekday = pair ?? (e(1) ? weekdayOfKey(e(1)) : -1);
    if (weekday >= 0) {
      const todayIndex = new Date(`${today}T12:00:00Z`).getUTCDay();
      found = { day: shiftDay(today, (weekday - todayIndex + 7) % 7 || 7), length: pair !== undefined ? 2 : 1 };
    }
  }
  if (!found) return undefined;
  const from = end - found.length;
  return BY.has(keys[from - 1] ?? '') ? { day: found.day, from: from - 1 } : { day: found.day, from };
}
