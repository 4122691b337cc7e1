/**
 * Statements on every request's path, built once. drizzle renders a statement's text from its query tree on each
 * run: 0.2 ms for a plain select, 1–2 ms for a call's confirmation weights (measured; a fifth of a `/call`'s CPU
 * went to rendering, README "Where one command's time goes"). A statement built once takes its values as
 * placeholders, and each run only binds them; the server plans it once (`planOnce`). The text is the same for
 * both drivers (one dialect), so it is kept per process; what runs it is per handle (a prepared query belongs to
 * its session).
 */
import { is, Placeholder, sql, type SQL } from 'drizzle-orm';
import type { Query } from 'drizzle-orm/sql';
import { executedRows, type Database } from './client.js';
import { planOnce } from './workspaceScope.js';

/**
 * Placeholders named as the values a statement takes, typed as those values so that drizzle's builders take them
 * where the values would go (they bind at each run). A proxy: name them one by one, never spread them.
 */
export type Placeholders<V> = { readonly [K in keyof V]: V[K] };

/** What drizzle's handles keep out of their public types: the dialect that renders, the session that runs. */
interface Internals {
  dialect: { sqlToQuery(sql: SQL): Query };
  session: {
    prepareQuery(query: Query, fields: undefined, name: undefined, arrayMode: boolean): { execute(values: Record<string, unknown>): Promise<unknown> };
  };
}

const placeholders = new Proxy({}, { get: (_, name) => sql.placeholder(String(name)) });

/**
 * A raw statement rendered once (on its first run), then run with `values` bound: its rows as the driver gives them.
 * `build` must depend on nothing but the placeholders (anything else would be frozen by the first run).
 */
export function statementBuiltOnce<V extends Record<string, unknown>, Row = Record<string, unknown>>(
  build: (values: Placeholders<V>) => SQL,
): (db: Database, values: V) => Promise<Row[]> {
  let query: Query | undefined;
  return async (db, values) => {
    const { dialect, session } = db as unknown as Internals;
    if (!query) {
      query = sharingPlaceholders(dialect.sqlToQuery(build(placeholders as Placeholders<V>)));
      planOnce(query.sql);
    }
    return executedRows<Row>(await session.prepareQuery(query, undefined, undefined, false).execute(values));
  };
}

/**
 * The query with each value bound once: drizzle makes a parameter of every use of a placeholder, so a value used
 * in twenty places (a confirmation's moment, its client) travelled, and was parsed by the server, twenty times
 * (101 parameters for 11 values; 100 timestamps cost about 0.18 ms more a statement than one, measured). Uses
 * share a parameter only where they are cast alike (`$n::timestamptz`, or neither cast): the server deduces a
 * parameter's type once, and one bare use beside a cast one could be asked to be two types.
 */
export function sharingPlaceholders(query: Query): Query {
  const params: unknown[] = [];
  const shared = new Map<string, number>();
  // `$n` outside quoted literals and identifiers, and the cast right after it.
  const text = query.sql.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|\$(\d+)((?:::[a-z_][a-z0-9_]*(?:\[\])?)?)/gi, (token, n: string | undefined, cast: string) => {
    if (n === undefined) return token;
    const param = query.params[Number(n) - 1];
    const key = is(param, Placeholder) ? `${param.name}${cast}` : undefined;
    let index = key === undefined ? undefined : shared.get(key);
    if (index === undefined) {
      index = params.push(param);
      if (key !== undefined) shared.set(key, index);
    }
    return `$${index}${cast}`;
  });
  return { ...query, sql: text, params };
}

/** What drizzle's `.prepare()` gives: its text rendered, run with the placeholders' values. */
interface Prepared<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/**
 * A query drizzle renders and prepares once per handle (`build` ends in `.prepare(name)`), then runs with `values`
 * bound. `build` must depend on nothing but the handle and the placeholders.
 */
export function preparedOnce<V extends Record<string, unknown>, R>(
  build: (db: Database, values: Placeholders<V>) => Prepared<R>,
): (db: Database, values: V) => Promise<R> {
  const prepared = new WeakMap<Database, Prepared<R>>();
  return (db, values) => {
    let query = prepared.get(db);
    if (!query) prepared.set(db, (query = build(db, placeholders as Placeholders<V>)));
    return query.execute(values);
  };
}
