/** Wide reads of the portfolio packed by the server into one JSON value, and read back by column. */
import { Column, is, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { ClientProfile } from '../../../domain/types.js';
import { executedRows, type Database } from '../../client.js';
import { statementBuiltOnce, type Placeholders } from '../../builtOnce.js';
import { profileColumns } from '../clients.js';

/**
 * A wide read of the whole portfolio, packed by the server into one JSON value: an array per column of the
 * select, rows in the same order in each (one aggregate pass makes them). The driver decodes a row field by
 * field, about 8 µs a row of a digest's width, most of a 10k-client digest's time in Node; one JSON.parse of
 * columns makes no object per row and keeps numbers unboxed (measured on the 10k-client row per client: 82 →
 * 26 ms of Node's CPU, and less on the server). Rows are read by index; readers are built once per read.
 */
export interface Packed {
  /** Rows read. */
  length: number;
  /** The named columns, in the order named. */
  columns<const Names extends readonly string[]>(...names: Names): { [K in keyof Names]: Values };
}

/** One column of packed rows. */
export type Values = readonly unknown[];

/**
 * The selected expressions that are instants: they travel as milliseconds since 1970 (the server writes a
 * timestamp's text slowly, and a Date parses it slowly; a 10k-client digest reads ~100k of them).
 */
const INSTANTS = new WeakSet<SQL.Aliased>();
export const instantAs = (expression: SQL, name: string): SQL.Aliased<Date | null> => {
  const aliased = expression.as(name) as SQL.Aliased<Date | null>;
  INSTANTS.add(aliased);
  return aliased;
};
export const isInstant = (field: unknown) => (is(field, Column) ? field.columnType === 'PgTimestamp' : INSTANTS.has(field as SQL.Aliased));

export async function packedRows(db: Database, query: SelectQuery): Promise<Packed> {
  const packing = packedStatement(query);
  return unpacked(packing.names, executedRows<PackedRow>(await db.execute(packing.statement)));
}

type SelectQuery = { _: { selectedFields: Record<string, unknown> } } & SQLWrapper;
type PackedRow = { packed_columns: (unknown[] | null)[] };

/** The statement that packs `query`'s rows, and the names of its columns in the order packed. */
function packedStatement(query: SelectQuery): { statement: SQL; names: string[] } {
  const fields = Object.values(query._.selectedFields);
  const names = fields.map((f) => (is(f, Column) ? f.name : (f as SQL.Aliased).fieldAlias));
  const columns = sql.join(
    names.map((name, i) => {
      const value = sql`packed.${sql.identifier(name)}`;
      return sql`array_agg(${isInstant(fields[i]) ? sql`floor(extract(epoch from ${value}) * 1000)::int8` : value})`;
    }),
    sql`, `,
  );
  return { statement: sql`select json_build_array(${columns}) as packed_columns from (${query}) as packed`, names };
}

/** Packed rows read back by column. */
function unpacked(names: readonly string[], [row]: PackedRow[]): Packed {
  // No rows: every array_agg is null.
  const values = row!.packed_columns.map((column) => column ?? []);
  const index = new Map(names.map((name, i) => [name, values[i]!]));
  const column = (name: string) => {
    const found = index.get(name);
    if (found === undefined) throw new Error(`packedRows: no column ${name}`);
    return found;
  };
  return {
    length: values[0]?.length ?? 0,
    columns: <const Names extends readonly string[]>(...wanted: Names) => wanted.map(column) as { [K in keyof Names]: Values },
  };
}

/**
 * A packed read built once (db/builtOnce.ts): `build` makes its select from placeholders only, and each run binds
 * `values` and reads the packed rows back.
 */
export function packedBuiltOnce<V extends Record<string, unknown>>(
  build: (values: Placeholders<V>) => SelectQuery,
): (db: Database, values: V) => Promise<Packed> {
  let names: string[] = [];
  const run = statementBuiltOnce<V, PackedRow>((placeholders) => {
    const packing = packedStatement(build(placeholders));
    names = packing.names;
    return packing.statement;
  });
  return async (db, values) => {
    const rows = await run(db, values); // first: the first run is what names the columns
    return unpacked(names, rows);
  };
}

/** An instant off packed rows (milliseconds since 1970). */
export const instant = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as number));

/** Reads client profiles off packed rows that selected `profileColumns`, with the schema's own decoders. */
export function profileReader(packed: Packed): (row: number) => ClientProfile {
  const columns = Object.entries(profileColumns).map(([key, column]) => ({
    key,
    decode: isInstant(column) ? instant : (value: unknown) => (value === null || value === undefined ? null : column.mapFromDriverValue(value as never)),
    values: packed.columns(column.name)[0],
  }));
  return (row) => {
    const profile: Record<string, unknown> = {};
    for (const { key, decode, values } of columns) profile[key] = decode(values[row]);
    return profile as unknown as ClientProfile;
  };
}
