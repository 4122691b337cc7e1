/**
 * Gathers what digest selection needs for one workspace-week, in a fixed number of queries whatever the
 * portfolio size. Observations before the week are folded in SQL into each client's decayed, weighted good and
 * bad totals (exact, since decay is exponential); only the week's travel as rows. Dimension flips are counted in
 * SQL too, and only the few dimensions that could flip bring their evidence along.
 *
 * Which implementation is the authority: these SQL folds are what production runs for every portfolio read (the
 * digest, `/client list`, the Home tab, the health after a log). The pure functions of domain/ (`health` over raw
 * observations, `foldObservations`, `dimensionFlips`) are their reference: they define the rules in domain.md's
 * words, `/client show` applies them to one client's raw history, and test/db/foldEquivalence.test.ts keeps the
 * two equal over random histories on both databases.
 */
import { and, eq, gt, inArray, lte, ne, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { INCIDENT_KINDS, type Catalogue } from '../../domain/catalogue.js';
import type { ClientWeek } from '../../domain/digestSelection.js';
import { flipsOf, type DimensionWindow, type WeekFlips } from '../../domain/turnedBad.js';
import { daysBefore, type ClientProfile, type Incident, type Observation, type ObservationHistory, type Warning } from '../../domain/types.js';
import type { Database } from '../client.js';
import { calls, clients, decayBases, decisions, incidents, snoozes, traitDecaySums, traitObservations, warnings } from '../schema/index.js';
import { decayTerm, keepDecaySums, timestamp } from './decay.js';
import { incidentColumns, observationsWhere, warningColumns } from './activity.js';
import { profileColumns } from './clients.js';
import { decisionColumns, snoozeColumns } from './decisions.js';

function groupBy<T extends { clientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.clientId);
    if (list) list.push(row);
    else out.set(row.clientId, [row]);
  }
  return out;
}

/**
 * Decayed good and bad weight per client as of `at`, weighted in SQL (client weight over catalogue weight,
 * traits no longer in the catalogue ignored: as `health` does). Read from the sums kept at write time
 * (schema/decay.ts): one narrow row per client and trait, less what was observed after `at` (the week's own
 * rows, for the digest) or belongs to the call left out.
 */
export async function weightedBaselines(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  at: Date,
  scope: ClientScope = {},
): Promise<Map<string, { good: number; bad: number }>> {
  await keepDecaySums(db, teamId, catalogue, at);
  const rows = await weightedBaselinesQuery(db, teamId, catalogue, at, scope);
  return new Map(rows.map((r) => [r.clientId, { good: r.good, bad: r.bad }]));
}

/** The query behind `weightedBaselines`, unexecuted (the benchmark prints its plan); the sums must be kept. */
export function weightedBaselinesQuery(db: Database, teamId: string, catalogue: Catalogue, at: Date, scope: ClientScope = {}) {
  const o = traitObservations;
  const s = traitDecaySums;
  const halfLife = sql`${catalogue.thresholds.health.halfLifeDays}::float8`;
  // Observations the sums hold that `at` must not see: later ones, and the call left out.
  const unseen = db
    .select({
      clientId: o.clientId,
      trait: o.trait,
      observations: sql<number>`count(*)::int`.as('unseen_observations'),
      weight: sql<number>`sum(${decayTerm(o.observedAt, timestamp(at), halfLife)})`.as('unseen_weight'),
    })
    .from(o)
    .where(
      and(
        eq(o.teamId, teamId),
        scope.exceptCallId ? or(gt(o.observedAt, at), eq(o.callId, scope.exceptCallId)) : gt(o.observedAt, at),
        inScope(o.clientId, teamId, scope),
      ),
    )
    .groupBy(o.clientId, o.trait)
    .as('unseen');
  const traits = sql.join(
    catalogue.traits.map((t) => sql`(${t.key}, ${t.polarity}, ${t.weight}::float8)`),
    sql`, `,
  );
  const seen = sql`${s.observations} - coalesce(${unseen.observations}, 0)`;
  // Σ 2^((t − epoch)/h) × 2^((epoch − at)/h) = the decayed count at `at`; with nothing seen, exactly 0 (no float dust).
  const decayed = sql`case when ${seen} > 0 then greatest(${s.mass} * ${decayTerm(decayBases.epoch, timestamp(at), halfLife)} - coalesce(${unseen.weight}, 0), 0) else 0 end`;
  const weighted = sql`coalesce((${clients.traitWeights} ->> ${s.trait})::float8, t.weight) * ${decayed}`;
  const sumOf = (polarity: 'good' | 'bad') => sql<number>`coalesce(sum(${weighted}) filter (where t.polarity = ${polarity}), 0)`.mapWith(Number);
  return db
    .select({ clientId: s.clientId, good: sumOf('good'), bad: sumOf('bad') })
    .from(s)
    .innerJoin(decayBases, eq(decayBases.teamId, s.teamId))
    .innerJoin(sql`(values ${traits}) as t(trait, polarity, weight)`, sql`t.trait = ${s.trait}`)
    .innerJoin(clients, and(eq(clients.teamId, s.teamId), eq(clients.id, s.clientId)))
    .leftJoin(unseen, and(eq(unseen.clientId, s.clientId), eq(unseen.trait, s.trait)))
    .where(and(eq(s.teamId, teamId), inScope(s.clientId, teamId, scope)))
    .groupBy(s.clientId)
    .having(sql`sum(${seen}) > 0`);
}

/** The earliest incident any rule looks at, for kinds whose rules have a window; windowless kinds load all. */
function incidentScope(catalogue: Catalogue, weekEnd: Date) {
  const rules = catalogue.thresholds.criteria;
  const everKinds = INCIDENT_KINDS.filter((k) => rules[k].windowDays === null);
  const longest = Math.max(catalogue.thresholds.steppingStoneDrift.windowDays, ...INCIDENT_KINDS.map((k) => rules[k].windowDays ?? 0));
  // +7: drift is also judged at the start of the week.
  const from = daysBefore(weekEnd, longest + 7);
  return and(
    lte(incidents.occurredAt, weekEnd),
    everKinds.length > 0 ? or(gt(incidents.occurredAt, from), inArray(incidents.kind, everKinds)) : gt(incidents.occurredAt, from),
  );
}

export interface ClientScope {
  /** Only this account manager's clients (App Home). */
  ownerUserId?: string | undefined;
  /** Only this client (health right after a log). */
  clientId?: string | undefined;
  /** Leaves one call's observations out (a confirmation's health before that call). */
  exceptCallId?: string | undefined;
}

/** Restricts a table with a client_id column to the scope's clients. */
function inScope(clientId: AnyPgColumn, teamId: string, scope: ClientScope) {
  if (scope.clientId) return eq(clientId, scope.clientId);
  if (!scope.ownerUserId) return undefined;
  return inArray(clientId, sql`(select ${clients.id} from ${clients} where ${clients.teamId} = ${teamId} and ${clients.ownerUserId} = ${scope.ownerUserId})`);
}

/** The workspace's clients (or one owner's) that existed at `at`. */
function clientsAt(teamId: string, at: Date, scope: ClientScope) {
  return and(eq(clients.teamId, teamId), lte(clients.createdAt, at), scope.ownerUserId ? eq(clients.ownerUserId, scope.ownerUserId) : undefined);
}

/** Incidents and warnings the firing rules look at as of `at`, by client. */
async function firingEvidence(db: Database, teamId: string, catalogue: Catalogue, at: Date, scope: ClientScope) {
  const [incidentRows, warningRows] = await Promise.all([
    db
      .select(incidentColumns)
      .from(incidents)
      .where(and(eq(incidents.teamId, teamId), incidentScope(catalogue, at), inScope(incidents.clientId, teamId, scope))),
    db
      .select(warningColumns)
      .from(warnings)
      .where(and(eq(warnings.teamId, teamId), lte(warnings.givenAt, at), inScope(warnings.clientId, teamId, scope))),
  ]);
  return { incidentsBy: groupBy(incidentRows), warningsBy: groupBy(warningRows) };
}

/** What a client's standing now needs (`/client list`, the Home tab): its decayed weights and firing evidence. */
export interface ClientStandingInputs {
  client: ClientProfile;
  weighted: { good: number; bad: number } | undefined;
  incidents: Incident[];
  warnings: Warning[];
}

/** The standing of every client in scope at `at`: one narrow row per client and trait, plus its firing evidence. */
export async function loadStandingInputs(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  at: Date,
  scope: ClientScope = {},
): Promise<ClientStandingInputs[]> {
  const [clientRows, baselines, { incidentsBy, warningsBy }] = await Promise.all([
    db
      .select(profileColumns)
      .from(clients)
      .where(clientsAt(teamId, at, scope)),
    weightedBaselines(db, teamId, catalogue, at, scope),
    firingEvidence(db, teamId, catalogue, at, scope),
  ]);
  return clientRows.map((client) => ({
    client,
    weighted: baselines.get(client.id),
    incidents: incidentsBy.get(client.id) ?? [],
    warnings: warningsBy.get(client.id) ?? [],
  }));
}

export async function loadDigestWeek(db: Database, teamId: string, catalogue: Catalogue, weekEnd: Date, scope: ClientScope = {}): Promise<ClientWeek[]> {
  const weekStart = daysBefore(weekEnd, 7);
  const o = traitObservations;
  // Last contact per client by one index probe each (calls_client_occurred), not a scan of every call; written
  // out, since in a one-table select drizzle leaves columns unqualified and the probe must name the outer client.
  const lastCallAt =
    sql<Date | null>`(select max(lc.occurred_at) from calls lc where lc.team_id = ${teamId} and lc.client_id = clients.id and lc.occurred_at <= ${timestamp(weekEnd)})`.mapWith(
      calls.occurredAt,
    );

  const [clientRows, baselines, flips, recent, { incidentsBy, warningsBy }, decisionRows, snoozeRows, callsLogged, incidentsLogged] = await Promise.all([
    db
      .select({ ...profileColumns, lastCallAt })
      .from(clients)
      .where(clientsAt(teamId, weekEnd, scope)),
    weightedBaselines(db, teamId, catalogue, weekStart, scope),
    weekFlips(db, teamId, catalogue, weekStart, weekEnd, scope),
    observationsWhere(db, and(eq(o.teamId, teamId), gt(o.observedAt, weekStart), lte(o.observedAt, weekEnd), inScope(o.clientId, teamId, scope))),
    firingEvidence(db, teamId, catalogue, weekEnd, scope),
    db
      .select(decisionColumns)
      .from(decisions)
      .where(and(eq(decisions.teamId, teamId), lte(decisions.decidedAt, weekEnd), inScope(decisions.clientId, teamId, scope))),
    db
      .select(snoozeColumns)
      .from(snoozes)
      .where(and(eq(snoozes.teamId, teamId), gt(snoozes.until, weekEnd), inScope(snoozes.clientId, teamId, scope))),
    db
      .select({ clientId: calls.clientId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(calls)
      .where(and(eq(calls.teamId, teamId), gt(calls.loggedAt, weekStart), lte(calls.loggedAt, weekEnd)))
      .groupBy(calls.clientId),
    db
      .select({ clientId: incidents.clientId, n: sql<number>`count(*)`.mapWith(Number) })
      .from(incidents)
      .where(and(eq(incidents.teamId, teamId), gt(incidents.loggedAt, weekStart), lte(incidents.loggedAt, weekEnd)))
      .groupBy(incidents.clientId),
  ]);

  const observationsBy = groupBy(recent);
  const decisionsBy = groupBy(decisionRows);
  const snoozesBy = groupBy(snoozeRows);
  const callCount = new Map(callsLogged.map((r) => [r.clientId, r.n]));
  const incidentCount = new Map(incidentsLogged.map((r) => [r.clientId, r.n]));

  return clientRows.map(({ lastCallAt, ...client }) => {
    const weighted = baselines.get(client.id);
    const history: ObservationHistory = {
      ...(weighted ? { baseline: { at: weekStart, weighted } } : {}),
      observations: observationsBy.get(client.id) ?? [],
    };
    return {
      client,
      history,
      flips: flips.get(client.id) ?? { atStart: [], atEnd: [] },
      incidents: incidentsBy.get(client.id) ?? [],
      warnings: warningsBy.get(client.id) ?? [],
      snoozes: snoozesBy.get(client.id) ?? [],
      decisions: decisionsBy.get(client.id) ?? [],
      lastCallAt,
      loggedThisWeek: { calls: callCount.get(client.id) ?? 0, incidents: incidentCount.get(client.id) ?? 0 },
    };
  });
}

interface FlipCounts {
  clientId: string;
  dimension: string;
  priorGoodStart: number;
  priorBadStart: number;
  priorGoodEnd: number;
  priorBadEnd: number;
}

/**
 * Dimension flips at the week's start and end (domain.md §3), judged by `flipsOf` like the pure path. SQL
 * counts each client-dimension's windows and keeps only those with enough recent bad observations to flip;
 * their recent bad observations are then read as rows, for the evidence.
 */
export async function weekFlips(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  weekStart: Date,
  weekEnd: Date,
  scope: ClientScope = {},
): Promise<Map<string, WeekFlips>> {
  const { flipRecentCount, flipRecentDays, flipPriorDays } = catalogue.thresholds.turnedBad;
  const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const o = traitObservations;
  const window = (moment: Date, polarity: 'good' | 'bad', which: 'recent' | 'prior') => {
    const recentFrom = daysBefore(moment, flipRecentDays);
    const range =
      which === 'recent'
        ? sql`${o.observedAt} > ${at(recentFrom)} and ${o.observedAt} <= ${at(moment)}`
        : sql`${o.observedAt} > ${at(daysBefore(recentFrom, flipPriorDays))} and ${o.observedAt} <= ${at(recentFrom)}`;
    return sql`count(*) filter (where t.polarity = ${polarity} and ${range})`;
  };
  const traitTable = (polarities: readonly string[]) =>
    sql`(values ${sql.join(
      catalogue.traits.filter((t) => polarities.includes(t.polarity)).map((t) => sql`(${t.key}, ${t.dimension}, ${t.polarity})`),
      sql`, `,
    )}) as t(trait, dimension, polarity)`;
  // 1. Client-dimensions with enough recent bad observations to flip at either end of the week (a 21-day scan)…
  const possible = db
    .select({ clientId: sql<string>`${o.clientId}`.as('possible_client'), dimension: sql<string>`t.dimension`.as('possible_dimension') })
    .from(o)
    .innerJoin(traitTable(['bad']), sql`t.trait = ${o.trait}`)
    .where(and(eq(o.teamId, teamId), gt(o.observedAt, daysBefore(weekStart, flipRecentDays)), lte(o.observedAt, weekEnd), inScope(o.clientId, teamId, scope)))
    .groupBy(o.clientId, sql`t.dimension`)
    .having(sql`${window(weekStart, 'bad', 'recent')} >= ${flipRecentCount} or ${window(weekEnd, 'bad', 'recent')} >= ${flipRecentCount}`)
    .as('possible');
  // 2. …whose prior window was mostly good at either end, counted in the same statement.
  const priorGoodStart = window(weekStart, 'good', 'prior').mapWith(Number);
  const priorBadStart = window(weekStart, 'bad', 'prior').mapWith(Number);
  const priorGoodEnd = window(weekEnd, 'good', 'prior').mapWith(Number);
  const priorBadEnd = window(weekEnd, 'bad', 'prior').mapWith(Number);
  const counted = await db
    .select({ clientId: o.clientId, dimension: sql<string>`t.dimension`, priorGoodStart, priorBadStart, priorGoodEnd, priorBadEnd })
    .from(o)
    .innerJoin(traitTable(['good', 'bad']), sql`t.trait = ${o.trait}`)
    .innerJoin(possible, and(eq(possible.clientId, o.clientId), eq(possible.dimension, sql`t.dimension`)))
    .where(
      and(
        eq(o.teamId, teamId),
        gt(o.observedAt, daysBefore(weekStart, flipRecentDays + flipPriorDays)),
        lte(o.observedAt, daysBefore(weekEnd, flipRecentDays)),
      ),
    )
    .groupBy(o.clientId, sql`t.dimension`)
    .having(sql`${priorGoodStart} > ${priorBadStart} or ${priorGoodEnd} > ${priorBadEnd}`);
  const out = new Map<string, WeekFlips>();
  if (counted.length === 0) return out;

  const countedBy = groupBy<FlipCounts>(counted);
  const candidates = [...countedBy.keys()];
  const badTraits = catalogue.traits.filter((t) => t.polarity === 'bad').map((t) => t.key);
  const badBy = groupBy(
    await observationsWhere(
      db,
      and(
        eq(o.teamId, teamId),
        inArray(o.clientId, candidates),
        inArray(o.trait, badTraits),
        gt(o.observedAt, daysBefore(weekStart, flipRecentDays)),
        lte(o.observedAt, weekEnd),
      ),
    ),
  );
  const dimensionOf = new Map(catalogue.traits.map((t) => [t.key, t.dimension]));
  const windowsAt = (rows: FlipCounts[], moment: Date, prior: (c: FlipCounts) => [number, number]) => {
    const from = daysBefore(moment, flipRecentDays);
    const windows = new Map<string, DimensionWindow>();
    for (const c of rows) {
      const [priorGood, priorBad] = prior(c);
      const recentBad = (badBy.get(c.clientId) ?? []).filter(
        (ob: Observation) => dimensionOf.get(ob.trait) === c.dimension && ob.observedAt > from && ob.observedAt <= moment,
      );
      windows.set(c.dimension, { recentBad, priorGood, priorBad });
    }
    return windows;
  };
  for (const [clientId, rows] of countedBy) {
    out.set(clientId, {
      atStart: flipsOf(
        catalogue,
        windowsAt(rows, weekStart, (c) => [c.priorGoodStart, c.priorBadStart]),
      ),
      atEnd: flipsOf(
        catalogue,
        windowsAt(rows, weekEnd, (c) => [c.priorGoodEnd, c.priorBadEnd]),
      ),
    });
  }
  return out;
}
