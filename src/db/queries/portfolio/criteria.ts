/** What each client's firing criteria are judged on, counted in SQL (`criteriaTallies`' rules), and its late payments. */
import { and, eq, gt, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { CRITERIA, INCIDENT_KINDS, type Catalogue, type IncidentKind } from '../../../domain/catalogue.js';
import type { CriteriaTallies } from '../../../domain/firingCriteria.js';
import { daysBefore, type Tally } from '../../../domain/types.js';
import type { Database } from '../../client.js';
import { clientRollups, incidents, warnings } from '../../schema/index.js';
import { timestamp } from '../decay.js';
import { instant, instantAs, isInstant, type Packed, type Values } from './packed.js';
import { inScope, type PortfolioRead } from './scope.js';

/** The tally of nothing, shared by every client without one (a portfolio has thousands). */
export const NO_TALLY: Tally = { count: 0, newestLoggedAt: null };

/**
 * Whether a criterion's incidents are counted from the tallies kept at write time (client_rollups): a windowless
 * rule counts every incident of its kind (criterion 9: on agreed work; criterion 2: after the first warning,
 * counted from rows for the few clients warned). Criterion 5's severity is the workspace's own: always rows.
 */
const isTallied = (catalogue: Catalogue, kind: IncidentKind) => catalogue.thresholds.criteria[kind].windowDays === null && kind !== 'slow_payment';

/** Every incident the rules look at by `at`: windowless kinds whatever their age, others in their windows. */
export function ruledIncidents(catalogue: Catalogue, at: Date) {
  const rules = catalogue.thresholds.criteria;
  const everKinds = INCIDENT_KINDS.filter((k) => rules[k].windowDays === null);
  const longest = Math.max(catalogue.thresholds.steppingStoneDrift.windowDays, ...INCIDENT_KINDS.map((k) => rules[k].windowDays ?? 0));
  const from = daysBefore(at, longest);
  return and(
    lte(incidents.occurredAt, at),
    everKinds.length > 0 ? or(gt(incidents.occurredAt, from), inArray(incidents.kind, everKinds)) : gt(incidents.occurredAt, from),
  );
}

/** The incidents the rules with a window look at by `at` (and late payments for drift at `driftAlsoAt` too). */
function incidentScope(catalogue: Catalogue, at: Date, driftAlsoAt: Date = at) {
  const rules = catalogue.thresholds.criteria;
  const counted = INCIDENT_KINDS.filter((k) => !isTallied(catalogue, k));
  const drift = daysBefore(driftAlsoAt, catalogue.thresholds.steppingStoneDrift.windowDays);
  const windows = counted.map((k) => rules[k].windowDays);
  const from = windows.includes(null) ? null : Math.min(drift.getTime(), ...windows.map((w) => daysBefore(at, w!).getTime()));
  return and(lte(incidents.occurredAt, at), inArray(incidents.kind, counted), from === null ? undefined : gt(incidents.occurredAt, new Date(from)));
}

/**
 * A client's columns of what each firing criterion is judged on at `at` (`criteriaTallies` counted in SQL: each
 * kind in its window; criterion 2 after the first warning; criterion 9 on agreed work; criterion 5's severe
 * payments) and of its late payments in the stepping-stone window at `at` and at `driftAlsoAt`, with the
 * subqueries to join on the client. Rules with a window count the rows in it (a range of the incidents by time);
 * windowless ones read the tallies kept at write time, or, for a moment some counted incident comes after (a
 * week caught up late), count the client's rows. `talliesReader` reads them back.
 */
export function criteriaParts(db: Database, read: PortfolioRead & { at: Date; driftAlsoAt?: Date }) {
  const { teamId, catalogue, at, scope = {}, driftAlsoAt = at } = read;
  const rules = catalogue.thresholds.criteria;
  const i = incidents;
  const r = clientRollups;
  const told = db
    .select({ clientId: warnings.clientId, at: sql`min(${warnings.givenAt})`.as('told_at') })
    .from(warnings)
    .where(and(eq(warnings.teamId, teamId), eq(warnings.kind, 'mental_abuse'), lte(warnings.givenAt, at), inScope(warnings.clientId, teamId, scope)))
    .groupBy(warnings.clientId)
    .as('told');
  const onAgreedWork = (table: string) => sql.raw(`${table}.details ->> 'onAgreedWork' = 'true'`);
  const within = (from: Date | null, to: Date = at) =>
    from ? sql`${i.occurredAt} > ${timestamp(from)} and ${i.occurredAt} <= ${timestamp(to)}` : sql`${i.occurredAt} <= ${timestamp(to)}`;
  // 1. The rules with a window (and criterion 5, and drift), from the rows in it.
  const tallyColumns = (name: string, where: SQL) => ({
    [`${name}N`]: sql<number>`count(*) filter (where ${where})::int`.as(`${name}_n`),
    [`${name}Newest`]: instantAs(sql`max(${i.loggedAt}) filter (where ${where})`, `${name}_newest`),
  });
  const columns: Record<string, SQL.Aliased> = {};
  for (const { kind } of CRITERIA.filter((c) => !isTallied(catalogue, c.kind))) {
    const windowDays = rules[kind].windowDays;
    let counts = sql`${i.kind} = ${kind} and ${within(windowDays === null ? null : daysBefore(at, windowDays))}`;
    if (kind === 'mental_abuse') counts = sql`${counts} and ${i.occurredAt} > ${told.at}`;
    if (kind === 'competitor_play') counts = sql`${counts} and ${onAgreedWork('incidents')}`;
    Object.assign(columns, tallyColumns(kind, counts));
    if (kind === 'slow_payment')
      Object.assign(columns, tallyColumns('severe', sql`${counts} and (${i.details} ->> 'daysLate')::numeric >= ${rules.slow_payment.severeDaysLate}`));
  }
  const driftWindow = catalogue.thresholds.steppingStoneDrift.windowDays;
  const latePayments = (moment: Date) => sql`${i.kind} = 'slow_payment' and ${within(daysBefore(moment, driftWindow), moment)}`;
  Object.assign(columns, tallyColumns('late', latePayments(at)));
  columns.lateAlsoN = sql<number>`count(*) filter (where ${latePayments(driftAlsoAt)})::int`.as('late_also_n');
  const counted = db
    .select({ clientId: sql<string>`${i.clientId}`.as('counted_client'), ...columns })
    .from(i)
    .leftJoin(told, eq(told.clientId, i.clientId))
    .where(and(eq(i.teamId, teamId), incidentScope(catalogue, at, driftAlsoAt), inScope(i.clientId, teamId, scope)))
    .groupBy(i.clientId)
    .as('counted');
  // 2. The windowless rules, from the tallies; a client's own rows where the tally cannot say (see isTallied).
  const outer: Record<string, SQL.Aliased> = {};
  for (const [name, column] of Object.entries(columns)) {
    const inner = sql`${sql.identifier('counted')}.${sql.identifier(column.fieldAlias)}`;
    outer[name] = isInstant(column) ? instantAs(inner, column.fieldAlias) : inner.as(column.fieldAlias);
  }
  const toldAt = sql`${sql.identifier('told')}.${sql.identifier('told_at')}`;
  for (const { kind } of CRITERIA.filter((c) => isTallied(catalogue, c.kind))) {
    const tally = sql`${r.incidentTallies} -> ${kind}`;
    const rows = (aggregate: SQL, after?: SQL) =>
      sql`(select ${aggregate} from incidents x where x.team_id = ${teamId} and x.client_id = ${r.clientId} and x.kind = ${kind}
        and x.occurred_at <= ${timestamp(at)}${after ? sql` and x.occurred_at > ${after}` : sql``}${kind === 'competitor_play' ? sql` and ${onAgreedWork('x')}` : sql``})`;
    const value = (fromTally: SQL, aggregate: SQL) =>
      kind === 'mental_abuse'
        ? sql`case when ${tally} is null or ${toldAt} is null then null else ${rows(aggregate, toldAt)} end`
        : sql`case when ${tally} is null then null when (${tally} ->> 'last')::timestamptz <= ${timestamp(at)} then ${fromTally} else ${rows(aggregate)} end`;
    outer[`${kind}N`] = sql`${value(sql`(${tally} ->> 'n')::int`, sql`count(*)::int`)}`.as(`${kind}_n`);
    outer[`${kind}Newest`] = instantAs(sql`${value(sql`(${tally} ->> 'newest')::timestamptz`, sql`max(x.logged_at)`)}`, `${kind}_newest`);
  }
  return { columns: outer, counted, told };
}

/**
 * The criteria of every client with incidents, on their own: the digest reads them beside its row per client,
 * so that the server works the two on two cores.
 */
export function criteriaQuery(db: Database, read: PortfolioRead & { at: Date; driftAlsoAt: Date }) {
  const { teamId, scope = {} } = read;
  const criteria = criteriaParts(db, read);
  const r = clientRollups;
  return db
    .select({ clientId: r.clientId, ...criteria.columns })
    .from(r)
    .leftJoin(criteria.counted, eq(criteria.counted.clientId, r.clientId))
    .leftJoin(criteria.told, eq(criteria.told.clientId, r.clientId))
    .where(
      and(eq(r.teamId, teamId), inScope(r.clientId, teamId, scope), sql`(${criteria.counted.clientId} is not null or ${r.incidentTallies} <> '{}'::jsonb)`),
    );
}

/** Reads the tallies of `criteriaParts` off packed rows. */
export function talliesReader(packed: Packed): (row: number) => { criteria: CriteriaTallies; late: Tally; lateAlso: number } {
  const at = (name: string) => packed.columns(`${name}_n`, `${name}_newest`);
  const tally = (row: number, [n, newest]: readonly [Values, Values]): Tally | undefined => {
    const count = Number(n[row] ?? 0);
    return count > 0 ? { count, newestLoggedAt: instant(newest[row]) } : undefined;
  };
  const kinds = CRITERIA.map(({ kind }) => ({ kind, columns: at(kind) }));
  const [severe, late, [lateAlso]] = [at('severe'), at('late'), packed.columns('late_also_n')];
  return (row) => {
    const criteria: CriteriaTallies = {};
    for (const { kind, columns } of kinds) {
      const counted = tally(row, columns);
      if (!counted) continue;
      const severeOnes = kind === 'slow_payment' ? tally(row, severe) : undefined;
      criteria[kind] = severeOnes ? { ...counted, severe: severeOnes } : counted;
    }
    return { criteria, late: tally(row, late) ?? NO_TALLY, lateAlso: Number(lateAlso[row] ?? 0) };
  };
}
