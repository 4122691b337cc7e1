/** What the team logs: calls with their trait observations, incidents, warnings given to a client. */
import { and, asc, eq, getTableColumns, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { UNDO_MINUTES, traitByKey, type Catalogue } from '../../domain/catalogue.js';
import { Refused, type EntryKind } from '../../domain/refusals.js';
import { newCallSchema, newIncidentSchema, newWarningSchema, type NewCall, type NewIncident, type NewWarning } from '../../domain/inputs.js';
import type { ClientProfile, Incident, Observation, Warning } from '../../domain/types.js';
import { statementBuiltOnce, type Placeholders } from '../builtOnce.js';
import type { Database } from '../client.js';
import { auditLog, calls, clients, incidents, payments, traitObservations, warnings } from '../schema/index.js';
import { appendAudit, authorOf, instantSql, type By } from './audit.js';
import { getClient, requireClient } from './clients.js';
import { isRowId, parseInput } from './parse.js';

export type Call = typeof calls.$inferSelect;

export interface Logged<T> {
  client: ClientProfile;
  entry: T;
  /** True when a retried Slack delivery found the entry its first delivery stored: nothing new was written. */
  duplicate: boolean;
}

const observationColumns = {
  id: traitObservations.id,
  clientId: traitObservations.clientId,
  trait: traitObservations.trait,
  observedAt: traitObservations.observedAt,
  loggedAt: traitObservations.loggedAt,
  callId: traitObservations.callId,
};

export const incidentColumns = {
  id: incidents.id,
  clientId: incidents.clientId,
  kind: incidents.kind,
  occurredAt: incidents.occurredAt,
  loggedAt: incidents.loggedAt,
  loggedBy: incidents.loggedBy,
  description: incidents.description,
  details: incidents.details,
  evidenceUrl: incidents.evidenceUrl,
};

export const warningColumns = {
  id: warnings.id,
  clientId: warnings.clientId,
  kind: warnings.kind,
  givenAt: warnings.givenAt,
  givenBy: warnings.givenBy,
};

/**
 * Observations matching `where` (which must include the team), oldest first, with who logged them: the
 * author is on the call, so every read of observations looks it up here.
 */
export async function observationsWhere(db: Database, where: SQL | undefined): Promise<Observation[]> {
  return asObservations(await observationsQuery(db, where));
}

/** Observations with who logged each, oldest first: a query still to run (or to prepare). */
export function observationsQuery(db: Database, where: SQL | undefined) {
  // One primary-key probe per observation: a join lets the planner hash the whole calls table for a week's rows.
  const loggedBy = sql<string>`(select c.logged_by from calls c where c.team_id = trait_observations.team_id and c.id = trait_observations.call_id)`;
  return (
    db
      .select({ ...observationColumns, loggedBy })
      .from(traitObservations)
      .where(where)
      // A call's observations share its moment: in the order they were logged, whatever index the plan walks.
      .orderBy(asc(traitObservations.observedAt), asc(traitObservations.id))
  );
}

export const asObservations = (rows: Awaited<ReturnType<typeof observationsQuery>>): Observation[] => rows.map((row) => ({ ...row, id: String(row.id) }));

/** Observations as `observationsJson` sends them. */
export type ObservationsJson = Timed<Observation, 'observedAt' | 'loggedAt'>[];

/** The observations matching `where` (which must include the team): rows for `observationsJson`. */
export const observationRows = (where: SQL) => sql`select * from ${traitObservations} where ${where}`;

/**
 * Observations of `rows` (a select of whole observation rows: `observationRows`, or several joined by `union
 * all`), oldest first, with who logged them, as one JSON value (moments as epoch milliseconds): a subquery of a
 * statement that reads them beside something else.
 */
export function observationsJson(rows: SQL): SQL {
  const o = traitObservations;
  const loggedBy = sql`(select c.logged_by from calls c where c.team_id = ${o.teamId} and c.id = ${o.callId})`;
  // Named as the table, which the columns below name.
  return sql`(select coalesce(json_agg(json_build_object('id', ${o.id}::text, 'clientId', ${o.clientId}, 'trait', ${o.trait},
      'observedAt', ${epochMs(o.observedAt)}, 'loggedAt', ${epochMs(o.loggedAt)}, 'loggedBy', ${loggedBy}, 'callId', ${o.callId}) order by ${o.observedAt}, ${o.id}), '[]'::json)
    from (${rows}) as ${o})`;
}

export const observationsOf = (json: ObservationsJson | null | undefined): Observation[] =>
  (json ?? []).map((o) => ({ ...o, observedAt: at(o.observedAt), loggedAt: at(o.loggedAt) }));

/**
 * Stores a call and one observation per trait. Traits must exist in the workspace catalogue (checked before
 * anything is written). A request key already used in this workspace returns the stored call instead. `client`:
 * the client as the caller has just read it (the one named in a command), which is then not read again.
 */
export async function logCall(
  db: Database,
  { teamId, by, catalogue, input, client: known }: { teamId: string; by: By; catalogue: Catalogue; input: NewCall; client?: ClientProfile },
): Promise<Logged<Call & { traits: string[] }>> {
  const { actor, at, requestKey } = authorOf(by);
  const values = parseInput(newCallSchema, input);
  const unknown = values.traits.filter((t) => !traitByKey(catalogue, t));
  if (unknown.length > 0) throw new Refused({ code: 'traits_unknown', traits: unknown });
  const traits = [...new Set(values.traits)];
  if (!isRowId(values.clientId)) throw new Refused({ code: 'client_gone' });
  const ourSide = values.ourSide ?? [];
  const inserted = loggingCall(db, {
    teamId,
    clientId: values.clientId,
    occurredAt: values.occurredAt.toISOString(),
    actor,
    // A bare user id is stamped by the database's clock (audit.ts).
    at: at instanceof Date ? at.toISOString() : null,
    notes: values.notes ?? '',
    ourSide: JSON.stringify(ourSide),
    evidenceUrl: values.evidenceUrl ?? null,
    requestKey: requestKey ?? null,
    traits: JSON.stringify(traits),
  });
  const [client, [row]] = await Promise.all([known?.id === values.clientId ? known : getClient(db, { teamId, clientId: values.clientId }), inserted]);
  // Nothing inserted: the client is not the workspace's (or is gone), or this request stored its call already.
  const stored = row ? undefined : requestKey ? await callByRequestKey(db, teamId, requestKey) : undefined;
  if (!client || (!row && !stored)) throw new Refused({ code: 'client_gone' });
  if (stored) return { client, entry: stored, duplicate: true };
  const entry: Call & { traits: string[] } = {
    id: row!.id,
    teamId,
    clientId: values.clientId,
    occurredAt: values.occurredAt,
    loggedBy: actor,
    loggedAt: new Date(Math.floor(Number(row!.logged_ms))),
    notes: values.notes ?? '',
    ourSide,
    evidenceUrl: values.evidenceUrl ?? null,
    requestKey,
    traits,
  };
  return { client, entry, duplicate: false };
}

/**
 * A call in one statement, so one round trip, beside the read of the client: the call (once per request key, and
 * only for a client of the workspace), its observations and the audit line, each insert fed by the one before it.
 * Built once (db/builtOnce.ts): every call logged runs it.
 */
const column = (c: { name: string }) => sql.identifier(c.name);
const loggingCall = statementBuiltOnce<
  {
    teamId: string;
    clientId: string;
    occurredAt: string;
    actor: string;
    at: string | null;
    notes: string;
    ourSide: string;
    evidenceUrl: string | null;
    requestKey: string | null;
    traits: string;
  },
  { id: string; logged_ms: number }
>(
  (p) => sql`
    with logged_call as (
      insert into ${calls} (${column(calls.teamId)}, ${column(calls.clientId)}, ${column(calls.occurredAt)}, ${column(calls.loggedBy)}, ${column(calls.loggedAt)},
        ${column(calls.notes)}, ${column(calls.ourSide)}, ${column(calls.evidenceUrl)}, ${column(calls.requestKey)})
      select ${p.teamId}, ${clients.id}, ${p.occurredAt}::timestamptz, ${p.actor}, coalesce(${p.at}::timestamptz, now()), ${p.notes}, ${p.ourSide}::jsonb,
        ${p.evidenceUrl}::text, ${p.requestKey}::text
      from ${clients} where ${clients.teamId} = ${p.teamId} and ${clients.id} = ${p.clientId}
      on conflict do nothing
      returning ${column(calls.id)} as id, ${column(calls.loggedAt)} as logged_at
    ), observed as (
      insert into ${traitObservations} (${column(traitObservations.teamId)}, ${column(traitObservations.clientId)}, ${column(traitObservations.callId)},
        ${column(traitObservations.trait)}, ${column(traitObservations.observedAt)}, ${column(traitObservations.loggedAt)})
      select ${p.teamId}, ${p.clientId}, logged_call.id, trait, ${p.occurredAt}::timestamptz, logged_call.logged_at
      from logged_call cross join jsonb_array_elements_text(${p.traits}::jsonb) as trait
    ), audited as (
      insert into ${auditLog} (${column(auditLog.teamId)}, ${column(auditLog.at)}, ${column(auditLog.actor)}, ${column(auditLog.action)},
        ${column(auditLog.entityType)}, ${column(auditLog.entityId)}, ${column(auditLog.details)})
      select ${p.teamId}, logged_call.logged_at, ${p.actor}, 'call.log', 'client', ${p.clientId}::text,
        jsonb_build_object('callId', logged_call.id, 'traits', ${p.traits}::jsonb, 'occurredAt', ${p.occurredAt}::text)
      from logged_call
    )
    select id::text as id, (extract(epoch from logged_at) * 1000)::float8 as logged_ms from logged_call`,
);

async function callByRequestKey(db: Database, teamId: string, requestKey: string): Promise<(Call & { traits: string[] }) | undefined> {
  // One read: the call and its traits, in the order they were stored.
  const traits = sql<string[]>`array(select o.trait from trait_observations o where o.team_id = calls.team_id and o.call_id = calls.id order by o.id)`;
  const [call] = await db
    .select({ ...getTableColumns(calls), traits })
    .from(calls)
    .where(and(eq(calls.teamId, teamId), eq(calls.requestKey, requestKey)));
  return call;
}

export async function logIncident(db: Database, { teamId, by, input }: { teamId: string; by: By; input: NewIncident }): Promise<Logged<Incident>> {
  const { actor, at, requestKey } = authorOf(by);
  const values = parseInput(newIncidentSchema, input);
  return db.transaction(async (tx) => {
    const client = await requireClient(tx, { teamId, clientId: values.clientId });
    const [incident] = await tx
      .insert(incidents)
      .values({
        teamId,
        clientId: values.clientId,
        kind: values.details.kind,
        occurredAt: values.occurredAt,
        loggedBy: actor,
        loggedAt: at,
        description: values.description,
        details: values.details,
        evidenceUrl: values.evidenceUrl,
        requestKey,
      })
      .onConflictDoNothing()
      .returning(incidentColumns);
    if (!incident) {
      const [stored] = await tx
        .select(incidentColumns)
        .from(incidents)
        .where(and(eq(incidents.teamId, teamId), eq(incidents.requestKey, requestKey!)));
      return { client, entry: stored!, duplicate: true };
    }
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'incident.log',
        entityType: 'client',
        entityId: client.id,
        details: { incidentId: incident.id, kind: incident.kind, occurredAt: values.occurredAt.toISOString() },
      },
    });
    return { client, entry: incident, duplicate: false };
  });
}

/** Records that the client was told a behaviour is unacceptable (criterion 2 counts abuse only after this). */
export async function recordWarning(db: Database, { teamId, by, input }: { teamId: string; by: By; input: NewWarning }): Promise<Warning> {
  const { actor, at, requestKey } = authorOf(by);
  const values = parseInput(newWarningSchema, input);
  return db.transaction(async (tx) => {
    const client = await requireClient(tx, { teamId, clientId: values.clientId });
    if (values.incidentId) {
      const [incident] = await tx
        .select({ clientId: incidents.clientId })
        .from(incidents)
        .where(and(eq(incidents.teamId, teamId), eq(incidents.id, values.incidentId)));
      if (incident?.clientId !== client.id) throw new Refused({ code: 'incident_gone' });
    }
    const [warning] = await tx
      .insert(warnings)
      .values({ teamId, ...values, givenBy: actor, loggedAt: at, requestKey })
      .onConflictDoNothing()
      .returning(warningColumns);
    if (!warning) {
      const [stored] = await tx
        .select(warningColumns)
        .from(warnings)
        .where(and(eq(warnings.teamId, teamId), eq(warnings.requestKey, requestKey!)));
      return stored!;
    }
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'warning.record',
        entityType: 'client',
        entityId: client.id,
        details: { warningId: warning!.id, kind: values.kind, incidentId: values.incidentId },
      },
    });
    return warning!;
  });
}

/** Everything logged about one client up to now: the input of `/client show` and of health after a log. */
export interface ClientRecord {
  observations: Observation[];
  incidents: Incident[];
  warnings: Warning[];
  calls: Call[];
  lastCallAt: Date | null;
}

/** A client's incidents and warnings: what its firing criteria are judged on. */
export async function incidentsAndWarnings(
  db: Database,
  { teamId, clientId }: { teamId: string; clientId: string },
): Promise<{ incidents: Incident[]; warnings: Warning[] }> {
  const [row] = await readingIncidentsAndWarnings(db, { teamId, clientId });
  return { incidents: incidentsOf(row?.incidents), warnings: warningsOf(row?.warnings) };
}

/** A row as a JSON read sends it: its moments as epoch milliseconds (`at` reads them back). */
export type Timed<T, K extends keyof T> = Omit<T, K> & Record<K, number>;
/** Incidents as `incidentsJson` sends them. */
export type IncidentsJson = Timed<Incident, 'occurredAt' | 'loggedAt'>[];
/** Warnings as `warningsJson` sends them. */
export type WarningsJson = Timed<Warning, 'givenAt'>[];

/** A moment as epoch milliseconds, as the JSON reads here send it (`at` reads it back). */
export const epochMs = (moment: SQLWrapper) => sql`floor(extract(epoch from ${moment}) * 1000)::float8`;
const ms = (c: { name: string }) => epochMs(column(c));
export const at = (ms: number) => new Date(Number(ms));

/**
 * A client's incidents, oldest first, as one JSON value (moments as epoch milliseconds): a subquery of the
 * statements that read them beside something else. Read back with `incidentsOf`.
 */
export function incidentsJson(p: { teamId: unknown; clientId: unknown }): SQL {
  const i = incidents;
  return sql`(select coalesce(json_agg(json_build_object('id', ${column(i.id)}, 'clientId', ${column(i.clientId)}, 'kind', ${column(i.kind)},
      'occurredAt', ${ms(i.occurredAt)}, 'loggedAt', ${ms(i.loggedAt)}, 'loggedBy', ${column(i.loggedBy)}, 'description', ${column(i.description)},
      'details', ${column(i.details)}, 'evidenceUrl', ${column(i.evidenceUrl)}) order by ${column(i.occurredAt)}), '[]'::json)
    from ${i} where ${column(i.teamId)} = ${p.teamId} and ${column(i.clientId)} = ${p.clientId})`;
}

/** A client's warnings, oldest first, as one JSON value: as `incidentsJson`. Read back with `warningsOf`. */
export function warningsJson(p: { teamId: unknown; clientId: unknown }): SQL {
  const w = warnings;
  return sql`(select coalesce(json_agg(json_build_object('id', ${column(w.id)}, 'clientId', ${column(w.clientId)}, 'kind', ${column(w.kind)},
      'givenAt', ${ms(w.givenAt)}, 'givenBy', ${column(w.givenBy)}) order by ${column(w.givenAt)}), '[]'::json)
    from ${w} where ${column(w.teamId)} = ${p.teamId} and ${column(w.clientId)} = ${p.clientId})`;
}

export const incidentsOf = (json: IncidentsJson | null | undefined): Incident[] =>
  (json ?? []).map((i) => ({ ...i, occurredAt: at(i.occurredAt), loggedAt: at(i.loggedAt) }));
export const warningsOf = (json: WarningsJson | null | undefined): Warning[] => (json ?? []).map((w) => ({ ...w, givenAt: at(w.givenAt) }));

/**
 * A client's incidents and warnings in one statement: every incident's confirmation reads both (firing criteria
 * need them). Built once (db/builtOnce.ts).
 */
const readingIncidentsAndWarnings = statementBuiltOnce<{ teamId: string; clientId: string }, { incidents: IncidentsJson; warnings: WarningsJson }>(
  (p) => sql`select ${incidentsJson(p)} as incidents, ${warningsJson(p)} as warnings`,
);

/** A client's record in one statement (one round trip, one set of workspace settings, where four ran beside each other). */
export async function loadClientRecord(db: Database, { teamId, clientId }: { teamId: string; clientId: string }): Promise<ClientRecord> {
  const [row] = await readingClientRecord(db, { teamId, clientId });
  return clientRecordOf(row);
}

/** A client's record off a read of `clientRecordColumns` (none: nothing recorded). */
export function clientRecordOf(row: ClientRecordRow | undefined): ClientRecord {
  return {
    observations: observationsOf(row?.observations),
    incidents: incidentsOf(row?.incidents),
    warnings: warningsOf(row?.warnings),
    calls: (row?.calls ?? []).map((c) => ({ ...c, occurredAt: at(c.occurredAt), loggedAt: at(c.loggedAt) })),
    lastCallAt: row?.last_call_at == null ? null : at(row.last_call_at),
  };
}

/** How many of a client's latest calls its record holds. */
const RECORD_CALLS = 20;

/** Calls as the record's read sends them. */
type CallsJson = Timed<Call, 'occurredAt' | 'loggedAt'>[];

/** A client's record as `clientRecordColumns` reads it. */
export type ClientRecordRow = {
  observations: ObservationsJson;
  incidents: IncidentsJson;
  warnings: WarningsJson;
  calls: CallsJson;
  last_call_at: number | null;
};

const readingClientRecord = statementBuiltOnce<{ teamId: string; clientId: string }, ClientRecordRow>((p) => sql`select ${clientRecordColumns(p)}`);

/** The columns of a client's record (`ClientRecordRow`), for a statement that reads it, maybe beside more. */
export function clientRecordColumns(p: Placeholders<{ teamId: string; clientId: string }>): SQL {
  const c = calls;
  const o = traitObservations;
  const ofClient = sql`${column(c.teamId)} = ${p.teamId} and ${column(c.clientId)} = ${p.clientId}`;
  return sql`${observationsJson(observationRows(sql`${o.teamId} = ${p.teamId} and ${o.clientId} = ${p.clientId}`))} as observations,
      ${incidentsJson(p)} as incidents, ${warningsJson(p)} as warnings,
      (select coalesce(json_agg(json_build_object('id', latest.id, 'teamId', latest.team_id, 'clientId', latest.client_id,
          'occurredAt', ${epochMs(sql`latest.occurred_at`)}, 'loggedBy', latest.logged_by, 'loggedAt', ${epochMs(sql`latest.logged_at`)},
          'notes', latest.notes, 'ourSide', latest.our_side, 'evidenceUrl', latest.evidence_url, 'requestKey', latest.request_key)
          order by latest.occurred_at desc), '[]'::json)
        from (select * from ${c} where ${ofClient} order by ${column(c.occurredAt)} desc limit ${RECORD_CALLS}) latest) as calls,
      (select ${epochMs(sql`max(${column(c.occurredAt)})`)} from ${c} where ${ofClient}) as last_call_at`;
}

type Loggable = typeof calls | typeof incidents;

/** Whether an entry logged at `loggedAt` may still be undone at `at` (UNDO_MINUTES): calls, incidents, payments. */
export const withinUndoWindow = (loggedAt: SQLWrapper, at: SQLWrapper) => sql<boolean>`${loggedAt} > ${at} - make_interval(mins => ${UNDO_MINUTES})`;

/** The entry, if `actor` logged it in this workspace; otherwise refused. */
async function ownEntry(db: Database, table: Loggable, teamId: string, actor: string, at: Date | SQL, id: string, entry: EntryKind) {
  const [row] = isRowId(id)
    ? await db
        .select({
          id: table.id,
          clientId: table.clientId,
          loggedBy: table.loggedBy,
          recent: withinUndoWindow(table.loggedAt, instantSql(at)),
        })
        .from(table)
        .where(and(eq(table.teamId, teamId), eq(table.id, id)))
    : [];
  if (!row) throw new Refused({ code: 'entry_gone', entry });
  if (row.loggedBy !== actor) throw new Refused({ code: 'entry_not_yours', entry, loggedBy: row.loggedBy });
  return row;
}

/**
 * Undo: removes a call (and its observations) or an incident its author logged less than UNDO_MINUTES ago.
 * Returns its client. The entry is checked, removed and the removal audited in one statement; the client is read
 * after (an undo does not change it).
 */
export async function undoEntry(
  db: Database,
  { teamId, by, entry }: { teamId: string; by: By; entry: { kind: EntryKind; id: string } },
): Promise<ClientProfile> {
  const removal = await removingOwnRecent(db, { teamId, by, kind: entry.kind, id: entry.id });
  switch (removal.outcome) {
    case 'gone':
      throw new Refused({ code: 'entry_gone', entry: entry.kind });
    case 'not_yours':
      throw new Refused({ code: 'entry_not_yours', entry: entry.kind, loggedBy: removal.loggedBy });
    case 'too_late':
      throw new Refused({ code: 'entry_undo_window', minutes: UNDO_MINUTES });
    case 'undone':
      return requireClient(db, { teamId, clientId: removal.clientId });
  }
}

/**
 * The entry as it was (its author, whether it is recent enough to undo), removed when it is its author's and
 * recent, with the audit line of the removal: one round trip. Built once per kind (db/builtOnce.ts).
 */
const undoingFrom = (table: Loggable | typeof payments, kind: EntryKind | 'payment') =>
  statementBuiltOnce<
    { teamId: string; id: string; actor: string; at: string | null },
    { client_id: string; logged_by: string; recent: boolean; undone: boolean }
  >(
    (p) => sql`
      with target as (
        select ${column(table.id)} as id, ${column(table.clientId)} as client_id, ${column(table.loggedBy)} as logged_by,
          ${withinUndoWindow(column(table.loggedAt), sql`coalesce(${p.at}::timestamptz, now())`)} as recent
        from ${table} where ${table.teamId} = ${p.teamId} and ${table.id} = ${p.id}
      ), undone as (
        delete from ${table} using target
        where ${table.teamId} = ${p.teamId} and ${table.id} = target.id and target.logged_by = ${p.actor} and target.recent
        returning target.client_id
      ), audited as (
        insert into ${auditLog} (${column(auditLog.teamId)}, ${column(auditLog.at)}, ${column(auditLog.actor)}, ${column(auditLog.action)},
          ${column(auditLog.entityType)}, ${column(auditLog.entityId)}, ${column(auditLog.details)})
        select ${p.teamId}, coalesce(${p.at}::timestamptz, now()), ${p.actor}, ${`${kind}.undo`}, 'client', undone.client_id::text,
          jsonb_build_object(${`${kind}Id`}::text, ${p.id}::text)
        from undone
      )
      select client_id::text as client_id, logged_by, recent, exists (select from undone) as undone from target`,
  );
const undoing: Record<EntryKind | 'payment', ReturnType<typeof undoingFrom>> = {
  call: undoingFrom(calls, 'call'),
  incident: undoingFrom(incidents, 'incident'),
  payment: undoingFrom(payments, 'payment'),
};

/** What an Undo found: the entry removed (its client), or why not. */
export type Removal = { outcome: 'undone'; clientId: string } | { outcome: 'gone' } | { outcome: 'not_yours'; loggedBy: string } | { outcome: 'too_late' };

/**
 * Removes the entry of `kind` if `by`'s actor logged it and it is recent enough to undo, with the audit line of the
 * removal, in one statement, and says what it found.
 */
export async function removingOwnRecent(
  db: Database,
  { teamId, by, kind, id }: { teamId: string; by: By; kind: EntryKind | 'payment'; id: string },
): Promise<Removal> {
  const { actor, at } = authorOf(by);
  const [row] = isRowId(id) ? await undoing[kind](db, { teamId, id, actor, at: at instanceof Date ? at.toISOString() : null }) : [];
  if (!row) return { outcome: 'gone' };
  if (row.logged_by !== actor) return { outcome: 'not_yours', loggedBy: row.logged_by };
  if (!row.recent) return { outcome: 'too_late' };
  // Seen, but removed meanwhile by the same person's other click: gone, as it would be after it.
  if (!row.undone) return { outcome: 'gone' };
  return { outcome: 'undone', clientId: row.client_id };
}

export async function getCall(db: Database, { teamId, callId }: { teamId: string; callId: string }): Promise<(Call & { traits: string[] }) | undefined> {
  if (!isRowId(callId)) return undefined;
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.teamId, teamId), eq(calls.id, callId)));
  if (!call) return undefined;
  const traits = await db
    .select({ trait: traitObservations.trait })
    .from(traitObservations)
    .where(and(eq(traitObservations.teamId, teamId), eq(traitObservations.callId, callId)))
    .orderBy(asc(traitObservations.id));
  return { ...call, traits: traits.map((t) => t.trait) };
}

export async function getIncident(db: Database, { teamId, incidentId }: { teamId: string; incidentId: string }): Promise<Incident | undefined> {
  if (!isRowId(incidentId)) return undefined;
  const [row] = await db
    .select(incidentColumns)
    .from(incidents)
    .where(and(eq(incidents.teamId, teamId), eq(incidents.id, incidentId)));
  return row;
}

/** Edit: replaces what a call recorded (its author only). The client stays the same. */
export async function editCall(
  db: Database,
  { teamId, by, catalogue, callId, input }: { teamId: string; by: By; catalogue: Catalogue; callId: string; input: NewCall },
): Promise<Logged<Call & { traits: string[] }>> {
  const { actor, at } = authorOf(by);
  const values = parseInput(newCallSchema, input);
  const unknown = values.traits.filter((t) => !traitByKey(catalogue, t));
  if (unknown.length > 0) throw new Refused({ code: 'traits_unknown', traits: unknown });
  const traits = [...new Set(values.traits)];
  return db.transaction(async (tx) => {
    const row = await ownEntry(tx, calls, teamId, actor, at, callId, 'call');
    if (row.clientId !== values.clientId) throw new Refused({ code: 'entry_moved', entry: 'call' });
    const client = await requireClient(tx, { teamId, clientId: row.clientId });
    const [call] = await tx
      .update(calls)
      .set({ occurredAt: values.occurredAt, notes: values.notes, ourSide: values.ourSide })
      .where(and(eq(calls.teamId, teamId), eq(calls.id, callId)))
      .returning();
    await tx.delete(traitObservations).where(and(eq(traitObservations.teamId, teamId), eq(traitObservations.callId, callId)));
    if (traits.length > 0) {
      await tx
        .insert(traitObservations)
        .values(traits.map((trait) => ({ teamId, clientId: client.id, callId, trait, observedAt: values.occurredAt, loggedAt: at })));
    }
    await appendAudit(tx, { teamId, entry: { actor, at, action: 'call.edit', entityType: 'client', entityId: client.id, details: { callId, traits } } });
    return { client, entry: { ...call!, traits }, duplicate: false };
  });
}

export async function editIncident(
  db: Database,
  { teamId, by, incidentId, input }: { teamId: string; by: By; incidentId: string; input: NewIncident },
): Promise<Logged<Incident>> {
  const { actor, at } = authorOf(by);
  const values = parseInput(newIncidentSchema, input);
  return db.transaction(async (tx) => {
    const row = await ownEntry(tx, incidents, teamId, actor, at, incidentId, 'incident');
    if (row.clientId !== values.clientId) throw new Refused({ code: 'entry_moved', entry: 'incident' });
    const client = await requireClient(tx, { teamId, clientId: row.clientId });
    const [incident] = await tx
      .update(incidents)
      .set({ kind: values.details.kind, occurredAt: values.occurredAt, description: values.description, details: values.details })
      .where(and(eq(incidents.teamId, teamId), eq(incidents.id, incidentId)))
      .returning(incidentColumns);
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'incident.edit',
        entityType: 'client',
        entityId: client.id,
        details: { incidentId, kind: values.details.kind },
      },
    });
    return { client, entry: incident!, duplicate: false };
  });
}
