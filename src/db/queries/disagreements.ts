/** The observations disagreements are judged on (domain/disagreements.ts): one client's around a call, or a workspace's lately. */
import { and, eq, gt, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Catalogue } from '../../domain/catalogue.js';
import { disputedAt, type Disagreement } from '../../domain/disagreements.js';
import { DAY_MS, type Observation } from '../../domain/types.js';
import type { Database } from '../client.js';
import { calls, clients, traitObservations } from '../schema/index.js';
import { observationRows, observationsJson, observationsWhere } from './activity.js';
import type { Placeholders } from '../builtOnce.js';
import { groupBy } from './portfolio/scope.js';

const o = traitObservations;

/** The traits of the dimensions that have both a good and a bad trait: only those can be disputed. */
function disputableTraits(catalogue: Catalogue): string[] {
  const polarities = new Map<string, Set<string>>();
  for (const t of catalogue.traits) polarities.set(t.dimension, (polarities.get(t.dimension) ?? new Set()).add(t.polarity));
  return catalogue.traits.filter((t) => polarities.get(t.dimension)!.size === 2).map((t) => t.key);
}

/** Which of a call's traits can be disputed, by which opposite traits, logged within when. */
export type Disputing = {
  own: string[];
  opposite: string[];
  /** The window around the call, as ISO text (postgres.js binds no Date in a statement built once). */
  from: string;
  to: string;
};

/** What a call's disagreements are judged on (`disputingJson`), or undefined when none of its traits can be disputed. */
export function disputingOf(catalogue: Catalogue, call: { occurredAt: Date; traits: readonly string[] }): Disputing | undefined {
  const disputable = new Set(disputableTraits(catalogue));
  const own = call.traits.filter((t) => disputable.has(t));
  const sides = own.map((key) => catalogue.traits.find((t) => t.key === key)!);
  const opposite = catalogue.traits.filter((t) => sides.some((side) => side.dimension === t.dimension && side.polarity !== t.polarity)).map((t) => t.key);
  if (opposite.length === 0) return undefined;
  const windowMs = catalogue.thresholds.disagreementDays * DAY_MS;
  return {
    own,
    opposite,
    from: new Date(call.occurredAt.getTime() - windowMs - 1).toISOString(),
    to: new Date(call.occurredAt.getTime() + windowMs).toISOString(),
  };
}

/**
 * What a call's disagreements are judged on, as one JSON value (activity.ts `observationsJson`): its own
 * observations of disputable traits, and other people's of the opposite traits within `disagreementDays` of it
 * (either side). Nothing else can pair with it: a client logged often by one person reads a handful of rows, not
 * its whole fortnight. No opposite traits (an empty array): nothing is read.
 */
export function disputingJson(p: Placeholders<Disputing & { teamId: string; clientId: string; callId: string; loggedBy: string }>): SQL {
  const byOthers = sql`(select c.logged_by from calls c where c.team_id = ${o.teamId} and c.id = ${o.callId}) <> ${p.loggedBy}`;
  const ofClient = and(sql`cardinality(${p.opposite}::text[]) > 0`, eq(o.teamId, p.teamId), eq(o.clientId, p.clientId))!;
  const own = observationRows(and(ofClient, eq(o.callId, p.callId), sql`${o.trait} = any(${p.own}::text[])`)!);
  // Each opposite trait probed on its own along observations_client_trait_time (client, trait, time), fenced by
  // `offset 0` so the planner keeps the probe per trait: as `trait = any(…)`, or flattened into a join, a generic
  // plan bounded the scan by the client alone and read its whole history (~1-10 ms for a client of 2,000 calls).
  const opposite = sql`select flipped.* from unnest(${p.opposite}::text[]) as opposite(trait) cross join lateral (${observationRows(
    and(ofClient, sql`${o.trait} = opposite.trait`, sql`${o.observedAt} > ${p.from}::timestamptz`, sql`${o.observedAt} <= ${p.to}::timestamptz`, byOthers)!,
  )} offset 0) as flipped`;
  // Disjoint (own traits of this call; opposite traits of other people's calls): one read each, each on its index.
  return observationsJson(sql`${own} union all ${opposite}`);
}

/** A client not exited with dimensions two people see oppositely lately. */
export interface DisputedClient {
  client: { id: string; name: string; ownerUserId: string | null };
  disputed: Disagreement<Observation>[];
}

/**
 * The disputed dimensions of every client in the workspace at `at` (`disputedAt`, shown for `shownDays`): SQL
 * finds the clients with both polarities of a dimension from two people in the stretch, then their rows are judged.
 */
export async function loadDisputes(db: Database, read: { teamId: string; catalogue: Catalogue; at: Date; shownDays: number }): Promise<DisputedClient[]> {
  const { teamId, catalogue, at, shownDays } = read;
  const traits = catalogue.traits.filter((t) => disputableTraits(catalogue).includes(t.key));
  const out: DisputedClient[] = [];
  if (traits.length === 0) return out;
  const from = new Date(at.getTime() - (shownDays + catalogue.thresholds.disagreementDays) * DAY_MS);
  const table = sql`(values ${sql.join(
    traits.map((t) => sql`(${t.key}, ${t.dimension}, ${t.polarity})`),
    sql`, `,
  )}) as t(trait, dimension, polarity)`;
  const candidates = await db
    .select({ clientId: o.clientId })
    .from(o)
    .innerJoin(table, sql`t.trait = ${o.trait}`)
    .innerJoin(calls, and(eq(calls.teamId, teamId), eq(calls.id, o.callId)))
    .where(and(eq(o.teamId, teamId), gt(o.observedAt, from), lte(o.observedAt, at)))
    .groupBy(o.clientId, sql`t.dimension`)
    .having(sql`count(distinct t.polarity) = 2 and count(distinct ${calls.loggedBy}) > 1`);
  const ids = [...new Set(candidates.map((c) => c.clientId))];
  if (ids.length === 0) return out;
  const rows = await observationsWhere(
    db,
    and(
      eq(o.teamId, teamId),
      inArray(o.clientId, ids),
      inArray(
        o.trait,
        traits.map((t) => t.key),
      ),
      gt(o.observedAt, from),
      lte(o.observedAt, at),
    ),
  );
  const named = await db
    .select({ id: clients.id, name: clients.name, ownerUserId: clients.ownerUserId })
    .from(clients)
    .where(and(eq(clients.teamId, teamId), inArray(clients.id, ids), ne(clients.status, 'exited')));
  const observationsBy = groupBy(rows);
  for (const client of named) {
    const disputed = disputedAt(catalogue, observationsBy.get(client.id) ?? [], at, shownDays);
    if (disputed.length > 0) out.push({ client, disputed });
  }
  return out.sort((a, b) => a.client.name.localeCompare(b.client.name));
}
