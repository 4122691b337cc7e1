/**
 * What profit by category over time is rebuilt from (issue 30): a workspace's clients as they are now (exited ones
 * too), and the category moves, value changes and status changes recorded since a moment.
 */
import { and, asc, eq, gte } from 'drizzle-orm';
import { CLIENT_STATUSES, type ClientStatus } from '../../domain/catalogue.js';
import type { FieldChange, ValuedClient, ValueHistory } from '../../domain/valueByCategory.js';
import type { Database } from '../client.js';
import { auditLog, clientCategoryChanges, clients } from '../schema/index.js';

export interface ValueSources {
  clients: ValuedClient[];
  history: ValueHistory;
}

/** A recorded amount (a number, or numeric text as a later version might write it); undefined when it is not one. */
function amountOf(v: unknown): number | null | undefined {
  if (v === null) return null;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

const statusOf = (v: unknown): ClientStatus | undefined => ((CLIENT_STATUSES as readonly unknown[]).includes(v) ? (v as ClientStatus) : undefined);

/** The clients and every change recorded from `since` on (changes before it cannot alter a month after it). */
export async function valueSources(db: Database, { teamId, since }: { teamId: string; since: Date }): Promise<ValueSources> {
  const [rows, moves, updates] = await Promise.all([
    db
      .select({
        id: clients.id,
        name: clients.name,
        category: clients.category,
        monthlyValue: clients.monthlyValue,
        status: clients.status,
        createdAt: clients.createdAt,
        exitedAt: clients.exitedAt,
      })
      .from(clients)
      .where(eq(clients.teamId, teamId)),
    db
      .select({
        clientId: clientCategoryChanges.clientId,
        at: clientCategoryChanges.changedAt,
        from: clientCategoryChanges.fromCategory,
        to: clientCategoryChanges.toCategory,
        by: clientCategoryChanges.changedBy,
        reason: clientCategoryChanges.reason,
      })
      .from(clientCategoryChanges)
      .where(and(eq(clientCategoryChanges.teamId, teamId), gte(clientCategoryChanges.changedAt, since)))
      .orderBy(asc(clientCategoryChanges.changedAt)),
    db
      .select({ clientId: auditLog.entityId, at: auditLog.at, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.teamId, teamId), eq(auditLog.entityType, 'client'), eq(auditLog.action, 'client.update'), gte(auditLog.at, since)))
      .orderBy(asc(auditLog.id)),
  ]);
  const valueChanges: FieldChange<number | null>[] = [];
  const statusChanges: FieldChange<ClientStatus>[] = [];
  for (const u of updates) {
    const value = u.details.monthlyValue as { from?: unknown; to?: unknown } | undefined;
    if (value && typeof value === 'object') {
      const from = amountOf(value.from);
      const to = amountOf(value.to);
      if (from !== undefined && to !== undefined && from !== to) valueChanges.push({ clientId: u.clientId, at: u.at, from, to });
    }
    const status = u.details.status as { from?: unknown; to?: unknown } | undefined;
    if (status && typeof status === 'object') {
      const from = statusOf(status.from);
      const to = statusOf(status.to);
      if (from && to && from !== to) statusChanges.push({ clientId: u.clientId, at: u.at, from, to });
    }
  }
  return { clients: rows, history: { categoryMoves: moves, valueChanges, statusChanges } };
}
