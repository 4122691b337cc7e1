/** `/rapport settings <what> <value>` → the settings change it asks for. Pure. */
import { THRESHOLD_NAMES, knownThresholdsOnly, type WorkspaceOverrides } from '../../domain/catalogue.js';
import type { WorkspaceSettingsPatch } from '../../domain/inputs.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import { SUGGESTION_SIMILARITY, nameSimilarity } from '../../domain/names.js';
import { channelFromMention, refusal } from './commandText.js';
import { CALENDAR_WORDS, LANGUAGE_WORDS, LOCALES, CALENDARS, type Calendar, type Locale } from '../../i18n/locales.js';
import { nameKey } from '../../domain/names.js';
import { RapportError } from '../../domain/errors.js';
import { md, said } from '../../i18n/messages.js';
import { weekdayNamed } from '../../i18n/dates.js';
import { latinDigits, numberTyped } from '../../i18n/numbers.js';
import { lookUp, type Vocabulary } from '../../i18n/vocabulary.js';

/** The language a word names, in any of the four languages (`tr`, `Türkçe`, `فارسی`, `suomi`). */
export function localeNamed(word: string): Locale | undefined {
  const key = nameKey(word);
  return LOCALES.find((locale) => LANGUAGE_WORDS[locale].some((w) => nameKey(w) === key));
}

export function calendarNamed(word: string): Calendar | undefined {
  const key = nameKey(word);
  return CALENDARS.find((calendar) => CALENDAR_WORDS[calendar].some((w) => nameKey(w) === key));
}

/** `guests allow|refuse` in any of the four languages. */
const GUEST_WORDS: Vocabulary<'allow' | 'refuse'> = {
  allow: {
    en: ['allow', 'allowed', 'on', 'yes'],
    tr: ['izin ver', 'izinli', 'evet', 'açık'],
    fa: ['مجاز', 'بله', 'اجازه'],
    fi: ['salli', 'sallittu', 'kyllä'],
  },
  refuse: { en: ['refuse', 'refused', 'off', 'no', 'deny'], tr: ['reddet', 'yasak', 'hayır', 'kapalı'], fa: ['ممنوع', 'خیر', 'نه'], fi: ['estä', 'kielletty'] },
};

const DEFAULT_WORDS = ['default', 'none', 'varsayılan', 'yok', 'پیش‌فرض', 'هیچ', 'oletus', 'ei'];
/** `default`/`none` in any of the four languages: the choice is cleared. */
export const isDefaultWord = (word: string): boolean => DEFAULT_WORDS.some((w) => nameKey(w) === nameKey(word));

/** `language <word>`: a language, or `default` (null); refused with the languages there are. */
export function languageChoice(value: string): Locale | null {
  if (isDefaultWord(value)) return null;
  const locale = localeNamed(value);
  if (!locale) throw new RapportError('invalid_input', said('language.unknown', { typed: value || '…' }));
  return locale;
}

/** `currency TRY` (any case), or `none`; refused unless ISO 4217 knows the code. */
export function currencyChoice(value: string): string | null {
  if (isDefaultWord(value)) return null;
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code) || !Intl.supportedValuesOf('currency').includes(code))
    throw new RapportError('invalid_input', said('language.currencyUnknown', { typed: value || '…' }));
  return code;
}

export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** `health.halfLifeDays 14` → { health: { halfLifeDays: 14 } }; `ever` means no window. */
export function thresholdPatch(path: string, raw: string, locale: Locale = 'en'): Record<string, unknown> {
  if (!THRESHOLD_NAMES.includes(path)) {
    const [closest] = [...THRESHOLD_NAMES].sort(
      (a, b) => nameSimilarity(path.toLowerCase(), b.toLowerCase()) - nameSimilarity(path.toLowerCase(), a.toLowerCase()),
    );
    const typed = md(quoteCode(path || '(nothing)'));
    const names = md(THRESHOLD_NAMES.map((n) => `\`${n}\``).join(', '));
    throw closest && nameSimilarity(path.toLowerCase(), closest.toLowerCase()) >= SUGGESTION_SIMILARITY
      ? refusal(locale, 'settings', 'input.thresholdUnknownHint', { typed, closest: md(`\`${closest}\``), names })
      : refusal(locale, 'settings', 'input.thresholdUnknown', { typed, names });
  }
  // A number as the person writes numbers (`0,5` in Turkish and Finnish); one that reads two ways is asked about.
  // A sign is kept so that the threshold's own check says why a negative value cannot be used.
  const sign = /^[-\u2212]\d/.test(raw) ? -1 : 1;
  const magnitude = /^(ever|none|null)$/i.test(raw) || isDefaultWord(raw) ? null : numberTyped(sign < 0 ? raw.slice(1) : raw, locale);
  const value = magnitude == null ? magnitude : sign * magnitude;
  if (value === undefined) throw refusal(locale, 'settings', 'input.notANumber', { typed: md(quoteCode(raw)) });
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

/** `stored`: the workspace's overrides, which a threshold change merges into. */
export function parseSettingsChange(stored: WorkspaceOverrides, words: readonly string[], locale: Locale = 'en'): WorkspaceSettingsPatch {
  const [what = '', ...rest] = words;
  const value = rest.join(' ');
  switch (what.toLowerCase()) {
    case 'channel': {
      const channel = channelFromMention(value);
      if (!channel) throw refusal(locale, 'settings', 'input.channelMention');
      return { digestChannelId: channel };
    }
    case 'day': {
      const english = DAYS.findIndex((d) => d.startsWith(value.toLowerCase()) && value.length >= 2);
      const day = english >= 0 ? english : weekdayNamed(value);
      if (day < 0) throw refusal(locale, 'settings', 'input.notAWeekday', { typed: md(quoteCode(value)) });
      return { digestDay: day };
    }
    case 'time':
      return { digestTime: latinDigits(value) };
    case 'guests': {
      if (/^(allow|allowed|on|yes)$/i.test(value) || lookUp(GUEST_WORDS, value) === 'allow') return { allowGuests: true };
      if (/^(refuse|refused|off|no|deny)$/i.test(value) || lookUp(GUEST_WORDS, value) === 'refuse') return { allowGuests: false };
      throw refusal(locale, 'settings', 'input.guests');
    }
    case 'language':
      return { language: languageChoice(value) };
    case 'currency':
      return { currency: currencyChoice(value) };
    case 'timezone':
    case 'tz':
      return { timeZone: value };
    case 'threshold': {
      const [path = '', raw = ''] = rest;
      const current = knownThresholdsOnly(stored.thresholds ?? {}) as Record<string, unknown>;
      return { settings: { ...stored, thresholds: mergeDeep(current, thresholdPatch(path, raw, locale)) } };
    }
    default:
      throw refusal(locale, 'settings', 'input.cannotChange', { typed: md(quoteCode(what)) });
  }
}

function mergeDeep(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const b = out[k];
    out[k] = v && typeof v === 'object' && b && typeof b === 'object' ? mergeDeep(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}
