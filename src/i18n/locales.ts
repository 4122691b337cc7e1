/**
 * The languages Rapport speaks: English (the source of every message), Turkish, Persian and Finnish, the
 * languages of the documents its rules come from (shared/seeds) and of the teams it is for.
 */
export const LOCALES = ['en', 'tr', 'fa', 'fi'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The tag Intl formats each language with (British English: day before month, 24-hour clock). */
export const INTL_TAGS: Readonly<Record<Locale, string>> = { en: 'en-GB', tr: 'tr-TR', fa: 'fa-IR', fi: 'fi-FI' };

/**
 * Slack's own `locale` for a person (`users.info` with `include_locale`: "tr-TR", "en-US") as one of Rapport's
 * languages, when it is one. Slack has no Turkish, Persian or Finnish interface, so mostly it says English.
 */
export function localeOfSlack(tag: string | undefined): Locale | undefined {
  const language = tag?.split(/[-_]/)[0]?.toLowerCase();
  return isLocale(language) ? language : undefined;
}

/** Persian is written right to left: its lines carry direction marks (see messages.ts). */
export const isRightToLeft = (locale: Locale): boolean => locale === 'fa';

/** Calendars dates are shown in: the Solar Hijri one is Persian readers' own, the Gregorian anyone's on request. */
export const CALENDARS = ['gregory', 'persian'] as const;
export type Calendar = (typeof CALENDARS)[number];

/** A language's own calendar, unless its reader asked for another. */
export const defaultCalendar = (locale: Locale): Calendar => (locale === 'fa' ? 'persian' : 'gregory');

/** The day a week starts on where the language is spoken (0 Sunday … 6 Saturday): Saturday in Iran, Monday elsewhere here. */
export function firstDayOfWeek(locale: Locale): number {
  const info = (new Intl.Locale(INTL_TAGS[locale]) as Intl.Locale & { weekInfo?: { firstDay: number } }).weekInfo;
  return (info?.firstDay ?? 1) % 7;
}

/**
 * What a person may type to name a language or a calendar, in any of the four languages (`/rapport settings
 * language türkçe`, `… me calendar شمسی`): compared folded (domain/names.ts), so case and accents do not matter.
 */
export const LANGUAGE_WORDS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['en', 'english', 'ingilizce', 'انگلیسی', 'englanti'],
  tr: ['tr', 'turkish', 'türkçe', 'turkce', 'ترکی', 'turkki'],
  fa: ['fa', 'persian', 'farsi', 'farsça', 'فارسی', 'persia'],
  fi: ['fi', 'finnish', 'fince', 'فنلاندی', 'suomi'],
};

export const CALENDAR_WORDS: Readonly<Record<Calendar, readonly string[]>> = {
  gregory: ['gregorian', 'gregory', 'miladi', 'miladî', 'میلادی', 'gregoriaaninen'],
  persian: ['persian', 'solar hijri', 'jalali', 'shamsi', 'hicri şemsi', 'şemsi', 'شمسی', 'هجری شمسی', 'jalaali', 'persialainen'],
};
