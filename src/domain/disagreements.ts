/**
 * Observers who disagree (issue 29; the source documents' "never assume"): two different people logging opposite
 * traits of one dimension (domain.md §2: a good trait and its bad opposite, e.g. excellent vs terrible
 * communication) for one client within `disagreementDays` of each other. The score weighs both, as it weighs
 * everything; Rapport says the dimension is disputed and asks the two to compare notes, rather than letting the
 * average speak for them. One person changing their own view is not a disagreement: it is a change.
 */
import { traitByKey, type Catalogue } from './catalogue.js';
import { DAY_MS, type Observation } from './types.js';

/** The observation fields a disagreement is judged on. */
export type Observed = Pick<Observation, 'id' | 'callId' | 'trait' | 'observedAt' | 'loggedAt' | 'loggedBy'>;

/** A good and a bad observation of one dimension, by two people, close enough in time to describe one client. */
export interface Disagreement<O extends Observed = Observed> {
  dimension: string;
  good: O;
  bad: O;
}

const sideOf = (catalogue: Catalogue, o: Observed) => {
  const trait = traitByKey(catalogue, o.trait);
  return trait ? { dimension: trait.dimension, polarity: trait.polarity } : undefined;
};

/** Every disagreeing pair among the observations, each once, the latest (by its later observation) first. */
export function disagreementsAmong<O extends Observed>(catalogue: Catalogue, observations: readonly O[]): Disagreement<O>[] {
  const windowMs = catalogue.thresholds.disagreementDays * DAY_MS;
  const byDimension = new Map<string, { good: O[]; bad: O[] }>();
  for (const o of observations) {
    const side = sideOf(catalogue, o);
    if (!side) continue;
    const sides = byDimension.get(side.dimension) ?? { good: [], bad: [] };
    sides[side.polarity].push(o);
    byDimension.set(side.dimension, sides);
  }
  const out: Disagreement<O>[] = [];
  for (const [dimension, { good, bad }] of byDimension)
    for (const g of good)
      for (const b of bad)
        if (g.loggedBy !== b.loggedBy && Math.abs(g.observedAt.getTime() - b.observedAt.getTime()) <= windowMs) out.push({ dimension, good: g, bad: b });
  const later = (d: Disagreement<O>) => Math.max(d.good.observedAt.getTime(), d.bad.observedAt.getTime());
  return out.sort((a, b) => later(b) - later(a) || a.dimension.localeCompare(b.dimension));
}

/**
 * The disagreements a call just logged makes: the pairs one of whose observations is on that call, the other
 * logged before it by someone else. Each pair is named once, when the later-logged of its two calls is logged.
 */
export function disagreementsMadeBy<O extends Observed>(catalogue: Catalogue, observations: readonly O[], callId: string): Disagreement<O>[] {
  return disagreementsAmong(catalogue, observations).filter((d) => {
    const [mine, theirs] = d.good.callId === callId ? [d.good, d.bad] : d.bad.callId === callId ? [d.bad, d.good] : [];
    return !!mine && !!theirs && theirs.callId !== callId;
  });
}

/**
 * The dimensions disputed at `at`: for each, its latest disagreeing pair whose later observation is at most
 * `shownDays` old (and not after `at`). What `/client show` and the digest name beside the score.
 */
export function disputedAt<O extends Observed>(catalogue: Catalogue, observations: readonly O[], at: Date, shownDays: number): Disagreement<O>[] {
  const from = at.getTime() - shownDays * DAY_MS;
  const seen = observations.filter((o) => o.observedAt <= at);
  const out = new Map<string, Disagreement<O>>();
  for (const d of disagreementsAmong(catalogue, seen)) {
    const later = Math.max(d.good.observedAt.getTime(), d.bad.observedAt.getTime());
    if (later > from && !out.has(d.dimension)) out.set(d.dimension, d);
  }
  return [...out.values()];
}

/** The people a disagreement concerns: both observers and the client's owner, each once. */
export function concernedBy(disagreements: readonly Disagreement[], ownerUserId: string | null): string[] {
  const people = new Set<string>();
  for (const d of disagreements) {
    people.add(d.good.loggedBy);
    people.add(d.bad.loggedBy);
  }
  if (ownerUserId) people.add(ownerUserId);
  return [...people];
}

/** How long a disagreement stays shown: one half-life of the score's decay, as long as the notes weigh much. */
export const disputeShownDays = (catalogue: Pick<Catalogue, 'thresholds'>): number => catalogue.thresholds.health.halfLifeDays;
