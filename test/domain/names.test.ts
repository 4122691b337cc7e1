import { describe, expect, it } from 'vitest';
import { displayName, lookAlikeSkeleton, looksAlikeTo, nameKey, nameSimilarity, unquoteName, leadsByWords, oneLeadsTheOther } from '../../src/domain/names.js';

const looksAlike = (a: string, b: string) => looksAlikeTo(a)({ name: b });

describe('client name keys', () => {
  it.each([
    ['Turkish dotted capital İ', ['İstanbul Ltd', 'istanbul ltd', 'ISTANBUL LTD', 'ıstanbul ltd', 'İSTANBUL LTD']],
    ['Turkish dotless ı', ['Işık Holding', 'ışık holding', 'IŞIK HOLDING', 'işik holding']],
    ['Finnish, composed and decomposed', ['Oy Sähkö Ab', 'oy sa\u0308hko\u0308 ab', 'OY SÄHKÖ AB', 'OY SA\u0308HKO\u0308 AB']],
    ['French, decomposed as macOS sends it', ['Café Noir', 'cafe\u0301 noir', 'CAFÉ NOIR']],
    ['German ß and capital ẞ', ['Straße GmbH', 'STRASSE GMBH', 'strasse gmbh', 'STRAẞE GMBH']],
    ['Persian with ZWNJ, Arabic-keyboard yeh and kaf', ['شرکت\u200Cهای نوین', 'شركت\u200Cهاي نوين', 'شرکتهای نوین']],
    ['emoji', ['🚀 Rocket Labs', '🚀 rocket labs', '🚀  ROCKET LABS ']],
    ['with control characters typed in (NUL from a paste)', ['Acme Corp', 'Acme\u0000 Corp', 'Acme Corp\u0007']],
    ['full-width and ligatures', ['Ｆｉｎｅ Ｆｏｏｄｓ', 'ﬁne foods', 'FINE FOODS']],
  ])('%s: every spelling has one key', (_what, spellings) => {
    const keys = new Set(spellings.map(nameKey));
    expect([...keys]).toHaveLength(1);
  });

  it('keeps letters that are different letters apart', () => {
    expect(nameKey('Säkö')).not.toBe(nameKey('Sako'));
    expect(nameKey('İstanbul')).not.toBe(nameKey('Üstanbul'));
  });

  it('shows the name as typed, in NFC with single spaces', () => {
    expect(displayName('  Cafe\u0301   Noir ')).toBe('Café Noir');
    expect(displayName('İstanbul Ltd')).toBe('İstanbul Ltd');
  });

  it('drops one pair of quotes around a whole name, and only a matching pair', () => {
    expect(unquoteName('"Quoted "Inner" Co"')).toBe('Quoted "Inner" Co');
    expect(unquoteName('“Legal Eagles”')).toBe('Legal Eagles');
    expect(unquoteName("O'Reilly")).toBe("O'Reilly");
    expect(unquoteName('"Half')).toBe('"Half');
  });

  it('tells look-alikes from different names', () => {
    expect(looksAlike('Café', 'Cafe')).toBe(true);
    expect(looksAlike('Acme Corp.', 'Acme Corp')).toBe(true);
    expect(looksAlike('Acme-Corp', 'Acme Corp')).toBe(true);
    expect(looksAlike('Northwind Traders', 'Northwind Trader')).toBe(true);
    expect(looksAlike('Globex', 'Globes')).toBe(false); // short names: one letter is another name
    expect(looksAlike('Acme Corp', 'Acme Labs')).toBe(false);
    expect(looksAlike('Northwind Store 12', 'Northwind Store 13')).toBe(false);
    expect(looksAlike('Café 12', 'Cafe 12')).toBe(true);
  });

  it('folds the Arabic and Persian forms of yeh and kaf into one key: one client, never two', () => {
    expect(nameKey('شركت پارسي')).toBe(nameKey('شرکت پارسی')); // Arabic kaf ك and yeh ي, Persian ک and ی
    expect(nameKey('كيان')).toBe(nameKey('کیان'));
    expect(nameKey('مصطفى')).toBe(nameKey('مصطفی')); // alef maksura ى as Persian yeh
  });

  it('ranks suggestions: containment and shared trigrams, in any script', () => {
    expect(nameSimilarity('acm', 'acme corp')).toBeGreaterThan(nameSimilarity('acm', 'globex'));
    expect(nameSimilarity('glbex', 'globex')).toBeGreaterThan(0.3);
    expect(nameSimilarity(nameKey('شرکت نوی'), nameKey('شرکت نوین'))).toBeGreaterThan(0.3);
    expect(nameSimilarity('acme corp', 'initech')).toBe(0);
  });
});

describe('confusable skeletons', () => {
  it.each([
    ['Cyrillic о (U+043E)', 'Gl\u043Ebex', 'Globex'],
    ['Cyrillic capital Komi sje Ԍ (U+050C)', '\u050Clobex', 'Globex'],
    ['Cyrillic е and х', 'Glob\u0435\u0445', 'Globex'],
    ['Greek capitals', '\u0391\u039A\u039C\u0395 Corp', 'AKME Corp'],
    ['Armenian օ', 'Gl\u0585bex', 'Globex'],
    ['full-width Ｇ', '\uFF27lobex', 'Globex'],
    ['mathematical bold 𝐆', '\u{1D406}lobex', 'Globex'],
  ])('%s: read as the Latin name', (_what, name, latin) => {
    expect(name).not.toBe(latin);
    expect(lookAlikeSkeleton(name)).toBe(lookAlikeSkeleton(latin));
    expect(looksAlike(name, latin)).toBe(true);
  });

  it('full-width and mathematical letters are the same name outright (one key), not only alike', () => {
    expect(nameKey('\uFF27lobex')).toBe(nameKey('Globex'));
    expect(nameKey('\u{1D406}lobex')).toBe(nameKey('Globex'));
    expect(nameKey('Gl\u043Ebex')).not.toBe(nameKey('Globex'));
  });

  it('reads 0 and 1 inside a word of letters as o and l, but a number standing alone stays a number', () => {
    expect(looksAlike('Gl0bex', 'Globex')).toBe(true);
    expect(looksAlike('F1rst Choice', 'Flrst Choice')).toBe(true);
    expect(looksAlike('G00gle Partners', 'Google Partners')).toBe(true);
    expect(looksAlike('Studio 10', 'Studio lo')).toBe(false);
    expect(looksAlike('Northwind Store 10', 'Northwind Store 11')).toBe(false);
    expect(looksAlike('Room101', 'Room 101')).toBe(true); // spacing only, as before
  });

  it('reads the Persian ۀ typed as one letter or as heh with a hamza above alike', () => {
    expect(looksAlike('خان\u06C0 دوست', 'خان\u0647\u0654 دوست')).toBe(true);
  });

  it('reads Arabic-Indic and Persian digits as the digits they are', () => {
    expect(looksAlike('شرکت ۱۲', 'شرکت ١٢')).toBe(true);
    expect(looksAlike('Store ١٢', 'Store 12')).toBe(true);
    expect(looksAlike('شرکت ۱۲', 'شرکت ۱۳')).toBe(false);
  });

  it('a one-letter slip in a long name counts across scripts too', () => {
    expect(looksAlike('Northwind Tr\u0430der', 'Northwind Traders')).toBe(true);
  });

  it.each([
    ['Persian', 'شرکت پارس'],
    ['Persian with ZWNJ', 'شرکت\u200Cهای نوین'],
    ['Arabic', 'شركة الأمل'],
    ['Greek', 'Αθηνά'],
    ['Greek capitals', 'ΑΘΗΝΑ Α.Ε.'],
    ['Russian', 'Москва'],
    ['Russian capitals', 'ТЕХНОСЕРВИС'],
    ['Ukrainian', 'Київстар'],
    ['Armenian', 'Արարատ'],
  ])('a real %s name keeps its own letters and is not taken for any Latin name', (_what, name) => {
    expect(lookAlikeSkeleton(name)).toMatch(/[^\p{Script=Latin}]/u);
    for (const latin of ['Globex', 'Acme Corp', 'Initech', 'Hooli', 'Umbrella', 'Tekhnoservis', 'Moskva', 'Athina', 'Kyivstar', 'Ararat']) {
      expect(looksAlike(name, latin), `${name} ~ ${latin}`).toBe(false);
    }
  });

  it('a name in one script stays alike to itself in another case or with punctuation, as before', () => {
    expect(looksAlike('ΑΘΗΝΑ', 'Αθηνά.')).toBe(true);
    expect(looksAlike('МОСКВА Ltd', 'Москва Ltd.')).toBe(true);
    expect(looksAlike('شرکت پارس', 'شرکت، پارس')).toBe(true);
    expect(looksAlike('Москва', 'Минск')).toBe(false);
  });
});

describe('names that begin with the same whole words', () => {
  it('one leads the other by whole words of their keys, in either order, and never by part of a word', () => {
    expect(oneLeadsTheOther(nameKey('Northwind'), nameKey('Northwind Traders'))).toBe(true);
    expect(oneLeadsTheOther(nameKey('NORTHWIND TRADERS LTD'), nameKey('Northwind Traders'))).toBe(true);
    expect(oneLeadsTheOther(nameKey('İstanbul'), nameKey('istanbul Dış Ticaret'))).toBe(true);
    expect(oneLeadsTheOther(nameKey('North'), nameKey('Northwind Traders'))).toBe(false);
    expect(oneLeadsTheOther(nameKey('Acme Corp'), nameKey('Acme Labs'))).toBe(false);
    expect(leadsByWords('', nameKey('Acme'))).toBe(false);
  });
});
