/**
 * Who reads a message, and so how it is written: in their language and calendar, with the times of the zone they
 * read in and the money of their workspace's currency. A person's own message uses their language; a channel post
 * (the digest) the workspace's.
 */
import { defaultCalendar, type Calendar, type Locale } from './locales.js';

export interface Reader {
  locale: Locale;
  calendar: Calendar;
  /** IANA zone the reader's dates and times are shown in. */
  timeZone: string;
  /** The workspace's currency (ISO 4217), shown with every money value; null: amounts as plain numbers. */
  currency: string | null;
}

export function readerIn(locale: Locale, settings: { timeZone?: string; calendar?: Calendar | null; currency?: string | null } = {}): Reader {
  return { locale, calendar: settings.calendar ?? defaultCalendar(locale), timeZone: settings.timeZone ?? 'UTC', currency: settings.currency ?? null };
}

/** English, UTC: for logs and tests that read no one's settings. */
export const ENGLISH: Reader = readerIn('en');
