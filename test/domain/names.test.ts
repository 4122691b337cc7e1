import { describe, expect, it } from 'vitest';
import { displayName, looksAlike, nameKey, nameSimilarity, unquoteName } from '../../src/domain/names.js';

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
    expect(looksAlike(nameKey('Café'), nameKey('Cafe'))).toBe(true);
    expect(looksAlike(nameKey('Acme Corp.'), nameKey('Acme Corp'))).toBe(true);
    expect(looksAlike(nameKey('Acme-Corp'), nameKey('Acme Corp'))).toBe(true);
    expect(looksAlike(nameKey('Northwind Traders'), nameKey('Northwind Trader'))).toBe(true);
    expect(looksAlike(nameKey('Globex'), nameKey('Globes'))).toBe(false); // short names: one letter is another name
    expect(looksAlike(nameKey('Acme Corp'), nameKey('Acme Labs'))).toBe(false);
    expect(looksAlike(nameKey('Northwind Store 12'), nameKey('Northwind Store 13'))).toBe(false);
    expect(looksAlike(nameKey('Café 12'), nameKey('Cafe 12'))).toBe(true);
  });

  it('ranks suggestions: containment and shared trigrams, in any script', () => {
    expect(nameSimilarity('acm', 'acme corp')).toBeGreaterThan(nameSimilarity('acm', 'globex'));
    expect(nameSimilarity('glbex', 'globex')).toBeGreaterThan(0.3);
    expect(nameSimilarity(nameKey('شرکت نوی'), nameKey('شرکت نوین'))).toBeGreaterThan(0.3);
    expect(nameSimilarity('acme corp', 'initech')).toBe(0);
  });
});
