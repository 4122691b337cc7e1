/** The digest's row per client for a week (`ClientWeek`): what selection judges every client on. */
import { and, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { ClientWeek } from '../../../domain/clientWeek.js';
import type { Catalogue } from '../../../domain/catalogue.js';
import { daysBefore } from '../../../domain/types.js';
import type { Database } from '../../client.js';
import { calls, clientRollups, clients, decayBases, decisions, incidents, snoozes } from '../../schema/index.js';
import { profileColumns } from '../clients.js';
import { readWithKeptSums, timestamp } from '../decay.js';
import { decisionColumns, snoozeColumns } from '../decisions.js';
import { criteriaQuery, NO_TALLY, talliesReader } from './criteria.js';
import { weekFlips } from './flips.js';
import { instant, instantAs, packedRows, profileReader } from './packed.js';
import { clientsAt, groupBy, inScope, type PortfolioRead } from './scope.js';
import { observationsAfter, totalsReader, weightedAt } from './weights.js';

/** The empty list every client without flips, snoozes or decisions shares (a portfolio has thousands). */
const NONE: readonly never[] = [];

/**
 * The digest's one row per client: its profile, its weights at the week's start and end, the week's bad
 * observations, its last call by the week's end (kept at write time; an index probe for a week in the past), and
 * the calls and incidents logged for it during the week. Its criteria are `criteriaQuery`'s, read beside it so
 * that the server works the two on two cores.
 */
export function clientWeeksQuery(db: Database, read: PortfolioRead & { weekEnd: Date }) {
  const { teamId, catalogue, weekEnd, scope = {} } = read;
  const weekStart = daysBefore(weekEnd, 7);
  const unseen = observationsAfter(db, { read, moments: [weekStart, weekEnd], weekEnd });
  const u = unseen as unknown as Record<string, SQL.Aliased>;
  const r = clientRollups;
  // Written out, since drizzle leaves a lone table's columns unqualified and the probe must name the outer client.
  const lastCallAt = sql<Date | null>`case when ${r.lastCallAt} is null or ${r.lastCallAt} <= ${timestamp(weekEnd)} then ${r.lastCallAt}
    else (select max(lc.occurred_at) from calls lc where lc.team_id = ${teamId} and lc.client_id = ${clients.id} and lc.occurred_at <= ${timestamp(weekEnd)}) end`;
  // Logged during the week: by when rows were written (the app's clock), not by when the call happened.
  const logged = (table: typeof calls | typeof incidents, name: string) =>
    db
      .select({ clientId: sql<string>`${table.clientId}`.as(`${name}_client`), n: sql<number>`count(*)::int`.as(`${name}_n`) })
      .from(table)
      .where(and(eq(table.teamId, teamId), gt(table.loggedAt, weekStart), lte(table.loggedAt, weekEnd)))
      .groupBy(table.clientId)
      .as(name);
  const [callsLogged, incidentsLogged] = [logged(calls, 'calls_logged'), logged(incidents, 'incidents_logged')];
  const lastContact = lastContactProbe(teamId, catalogue, lastCallAt, weekEnd);
  return db
    .select({
      ...profileColumns,
      lastCallAt: instantAs(lastCallAt, 'last_call_at'),
      lastCallBy: sql<string | null>`(${lastContact})[1]`.as('last_call_by'),
      lastCallMeans: sql<string | null>`(${lastContact})[2]`.as('last_call_means'),
      ...weightedAt(unseen, 0, weekStart, catalogue, 'start'),
      ...weightedAt(unseen, 1, weekEnd, catalogue, 'end'),
      weekBad: sql<number>`coalesce(${u.weekBad!}, 0)`.as('week_bad_n'),
      weekBadNewest: instantAs(sql`${u.weekBadNewest!}`, 'week_bad_newest'),
      callsLogged: sql<number>`coalesce(${callsLogged.n}, 0)`.as('calls_logged'),
      incidentsLogged: sql<number>`coalesce(${incidentsLogged.n}, 0)`.as('incidents_logged'),
    })
    .from(clients)
    .leftJoin(r, and(eq(r.teamId, clients.teamId), eq(r.clientId, clients.id)))
    .leftJoin(decayBases, eq(decayBases.teamId, clients.teamId))
    .leftJoin(unseen, eq(unseen.clientId, clients.id))
    .leftJoin(callsLogged, eq(callsLogged.clientId, clients.id))
    .leftJoin(incidentsLogged, eq(incidentsLogged.clientId, clients.id))
    .where(clientsAt(teamId, weekEnd, scope));
}

/** The cadence a client is held to, in SQL (`cadenceOf`): its own, else its category's. */
function cadenceDaysSql(catalogue: Catalogue): SQL<number> {
  const c = catalogue.thresholds.cadenceDays;
  return sql<number>`coalesce(${clients.cadenceDays}, case ${clients.category} when 'vip' then ${c.vip}::int when 'problem' then ${c.problem}::int
    when 'employee' then ${c.employee}::int else ${c.regular}::int end)`;
}

/**
 * Who made the client's last call by `weekEnd` and how it was logged (`lastContactOf`'s order: latest, then later
 * logged, then greater id), as a text array [by, means]; probed by index only for a client its cadence may make
 * overdue (the same margin as `overdueForContact`), so a portfolio in touch costs nothing.
 */
function lastContactProbe(teamId: string, catalogue: Catalogue, lastCallAt: SQL, weekEnd: Date): SQL {
  const mayBeOverdue = sql`${lastCallAt} <= ${timestamp(weekEnd)} - make_interval(days => greatest(${cadenceDaysSql(catalogue)} - 3, 0))`;
  return sql`case when ${mayBeOverdue} then (select array[lc.logged_by, case when lc.evidence_url is null then 'call' else 'message' end] from calls lc
    where lc.team_id = ${teamId} and lc.client_id = ${clients.id} and lc.occurred_at = ${lastCallAt}
    order by lc.logged_at desc, lc.id desc limit 1) end`;
}

export async function loadDigestWeek(db: Database, read: PortfolioRead & { weekEnd: Date }): Promise<ClientWeek[]> {
  const { teamId, catalogue, weekEnd, scope = {} } = read;
  const weekStart = daysBefore(weekEnd, 7);
  const [packed, criteria, flips, decisionRows, snoozeRows] = await readWithKeptSums(db, {
    teamId,
    catalogue,
    at: weekStart,
    read: () =>
      Promise.all([
        packedRows(db, clientWeeksQuery(db, read)),
        packedRows(db, criteriaQuery(db, { ...read, at: weekEnd, driftAlsoAt: weekStart })),
        weekFlips(db, { ...read, weekStart }),
        db
          .select(decisionColumns)
          .from(decisions)
          .where(and(eq(decisions.teamId, teamId), lte(decisions.decidedAt, weekEnd), inScope(decisions.clientId, teamId, scope))),
        db
          .select(snoozeColumns)
          .from(snoozes)
          .where(and(eq(snoozes.teamId, teamId), gt(snoozes.until, weekEnd), inScope(snoozes.clientId, teamId, scope))),
      ]),
  });
  const decisionsBy = groupBy(decisionRows);
  const snoozesBy = groupBy(snoozeRows);
  const profile = profileReader(packed);
  const [atStart, atEnd] = [totalsReader(packed, 'start'), totalsReader(packed, 'end')];
  const [lastCall, lastCallBy, lastCallMeans, weekBad, weekBadNewest, callsLogged, incidentsLogged] = packed.columns(
    'last_call_at',
    'last_call_by',
    'last_call_means',
    'week_bad_n',
    'week_bad_newest',
    'calls_logged',
    'incidents_logged',
  );
  const [criteriaIds] = criteria.columns('client_id');
  const criteriaRow = new Map(criteriaIds.map((id, row) => [String(id), row]));
  const tallies = talliesReader(criteria);
  const noIncidents = { criteria: {}, late: NO_TALLY, lateAlso: 0 };
  return Array.from({ length: packed.length }, (_, row) => {
    const client = profile(row);
    const c = criteriaRow.get(client.id);
    const t = c === undefined ? noIncidents : tallies(c);
    const lastCallAt = instant(lastCall[row]);
    const by = lastCallBy[row];
    return {
      client,
      ...(lastCallAt && typeof by === 'string'
        ? { lastContact: { at: lastCallAt, by, means: lastCallMeans[row] === 'message' ? 'message' : 'call' } as const }
        : {}),
      weighted: { atStart: atStart(row), atEnd: atEnd(row) },
      flips: flips.get(client.id) ?? NONE,
      weekBad: Number(weekBad[row]) > 0 ? { count: Number(weekBad[row]), newestLoggedAt: instant(weekBadNewest[row]) } : NO_TALLY,
      criteria: t.criteria,
      latePayments: { atStart: t.lateAlso, atEnd: t.late },
      snoozes: snoozesBy.get(client.id) ?? NONE,
      decisions: decisionsBy.get(client.id) ?? NONE,
      lastCallAt,
      loggedThisWeek: { calls: Number(callsLogged[row]), incidents: Number(incidentsLogged[row]) },
    };
  });
}
