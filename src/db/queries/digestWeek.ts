/**
 * Gathers what digest selection needs for one workspace-week in a fixed number of queries, each returning one
 * narrow row per client (plus the few dimensions that could flip) whatever the portfolio's history: the decayed
 * weights from the sums kept at write time (schema/decay.ts) less the observations after each moment judged,
 * the incidents counted toward each firing criterion, the last call. Rows of incidents and observations travel
 * only as evidence, for the clients a digest names (`loadDigestEvidence`).
 *
 * Which implementation is the authority: these SQL folds are what production runs for every portfolio read (the
 * digest, `/client list`, the Home tab, the health after a log). The pure functions of domain/ (`health` over raw
 * observations, `dimensionFlips`, `criteriaTallies`, `clientWeekOf`) are their reference: they define the rules
 * in domain.md's words, `/client show` applies them to one client's raw history, and
 * test/db/foldEquivalence.test.ts keeps the two equal over random histories on both databases.
 */
import { and, Column, eq, gt, inArray, is, lte, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { CRITERIA, INCIDENT_KINDS, type Catalogue, type IncidentKind } from '../../domain/catalogue.js';
import { clientEvidence, type ClientEvidence, type ClientWeek } from '../../domain/clientWeek.js';
import type { CriteriaTallies } from '../../domain/firingCriteria.js';
import { flippedDuring, flipsOf, type DimensionFlip, type DimensionWindow } from '../../domain/turnedBad.js';
import { daysBefore, type ClientProfile, type Tally, type WeightedTotals } from '../../domain/types.js';
import type { Database } from '../client.js';
import { calls, clientRollups, clients, decayBases, decisions, incidents, snoozes, traitObservations, warnings } from '../schema/index.js';
import { decayTerm, readWithKeptSums, timestamp } from './decay.js';
import { incidentColumns, observationsWhere, warningColumns } from './activity.js';
import { profileColumns } from './clients.js';
import { decisionColumns, snoozeColumns } from './decisions.js';

/** The empty list every client without flips, snoozes or decisions shares (a portfolio has thousands). */
const NONE: readonly never[] = [];
/** The tally of nothing, shared likewise. */
const NO_TALLY: Tally = { count: 0, newestLoggedAt: null };

function groupBy<T extends { clientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.clientId);
    if (list) list.push(row);
    else out.set(row.clientId, [row]);
  }
  return out;
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

/** The workspace's clients (or one owner's, or one) that existed at `at`. */
function clientsAt(teamId: string, at: Date, scope: ClientScope) {
  return and(
    eq(clients.teamId, teamId),
    lte(clients.createdAt, at),
    scope.ownerUserId ? eq(clients.ownerUserId, scope.ownerUserId) : undefined,
    scope.clientId ? eq(clients.id, scope.clientId) : undefined,
  );
}

const o = traitObservations;
const halfLifeOf = (catalogue: Catalogue) => sql`${catalogue.thresholds.health.halfLifeDays}::float8`;

/**
 * The workspace's clients that weigh some trait their own way (most weigh none), for the observations' terms:
 * joining every client's weights cost a quarter of a 10k-client digest's term read, measured. An observation
 * of any other client finds no row here, and `rollup_term` then takes the catalogue's weight, as the triggers do.
 */
function ownWeights(db: Database, teamId: string) {
  return db
    .select({ id: sql<string>`${clients.id}`.as('weighed_client'), traitWeights: sql`${clients.traitWeights}`.as('own_weights') })
    .from(clients)
    .where(and(eq(clients.teamId, teamId), sql`${clients.traitWeights} <> '{}'::jsonb`))
    .as('weighed');
}

/**
 * Per client, the observations after `from` (and the call left out, if any), with their weighted decay terms
 * taken at `from` by the function the triggers keep the sums with: for each of `moments` (none before `from`),
 * how many of them and how much good and bad weight the sums hold that the moment must not see. With `weekEnd`,
 * also the week's bad observations (`from` is the week's start).
 */
function observationsAfter(db: Database, teamId: string, catalogue: Catalogue, moments: readonly Date[], scope: ClientScope, weekEnd?: Date) {
  const from = moments[0]!;
  const halfLife = halfLifeOf(catalogue);
  const weighed = ownWeights(db, teamId);
  // Each observation's term, computed once: `offset 0` keeps the planner from flattening this into the
  // aggregate below, which would compute the term again for every sum that adds it.
  const termsOf = db
    .select({
      clientId: o.clientId,
      observedAt: o.observedAt,
      loggedAt: o.loggedAt,
      callId: o.callId,
      polarity: sql`t.polarity`.as('polarity'),
      mass: sql`t.mass`.as('mass'),
    })
    .from(o)
    .innerJoin(decayBases, eq(decayBases.teamId, o.teamId))
    .leftJoin(weighed, eq(weighed.id, o.clientId))
    .innerJoin(
      sql`lateral rollup_term(${decayBases.traits}, ${timestamp(from)}, ${halfLife}, ${weighed.traitWeights}, ${o.trait}, ${o.observedAt}) as t`,
      sql`true`,
    )
    .where(
      and(
        eq(o.teamId, teamId),
        scope.exceptCallId ? or(gt(o.observedAt, from), eq(o.callId, scope.exceptCallId)) : gt(o.observedAt, from),
        inScope(o.clientId, teamId, scope),
      ),
    );
  const terms = sql`(${termsOf} offset 0) as terms`;
  const unseenAt = (m: Date) =>
    scope.exceptCallId ? sql`(terms.observed_at > ${timestamp(m)} or terms.call_id = ${scope.exceptCallId})` : sql`terms.observed_at > ${timestamp(m)}`;
  const columns: Record<string, SQL.Aliased> = {};
  moments.forEach((m, i) => {
    // Terms taken at `from`, moved to `m`: × 2^((from − m) / h).
    const toMoment = decayTerm(timestamp(from), timestamp(m), halfLife);
    columns[`n${i}`] = sql<number>`count(terms.polarity) filter (where ${unseenAt(m)})::int`.as(`unseen_n${i}`);
    columns[`good${i}`] = sql<number>`coalesce(sum(terms.mass) filter (where terms.polarity = 'good' and ${unseenAt(m)}), 0) * ${toMoment}`.as(
      `unseen_good${i}`,
    );
    columns[`bad${i}`] = sql<number>`coalesce(sum(terms.mass) filter (where terms.polarity = 'bad' and ${unseenAt(m)}), 0) * ${toMoment}`.as(`unseen_bad${i}`);
  });
  if (weekEnd) {
    const ofWeek = sql`terms.polarity = 'bad' and terms.observed_at <= ${timestamp(weekEnd)}`;
    columns.weekBad = sql<number>`count(*) filter (where ${ofWeek})::int`.as('week_bad');
    columns.weekBadNewest = sql`max(terms.logged_at) filter (where ${ofWeek})`.as('week_bad_newest');
  }
  return db
    .select({ clientId: sql<string>`terms.client_id`.as('unseen_client'), ...columns })
    .from(terms)
    .groupBy(sql`terms.client_id`)
    .as('unseen');
}

type Unseen = ReturnType<typeof observationsAfter>;

/**
 * A client's decayed, weighted good and bad weight at the `i`th moment (rollups and bases joined in the query):
 * the sums moved from the epoch to the moment, less what they hold that it must not see. Nothing seen: 0, and
 * `seen` says so (the weights are then unknown, not zero). Named `<name>_seen`, `<name>_good`, `<name>_bad`.
 */
function weightedAt(unseen: Unseen, i: number, moment: Date, catalogue: Catalogue, name: string) {
  const field = (column: string) => (unseen as unknown as Record<string, SQL.Aliased<number>>)[`${column}${i}`]!;
  const seen = sql<number>`${clientRollups.observations} - coalesce(${field('n')}, 0)`;
  const toMoment = decayTerm(decayBases.epoch, timestamp(moment), halfLifeOf(catalogue));
  const mass = (column: AnyPgColumn, part: string) =>
    sql<number>`case when ${seen} > 0 then greatest(${column} * ${toMoment} - coalesce(${field(part)}, 0), 0) else 0 end`.as(`${name}_${part}`);
  return {
    [`${name}Seen`]: seen.as(`${name}_seen`),
    [`${name}Good`]: mass(clientRollups.goodMass, 'good'),
    [`${name}Bad`]: mass(clientRollups.badMass, 'bad'),
  };
}

/** Reads the weights `weightedAt` named `name` off packed rows: undefined where nothing was seen. */
function totalsReader(packed: Packed, name: string): (row: number) => WeightedTotals | undefined {
  const [seen, good, bad] = packed.columns(`${name}_seen`, `${name}_good`, `${name}_bad`);
  return (row) => (Number(seen[row] ?? 0) > 0 ? { good: Number(good[row]), bad: Number(bad[row]) } : undefined);
}

/**
 * A wide read of the whole portfolio, packed by the server into one JSON value: an array per column of the
 * select, rows in the same order in each (one aggregate pass makes them). The driver decodes a row field by
 * field, about 8 µs a row of a digest's width, most of a 10k-client digest's time in Node; one JSON.parse of
 * columns makes no object per row and keeps numbers unboxed (measured on the 10k-client row per client: 82 →
 * 26 ms of Node's CPU, and less on the server). Rows are read by index; readers are built once per read.
 */
interface Packed {
  /** Rows read. */
  length: number;
  /** The named columns, in the order named. */
  columns<const Names extends readonly string[]>(...names: Names): { [K in keyof Names]: Values };
}

/** One column of packed rows. */
type Values = readonly unknown[];

/**
 * The selected expressions that are instants: they travel as milliseconds since 1970 (the server writes a
 * timestamp's text slowly, and a Date parses it slowly; a 10k-client digest reads ~100k of them).
 */
const INSTANTS = new WeakSet<SQL.Aliased>();
const instantAs = (expression: SQL, name: string): SQL.Aliased<Date | null> => {
  const aliased = expression.as(name) as SQL.Aliased<Date | null>;
  INSTANTS.add(aliased);
  return aliased;
};
const isInstant = (field: unknown) => (is(field, Column) ? field.columnType === 'PgTimestamp' : INSTANTS.has(field as SQL.Aliased));

async function packedRows(db: Database, query: { _: { selectedFields: Record<string, unknown> } } & SQLWrapper): Promise<Packed> {
  const fields = Object.values(query._.selectedFields);
  const names = fields.map((f) => (is(f, Column) ? f.name : (f as SQL.Aliased).fieldAlias));
  const columns = sql.join(
    names.map((name, i) => {
      const value = sql`packed.${sql.identifier(name)}`;
      return sql`array_agg(${isInstant(fields[i]) ? sql`floor(extract(epoch from ${value}) * 1000)::int8` : value})`;
    }),
    sql`, `,
  );
  const result = await db.execute(sql`select json_build_array(${columns}) as packed_columns from (${query}) as packed`);
  const [row] = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { packed_columns: (unknown[] | null)[] }[];
  // No rows: every array_agg is null.
  const values = row!.packed_columns.map((column) => column ?? []);
  const index = new Map(names.map((name, i) => [name, values[i]!]));
  const column = (name: string) => {
    const found = index.get(name);
    if (found === undefined) throw new Error(`packedRows: no column ${name}`);
    return found;
  };
  return {
    length: values[0]?.length ?? 0,
    columns: <const Names extends readonly string[]>(...wanted: Names) => wanted.map(column) as { [K in keyof Names]: Values },
  };
}

/** An instant off packed rows (milliseconds since 1970). */
const instant = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as number));

/** Reads client profiles off packed rows that selected `profileColumns`, with the schema's own decoders. */
function profileReader(packed: Packed): (row: number) => ClientProfile {
  const columns = Object.entries(profileColumns).map(([key, column]) => ({
    key,
    decode: isInstant(column) ? instant : (value: unknown) => (value === null || value === undefined ? null : column.mapFromDriverValue(value as never)),
    values: packed.columns(column.name)[0],
  }));
  return (row) => {
    const profile: Record<string, unknown> = {};
    for (const { key, decode, values } of columns) profile[key] = decode(values[row]);
    return profile as unknown as ClientProfile;
  };
}

/**
 * Decayed good and bad weight per client as of `at` (client weight over catalogue weight, traits no longer in
 * the catalogue ignored: as `health` does), from the sums kept at write time, less what was observed after `at`
 * or belongs to the call left out. Clients with nothing seen are absent.
 */
export async function weightedBaselines(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  at: Date,
  scope: ClientScope = {},
): Promise<Map<string, WeightedTotals>> {
  const unseen = observationsAfter(db, teamId, catalogue, [at], scope);
  const rows = db
    .select({ clientId: clientRollups.clientId, ...weightedAt(unseen, 0, at, catalogue, 'at') })
    .from(clientRollups)
    .innerJoin(decayBases, eq(decayBases.teamId, clientRollups.teamId))
    .leftJoin(unseen, eq(unseen.clientId, clientRollups.clientId))
    .where(and(eq(clientRollups.teamId, teamId), inScope(clientRollups.clientId, teamId, scope)));
  const packed = await readWithKeptSums(db, teamId, catalogue, at, () => packedRows(db, rows));
  const [[clientId], weighted] = [packed.columns('client_id'), totalsReader(packed, 'at')];
  const out = new Map<string, WeightedTotals>();
  for (let row = 0; row < packed.length; row++) {
    const totals = weighted(row);
    if (totals) out.set(String(clientId[row]), totals);
  }
  return out;
}

/**
 * Whether a criterion's incidents are counted from the tallies kept at write time (client_rollups): a windowless
 * rule counts every incident of its kind (criterion 9: on agreed work; criterion 2: after the first warning,
 * counted from rows for the few clients warned). Criterion 5's severity is the workspace's own: always rows.
 */
const isTallied = (catalogue: Catalogue, kind: IncidentKind) => catalogue.thresholds.criteria[kind].windowDays === null && kind !== 'slow_payment';

/** Every incident the rules look at by `at`: windowless kinds whatever their age, others in their windows. */
function ruledIncidents(catalogue: Catalogue, at: Date) {
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
function criteriaParts(db: Database, teamId: string, catalogue: Catalogue, at: Date, scope: ClientScope, driftAlsoAt: Date = at) {
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
    outer[name] = INSTANTS.has(column) ? instantAs(inner, column.fieldAlias) : inner.as(column.fieldAlias);
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
export function criteriaQuery(db: Database, teamId: string, catalogue: Catalogue, at: Date, scope: ClientScope, driftAlsoAt: Date) {
  const criteria = criteriaParts(db, teamId, catalogue, at, scope, driftAlsoAt);
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
function talliesReader(packed: Packed): (row: number) => { criteria: CriteriaTallies; late: Tally; lateAlso: number } {
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

/** What a client's standing now needs (`/client list`, the Home tab): its decayed weights and what its criteria are judged on. */
export interface ClientStandingInputs {
  client: ClientProfile;
  weighted: WeightedTotals | undefined;
  criteria: CriteriaTallies;
}

/** The standings' one row per client in scope: its profile, its weights at `at` and its criteria (the sums must be kept). */
export function standingsQuery(db: Database, teamId: string, catalogue: Catalogue, at: Date, scope: ClientScope = {}) {
  const unseen = observationsAfter(db, teamId, catalogue, [at], scope);
  const criteria = criteriaParts(db, teamId, catalogue, at, scope);
  return db
    .select({ ...profileColumns, ...weightedAt(unseen, 0, at, catalogue, 'at'), ...criteria.columns })
    .from(clients)
    .leftJoin(clientRollups, and(eq(clientRollups.teamId, clients.teamId), eq(clientRollups.clientId, clients.id)))
    .leftJoin(decayBases, eq(decayBases.teamId, clients.teamId))
    .leftJoin(unseen, eq(unseen.clientId, clients.id))
    .leftJoin(criteria.counted, eq(criteria.counted.clientId, clients.id))
    .leftJoin(criteria.told, eq(criteria.told.clientId, clients.id))
    .where(clientsAt(teamId, at, scope));
}

/** The standing of every client in scope at `at`: one narrow row per client. */
export async function loadStandingInputs(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  at: Date,
  scope: ClientScope = {},
): Promise<ClientStandingInputs[]> {
  const packed = await readWithKeptSums(db, teamId, catalogue, at, () => packedRows(db, standingsQuery(db, teamId, catalogue, at, scope)));
  const [profile, weighted, tallies] = [profileReader(packed), totalsReader(packed, 'at'), talliesReader(packed)];
  return Array.from({ length: packed.length }, (_, row) => ({ client: profile(row), weighted: weighted(row), criteria: tallies(row).criteria }));
}

/**
 * The digest's one row per client: its profile, its weights at the week's start and end, the week's bad
 * observations, its last call by the week's end (kept at write time; an index probe for a week in the past), and
 * the calls and incidents logged for it during the week. Its criteria are `criteriaQuery`'s, read beside it so
 * that the server works the two on two cores.
 */
export function clientWeeksQuery(db: Database, teamId: string, catalogue: Catalogue, weekEnd: Date, scope: ClientScope = {}) {
  const weekStart = daysBefore(weekEnd, 7);
  const unseen = observationsAfter(db, teamId, catalogue, [weekStart, weekEnd], scope, weekEnd);
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
  return db
    .select({
      ...profileColumns,
      lastCallAt: instantAs(lastCallAt, 'last_call_at'),
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

export async function loadDigestWeek(db: Database, teamId: string, catalogue: Catalogue, weekEnd: Date, scope: ClientScope = {}): Promise<ClientWeek[]> {
  const weekStart = daysBefore(weekEnd, 7);
  const [packed, criteria, flips, decisionRows, snoozeRows] = await readWithKeptSums(db, teamId, catalogue, weekStart, () =>
    Promise.all([
      packedRows(db, clientWeeksQuery(db, teamId, catalogue, weekEnd, scope)),
      packedRows(db, criteriaQuery(db, teamId, catalogue, weekEnd, scope, weekStart)),
      weekFlips(db, teamId, catalogue, weekStart, weekEnd, scope),
      db
        .select(decisionColumns)
        .from(decisions)
        .where(and(eq(decisions.teamId, teamId), lte(decisions.decidedAt, weekEnd), inScope(decisions.clientId, teamId, scope))),
      db
        .select(snoozeColumns)
        .from(snoozes)
        .where(and(eq(snoozes.teamId, teamId), gt(snoozes.until, weekEnd), inScope(snoozes.clientId, teamId, scope))),
    ]),
  );
  const decisionsBy = groupBy(decisionRows);
  const snoozesBy = groupBy(snoozeRows);
  const profile = profileReader(packed);
  const [atStart, atEnd] = [totalsReader(packed, 'start'), totalsReader(packed, 'end')];
  const [lastCall, weekBad, weekBadNewest, callsLogged, incidentsLogged] = packed.columns(
    'last_call_at',
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
    return {
      client,
      weighted: { atStart: atStart(row), atEnd: atEnd(row) },
      flips: flips.get(client.id) ?? NONE,
      weekBad: Number(weekBad[row]) > 0 ? { count: Number(weekBad[row]), newestLoggedAt: instant(weekBadNewest[row]) } : NO_TALLY,
      criteria: t.criteria,
      latePayments: { atStart: t.lateAlso, atEnd: t.late },
      snoozes: snoozesBy.get(client.id) ?? NONE,
      decisions: decisionsBy.get(client.id) ?? NONE,
      lastCallAt: instant(lastCall[row]),
      loggedThisWeek: { calls: Number(callsLogged[row]), incidents: Number(incidentsLogged[row]) },
    };
  });
}

/** Clients evidence is read for per query (each id is a parameter). */
const EVIDENCE_BATCH = 1000;

/**
 * The rows behind the verdicts on the clients a digest names, for them alone: the incidents its rules look at,
 * the warnings, and the recent bad observations (`clientEvidence` picks, by client).
 */
export async function loadDigestEvidence(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  weekEnd: Date,
  clientIds: readonly string[],
): Promise<Map<string, ClientEvidence>> {
  // The week's bad observations, and those of the flip rule's recent window (it may be longer).
  const from = new Date(Math.min(daysBefore(weekEnd, 7).getTime(), daysBefore(weekEnd, catalogue.thresholds.turnedBad.flipRecentDays).getTime()));
  const badTraits = catalogue.traits.filter((t) => t.polarity === 'bad').map((t) => t.key);
  const batches: string[][] = [];
  for (let k = 0; k < clientIds.length; k += EVIDENCE_BATCH) batches.push(clientIds.slice(k, k + EVIDENCE_BATCH));
  const read = await Promise.all(
    batches.map((ids) =>
      Promise.all([
        db
          .select(incidentColumns)
          .from(incidents)
          .where(and(eq(incidents.teamId, teamId), ruledIncidents(catalogue, weekEnd), inArray(incidents.clientId, ids))),
        db
          .select(warningColumns)
          .from(warnings)
          .where(and(eq(warnings.teamId, teamId), lte(warnings.givenAt, weekEnd), inArray(warnings.clientId, ids))),
        observationsWhere(
          db,
          and(eq(o.teamId, teamId), inArray(o.clientId, ids), inArray(o.trait, badTraits), gt(o.observedAt, from), lte(o.observedAt, weekEnd)),
        ),
      ]),
    ),
  );
  const incidentsBy = groupBy(read.flatMap(([rows]) => rows));
  const warningsBy = groupBy(read.flatMap(([, rows]) => rows));
  const observationsBy = groupBy(read.flatMap(([, , rows]) => rows));
  return new Map(
    clientIds.map((id) => [
      id,
      clientEvidence(
        catalogue,
        { observations: observationsBy.get(id) ?? [], incidents: incidentsBy.get(id) ?? [], warnings: warningsBy.get(id) ?? [] },
        weekEnd,
      ),
    ]),
  );
}

/**
 * The windows of the client-dimensions that may have flipped during the week (domain.md §3): SQL finds those with
 * enough recent bad observations to flip at the week's end (a scan of its last `flipRecentDays` of bad
 * observations), then counts their windows at both ends by probing the index trait by trait: a client's
 * dimension holds a few observations in the 60 days, however many the portfolio does.
 */
export function flipCountsQuery(db: Database, teamId: string, catalogue: Catalogue, weekStart: Date, weekEnd: Date, scope: ClientScope = {}) {
  const { flipRecentCount, flipRecentDays, flipPriorDays } = catalogue.thresholds.turnedBad;
  const recentFrom = (m: Date) => daysBefore(m, flipRecentDays);
  const priorFrom = (m: Date) => daysBefore(recentFrom(m), flipPriorDays);
  // Only dimensions with a good trait can flip: a flip comes after a prior window of mostly good observations.
  const canFlip = new Set(catalogue.traits.filter((t) => t.polarity === 'good').map((t) => t.dimension));
  const traitTable = (polarities: readonly string[]) => {
    const traits = catalogue.traits.filter((t) => polarities.includes(t.polarity) && canFlip.has(t.dimension));
    // A catalogue without good traits has no dimension to flip: an empty table (VALUES takes no empty list).
    const rows = traits.length
      ? sql`values ${sql.join(
          traits.map((t) => sql`(${t.key}, ${t.dimension}, ${t.polarity})`),
          sql`, `,
        )}`
      : sql`select null::text, null::text, null::text where false`;
    return sql`(${rows}) as t(trait, dimension, polarity)`;
  };
  const recentEnd = sql<number>`count(*)::int`;
  // 1. Client-dimensions with enough recent bad observations to flip at the week's end…
  const candidates = db
    .select({
      clientId: sql<string>`${o.clientId}`.as('candidate_client'),
      dimension: sql<string>`t.dimension`.as('candidate_dimension'),
      recentEnd: recentEnd.as('recent_end'),
    })
    .from(o)
    .innerJoin(traitTable(['bad']), sql`t.trait = ${o.trait}`)
    .where(and(eq(o.teamId, teamId), gt(o.observedAt, recentFrom(weekEnd)), lte(o.observedAt, weekEnd), inScope(o.clientId, teamId, scope)))
    .groupBy(o.clientId, sql`t.dimension`)
    .having(sql`${recentEnd} >= ${flipRecentCount}`)
    .as('candidate');
  // 2. …and their other windows (recent at the start, prior at both ends), one index range per trait of the dimension.
  const count = (polarity: 'good' | 'bad', from: Date, to: Date) =>
    sql`count(*) filter (where t.polarity = ${polarity} and x.observed_at > ${timestamp(from)} and x.observed_at <= ${timestamp(to)})`;
  const [lowest, highest] = [priorFrom(weekStart), new Date(Math.max(weekStart.getTime(), recentFrom(weekEnd).getTime()))];
  const windows = sql`lateral (select ${count('bad', recentFrom(weekStart), weekStart)} as recent_start,
      ${count('good', priorFrom(weekStart), recentFrom(weekStart))} as good_start, ${count('bad', priorFrom(weekStart), recentFrom(weekStart))} as bad_start,
      ${count('good', priorFrom(weekEnd), recentFrom(weekEnd))} as good_end, ${count('bad', priorFrom(weekEnd), recentFrom(weekEnd))} as bad_end
    from trait_observations x where x.team_id = ${teamId} and x.client_id = ${candidates.clientId} and x.trait = t.trait
      and x.observed_at > ${timestamp(lowest)} and x.observed_at <= ${timestamp(highest)}) as w`;
  const sum = (column: string) => sql<number>`sum(w.${sql.identifier(column)})::int`.as(column);
  return db
    .select({
      clientId: candidates.clientId,
      dimension: candidates.dimension,
      recentEnd: candidates.recentEnd,
      recentStart: sum('recent_start'),
      priorGoodStart: sum('good_start'),
      priorBadStart: sum('bad_start'),
      priorGoodEnd: sum('good_end'),
      priorBadEnd: sum('bad_end'),
    })
    .from(candidates)
    .innerJoin(traitTable(['good', 'bad']), sql`t.dimension = ${candidates.dimension}`)
    .innerJoin(windows, sql`true`)
    .groupBy(candidates.clientId, candidates.dimension, candidates.recentEnd);
}

/**
 * The dimensions that flipped during the week, per client, judged by `flipsOf` on `flipCountsQuery`'s windows like
 * the pure path (`weekFlipsOf`). No observation travels: a flip's own are evidence, read for the clients named.
 */
export async function weekFlips(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  weekStart: Date,
  weekEnd: Date,
  scope: ClientScope = {},
): Promise<Map<string, DimensionFlip[]>> {
  const packed = await packedRows(db, flipCountsQuery(db, teamId, catalogue, weekStart, weekEnd, scope));
  const [client, dimension, recentEnd, recentStart, goodStart, badStart, goodEnd, badEnd] = packed.columns(
    'candidate_client',
    'candidate_dimension',
    'recent_end',
    'recent_start',
    'good_start',
    'bad_start',
    'good_end',
    'bad_end',
  );
  const counted = Array.from({ length: packed.length }, (_, row) => ({
    clientId: String(client[row]),
    dimension: String(dimension[row]),
    recentEnd: Number(recentEnd[row]),
    recentStart: Number(recentStart[row]),
    priorGoodStart: Number(goodStart[row]),
    priorBadStart: Number(badStart[row]),
    priorGoodEnd: Number(goodEnd[row]),
    priorBadEnd: Number(badEnd[row]),
  }));
  const out = new Map<string, DimensionFlip[]>();
  for (const [clientId, rows] of groupBy(counted)) {
    const at = (window: (c: (typeof counted)[number]) => DimensionWindow) => flipsOf(catalogue, new Map(rows.map((c) => [c.dimension, window(c)])));
    const flipped = flippedDuring(
      at((c) => ({ recentBad: c.recentStart, priorGood: c.priorGoodStart, priorBad: c.priorBadStart })),
      at((c) => ({ recentBad: c.recentEnd, priorGood: c.priorGoodEnd, priorBad: c.priorBadEnd })),
    );
    if (flipped.length > 0) out.set(clientId, flipped);
  }
  return out;
}
