/**
 * Each client's decayed, weighted good and bad weight at the moments judged: the sums kept at write time
 * (schema/decay.ts) moved to the moment, less the observations after it (or of the call left out).
 */
import { and, desc, eq, gt, is, lte, max, ne, SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Placeholders } from '../../builtOnce.js';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Catalogue } from '../../../domain/catalogue.js';
import type { WeightedTotals } from '../../../domain/types.js';
import type { Database } from '../../client.js';
import { calls, clientRollups, clients, decayBases, traitObservations } from '../../schema/index.js';
import { decayTerm, readWithKeptSums, timestamp } from '../decay.js';
import { instantAs, packedRows, type Packed } from './packed.js';
import { inScope, type PortfolioRead } from './scope.js';

const o = traitObservations;
/** The half-life the decay is taken with: the catalogue's, or one a statement built once binds at each run. */
export const halfLifeOf = (of: Catalogue | SQL) => (is(of, SQL) ? of : sql`${of.thresholds.health.halfLifeDays}::float8`);

/** Whose observations are read, weighed with which half-life. */
type WeighedRead = Pick<PortfolioRead, 'teamId' | 'scope'> & ({ catalogue: Catalogue } | { halfLife: SQL });

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
 * Per client, the observations after `from` (the first of `moments`; and the call left out, if any), with their
 * weighted decay terms taken by the function the triggers keep the sums with: for each of `moments` (none before
 * `from`), how many of them and how much good and bad weight the sums hold that the moment must not see. With
 * `weekEnd`, also the week's bad observations (`from` is the week's start).
 */
export function observationsAfter(
  db: Database,
  {
    read,
    moments,
    weekEnd,
    name = 'unseen',
    takenAt = moments[0]!,
    withCallAt,
  }: {
    read: WeighedRead;
    moments: readonly (Date | SQL)[];
    weekEnd?: Date;
    name?: string;
    /**
     * The moment the terms are taken at (`from` unless said), and moved from to each moment. One the statement
     * finds itself (a subquery) would keep Postgres from inlining `rollup_term`: it would plan the function's body
     * on every run and call it once per observation (0.06 ms each, measured).
     */
    takenAt?: Date | SQL;
    /**
     * One more moment (not before `from`), numbered after `moments`, at which the call left out counts as seen: a
     * call's weights with it, off the same terms as without it (the observations after it are among them).
     */
    withCallAt?: Date | SQL;
  },
) {
  const { teamId, scope = {} } = read;
  const from = moments[0]!;
  const halfLife = halfLifeOf('halfLife' in read ? read.halfLife : read.catalogue);
  const weighed = ownWeights(db, teamId);
  // Each observation's term, computed once: `offset 0` keeps the planner from flattening this into the
  // aggregate below, which would compute the term again for every sum that adds it.
  const termsWhere = (which: SQL) =>
    db
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
        sql`lateral rollup_term(${decayBases.traits}, ${timestamp(takenAt)}, ${halfLife}, ${weighed.traitWeights}, ${o.trait}, ${o.observedAt}) as t`,
        sql`true`,
      )
      .where(and(eq(o.teamId, teamId), which, inScope(o.clientId, teamId, scope)));
  const after = gt(o.observedAt, from);
  // The call left out, beside the observations after `from`: two reads each an index answers (by time, by call),
  // where one read of `after or the call's` scans every observation of the client.
  const termsOf = scope.exceptCallId
    ? termsWhere(after).unionAll(termsWhere(and(eq(o.callId, scope.exceptCallId), lte(o.observedAt, from))!))
    : termsWhere(after);
  const terms = sql`(${termsOf} offset 0) as terms`;
  const unseenAt = (m: Date | SQL, callSeen: boolean) =>
    scope.exceptCallId && !callSeen
      ? sql`(terms.observed_at > ${timestamp(m)} or terms.call_id = ${scope.exceptCallId})`
      : sql`terms.observed_at > ${timestamp(m)}`;
  const columns: Record<string, SQL.Aliased> = {};
  [...moments, ...(withCallAt === undefined ? [] : [withCallAt])].forEach((m, i) => {
    const unseen = unseenAt(m, i === moments.length);
    // Terms taken at `takenAt`, moved to `m`: × 2^((takenAt − m) / h).
    const toMoment = decayTerm(timestamp(takenAt), timestamp(m), halfLife);
    // Aliases carry the subquery's name: a statement joining two of them names each column once.
    columns[`n${i}`] = sql<number>`count(terms.polarity) filter (where ${unseen})::int`.as(`${name}_n${i}`);
    columns[`good${i}`] = sql<number>`coalesce(sum(terms.mass) filter (where terms.polarity = 'good' and ${unseen}), 0) * ${toMoment}`.as(`${name}_good${i}`);
    columns[`bad${i}`] = sql<number>`coalesce(sum(terms.mass) filter (where terms.polarity = 'bad' and ${unseen}), 0) * ${toMoment}`.as(`${name}_bad${i}`);
  });
  if (weekEnd) {
    const ofWeek = sql`terms.polarity = 'bad' and terms.observed_at <= ${timestamp(weekEnd)}`;
    columns.weekBad = sql<number>`count(*) filter (where ${ofWeek})::int`.as('week_bad');
    columns.weekBadNewest = sql`max(terms.logged_at) filter (where ${ofWeek})`.as('week_bad_newest');
  }
  return db
    .select({ clientId: sql<string>`terms.client_id`.as(`${name}_client`), ...columns })
    .from(terms)
    .groupBy(sql`terms.client_id`)
    .as(name);
}

type Unseen = ReturnType<typeof observationsAfter>;

/**
 * A client's decayed, weighted good and bad weight at the `i`th moment (rollups and bases joined in the query):
 * the sums moved from the epoch to the moment, less what they hold that it must not see. Nothing seen: 0, and
 * `seen` says so (the weights are then unknown, not zero). Named `<name>_seen`, `<name>_good`, `<name>_bad`.
 */
export function weightedAt(unseen: Unseen, i: number, moment: Date | SQL, weighing: Catalogue | SQL, name: string) {
  const field = (column: string) => (unseen as unknown as Record<string, SQL.Aliased<number>>)[`${column}${i}`]!;
  const seen = sql<number>`${clientRollups.observations} - coalesce(${field('n')}, 0)`;
  const toMoment = decayTerm(decayBases.epoch, timestamp(moment), halfLifeOf(weighing));
  const mass = (column: AnyPgColumn, part: string) =>
    sql<number>`case when ${seen} > 0 then greatest(${column} * ${toMoment} - coalesce(${field(part)}, 0), 0) else 0 end`.as(`${name}_${part}`);
  return {
    [`${name}Seen`]: seen.as(`${name}_seen`),
    [`${name}Good`]: mass(clientRollups.goodMass, 'good'),
    [`${name}Bad`]: mass(clientRollups.badMass, 'bad'),
  };
}

/** Reads the weights `weightedAt` named `name` off packed rows: undefined where nothing was seen. */
export function totalsReader(packed: Packed, name: string): (row: number) => WeightedTotals | undefined {
  const [seen, good, bad] = packed.columns(`${name}_seen`, `${name}_good`, `${name}_bad`);
  return (row) => (Number(seen[row] ?? 0) > 0 ? { good: Number(good[row]), bad: Number(bad[row]) } : undefined);
}

/**
 * Decayed good and bad weight per client as of `at` (client weight over catalogue weight, traits no longer in
 * the catalogue ignored: as `health` does), from the sums kept at write time, less what was observed after `at`
 * or belongs to the call left out. Clients with nothing seen are absent.
 */
export async function weightedBaselines(db: Database, read: PortfolioRead & { at: Date }): Promise<Map<string, WeightedTotals>> {
  const { teamId, catalogue, at, scope = {} } = read;
  const unseen = observationsAfter(db, { read, moments: [at] });
  const rows = db
    .select({ clientId: clientRollups.clientId, ...weightedAt(unseen, 0, at, catalogue, 'at') })
    .from(clientRollups)
    .innerJoin(decayBases, eq(decayBases.teamId, clientRollups.teamId))
    .leftJoin(unseen, eq(unseen.clientId, clientRollups.clientId))
    .where(and(eq(clientRollups.teamId, teamId), inScope(clientRollups.clientId, teamId, scope)));
  const packed = await readWithKeptSums(db, { teamId, catalogue, at, read: () => packedRows(db, rows) });
  const [[clientId], weighted] = [packed.columns('client_id'), totalsReader(packed, 'at')];
  const out = new Map<string, WeightedTotals>();
  for (let row = 0; row < packed.length; row++) {
    const totals = weighted(row);
    if (totals) out.set(String(clientId[row]), totals);
  }
  return out;
}

/** One client's weights around one of its calls: now with it and without it, and when its previous call was logged. */
export interface WeightsAroundCall {
  withCall: WeightedTotals;
  withoutCall: WeightedTotals;
  /** When the client's previous call was logged, and its weights then without this call; absent if it had none. */
  previous?: { at: Date; totals: WeightedTotals };
}

/**
 * The weights a call's confirmation compares, off a read of `weightsAroundCallQuery`: at `at` with and without the
 * call, and without it when the client's previous call was logged.
 */
export function weightsAroundCallOf(packed: Packed, at: Date): WeightsAroundCall {
  const none = { good: 0, bad: 0 };
  const totals = (name: string) => (packed.length ? totalsReader(packed, name)(0) : undefined) ?? none;
  const [previousMs] = packed.columns('previous_at');
  const previous = previousMs[0] == null ? undefined : new Date(Number(previousMs[0]));
  return {
    withCall: totals('with'),
    withoutCall: totals('without'),
    ...(previous && previous < at ? { previous: { at: previous, totals: totals('previous') } } : {}),
  };
}

export type AroundCall = { teamId: string; clientId: string; callId: string; at: string; halfLifeDays: number };

/**
 * One client's weights around one of its calls, as one row (read with `weightsAroundCallOf`): at `at` with and
 * without the call, and without it when the client's previous call was logged (found by the statement itself),
 * so a confirmation costs one read where three reads and a lookup used to run one after another. `also`: more
 * columns of that row, read beside them. Its text is the longest a request renders: build it once (db/builtOnce.ts).
 */
export function weightsAroundCallQuery(p: Placeholders<AroundCall>, also: Record<string, SQL.Aliased> = {}) {
  const qb = new QueryBuilder() as unknown as Database;
  // Placeholders stand where the builders take values: drizzle binds them at each run.
  const [teamId, clientId, callId] = [p.teamId, p.clientId, p.callId];
  const at = sql`${p.at}::timestamptz`;
  const halfLife = sql`${p.halfLifeDays}::float8`;
  // One step back along calls_client_logged (as an aggregate, a generic plan may read all the client's calls).
  const latest = qb
    .select({ loggedAt: calls.loggedAt })
    .from(calls)
    .where(and(eq(calls.teamId, teamId), eq(calls.clientId, clientId), ne(calls.id, callId)))
    .orderBy(desc(calls.loggedAt))
    .limit(1)
    .as('latest');
  // An aggregate of at most one row: one row, null when the client has no other call.
  const previousCall = qb.$with('previous_call').as(qb.select({ at: max(latest.loggedAt).as('previous_call_at') }).from(latest));
  const previousAt = sql<Date | null>`(select ${previousCall.at} from ${previousCall})`;
  // The earliest moment is where the unseen terms are taken: without a previous call before `at`, `at` itself.
  const earliest = sql`(select least(coalesce(${previousCall.at}, ${at}), ${at}) from ${previousCall})`;
  // One read of the terms for all three: with the call, the observations after `at` are among those after `earliest`.
  const without = observationsAfter(qb, {
    read: { teamId, halfLife, scope: { clientId, exceptCallId: callId } },
    moments: [earliest, at],
    name: 'unseen_without',
    takenAt: at,
    withCallAt: at,
  });
  return (
    qb
      .with(previousCall)
      .select({
        previousAt: instantAs(previousAt, 'previous_at'),
        ...weightedAt(without, 0, earliest, halfLife, 'previous'),
        ...weightedAt(without, 1, at, halfLife, 'without'),
        ...weightedAt(without, 2, at, halfLife, 'with'),
        ...also,
      })
      // From the client: one with nothing observed yet has no sums (weights 0), and may still have a previous call.
      .from(clients)
      .leftJoin(clientRollups, and(eq(clientRollups.teamId, clients.teamId), eq(clientRollups.clientId, clients.id)))
      .leftJoin(decayBases, eq(decayBases.teamId, clients.teamId))
      .leftJoin(without, eq(without.clientId, clients.id))
      .where(and(eq(clients.teamId, teamId), eq(clients.id, clientId)))
  );
}
