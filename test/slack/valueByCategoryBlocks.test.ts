/** `/rapport value`'s message, pure: its table lines up in any language, and a busy window stays within Block Kit's limits. */
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../src/domain/catalogue.js';
import type { MonthValue, ValueByCategory, ValueMove } from '../../src/domain/valueByCategory.js';
import { readerIn } from '../../src/i18n/reader.js';
import { valueByCategoryMessage } from '../../src/slack/blocks/valueByCategory.js';

const month = (m: string, value: number, toDate = false): MonthValue => ({
  month: m,
  toDate,
  byCategory: {
    regular: { value, clients: 2, unvalued: 0 },
    vip: { value: 12_500, clients: 1, unvalued: 0 },
    problem: { value: 0, clients: 0, unvalued: 0 },
    employee: { value: 300, clients: 1, unvalued: 1 },
  },
  total: value + 12_800,
});
const months = [month('2026-10', 4000), month('2026-11', 45_000), month('2026-12', 5000, true)];
const move = (i: number): ValueMove => ({
  clientId: `c${i}`,
  clientName: `Client number ${i} with a rather long name`,
  at: new Date(Date.UTC(2026, 10, 1 + (i % 28))),
  from: 'regular',
  to: 'vip',
  by: 'U0ALICE',
  monthlyValue: i % 2 ? 1000 : null,
});
const report = (moves: ValueMove[] = []): ValueByCategory => ({ months, moves, unvaluedClients: 1 });
const sections = (m: ReturnType<typeof valueByCategoryMessage>): string[] =>
  m.blocks.map((b: any) => b.text?.text ?? b.elements?.map((e: any) => e.text).join('\n') ?? '');

describe('the value by category message', () => {
  it.each(['en', 'tr', 'fa', 'fi'] as const)('lines its table up in %s (direction marks take no room)', (locale) => {
    const table = sections(valueByCategoryMessage(report(), readerIn(locale, { currency: 'EUR' }))).find((s) => s.startsWith('```'))!;
    const lines = table.split('\n').slice(1, -1);
    expect(lines).toHaveLength(1 + months.length);
    const widths = lines.map((l) => [...l.replace(/[\u200B-\u200F\u2066-\u2069]/g, '')].length);
    expect(new Set(widths).size).toBe(1);
    expect(lines[0]!.split(/\s{2,}/).length).toBe(2 + CATEGORIES.length);
  });

  it('lists twenty moves and counts the rest, within Block Kit’s limits', () => {
    const m = valueByCategoryMessage(report(Array.from({ length: 120 }, (_, i) => move(i))), readerIn('en', { currency: 'EUR' }));
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    for (const text of sections(m)) expect(text.length).toBeLessThanOrEqual(3000);
    const moves = sections(m).find((s) => s.startsWith('*Moved between categories* (120)'))!;
    expect(moves.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(20);
    expect(moves).toContain('…and 100 more.');
    expect(moves).toContain('*Client number 1 with a rather long name* (€1,000 a month): Regular → VIP / critical, by <@U0ALICE>');
  });

  it('says there is nothing to count rather than a table of zeros', () => {
    const empty = CATEGORIES.reduce((acc, c) => ({ ...acc, [c]: { value: 0, clients: 0, unvalued: 0 } }), {} as MonthValue['byCategory']);
    const m = valueByCategoryMessage(
      { months: [{ month: '2026-12', toDate: true, byCategory: empty, total: 0 }], moves: [], unvaluedClients: 0 },
      readerIn('en'),
    );
    expect(sections(m).join('\n')).toContain('There are no clients to count in these months yet');
    expect(sections(m).join('\n')).not.toContain('```');
  });
});
