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
import { DAY_MS, daysBefore, type Observation, type ObservationHistory } from '../../domain/types.js';
import type { Database } from '../client.js';
import { calls, clients, decisions, incidents, snoozes, traitObservations, warnings } from '../schema/index.js';
import { incidentColumns, observationsWhere, warningColumns } from './activity.js';
import { profileColumns } from './clients.js';
import { decisionColumns, snoozeColumns } from './decisions.js';

/** Half-lives beyond which a weight is 0 for any purpose (keeps float8 power() clear of underflow errors). */
const MAX_HALF_LIVES = 1000;

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
 * traits no longer in the catalogue ignored: as `health` does). Grouping by client alone is ~2× cheaper than by
 * client and trait, and sends a tenth of the rows.
 */
export async function weightedBaselines(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  at: Date,
  scope: ClientScope = {},
): Promise<Map<string, { good: number; bad: number }>> {
  const rows = await weightedBaselinesQuery(db, teamId, catalogue, at, scope);
  return new Map(rows.map((r) => [r.clientId, { good: r.good, bad: r.bad }]));
}

/** The query behind `weightedBaselines`, unexecuted (the benchmark prints its plan). */
export function weightedBaselinesQuery(db: Database, teamId: string, catalogue: Catalogue, at: Date, scope: ClientScope = {}) {
  const halfLifeSeconds = (catalogue.thresholds.health.halfLifeDays * DAY_MS) / 1000;
  const o = traitObservations;
  const traits = sql.join(
    catalogue.traits.map((t) => sql`(${t.key}, ${t.polarity}, ${t.weight}::float8)`),
    sql`, `,
  );
  const age = sql`extract(epoch from (${at.toISOString()}::timestamptz - ${o.observedAt}))::float8 / ${halfLifeSeconds}::float8`;
  // Each observation's weight × decay, computed once per row, then summed per polarity.
  const contributions = db
    .select({
      clientId: o.clientId,
      polarity: sql<string>`t.polarity`.as('polarity'),
      contribution: sql<number>`coalesce((${clients.traitWeights} ->> ${o.trait})::float8, t.weight) * power(0.5::float8, least(${age}, ${MAX_HALF_LIVES}))`.as(
        'contribution',
      ),
    })
    .from(o)
    .innerJoin(sql`(values ${traits}) as t(trait, polarity, weight)`, sql`t.trait = ${o.trait}`)
    .innerJoin(clients, and(eq(clients.teamId, o.teamId), eq(clients.id, o.clientId)))
    .where(
      and(eq(o.teamId, teamId), lte(o.observedAt, at), inScope(o.clientId, teamId, scope), scope.exceptCallId ? ne(o.callId, scope.exceptCallId) : undefined),
    )
    .as('contributions');
  const sumOf = (polarity: 'good' | 'bad') =>
    sql<number>`coalesce(sum(${contributions.contribution}) filter (where ${contributions.polarity} = ${polarity}), 0)`.mapWith(Number);
  return db
    .select({ clientId: contributions.clientId, good: sumOf('good'), bad: sumOf('bad') })
    .from(contributions)
    .groupBy(contributions.clientId);
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

export async function loadDigestWeek(db: Database, teamId: string, catalogue: Catalogue, weekEnd: Date, scope: ClientScope = {}): Promise<ClientWeek[]> {
  const weekStart = daysBefore(weekEnd, 7);

  const [clientRows, baselines, flips, recent, incidentRows, warningRows, decisionRows, snoozeRows, lastCalls, callsLogged, incidentsLogged] =
    await Promise.all([
      db
        .select(profileColumns)
        .from(clients)
        .where(and(eq(clients.teamId, teamId), lte(clients.createdAt, weekEnd), scope.ownerUserId ? eq(clients.ownerUserId, scope.ownerUserId) : undefined)),
      weightedBaselines(db, teamId, catalogue, weekStart, scope),
      weekFlips(db, teamId, catalogue, weekStart, weekEnd, scope),
      observationsWhere(
        db,
        and(
          eq(traitObservations.teamId, teamId),
          gt(traitObservations.observedAt, weekStart),
          lte(traitObservations.observedAt, weekEnd),
          inScope(traitObservations.clientId, teamId, scope),
        ),
      ),
      db
        .select(incidentColumns)
        .from(incidents)
        .where(and(eq(incidents.teamId, teamId), incidentScope(catalogue, weekEnd), inScope(incidents.clientId, teamId, scope))),
      db
        .select(warningColumns)
        .from(warnings)
        .where(and(eq(warnings.teamId, teamId), lte(warnings.givenAt, weekEnd), inScope(warnings.clientId, teamId, scope))),
      db
        .select(decisionColumns)
        .from(decisions)
        .where(and(eq(decisions.teamId, teamId), lte(decisions.decidedAt, weekEnd), inScope(decisions.clientId, teamId, scope))),
      db
        .select(snoozeColumns)
        .from(snoozes)
        .where(and(eq(snoozes.teamId, teamId), gt(snoozes.until, weekEnd), inScope(snoozes.clientId, teamId, scope))),
      db
        .select({ clientId: calls.clientId, at: sql<Date>`max(${calls.occurredAt})`.mapWith(calls.occurredAt) })
        .from(calls)
        .where(and(eq(calls.teamId, teamId), lte(calls.occurredAt, weekEnd), inScope(calls.clientId, teamId, scope)))
        .groupBy(calls.clientId),
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
  const incidentsBy = groupBy(incidentRows);
  const warningsBy = groupBy(warningRows);
  const decisionsBy = groupBy(decisionRows);
  const snoozesBy = groupBy(snoozeRows);
  const lastCallBy = new Map(lastCalls.map((r) => [r.clientId, r.at]));
  const callCount = new Map(callsLogged.map((r) => [r.clientId, r.n]));
  const incidentCount = new Map(incidentsLogged.map((r) => [r.clientId, r.n]));

  return clientRows.map((client) => {
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
      lastCallAt: lastCallBy.get(client.id) ?? null,
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
  // 1. Client-dimensions with enough recent bad observations to flip at either end of the week (a 21-day scan).
  const possible = await db
    .select({ clientId: o.clientId, dimension: sql<string>`t.dimension` })
    .from(o)
    .innerJoin(traitTable(['bad']), sql`t.trait = ${o.trait}`)
    .where(and(eq(o.teamId, teamId), gt(o.observedAt, daysBefore(weekStart, flipRecentDays)), lte(o.observedAt, weekEnd), inScope(o.clientId, teamId, scope)))
    .groupBy(o.clientId, sql`t.dimension`)
    .having(sql`${window(weekStart, 'bad', 'recent')} >= ${flipRecentCount} or ${window(weekEnd, 'bad', 'recent')} >= ${flipRecentCount}`);
  const out = new Map<string, WeekFlips>();
  if (possible.length === 0) return out;
  // 2. Their prior windows only.
  const isPossible = new Set(possible.map((p) => `${p.clientId} ${p.dimension}`));
  const counted = (
    await db
      .select({
        clientId: o.clientId,
        dimension: sql<string>`t.dimension`,
        priorGoodStart: window(weekStart, 'good', 'prior').mapWith(Number),
        priorBadStart: window(weekStart, 'bad', 'prior').mapWith(Number),
        priorGoodEnd: window(weekEnd, 'good', 'prior').mapWith(Number),
        priorBadEnd: window(weekEnd, 'bad', 'prior').mapWith(Number),
      })
      .from(o)
      .innerJoin(traitTable(['good', 'bad']), sql`t.trait = ${o.trait}`)
      .where(
        and(
          eq(o.teamId, teamId),
          inArray(o.clientId, [...new Set(possible.map((p) => p.clientId))]),
          gt(o.observedAt, daysBefore(weekStart, flipRecentDays + flipPriorDays)),
          lte(o.observedAt, daysBefore(weekEnd, flipRecentDays)),
        ),
      )
      .groupBy(o.clientId, sql`t.dimension`)
  ).filter((c) => isPossible.has(`${c.clientId} ${c.dimension}`));
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
