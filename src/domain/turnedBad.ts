/** "Turned bad" in a week (domain.md §3), comparing the end of the week with the end of the week before. */
import { traitByKey, type Catalogue } from './catalogue.js';
import { health, type Health } from './health.js';
import { daysBefore, type ClientProfile, type Observation, type ObservationHistory } from './types.js';

export type TurnedBadReason =
  | { kind: 'entered_at_risk'; from: number; to: number }
  | { kind: 'dropped'; points: number; threshold: number }
  | ({ kind: 'dimension_flipped' } & DimensionFlip);

export interface WeekVerdict {
  before: Health;
  now: Health;
  reasons: TurnedBadReason[];
  /** Bad observations made during the week, oldest first: what moved it. */
  weekBad: Observation[];
}

/** What a dimension's flip is judged on at one moment: how many bad observations lately, and its prior counts. */
export interface DimensionWindow {
  /** Bad observations of the dimension in (at − flipRecentDays, at]. */
  recentBad: number;
  /** Good and bad observations in the `flipPriorDays` before that. */
  priorGood: number;
  priorBad: number;
}

/** A dimension that flipped, with the window that shows it (its observations are evidence: `recentBadAt`). */
export type DimensionFlip = DimensionWindow & { dimension: string };

/** The windows of `at`, counted from raw observations (the repository counts the same in SQL). */
function dimensionWindows(catalogue: Catalogue, observations: readonly Observation[], at: Date): Map<string, DimensionWindow> {
  const { flipRecentDays, flipPriorDays } = catalogue.thresholds.turnedBad;
  const recentFrom = daysBefore(at, flipRecentDays);
  const priorFrom = daysBefore(recentFrom, flipPriorDays);
  const windows = new Map<string, DimensionWindow>();
  for (const o of observations) {
    if (o.observedAt > at || o.observedAt <= priorFrom) continue;
    const trait = traitByKey(catalogue, o.trait);
    if (!trait) continue;
    const w = windows.get(trait.dimension) ?? { recentBad: 0, priorGood: 0, priorBad: 0 };
    windows.set(trait.dimension, w);
    if (o.observedAt > recentFrom) {
      if (trait.polarity === 'bad') w.recentBad++;
    } else if (trait.polarity === 'good') w.priorGood++;
    else w.priorBad++;
  }
  return windows;
}

/**
 * Dimensions whose bad trait was observed `flipRecentCount`+ times in the recent window, after a prior window
 * in which the dimension's observations were mostly (strictly more than half) good (domain.md §3).
 */
export function flipsOf(catalogue: Catalogue, windows: ReadonlyMap<string, DimensionWindow>): DimensionFlip[] {
  const { flipRecentCount } = catalogue.thresholds.turnedBad;
  const flips: DimensionFlip[] = [];
  for (const [dimension, w] of windows) {
    if (w.recentBad >= flipRecentCount && w.priorGood > w.priorBad) flips.push({ dimension, ...w });
  }
  return flips.sort((a, b) => a.dimension.localeCompare(b.dimension));
}

export function dimensionFlips(catalogue: Catalogue, observations: readonly Observation[], at: Date): DimensionFlip[] {
  return flipsOf(catalogue, dimensionWindows(catalogue, observations, at));
}

/** The dimensions that flipped during the week: flipping at its end, not already at its start. */
export function flippedDuring(atStart: readonly DimensionFlip[], atEnd: readonly DimensionFlip[]): DimensionFlip[] {
  const before = new Set(atStart.map((f) => f.dimension));
  return atEnd.filter((f) => !before.has(f.dimension));
}

/** The week ending `weekEnd`'s flips, judged from a client's observations. */
export function weekFlipsOf(catalogue: Catalogue, observations: readonly Observation[], weekEnd: Date): DimensionFlip[] {
  return flippedDuring(dimensionFlips(catalogue, observations, daysBefore(weekEnd, 7)), dimensionFlips(catalogue, observations, weekEnd));
}

/** Bad observations in the flip rule's recent window at `at` (of one dimension, with `dimension`), oldest first: a flip's evidence. */
export function recentBadAt(catalogue: Catalogue, observations: readonly Observation[], at: Date, dimension?: string): Observation[] {
  const from = daysBefore(at, catalogue.thresholds.turnedBad.flipRecentDays);
  return observations
    .filter((o) => {
      const trait = traitByKey(catalogue, o.trait);
      return o.observedAt > from && o.observedAt <= at && trait?.polarity === 'bad' && (dimension === undefined || trait.dimension === dimension);
    })
    .sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
}

export function dropThreshold(catalogue: Catalogue, client: Pick<ClientProfile, 'category'>): number {
  const { dropPoints, vipDropPoints } = catalogue.thresholds.turnedBad;
  return client.category === 'vip' ? vipDropPoints : dropPoints;
}

/**
 * What changed during the week (domain.md §3), from the health at its start and end and the dimensions that
 * flipped during it: entering the at-risk band, a drop of `dropThreshold` points, a dimension that flipped.
 * Every reason is a change during the week, never a standing state.
 */
export function turnedBadBetween(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'category'>,
  before: Health,
  now: Health,
  flipped: readonly DimensionFlip[],
): TurnedBadReason[] {
  const reasons: TurnedBadReason[] = [];
  if (now.band === 'at_risk' && before.band !== 'at_risk') {
    reasons.push({ kind: 'entered_at_risk', from: before.score, to: now.score });
  }
  const threshold = dropThreshold(catalogue, client);
  const points = before.score - now.score;
  if (points >= threshold) reasons.push({ kind: 'dropped', points, threshold });
  for (const flip of flipped) reasons.push({ kind: 'dimension_flipped', ...flip });
  return reasons;
}

/** The week is (weekEnd − 7 days, weekEnd]; judged from a client's observations. */
export function turnedBad(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'category' | 'traitWeights'>,
  history: ObservationHistory,
  weekEnd: Date,
): WeekVerdict {
  const before = health(catalogue, client, history, daysBefore(weekEnd, 7));
  const now = health(catalogue, client, history, weekEnd);
  const reasons = turnedBadBetween(catalogue, client, before, now, weekFlipsOf(catalogue, history.observations, weekEnd));
  return { before, now, reasons, weekBad: weekBadOf(catalogue, history.observations, weekEnd) };
}

/** Bad observations made during the week ending `weekEnd`, oldest first: what moved it. */
export function weekBadOf(catalogue: Catalogue, observations: readonly Observation[], weekEnd: Date): Observation[] {
  const weekStart = daysBefore(weekEnd, 7);
  return observations
    .filter((o) => o.observedAt > weekStart && o.observedAt <= weekEnd && traitByKey(catalogue, o.trait)?.polarity === 'bad')
    .sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
}
