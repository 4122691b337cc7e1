/** Counting rows across the schema's tables: tests of erasure and purging name no table, so none is forgotten. */
import { count, getTableName, type SQL } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import type { workspaceTables } from '../../src/db/queries/export.js';

type TeamTable = ReturnType<typeof workspaceTables>[number];

/** Rows of each table matching `where(table)`, by SQL table name; a table it gives no condition for is left out. */
export async function rowsByTable(db: Database, tables: TeamTable[], where: (table: TeamTable) => SQL | undefined): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const condition = where(table);
    if (!condition) continue;
    const [row] = await db.select({ n: count() }).from(table).where(condition);
    counts[getTableName(table)] = row!.n;
  }
  return counts;
}
