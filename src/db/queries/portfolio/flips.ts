/** The dimensions that turned bad during a week (domain.md §3), counted in SQL and judged by the domain's rule. */
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { flippedDuring, flipsOf, type DimensionFlip, type DimensionWindow } from '../../../domain/turnedBad.js';
import { daysBefore } from '../../../domain/types.js';
import type { Database } from '../../client.js';
import { traitObservations } from '../../schema/index.js';
import { timestamp } from '../decay.js';
import { packedRows } from './packed.js';
import { groupBy, inScope, type PortfolioRead } from './scope.js';

const o = traitObservations;

/**
 * The windows of the client-dimensions that may have flipped during the week (domain.md §3): SQL finds those with
 * enough recent bad observations to flip at the week's end (a scan of its last `flipRecentDays` of bad
 * observations), then counts their windows at both ends by probing the index trait by trait: a client's
 * dimension holds a few observations in the 60 days, however many the portfolio does.
 */
export function flipCountsQuery(db: Database, read: PortfolioRead & { weekStart: Date; weekEnd: Date }) {
  const { teamId, catalogue, weekStart, weekEnd, scope = {} } = read;
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
export async function weekFlips(db: Database, read: PortfolioRead & { weekStart: Date; weekEnd: Date }): Promise<Map<string, DimensionFlip[]>> {
  const { catalogue } = read;
  const packed = await packedRows(db, flipCountsQuery(db, read));
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
