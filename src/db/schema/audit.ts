import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { recordedAt, teamId, workspaceKey, workspaceRows } from './columns.js';

/** Who did what, when: every write appends here in the same transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    at: recordedAt('at'),
    /** Slack user id, or `system` for the scheduler. */
    actor: text('actor').notNull(),
    /** e.g. `client.create`, `call.log`, `decision.keep`. */
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('audit_log', t),
    index('audit_team_time').on(t.teamId, t.at),
    // A client's timeline and "who decided this".
    index('audit_entity').on(t.teamId, t.entityType, t.entityId),
    // The retention sweep (db/retention.ts): the oldest lines across workspaces, less the workspace's settings (kept).
    index('audit_at')
      .on(t.at)
      .where(sql`${t.entityType} <> 'workspace'`),
  ],
);
