/** `/incident <client> paid on time <amount>` read in the four languages, amounts typed the team's way (never guessed). */
import { describe, expect, it } from 'vitest';
import { RapportError } from '../../src/domain/errors.js';
import type { Locale } from '../../src/i18n/locales.js';
import { tokenize } from '../../src/slack/parse/commandText.js';
import { paidOnTimeWords, parsePaidOnTime } from '../../src/slack/parse/payments.js';

const TODAY = '2026-11-25'; // a Wednesday
const read = (text: string, locale: Locale = 'en') => {
  const tokens = tokenize(text);
  const used = paidOnTimeWords(tokens, 0);
  if (used === 0) return undefined;
  return parsePaidOnTime(tokens, used, TODAY, locale, '/incident acme paid on time 1200');
};
const refusal = (text: string, locale: Locale = 'en') => {
  try {
    read(text, locale);
  } catch (error) {
    if (error instanceof RapportError) return error;
    throw error;
  }
  throw new Error(`${text} was not refused`);
};

describe('paid on time, in one line', () => {
  it('is said in any of the four languages, and other words are left to the incident kinds', () => {
    expect(read('paid on time 1200')).toEqual({ amount: 1200, invoiceRef: null });
    expect(read('on-time 1200')).toMatchObject({ amount: 1200 });
    expect(read('zamanında ödedi 12.500', 'tr')).toMatchObject({ amount: 12_500 });
    expect(read('به‌موقع ۱۲k', 'fa')).toMatchObject({ amount: 12_000 });
    expect(read('maksoi ajallaan 12 500', 'fi')).toMatchObject({ amount: 12_500 });
    expect(read('late 45 amount=1200')).toBeUndefined();
    expect(read('paid late 45')).toBeUndefined();
  });

  it('takes a day, an invoice and no amount at all; the amount may be written amount=', () => {
    expect(read('paid on time yesterday 1,200 invoice=INV-9')).toEqual({ amount: 1200, invoiceRef: 'INV-9', day: '2026-11-24' });
    expect(read('paid on time')).toEqual({ amount: null, invoiceRef: null });
    expect(read('paid on time amount=1.5k')).toMatchObject({ amount: 1500 });
  });

  it('asks when the amount reads two ways, and refuses what is no amount, naming what was typed', () => {
    expect(refusal('paid on time 12.500').said?.key).toBe('input.numberAmbiguous');
    expect(refusal('paid on time soon').said).toMatchObject({ key: 'payments.notAmount' });
    expect(refusal('paid on time 1200 1300').said).toMatchObject({ key: 'payments.notAmount' });
  });
});
