/** The audit trail: every write calls this inside its own transaction, so the trail never disagrees with the data. */
import type { Database } from '../client.js';
import { auditLog } from '../schema/index.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

export async function appendAudit(db: Database, teamId: string, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ teamId, ...entry, details: entry.details ?? {} });
}
