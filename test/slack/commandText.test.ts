import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { parseAmount, parseCallArgs, parseClientAdd, parseDayWords, parseIncidentArgs, splitClientSet, tokenize } from '../../src/slack/parse/commandText.js';

describe('command text parsing', () => {
  it('tokenizes with straight, curly and single quotes, keeping offsets', () => {
    expect(tokenize('"Acme Corp" “Big Co” \'x y\' z').map((t) => t.value)).toEqual(['Acme Corp', 'Big Co', 'x y', 'z']);
    const text = 'acme +comms  keep   my spacing';
    const tokens = tokenize(text);
    expect(parseCallArgs(DEFAULT_CATALOGUE, text, tokens.slice(1)).notes).toBe('keep   my spacing');
  });

  it('reads ±traits by alias, then notes; a sign inside the notes is text', () => {
    const text = '+communication -reporting Weekly sync, +1 from them';
    expect(parseCallArgs(DEFAULT_CATALOGUE, text, tokenize(text))).toEqual({
      traits: ['excellent_communication', 'no_data_sharing'],
      notes: 'Weekly sync, +1 from them',
      signedWordsInNotes: [],
    });
    const late = 'Sent the report +info -comms';
    expect(parseCallArgs(DEFAULT_CATALOGUE, late, tokenize(late))).toMatchObject({ traits: [], signedWordsInNotes: ['+info', '-comms'] });
  });

  it('reads a day after the client: today, yesterday, weekdays (today included), last <weekday>, ISO dates', () => {
    const today = '2026-11-25'; // a Wednesday
    const day = (text: string) => parseDayWords(tokenize(text), 0, today);
    expect(day('yesterday +info')).toEqual({ day: '2026-11-24', used: 1 });
    expect(day('today')).toEqual({ day: '2026-11-25', used: 1 });
    expect(day('monday')).toEqual({ day: '2026-11-23', used: 1 });
    expect(day('Wed')).toEqual({ day: '2026-11-25', used: 1 });
    expect(day('last wednesday')).toEqual({ day: '2026-11-18', used: 2 });
    expect(day('on friday')).toEqual({ day: '2026-11-20', used: 2 });
    expect(day('2026-10-01 +comms')).toEqual({ day: '2026-10-01', used: 1 });
    expect(day('weekly sync')).toBeUndefined();
    expect(day('mo')).toBeUndefined();
  });

  it('reads incident kinds, their fields and notes', () => {
    const text = 'late 45 days invoice=INV-7 amount=1.2k Paid after reminders';
    expect(parseIncidentArgs(text, tokenize(text))).toEqual({
      kind: 'slow_payment',
      fields: { daysLate: 45, invoiceRef: 'INV-7', amount: 1200 },
      notes: 'Paid after reminders',
    });
    const competitor = 'competitor competitor=Globex off-contract Asked for a quote';
    expect(parseIncidentArgs(competitor, tokenize(competitor))).toMatchObject({
      kind: 'competitor_play',
      fields: { competitor: 'Globex', onAgreedWork: false },
    });
    expect(() => parseIncidentArgs('late days=soon', tokenize('late days=soon'))).toThrow(/whole number/);
    const dispute = 'dispute invoice=INV-9 amount=99';
    expect(parseIncidentArgs(dispute, tokenize(dispute)).fields).toEqual({ invoiceRef: 'INV-9', amountDisputed: 99 });
    expect(() => parseIncidentArgs('lie days=3', tokenize('lie days=3'))).toThrow('`days=` does not apply to this kind of incident.');
  });

  it('reads /client add options from the end in any order', () => {
    const text = 'Acme Corp Ltd 12k <@U0DANA|dana> long-term vip';
    expect(parseClientAdd(text, tokenize(text))).toEqual({
      name: 'Acme Corp Ltd',
      category: 'vip',
      relationship: 'long_term',
      ownerUserId: 'U0DANA',
      monthlyValue: 12000,
    });
    expect(parseClientAdd('VIP', tokenize('VIP'))).toEqual({ name: 'VIP' }); // a name is never eaten whole
    expect(parseClientAdd('"Regular Joe" regular', tokenize('"Regular Joe" regular'))).toEqual({ name: 'Regular Joe', category: 'regular' });
  });

  it('splits /client set at the last field word', () => {
    const { nameTokens, field, valueTokens } = splitClientSet(tokenize('Value Partners value 300'));
    expect([nameTokens.map((t) => t.value), field, valueTokens.map((t) => t.value)]).toEqual([['Value', 'Partners'], 'value', ['300']]);
  });

  it('parses amounts', () => {
    expect(['1200', '$1,200', '1.5k', '12K', 'abc', '-5'].map(parseAmount)).toEqual([1200, 1200, 1500, 12000, undefined, undefined]);
  });
});
