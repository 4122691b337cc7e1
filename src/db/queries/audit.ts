/** The audit trail: every write calls this inside its own transaction, so the trail never disagrees with the data. */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import { auditLog } from '../schema/index.js';

/**
 * Who writes, when, and for which request. The app passes its own clock (`at`: only main.ts reads the real
 * one, so tests can pin it) and the Slack request's key (a retried delivery finds what the first one stored).
 * A bare user id (scripts, repository tests) is stamped by the database's clock, with no request key.
 */
export interface Author {
  actor: string;
  at?: Date | undefined;
  requestKey?: string | null | undefined;
}
export type By = string | Author;

export function authorOf(by: By): { actor: string; at: Date | SQL; requestKey: string | null } {
  if (typeof by === 'string') return { actor: by, at: sql`now()`, requestKey: null };
  return { actor: by.actor, at: by.at ?? sql`now()`, requestKey: by.requestKey ?? null };
}

/** An author's moment inside raw SQL (postgres.js cannot bind a Date there: it goes as ISO text). */
export function instantSql(at: Date | SQL): SQL {
  return at instanceof Date ? sql`${at.toISOString()}::timestamptz` : at;
}

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
  at?: Date | SQL;
}

export async function appendAudit(db: Database, { teamId, entry }: { teamId: string; entry: AuditEntry }): Promise<void> {
  await db.insert(auditLog).values({ teamId, ...entry, at: entry.at ?? sql`now()`, details: entry.details ?? {} });
}

/** What the trail holds about one thing (a client's changes, for its History), oldest first. */
export async function auditEntriesAbout(
  db: Database,
  { teamId, entityType, entityId, action }: { teamId: string; entityType: string; entityId: string; action: string },
) {
  return db
    .select({ actor: auditLog.actor, at: auditLog.at, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.teamId, teamId), eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId), eq(auditLog.action, action)))
    .orderBy(asc(auditLog.id));
}
