/**
 * A workspace's data, table by table, as stored: every table of the schema that has a `team_id` (so a table
 * added later is exported without anyone remembering to), its rows of that workspace only. The app's own tables
 * are left out: the request inbox (a queue that forgets each request a day after it was worked) and the
 * installation (a secret). And the same records as people read them: each with its client, for the readable sheets.
 */
import { eq, getTableColumns, getTableName, is, max } from 'drizzle-orm';
import { PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../client.js';
import * as schema from '../schema/index.js';
import type { ReadableRecords } from '../../domain/exportRows.js';

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

/** The records of the readable sheets (domain/exportRows.ts), each kind in time order, clients by name. */
export async function readableRecords(db: Database, teamId: string): Promise<ReadableRecords> {
  const { clients, calls, traitObservations: observed, incidents, decisions, nextSteps } = schema;
  const [clientRows, lastCalls, callRows, traitRows, incidentRows, decisionRows, stepRows] = await Promise.all([
    db
      .select({
        id: clients.id,
        name: clients.name,
        category: clients.category,
        status: clients.status,
        ownerUserId: clients.ownerUserId,
        monthlyValue: clients.monthlyValue,
        renewsOn: clients.renewsOn,
      })
      .from(clients)
      .where(eq(clients.teamId, teamId))
      .orderBy(clients.name),
    db
      .select({ clientId: calls.clientId, at: max(calls.occurredAt) })
      .from(calls)
      .where(eq(calls.teamId, teamId))
      .groupBy(calls.clientId),
    db
      .select({
        id: calls.id,
        clientId: calls.clientId,
        occurredAt: calls.occurredAt,
        loggedBy: calls.loggedBy,
        notes: calls.notes,
        evidenceUrl: calls.evidenceUrl,
      })
      .from(calls)
      .where(eq(calls.teamId, teamId))
      .orderBy(calls.occurredAt, calls.loggedAt),
    db.select({ callId: observed.callId, trait: observed.trait }).from(observed).where(eq(observed.teamId, teamId)).orderBy(observed.id),
    db
      .select({
        clientId: incidents.clientId,
        kind: incidents.kind,
        occurredAt: incidents.occurredAt,
        loggedBy: incidents.loggedBy,
        description: incidents.description,
        details: incidents.details,
        evidenceUrl: incidents.evidenceUrl,
      })
      .from(incidents)
      .where(eq(incidents.teamId, teamId))
      .orderBy(incidents.occurredAt, incidents.loggedAt),
    db
      .select({ clientId: decisions.clientId, kind: decisions.kind, reason: decisions.reason, decidedBy: decisions.decidedBy, decidedAt: decisions.decidedAt })
      .from(decisions)
      .where(eq(decisions.teamId, teamId))
      .orderBy(decisions.decidedAt),
    db
      .select({
        clientId: nextSteps.clientId,
        what: nextSteps.what,
        assigneeUserId: nextSteps.assigneeUserId,
        dueOn: nextSteps.dueOn,
        doneAt: nextSteps.doneAt,
        createdBy: nextSteps.createdBy,
      })
      .from(nextSteps)
      .where(eq(nextSteps.teamId, teamId))
      .orderBy(nextSteps.dueOn, nextSteps.createdAt),
  ]);
  const traitsOf = new Map<string, string[]>();
  for (const { callId, trait } of traitRows) traitsOf.set(callId, [...(traitsOf.get(callId) ?? []), trait]);
  return {
    clients: clientRows,
    lastCallAt: new Map(lastCalls.flatMap((c) => (c.at ? [[c.clientId, c.at] as const] : []))),
    calls: callRows.map(({ id, ...call }) => ({ ...call, traits: traitsOf.get(id) ?? [] })),
    incidents: incidentRows,
    decisions: decisionRows,
    nextSteps: stepRows,
  };
}
