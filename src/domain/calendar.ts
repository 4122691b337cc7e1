/** Calendar days as the people of a workspace live them: dates in its own time zone. */
import { DAY_MS } from './types.js';
import { ENGLISH } from '../i18n/reader.js';
import { say, said, type Said } from '../i18n/messages.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of `at` in the time zone. Intl formatters are slow to build, so one is kept per zone. */
export function localDate(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

/** Whole calendar days from `earlier` to `later` in the zone: a call on the 1st is 1 day old on the 2nd, whatever the hours. */
export function calendarDaysBetween(earlier: Date, later: Date, timeZone: string): number {
  return Math.round((Date.parse(localDate(later, timeZone)) - Date.parse(localDate(earlier, timeZone))) / DAY_MS);
}

/** How far back a call or incident may be dated: older history is a typo (1900), not a relationship to score. */
export const ENTRY_YEARS_BACK = 5;

/** Whether YYYY-MM-DD names a day that exists (not the 31st of April: Date.parse would move it to May). */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return at.getUTCMonth() === Number(m[2]) - 1 && at.getUTCDate() === Number(m[3]);
}

/** Why a picked day (YYYY-MM-DD) cannot date an entry logged `today` (the workspace's date), if it cannot: a catalogue message. */
export function entryDaySaid(day: string, today: string): Said | undefined {
  if (!isCalendarDay(day)) return said('input.pickDate');
  if (day > today) return said('input.dateFuture');
  const oldest = `${Number(today.slice(0, 4)) - ENTRY_YEARS_BACK}${today.slice(4)}`;
  if (day < oldest) return said('input.dateTooOld', { years: ENTRY_YEARS_BACK, oldest });
  return undefined;
}

/** The same, in English words (logs, and callers with no reader). */
export function entryDayProblem(day: string, today: string): string | undefined {
  const problem = entryDaySaid(day, today);
  return problem && say(ENGLISH, problem);
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone is ahead of UTC at `at` (Kiritimati +14 h, Baker Island −12 h). */
function offsetAt(at: number, timeZone: string): number {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    clocks.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - Math.floor(at / 60_000) * 60_000;
}

/**
 * Noon of `day` (YYYY-MM-DD) in the zone: the middle of that calendar day there, so it is that day wherever the
 * workspace is (noon UTC is already the next day at UTC+13). Asked twice, in case a clock change lies between.
 */
export function noonIn(day: string, timeZone: string): Date {
  const wall = Date.parse(`${day}T12:00:00Z`);
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone));
}

/** The instant an entry dated `day` is stored at: now for today, else noon of that day in the workspace's zone. */
export function entryInstant(day: string, today: string, now: Date, timeZone: string): Date {
  return day === today ? now : noonIn(day, timeZone);
}
