/**
 * A workspace's data, table by table, as stored: every table of the schema that has a `team_id` (so a table
 * added later is exported without anyone remembering to), its rows of that workspace only. The app's own tables
 * are left out: the request inbox (a queue that forgets each request a day after it was worked) and the
 * installation (a secret).
 */
import { eq, getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client.js';
import * as schema from '../schema/index.js';

export interface ExportedTable {
  /** The table's SQL name. */
  name: string;
  /** SQL names and types, in the table's order. */
  columns: { name: string; type: string; notNull: boolean }[];
  /** Keyed by SQL column name. */
  rows: Record<string, unknown>[];
}

type TeamTable = PgTable & { teamId: PgColumn };

/** The app's own tables: the request inbox (its queue) and the installation (its bot token, encrypted). */
const OWN_TABLES: unknown[] = [schema.slackRequests, schema.installations];

/** Every table with a `team_id`: the workspace's data, and with `all` the app's own tables too (purging). */
export function workspaceTables(options: { all?: boolean } = {}): TeamTable[] {
  return (Object.values(schema) as unknown[]).filter(
    (t): t is TeamTable => is(t, PgTable) && 'teamId' in getTableColumns(t) && (options.all === true || !OWN_TABLES.includes(t)),
  );
}

export async function exportWorkspace(db: Database, teamId: string): Promise<ExportedTable[]> {
  const tables: ExportedTable[] = [];
  for (const table of workspaceTables()) {
    const columns = Object.entries(getTableColumns(table));
    const rows = await db.select().from(table).where(eq(table.teamId, teamId)).orderBy(columns[0]![1]);
    tables.push({
      name: getTableName(table),
      columns: columns.map(([, c]) => ({ name: c.name, type: c.getSQLType(), notNull: c.notNull })),
      rows: rows.map((row) => Object.fromEntries(columns.map(([key, c]) => [c.name, (row as Record<string, unknown>)[key]]))),
    });
  }
  return tables;
}
