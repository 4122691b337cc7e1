/**
 * Erasing one client: everything recorded about it goes, in one transaction, and one audit row remains that
 * says who erased which client (its id, not its name) and when, and how many rows of each table went.
 */
import { and, count, eq, getTableColumns, getTableName, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { RapportError } from '../../domain/errors.js';
import type { Database } from '../client.js';
import { auditLog, clients, workspaces } from '../schema/index.js';
import { appendAudit, authorOf, type By } from './audit.js';
import { workspaceTables } from './export.js';

export const ERASE_ACTION = 'client.erase';

/** What went, by table (rows); `again` when this client was erased before (the same form worked again). */
export interface Erasure {
  erased: Record<string, number>;
  again: boolean;
}

export async function eraseClient(db: Database, teamId: string, by: By, clientId: string): Promise<Erasure> {
  const author = authorOf(by);
  return db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.teamId, teamId), eq(clients.id, clientId)))
      .for('update');
    if (!client) {
      const [before] = await tx
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.teamId, teamId), eq(auditLog.action, ERASE_ACTION), eq(auditLog.entityId, clientId)));
      if (before) return { erased: (before.details.erased ?? {}) as Record<string, number>, again: true };
      throw new RapportError('not_found', 'That client no longer exists.');
    }
    // Every table that records something about a client (found from the schema, so none is forgotten).
    const erased: Record<string, number> = {};
    const recordIds: SQL[] = [];
    for (const table of workspaceTables()) {
      const columns = getTableColumns(table) as Record<string, PgColumn>;
      if (table === (clients as unknown) || !columns.clientId) continue;
      const about = and(eq(table.teamId, teamId), eq(columns.clientId, clientId));
      const [counted] = await tx.select({ n: count() }).from(table).where(about);
      erased[getTableName(table)] = counted?.n ?? 0;
      if (columns.id) recordIds.push(sql`select ${columns.id}::text from ${table} where ${about}`);
    }
    // The audit trail about it (its creation, each log, each decision) goes too: it holds its data.
    const audit = await tx
      .delete(auditLog)
      .where(and(eq(auditLog.teamId, teamId), or(eq(auditLog.entityId, clientId), sql`${auditLog.entityId} in (${sql.join(recordIds, sql` union all `)})`)))
      .returning({ id: auditLog.id });
    erased[getTableName(auditLog)] = audit.length;
    // The client's own row; the rows above reference it and go with it (on delete cascade).
    await tx.delete(clients).where(and(eq(clients.teamId, teamId), eq(clients.id, clientId)));
    erased[getTableName(clients)] = 1;
    await appendAudit(tx, teamId, { actor: author.actor, at: author.at, action: ERASE_ACTION, entityType: 'client', entityId: clientId, details: { erased } });
    return { erased, again: false };
  });
}

/**
 * Removes everything of a workspace Rapport was uninstalled from, in one transaction: every table with a
 * `team_id` (found from the schema, the request inbox included), then the workspace itself. Returns the rows
 * removed by table (a row removed by its parent's cascade is counted under its own table, counted first).
 */
export async function purgeWorkspace(db: Database, teamId: string): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const removed: Record<string, number> = {};
    const tables = workspaceTables({ all: true });
    for (const table of tables) {
      const [counted] = await tx.select({ n: count() }).from(table).where(eq(table.teamId, teamId));
      removed[getTableName(table)] = counted?.n ?? 0;
    }
    for (const table of tables.filter((t) => t !== (workspaces as unknown))) await tx.delete(table).where(eq(table.teamId, teamId));
    await tx.delete(workspaces).where(eq(workspaces.teamId, teamId));
    return removed;
  });
}
