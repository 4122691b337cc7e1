/**
 * Profit by category over time (issue 30): the monthly value of the portfolio per client category at each month's
 * end, reconstructed from what was recorded, and the clients moved between categories in that time.
 *
 * A client counts from its registration until it exited, with its value, category and status as they were at the
 * month's end: the `from` of the first change recorded after that month, or, when none was, as they are now.
 * Months are calendar months in the workspace's time zone; the current month counts up to now.
 */
import { CATEGORIES, type Category, type ClientStatus } from './catalogue.js';
import { localDate } from './calendar.js';

/** A client as it is now. */
export interface ValuedClient {
  id: string;
  name: string;
  category: Category;
  monthlyValue: number | null;
  status: ClientStatus;
  createdAt: Date;
  exitedAt: Date | null;
}

/** One recorded change of one field of a client. */
export interface FieldChange<T> {
  clientId: string;
  at: Date;
  from: T;
  to: T;
}

/** A category move, as kept in its history. */
export interface CategoryMove extends FieldChange<Category> {
  by: string;
  /** Why, in the mover's words, when they said. */
  reason?: string | null;
}

export interface ValueHistory {
  categoryMoves: readonly CategoryMove[];
  valueChanges: readonly FieldChange<number | null>[];
  statusChanges: readonly FieldChange<ClientStatus>[];
}

/** One category's share of a month's end. */
export interface CategoryValue {
  value: number;
  /** Clients counted in it (with or without a value). */
  clients: number;
  /** Of those, clients with no monthly value recorded then (they add nothing). */
  unvalued: number;
}

export interface MonthValue {
  /** YYYY-MM. */
  month: string;
  /** Whether the month is still running (counted up to now). */
  toDate: boolean;
  byCategory: Record<Category, CategoryValue>;
  total: number;
}

/** A move in the window, with the client's name. */
export interface ValueMove extends CategoryMove {
  clientName: string;
  /** The client's monthly value at the move (as it was then), if recorded. */
  monthlyValue: number | null;
}

export interface ValueByCategory {
  months: MonthValue[];
  moves: ValueMove[];
  /** Clients counted at some month's end without a monthly value (they add nothing). */
  unvaluedClients: number;
}

/** Months a report may cover: the last 6 by default, up to a year (well inside the 400 days the audit trail keeps value changes). */
export const DEFAULT_VALUE_MONTHS = 6;
export const MAX_VALUE_MONTHS = 12;

/** YYYY-MM of the month `offset` months from `month`. */
export function shiftMonth(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return d.toISOString().slice(0, 7);
}

/** The `count` calendar months up to and including the one `now` is in (in the zone), oldest first. */
export function lastMonths(now: Date, timeZone: string, count: number): string[] {
  const current = localDate(now, timeZone).slice(0, 7);
  return Array.from({ length: count }, (_, i) => shiftMonth(current, i - count + 1));
}

/** `6m`, `12m`, `6` (months): how many months were asked for; empty is the default; anything else undefined. */
export function valueMonthsOf(typed: string): number | undefined {
  const words = typed.trim();
  if (!words) return DEFAULT_VALUE_MONTHS;
  const m = /^(\d{1,2})\s*m?$/i.exec(words);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= MAX_VALUE_MONTHS ? n : undefined;
}

/** The field as it was at the end of `month`: the `from` of the first change after it, else as it is now. */
function asAt<T>(now: T, changes: readonly FieldChange<T>[], month: string, monthOf: (at: Date) => string): T {
  const after = changes.find((c) => monthOf(c.at) > month);
  return after ? after.from : now;
}

const byTime = <C extends { at: Date }>(a: C, b: C) => a.at.getTime() - b.at.getTime();

function perClient<C extends { clientId: string; at: Date }>(changes: readonly C[]): Map<string, C[]> {
  const map = new Map<string, C[]>();
  for (const c of [...changes].sort(byTime)) {
    const list = map.get(c.clientId);
    if (list) list.push(c);
    else map.set(c.clientId, [c]);
  }
  return map;
}

const emptyMonth = (): Record<Category, CategoryValue> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, { value: 0, clients: 0, unvalued: 0 }])) as Record<Category, CategoryValue>;

/**
 * Each month's value per category at its end (`months`: YYYY-MM, oldest first; the last is counted up to now),
 * and the category moves made in those months, oldest first.
 */
export function valueByCategory(
  clients: readonly ValuedClient[],
  history: ValueHistory,
  { months, timeZone }: { months: readonly string[]; timeZone: string },
): ValueByCategory {
  const monthOf = (at: Date) => localDate(at, timeZone).slice(0, 7);
  const moves = perClient(history.categoryMoves);
  const values = perClient(history.valueChanges);
  const statuses = perClient(history.statusChanges);
  const unvalued = new Set<string>();
  const last = months[months.length - 1];

  const statusChangesOf = (client: ValuedClient): FieldChange<ClientStatus>[] => {
    const recorded = statuses.get(client.id) ?? [];
    // An exit stamped on the client but not in the trail (older than it): it was active until then.
    if (recorded.length === 0 && client.status === 'exited' && client.exitedAt)
      return [{ clientId: client.id, at: client.exitedAt, from: 'active', to: 'exited' }];
    return recorded;
  };

  const result: MonthValue[] = months.map((month) => {
    const byCategory = emptyMonth();
    for (const client of clients) {
      if (monthOf(client.createdAt) > month) continue;
      if (asAt(client.status, statusChangesOf(client), month, monthOf) === 'exited') continue;
      const category = asAt(client.category, moves.get(client.id) ?? [], month, monthOf);
      const value = asAt(client.monthlyValue, values.get(client.id) ?? [], month, monthOf);
      const cell = byCategory[category];
      cell.clients += 1;
      if (value === null) {
        cell.unvalued += 1;
        unvalued.add(client.id);
      } else cell.value += value;
    }
    const total = CATEGORIES.reduce((sum, c) => sum + byCategory[c].value, 0);
    return { month, toDate: month === last, byCategory, total };
  });

  const names = new Map(clients.map((c) => [c.id, c]));
  const first = months[0];
  const inWindow = [...history.categoryMoves]
    .filter((m) => first !== undefined && last !== undefined && monthOf(m.at) >= first && monthOf(m.at) <= last && names.has(m.clientId))
    .sort(byTime)
    .map((m) => {
      const client = names.get(m.clientId)!;
      const later = (values.get(m.clientId) ?? []).find((c) => c.at > m.at);
      return { ...m, clientName: client.name, monthlyValue: later ? later.from : client.monthlyValue };
    });
  return { months: result, moves: inWindow, unvaluedClients: unvalued.size };
}
