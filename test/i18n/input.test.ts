/**
 * Input in every language, pure: numbers, dates and words as a Turkish, Persian, Finnish or English person types
 * them. Each is read right, or refused/asked with the readings Rapport sees; never stored as a guess.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, incidentKindFromWord, resolveTraitWord } from '../../src/domain/catalogue.js';
import { RapportError } from '../../src/domain/errors.js';
import { dayNamedAt, dayNamedAtEnd, readNumericDate } from '../../src/i18n/dates.js';
import type { Locale } from '../../src/i18n/locales.js';
import { say, tPlain } from '../../src/i18n/messages.js';
import { readNumber, type NumberReading } from '../../src/i18n/numbers.js';
import { CATEGORY_WORDS, traitWordsIn, wordsIn } from '../../src/i18n/vocabulary.js';
import { fromSolarHijri, toSolarHijri } from '../../src/i18n/solarHijri.js';
import {
  categoryFromWord,
  parseCallArgs,
  parseClientAdd,
  parseClientListFilter,
  parseClientSetValue,
  parseIncidentArgs,
  parseNextStepArgs,
  relationshipFromWord,
  statusFromWord,
  tokenize,
  USAGE,
} from '../../src/slack/parse/commandText.js';
import { parseSettingsChange, thresholdPatch } from '../../src/slack/parse/settings.js';

const n = (value: number): NumberReading => ({ kind: 'number', value });
const ask = (asGroups: number, asDecimal: number): NumberReading => ({ kind: 'ambiguous', asGroups, asDecimal });
const refused: NumberReading = { kind: 'invalid' };

const NUMBERS: Record<Locale, [string, NumberReading][]> = {
  en: [
    ['12500', n(12500)],
    ['12,500', n(12500)],
    ['$1,200', n(1200)],
    ['12.5', n(12.5)],
    ['1,234.5', n(1234.5)],
    ['12 500', n(12500)],
    ['12\u00A0500', n(12500)],
    ['12\u202F500', n(12500)],
    ['1.5k', n(1500)],
    ['2,5k', n(2500)],
    ['1.2m', n(1200000)],
    ['۱۲k', n(12000)],
    ['0.500', n(0.5)],
    ['12.500', ask(12500, 12.5)],
    ['12.50.0', refused],
    ['1,2,3', refused],
    ['12,50,000', refused],
    ['12 thousand', n(12000)],
    ['1.5 million', n(1500000)],
    ['acme', { kind: 'none' }],
  ],
  tr: [
    ['12.500', n(12500)],
    ['1.250.000', n(1250000)],
    ['12,5', n(12.5)],
    ['12.500,75', n(12500.75)],
    ['2,5k', n(2500)],
    ['12 500', n(12500)],
    ['1,500', ask(1500, 1.5)],
    ['12.50.0', refused],
    ['₺12.500', n(12500)],
    ['12 bin', n(12000)],
    ['2,5 milyon', n(2500000)],
    ['1,5 bin', n(1500)],
  ],
  fa: [
    ['۱۲۵۰۰', n(12500)],
    ['۱۲٬۵۰۰', n(12500)],
    ['۱۲٫۵', n(12.5)],
    ['١٢٬٥٠٠', n(12500)],
    ['۱۲k', n(12000)],
    ['12,500', n(12500)],
    ['۱۲.۵۰۰', ask(12500, 12.5)],
    ['۱۲٫۵٫۰', refused],
    ['۱۲/۵', n(12.5)],
    ['۲/۵ میلیون', n(2500000)],
    ['۱۲ هزار', n(12000)],
  ],
  fi: [
    ['12 500', n(12500)],
    ['12\u00A0500', n(12500)],
    ['12\u202F500,5', n(12500.5)],
    ['12,5', n(12.5)],
    ['2,5k', n(2500)],
    ['12.500', ask(12500, 12.5)],
    ['1,500', ask(1500, 1.5)],
    ['12 50', refused],
    ['3 tuhatta', n(3000)],
    ['2,5 miljoonaa', n(2500000)],
  ],
};

describe('numbers as each language writes them', () => {
  for (const [locale, table] of Object.entries(NUMBERS) as [Locale, [string, NumberReading][]][]) {
    it.each(table)(`${locale}: %s`, (typed, expected) => {
      expect(readNumber(typed, locale)).toEqual(expected);
    });
  }

  it('asks with both readings, in the person’s language, and how to type each one', () => {
    const error = (() => {
      try {
        parseClientAdd('Acme 12.500', tokenize('Acme 12.500'), 'en');
      } catch (e) {
        return e as RapportError;
      }
    })();
    expect(error).toBeInstanceOf(RapportError);
    expect(say('en', error!.said!)).toBe('12.500 can be read two ways: 12,500 or 12.5. Nothing was saved; say which you meant by typing `12500` or `12.5`.');
    const turkish = (() => {
      try {
        parseClientAdd('Acme 1,500', tokenize('Acme 1,500'), 'tr');
      } catch (e) {
        return e as RapportError;
      }
    })();
    expect(say('tr', turkish!.said!)).toContain('1.500 veya 1,5');
    expect(say('tr', turkish!.said!)).toContain('`1500` ya da `1,5`');
    const persian = (() => {
      try {
        parseClientAdd('شرکت پارس ۱۲.۵۰۰', tokenize('شرکت پارس ۱۲.۵۰۰'), 'fa');
      } catch (e) {
        return e as RapportError;
      }
    })();
    expect(say('fa', persian!.said!)).toContain('۱۲٬۵۰۰');
    // Persian lines isolate each argument (direction marks): the typed forms are in Persian digits.
    expect(say('fa', persian!.said!).replace(/[\u2068\u2069]/g, '')).toContain('`۱۲۵۰۰` یا `۱۲٫۵`');
  });
});

describe('dates as each language writes them', () => {
  const TABLE: [Locale, string, ReturnType<typeof readNumericDate>][] = [
    ['tr', '28.11.2026', { kind: 'day', day: '2026-11-28' }],
    ['en', '28.11.2026', { kind: 'day', day: '2026-11-28' }],
    ['fi', '28.11.2026.', { kind: 'day', day: '2026-11-28' }],
    ['tr', '28/11/2026', { kind: 'day', day: '2026-11-28' }],
    ['en', '28/11/2026', { kind: 'day', day: '2026-11-28' }],
    ['en', '2026-11-28', { kind: 'day', day: '2026-11-28' }],
    ['fa', '۲۰۲۶-۱۱-۲۸', { kind: 'day', day: '2026-11-28' }],
    ['fa', '۱۴۰۵/۰۹/۱۱', { kind: 'day', day: '2026-12-02' }],
    ['en', '1405/09/11', { kind: 'day', day: '2026-12-02' }],
    ['fa', '۱۱/۰۹/۱۴۰۵', { kind: 'day', day: '2026-12-02' }],
    ['tr', '03/04/2026', { kind: 'day', day: '2026-04-03' }],
    ['fi', '3.4.2026', { kind: 'day', day: '2026-04-03' }],
    ['fa', '03/04/2026', { kind: 'day', day: '2026-04-03' }],
    ['en', '03/04/2026', { kind: 'ambiguous', dayFirst: '2026-04-03', monthFirst: '2026-03-04' }],
    ['en', '04/04/2026', { kind: 'day', day: '2026-04-04' }],
    ['en', '11/28/2026', { kind: 'day', day: '2026-11-28' }],
    ['en', '2026-02-31', { kind: 'impossible' }],
    ['tr', '31.04.2026', { kind: 'impossible' }],
    ['fa', '۱۴۰۴/۱۲/۳۰', { kind: 'impossible' }],
    ['fa', '۱۴۰۳/۱۲/۳۰', { kind: 'day', day: '2025-03-20' }],
    ['en', '12.500', { kind: 'none' }],
    ['tr', '28.11.26', { kind: 'day', day: '2026-11-28' }],
    ['en', '03/04/26', { kind: 'ambiguous', dayFirst: '2026-04-03', monthFirst: '2026-03-04' }],
    ['fa', '۰۵/۰۹/۱۱', { kind: 'none' }],
  ];
  it.each(TABLE)('%s: %s', (locale, typed, expected) => {
    expect(readNumericDate(typed, locale)).toEqual(expected);
  });

  it('converts the Solar Hijri calendar both ways', () => {
    expect(toSolarHijri('2026-12-02')).toEqual({ year: 1405, month: 9, day: 11 });
    expect(fromSolarHijri(1405, 1, 1)).toBe('2026-03-21');
    expect(fromSolarHijri(1405, 7, 31)).toBeUndefined();
  });

  const TODAY = '2026-11-25'; // a Wednesday
  const past = (text: string, locale: Locale = 'en') => dayNamedAt(tokenize(text), 0, TODAY, locale)?.day;
  it.each([
    ['yesterday', '2026-11-24'],
    ['dün', '2026-11-24'],
    ['DÜN', '2026-11-24'],
    ['eilen', '2026-11-24'],
    ['دیروز', '2026-11-24'],
    ['bugün', TODAY],
    ['tänään', TODAY],
    ['امروز', TODAY],
    ['pazartesi', '2026-11-23'],
    ['pazartesi günü', '2026-11-23'],
    ['cumartesi', '2026-11-21'],
    ['cuma', '2026-11-20'],
    ['maanantaina', '2026-11-23'],
    ['perjantai', '2026-11-20'],
    ['شنبه', '2026-11-21'],
    ['جمعه', '2026-11-20'],
    ['سه‌شنبه', '2026-11-24'],
    ['سه شنبه', '2026-11-24'],
    ['geçen çarşamba', '2026-11-18'],
    ['viime keskiviikkona', '2026-11-18'],
    ['چهارشنبه گذشته', '2026-11-18'],
    ['3 gün önce', '2026-11-22'],
    ['۳ روز پیش', '2026-11-22'],
    ['3 päivää sitten', '2026-11-22'],
    ['28.11.2026', '2026-11-28'],
    ['weekly sync', undefined],
  ])('the day named by %s', (text, day) => {
    expect(past(text, 'tr')).toBe(day);
  });

  it('refuses an impossible date and asks about an ambiguous one, never moving it', () => {
    expect(() => past('2026-02-31 +info')).toThrow(/There is no day 2026-02-31/);
    expect(() => past('31.04.2026', 'tr')).toThrow(RapportError);
    expect(() => past('03/04/2026')).toThrow(/3 Apr 2026.*4 Mar 2026/);
    expect(past('03/04/2026', 'tr')).toBe('2026-04-03');
  });

  const MONDAY = '2026-11-23';
  const due = (text: string, locale: Locale = 'en') => dayNamedAtEnd(tokenize(text), MONDAY, locale)?.day;
  it.each([
    ['Ara yarın', '2026-11-24'],
    ['Soita huomenna', '2026-11-24'],
    ['تماس فردا', '2026-11-24'],
    ['Ara cuma', '2026-11-27'],
    ['Ara cumaya kadar', '2026-11-27'],
    ['Soita perjantaina', '2026-11-27'],
    ['تماس تا جمعه', '2026-11-27'],
    ['Ara gelecek hafta', '2026-11-30'],
    ['Ara haftaya', '2026-11-30'],
    ['Soita ensi viikolla', '2026-11-30'],
    ['تماس هفته بعد', '2026-11-30'],
    ['Ara 3 gün sonra', '2026-11-26'],
    ['Soita 3 päivän päästä', '2026-11-26'],
    ['تماس ۳ روز دیگر', '2026-11-26'],
    ['تماس ۲ هفته دیگر', '2026-12-07'],
    ['Ara 01.12.2026', '2026-12-01'],
    ['Call them in 3 days', '2026-11-26'],
  ])('a next step due: %s', (text, day) => {
    expect(due(text, 'tr')).toBe(day);
  });

  it('keeps what to do apart from the day', () => {
    expect(parseNextStepArgs('Teklifi gönder cumaya kadar', tokenize('Teklifi gönder cumaya kadar'), MONDAY, 'tr')).toEqual({
      what: 'Teklifi gönder',
      dueOn: '2026-11-27',
    });
  });
});

describe('the words of Rapport’s terms, from anyone in any of the four languages', () => {
  const trait = (sign: 'good' | 'bad', word: string) => resolveTraitWord(DEFAULT_CATALOGUE, sign, word)?.key;
  it.each([
    ['good', 'iletişim', 'excellent_communication'],
    ['good', 'İLETİŞİM', 'excellent_communication'],
    ['good', 'iletisim', 'excellent_communication'],
    ['good', 'INFO', 'shares_information'],
    ['good', 'İNFO', 'shares_information'],
    ['good', 'ارتباط', 'excellent_communication'],
    ['good', 'viestintä', 'excellent_communication'],
    ['good', 'VIESTINTA', 'excellent_communication'],
    ['bad', 'iletişim', 'terrible_communication'],
    ['bad', 'olumsuz', 'negative_attitude'],
    ['good', 'olumlu', 'positive_attitude'],
    ['bad', 'planlama', 'no_strategic_planning'],
    ['bad', 'برنامه‌ریزی', 'no_strategic_planning'],
    ['bad', 'raportointi', 'no_data_sharing'],
    ['bad', 'olumlu', undefined],
    ['good', 'görgü', undefined],
  ] as const)('%s %s', (sign, word, key) => {
    expect(trait(sign, word)).toBe(key);
  });

  it('reads ±words with accents in /call', () => {
    const text = '+iletişim -گزارش‌دهی +viestintä notlar';
    expect(parseCallArgs(DEFAULT_CATALOGUE, text, tokenize(text)).traits).toEqual(['excellent_communication', 'no_data_sharing']);
  });

  it('refuses a trait and its opposite in one call, naming both in the reader’s words', () => {
    const text = '+iletişim -ارتباط notlar';
    const refusal = (() => {
      try {
        parseCallArgs(DEFAULT_CATALOGUE, text, tokenize(text));
      } catch (error) {
        return error as RapportError;
      }
    })();
    expect(refusal?.detail.field).toBe('traits');
    expect(say('tr', refusal!.said!)).toBe(
      'Mükemmel iletişim ile Korkunç iletişim birbiriyle çelişiyor, bu yüzden hiçbir şey kaydedilmedi: bir görüşmeye bunlardan yalnızca biri kaydedilir. Gözlemlediğinizi bırakın.',
    );
  });

  it('a day after the traits dates the call; in English only when nothing follows it', () => {
    const read = (text: string, locale: Locale) => parseCallArgs(DEFAULT_CATALOGUE, text, tokenize(text), { today: '2026-11-25', locale });
    expect(read('+iletişim dün Teklif konuşuldu', 'tr')).toMatchObject({ day: '2026-11-24', notes: 'Teklif konuşuldu' });
    expect(read('+info yesterday', 'en')).toMatchObject({ day: '2026-11-24', notes: '' });
    expect(read('+info Monday we agreed', 'en')).not.toHaveProperty('day');
    expect(read('+info Monday we agreed', 'en').notes).toBe('Monday we agreed');
  });

  it('lists each language’s own words, for help', () => {
    expect(wordsIn(CATEGORY_WORDS, 'vip', 'tr')).toEqual(['kritik', 'önemli']);
    expect(traitWordsIn({ key: 'excellent_communication', dimension: 'communication' }, 'fa')).toEqual(['ارتباط', 'ارتباطات']);
  });

  it('custom traits keep their own words', () => {
    const catalogue = {
      ...DEFAULT_CATALOGUE,
      traits: [
        ...DEFAULT_CATALOGUE.traits,
        { key: 'pays_early', dimension: 'payment', polarity: 'good' as const, label: 'Pays early', weight: 1, aliases: ['early'] },
      ],
    };
    expect(resolveTraitWord(catalogue, 'good', 'EARLY')?.key).toBe('pays_early');
  });

  it.each([
    ['yalan', 'lying'],
    ['دروغ', 'lying'],
    ['valehtelu', 'lying'],
    ['gecikme', 'slow_payment'],
    ['late', 'slow_payment'],
    ['late-payment', 'slow_payment'],
    ['itiraz', 'invoice_dispute'],
    ['rakip', 'competitor_play'],
    ['kilpailija', 'competitor_play'],
    ['حقوقی', 'legal_exposure'],
    ['hakaret', 'mental_abuse'],
  ])('incident kind %s', (word, kind) => {
    expect(incidentKindFromWord(word)).toBe(kind);
  });

  it('reads categories, relationship kinds, statuses and list filters', () => {
    expect(['vip', 'kritik', 'ویژه', 'kriittinen', 'critical'].map(categoryFromWord)).toEqual(['vip', 'vip', 'vip', 'vip', 'vip']);
    expect(['problem', 'sorunlu', 'مشکل‌دار', 'مشکل دار', 'ongelma'].map(categoryFromWord)).toEqual(['problem', 'problem', 'problem', 'problem', 'problem']);
    expect(['çalışan', 'کارمند', 'työntekijä', 'staff'].map(categoryFromWord)).toEqual(['employee', 'employee', 'employee', 'employee']);
    expect(['long-term', 'uzun-vadeli', 'بلندمدت', 'pitkäaikainen', 'long_term'].map(relationshipFromWord)).toEqual(Array(5).fill('long_term'));
    expect(['basamak', 'ponnahduslauta', 'موقت'].map(relationshipFromWord)).toEqual(Array(3).fill('stepping_stone'));
    expect(['peşin', 'پیش‌پرداخت', 'ennakkomaksu', 'prepay-only'].map(statusFromWord)).toEqual(Array(4).fill('prepay_only'));
    expect(parseClientListFilter(['kritik'], 'U1')).toEqual({ category: 'vip' });
    expect(parseClientListFilter(['riskli'], 'U1')).toEqual({ band: 'at_risk' });
    expect(parseClientListFilter(['risk', 'altında'], 'U1')).toEqual({ band: 'at_risk' });
    expect(parseClientListFilter(['benim'], 'U1')).toEqual({ ownerUserId: 'U1' });
    expect(parseClientListFilter(['ongelma'], 'U1')).toEqual({ category: 'problem' });
  });
});

describe('commands read numbers whole, as the person writes them', () => {
  it('/client add: 12.500 in Turkish, 12 500 in Finnish, ۱۲k in Persian', () => {
    const add = (text: string, locale: Locale) => parseClientAdd(text, tokenize(text), locale);
    expect(add('Ostim Makine regular 12.500', 'tr')).toEqual({ name: 'Ostim Makine', category: 'regular', monthlyValue: 12500 });
    expect(add('Ostim Makine sıradan 2,5k', 'tr')).toEqual({ name: 'Ostim Makine', category: 'regular', monthlyValue: 2500 });
    expect(add('Nokia Oyj 12 500 pitkäaikainen', 'fi')).toEqual({ name: 'Nokia Oyj', relationship: 'long_term', monthlyValue: 12500 });
    expect(add('Nokia Oyj 12\u00A0500', 'fi')).toEqual({ name: 'Nokia Oyj', monthlyValue: 12500 });
    expect(add('شرکت پارس ویژه ۱۲k', 'fa')).toEqual({ name: 'شرکت پارس', category: 'vip', monthlyValue: 12000 });
    expect(add('شرکت پارس ۱۲ هزار', 'fa')).toEqual({ name: 'شرکت پارس', monthlyValue: 12000 });
    expect(add('Ostim Makine 12 bin kritik', 'tr')).toEqual({ name: 'Ostim Makine', category: 'vip', monthlyValue: 12000 });
    expect(add('Acme bin', 'tr')).toEqual({ name: 'Acme bin' });
    expect(() => add('Acme 12.50.0', 'en')).toThrow(/not a number Rapport can read/);
    expect(() => add('Acme 12.500', 'en')).toThrow(RapportError);
  });

  it('/client set value and renews', () => {
    const set = (field: 'value' | 'renews', raw: string, locale: Locale) => parseClientSetValue(field, tokenize(raw), raw, locale);
    expect(set('value', '12.500', 'tr')).toEqual({ monthlyValue: 12500 });
    expect(set('value', '12 500', 'fi')).toEqual({ monthlyValue: 12500 });
    expect(() => set('value', '12.500', 'en')).toThrow(RapportError);
    expect(set('value', 'yok', 'tr')).toEqual({ monthlyValue: null });
    expect(set('renews', '31.03.2027', 'tr')).toEqual({ renewsOn: '2027-03-31' });
    expect(() => set('renews', '31.04.2027', 'tr')).toThrow(/There is no day/);
  });

  it('/incident amount=1 200 is 1200, never amount 1 and a note "200"', () => {
    const text = 'late 45 amount=1 200 paid after reminders';
    expect(parseIncidentArgs(text, tokenize(text), 'tr')).toEqual({
      kind: 'slow_payment',
      fields: { daysLate: 45, amount: 1200 },
      notes: 'paid after reminders',
    });
    const turkish = 'gecikme ۴۵ gün amount=12.500';
    expect(parseIncidentArgs(turkish, tokenize(turkish), 'tr').fields).toEqual({ daysLate: 45, amount: 12500 });
    const million = 'dispute amount=2,5 milyon fatura';
    expect(parseIncidentArgs(million, tokenize(million), 'tr')).toMatchObject({ fields: { amountDisputed: 2500000 }, notes: 'fatura' });
    expect(() => parseIncidentArgs('late 45 amount=12.500', tokenize('late 45 amount=12.500'), 'en')).toThrow(RapportError);
  });

  it('settings thresholds read numbers the same way', () => {
    expect(thresholdPatch('health.halfLifeDays', '14,5', 'tr')).toEqual({ health: { halfLifeDays: 14.5 } });
    expect(thresholdPatch('health.halfLifeDays', '۱۴', 'fa')).toEqual({ health: { halfLifeDays: 14 } });
    expect(() => thresholdPatch('health.halfLifeDays', '1,500', 'tr')).toThrow(RapportError);
  });

  it('settings words in any language: the digest day, guests', () => {
    expect(parseSettingsChange({}, ['day', 'pazartesi'])).toEqual({ digestDay: 1 });
    expect(parseSettingsChange({}, ['day', 'شنبه'])).toEqual({ digestDay: 6 });
    expect(parseSettingsChange({}, ['day', 'perjantai'])).toEqual({ digestDay: 5 });
    expect(parseSettingsChange({}, ['guests', 'izin', 'ver'])).toEqual({ allowGuests: true });
    expect(parseSettingsChange({}, ['guests', 'ممنوع'])).toEqual({ allowGuests: false });
    expect(parseSettingsChange({}, ['time', '۰۹:۳۰'])).toEqual({ digestTime: '09:30' });
  });
});

describe('usage lines', () => {
  it('the English ones of the catalogue are the commands’ usage, word for word', () => {
    for (const [name, usage] of Object.entries(USAGE)) expect(tPlain('en', `input.usage.${name}` as never)).toBe(usage);
  });

  it('every language has them, with the command names as they are', () => {
    for (const locale of ['tr', 'fa', 'fi'] as const) {
      for (const name of Object.keys(USAGE)) expect(tPlain(locale, `input.usage.${name}` as never)).toMatch(/\/(call|incident|client|rapport)/);
    }
  });
});
