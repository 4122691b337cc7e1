/** Profit by category over time, pure (issue 30): each month's value per category rebuilt from recorded changes. */
import { describe, expect, it } from 'vitest';
import {
  lastMonths,
  valueByCategory,
  valueMonthsOf,
  type CategoryMove,
  type FieldChange,
  type ValuedClient,
  type ValueHistory,
} from '../../src/domain/valueByCategory.js';
import type { ClientStatus } from '../../src/domain/catalogue.js';

const TZ = 'Europe/Helsinki';
const MONTHS = ['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'];
const at = (iso: string) => new Date(iso);

function client(overrides: Partial<ValuedClient> & { id: string }): ValuedClient {
  return {
    name: overrides.id,
    category: 'regular',
    monthlyValue: 1000,
    status: 'active',
    createdAt: at('2026-01-10T10:00:00Z'),
    exitedAt: null,
    ...overrides,
  };
}

const none: ValueHistory = { categoryMoves: [], valueChanges: [], statusChanges: [] };
const run = (clients: ValuedClient[], history: Partial<ValueHistory> = {}) =>
  valueByCategory(clients, { ...none, ...history }, { months: MONTHS, timeZone: TZ });
const column = (r: ReturnType<typeof run>, category: 'regular' | 'vip' | 'problem' | 'employee') => r.months.map((m) => m.byCategory[category].value);

describe('valueByCategory', () => {
  it('counts every client in its category each month when nothing changed, with totals', () => {
    const r = run([
      client({ id: 'a' }),
      client({ id: 'b', category: 'vip', monthlyValue: 5000 }),
      client({ id: 'c', category: 'employee', monthlyValue: 200 }),
    ]);
    expect(column(r, 'regular')).toEqual([1000, 1000, 1000, 1000, 1000, 1000]);
    expect(column(r, 'vip')).toEqual([5000, 5000, 5000, 5000, 5000, 5000]);
    expect(r.months.map((m) => m.total)).toEqual([6200, 6200, 6200, 6200, 6200, 6200]);
    expect(r.months.map((m) => m.toDate)).toEqual([false, false, false, false, false, true]);
    expect(r.moves).toEqual([]);
  });

  it('moves a client’s value from one category to the other from the month of the move', () => {
    const move: CategoryMove = { clientId: 'a', at: at('2026-09-14T12:00:00Z'), from: 'regular', to: 'problem', by: 'U1' };
    const r = run([client({ id: 'a', category: 'problem', monthlyValue: 3000 })], { categoryMoves: [move] });
    expect(column(r, 'regular')).toEqual([3000, 3000, 0, 0, 0, 0]);
    expect(column(r, 'problem')).toEqual([0, 0, 3000, 3000, 3000, 3000]);
    expect(r.moves).toEqual([{ ...move, clientName: 'a', monthlyValue: 3000 }]);
  });

  it('follows two moves in turn, and judges a month’s end in the workspace’s time zone', () => {
    // 23:30 UTC on 31 Aug is already 1 Sep in Helsinki: the August column still has it as regular.
    const moves: CategoryMove[] = [
      { clientId: 'a', at: at('2026-11-02T09:00:00Z'), from: 'vip', to: 'regular', by: 'U2' },
      { clientId: 'a', at: at('2026-08-31T23:30:00Z'), from: 'regular', to: 'vip', by: 'U1' },
    ];
    const r = run([client({ id: 'a' })], { categoryMoves: moves });
    expect(column(r, 'regular')).toEqual([1000, 1000, 0, 0, 1000, 1000]);
    expect(column(r, 'vip')).toEqual([0, 0, 1000, 1000, 0, 0]);
    expect(r.moves.map((m) => `${m.from}→${m.to}`)).toEqual(['regular→vip', 'vip→regular']);
  });

  it('applies a value change from its month, and the value before it to the months before', () => {
    const changes: FieldChange<number | null>[] = [
      { clientId: 'a', at: at('2026-08-05T10:00:00Z'), from: null, to: 800 },
      { clientId: 'a', at: at('2026-10-20T10:00:00Z'), from: 800, to: 1200 },
    ];
    const r = run([client({ id: 'a', monthlyValue: 1200 })], { valueChanges: changes });
    expect(column(r, 'regular')).toEqual([0, 800, 800, 1200, 1200, 1200]);
    // July: counted, but without a value; said so rather than guessed.
    expect(r.months[0]!.byCategory.regular).toEqual({ value: 0, clients: 1, unvalued: 1 });
    expect(r.unvaluedClients).toBe(1);
  });

  it('removes an exited client from the month it exited, and counts one from its registration', () => {
    const exits: FieldChange<ClientStatus>[] = [{ clientId: 'gone', at: at('2026-10-03T10:00:00Z'), from: 'prepay_only', to: 'exited' }];
    const r = run(
      [
        client({ id: 'gone', status: 'exited', exitedAt: at('2026-10-03T10:00:00Z'), monthlyValue: 400 }),
        client({ id: 'new', createdAt: at('2026-09-20T10:00:00Z'), monthlyValue: 700 }),
      ],
      { statusChanges: exits },
    );
    expect(column(r, 'regular')).toEqual([400, 400, 1100, 700, 700, 700]);
  });

  it('takes an exit stamped on the client when the trail no longer holds it, and counts a client back that returned', () => {
    const back: FieldChange<ClientStatus>[] = [
      { clientId: 'back', at: at('2026-08-10T10:00:00Z'), from: 'active', to: 'exited' },
      { clientId: 'back', at: at('2026-10-10T10:00:00Z'), from: 'exited', to: 'active' },
    ];
    const r = run([client({ id: 'old', status: 'exited', exitedAt: at('2026-09-01T10:00:00Z'), monthlyValue: 50 }), client({ id: 'back', monthlyValue: 10 })], {
      statusChanges: back,
    });
    expect(column(r, 'regular')).toEqual([60, 50, 0, 10, 10, 10]);
  });

  it('lists only the moves made in the window', () => {
    const moves: CategoryMove[] = [
      { clientId: 'a', at: at('2026-03-01T10:00:00Z'), from: 'regular', to: 'vip', by: 'U1' },
      { clientId: 'a', at: at('2026-12-01T10:00:00Z'), from: 'vip', to: 'employee', by: 'U1' },
    ];
    const r = run([client({ id: 'a', category: 'employee' })], { categoryMoves: moves });
    expect(r.moves.map((m) => m.to)).toEqual(['employee']);
    expect(column(r, 'vip')).toEqual([1000, 1000, 1000, 1000, 1000, 0]);
  });
});

describe('the months asked for', () => {
  it('ends with the current month in the workspace’s zone', () => {
    expect(lastMonths(at('2026-12-31T23:30:00Z'), TZ, 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(lastMonths(at('2026-03-03T10:00:00Z'), 'UTC', 4)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
  });

  it('reads 6, 6m and nothing as six months, and refuses what it cannot count', () => {
    expect(valueMonthsOf('')).toBe(6);
    expect(valueMonthsOf('3m')).toBe(3);
    expect(valueMonthsOf('12')).toBe(12);
    expect(valueMonthsOf('0m')).toBeUndefined();
    expect(valueMonthsOf('40m')).toBeUndefined();
    expect(valueMonthsOf('lots')).toBeUndefined();
  });
});
