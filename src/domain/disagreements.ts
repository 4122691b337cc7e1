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

/** An observation with its time, and its place in the input: pairs at one time are listed in input order. */
interface Noted<O extends Observed> {
  o: O;
  at: number;
  place: number;
}

/** A dimension's good and bad observations, each in input order. */
interface DimensionSeen<O extends Observed> {
  dimension: string;
  good: Noted<O>[];
  bad: Noted<O>[];
}

function dimensionsOf<O extends Observed>(catalogue: Catalogue, observations: readonly O[]): DimensionSeen<O>[] {
  const byDimension = new Map<string, DimensionSeen<O>>();
  observations.forEach((o, place) => {
    const trait = traitByKey(catalogue, o.trait);
    if (!trait) return;
    let seen = byDimension.get(trait.dimension);
    if (!seen) byDimension.set(trait.dimension, (seen = { dimension: trait.dimension, good: [], bad: [] }));
    seen[trait.polarity].push({ o, at: o.observedAt.getTime(), place });
  });
  return [...byDimension.values()];
}

/** One polarity of a dimension in time order. */
interface Timeline<O extends Observed> {
  entries: Noted<O>[];
  /** For each entry, the next one by someone else: a run of one person's notes is stepped over in one go. */
  nextByOther: number[];
}

function timelineOf<O extends Observed>(noted: readonly Noted<O>[]): Timeline<O> {
  const entries = [...noted].sort((a, b) => a.at - b.at);
  const nextByOther: number[] = new Array(entries.length);
  for (let j = entries.length - 1; j >= 0; j--)
    nextByOther[j] = j + 1 < entries.length && entries[j + 1]!.o.loggedBy === entries[j]!.o.loggedBy ? nextByOther[j + 1]! : j + 1;
  return { entries, nextByOther };
}

/**
 * Visits each of `mine` in time order with the stretch `lo`..`hi` (excluded) of `theirs` observed from `behindMs`
 * before it to `aheadMs` after it. Both ends only move forward, so a sweep is linear once the two are sorted.
 */
function sweep<O extends Observed>(
  mine: Timeline<O>,
  theirs: Timeline<O>,
  behindMs: number,
  aheadMs: number,
  visit: (x: Noted<O>, lo: number, hi: number) => void,
): void {
  const other = theirs.entries;
  let lo = 0;
  let hi = 0;
  for (const x of mine.entries) {
    // Differences, as the definition (|good − bad| ≤ window) takes them: exact in whole milliseconds, so a pair
    // right on the window's edge is judged as it was.
    while (lo < other.length && x.at - other[lo]!.at > behindMs) lo++;
    while (hi < other.length && other[hi]!.at - x.at <= aheadMs) hi++;
    visit(x, lo, hi);
  }
}

/**
 * A pair with what it is listed by: its later observation (latest first), its dimension's name (two are never
 * equal to the collator: catalogue.ts's traitKey), then its observations' places, as a stable sort leaves them.
 */
interface Ranked<O extends Observed> {
  dimension: DimensionSeen<O>;
  good: Noted<O>;
  bad: Noted<O>;
  later: number;
}

const listedBefore = <O extends Observed>(a: Ranked<O>, b: Ranked<O>) =>
  b.later - a.later ||
  (a.dimension === b.dimension ? 0 : a.dimension.dimension.localeCompare(b.dimension.dimension)) ||
  a.good.place - b.good.place ||
  a.bad.place - b.bad.place;

const disagreement = <O extends Observed>(p: Ranked<O>): Disagreement<O> => ({ dimension: p.dimension.dimension, good: p.good.o, bad: p.bad.o });

/**
 * Every disagreeing pair among the observations, each once, the latest (by its later observation) first; at one
 * time by dimension, then good and bad observation in input order. A sweep of each dimension in time order finds
 * each good observation's partners, the observer's own stepped over: n log n, and a step per pair listed (sorted as
 * before).
 */
export function disagreementsAmong<O extends Observed>(catalogue: Catalogue, observations: readonly O[]): Disagreement<O>[] {
  const windowMs = catalogue.thresholds.disagreementDays * DAY_MS;
  const pairs: Ranked<O>[] = [];
  for (const dimension of dimensionsOf(catalogue, observations)) {
    if (dimension.good.length === 0 || dimension.bad.length === 0) continue;
    const bad = timelineOf(dimension.bad);
    sweep(timelineOf(dimension.good), bad, windowMs, windowMs, (good, lo, hi) => {
      for (let j = lo; j < hi;) {
        const b = bad.entries[j]!;
        if (b.o.loggedBy === good.o.loggedBy) j = bad.nextByOther[j]!;
        else {
          pairs.push({ dimension, good, bad: b, later: Math.max(good.at, b.at) });
          j++;
        }
      }
    });
  }
  return pairs.sort(listedBefore).map(disagreement);
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

/** The first of `noted` (in input order), and the first by someone else than its observer. */
function firstTwo<O extends Observed>(noted: readonly Noted<O>[]): { first?: Noted<O>; other?: Noted<O> } {
  const first = noted[0];
  return { first, other: first && noted.find((n) => n.o.loggedBy !== first.o.loggedBy) };
}

/**
 * The pair of one dimension `disagreementsAmong` would list first, found without listing the others (there can be
 * n² of them): the latest time a pair ends at, then the first good observation (in input order) in a pair ending
 * then, with its first bad partner.
 */
function latestPair<O extends Observed>(dimension: DimensionSeen<O>, windowMs: number): Ranked<O> | undefined {
  if (dimension.good.length === 0 || dimension.bad.length === 0) return undefined;
  const good = timelineOf(dimension.good);
  const bad = timelineOf(dimension.bad);
  // A pair ends at an observation with someone else's opposite one in the window before it, or at the same time.
  let later = -Infinity;
  const endsAt = (theirs: Timeline<O>) => (x: Noted<O>, lo: number, hi: number) => {
    if (x.at > later && lo < hi && (theirs.entries[lo]!.o.loggedBy !== x.o.loggedBy || theirs.nextByOther[lo]! < hi)) later = x.at;
  };
  sweep(good, bad, windowMs, 0, endsAt(bad));
  sweep(bad, good, windowMs, 0, endsAt(good));
  if (later === -Infinity) return undefined;
  // A good observation at `later` pairs with a bad one in the window up to it; one earlier in the window, with a bad one at it.
  const upTo = firstTwo(dimension.bad.filter((b) => b.at <= later && later - b.at <= windowMs));
  const at = firstTwo(dimension.bad.filter((b) => b.at === later));
  for (const g of dimension.good) {
    const partners = g.at === later ? upTo : g.at < later && later - g.at <= windowMs ? at : undefined;
    if (!partners?.first) continue;
    const b = partners.first.o.loggedBy !== g.o.loggedBy ? partners.first : partners.other;
    if (b) return { dimension, good: g, bad: b, later };
  }
  return undefined;
}

/**
 * The dimensions disputed at `at`: for each, its latest disagreeing pair whose later observation is at most
 * `shownDays` old (and not after `at`). What `/client show` and the digest name beside the score. Each
 * dimension's pair is found directly (n log n), not picked from every pair.
 */
export function disputedAt<O extends Observed>(catalogue: Catalogue, observations: readonly O[], at: Date, shownDays: number): Disagreement<O>[] {
  const until = at.getTime();
  const from = until - shownDays * DAY_MS;
  const windowMs = catalogue.thresholds.disagreementDays * DAY_MS;
  // Times, not Dates, compared: a Date comparison converts both each time.
  const seen = observations.filter((o) => o.observedAt.getTime() <= until);
  const latest: Ranked<O>[] = [];
  for (const dimension of dimensionsOf(catalogue, seen)) {
    const pair = latestPair(dimension, windowMs);
    if (pair && pair.later > from) latest.push(pair);
  }
  return latest.sort(listedBefore).map(disagreement);
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
