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

/** What a dimension's flip is judged on at one moment: its recent bad observations and its prior counts. */
export interface DimensionWindow {
  /** Bad observations of the dimension in (at − flipRecentDays, at]. */
  recentBad: Observation[];
  /** Good and bad observations in the `flipPriorDays` before that. */
  priorGood: number;
  priorBad: number;
}

/** A dimension that flipped, with the window that shows it (recent bad observations oldest first). */
export type DimensionFlip = DimensionWindow & { dimension: string };

/** The windows of `at`, counted from raw observations (the repository counts the same in SQL). */
export function dimensionWindows(catalogue: Catalogue, observations: readonly Observation[], at: Date): Map<string, DimensionWindow> {
  const { flipRecentDays, flipPriorDays } = catalogue.thresholds.turnedBad;
  const recentFrom = daysBefore(at, flipRecentDays);
  const priorFrom = daysBefore(recentFrom, flipPriorDays);
  const windows = new Map<string, DimensionWindow>();
  for (const o of observations) {
    if (o.observedAt > at || o.observedAt <= priorFrom) continue;
    const trait = traitByKey(catalogue, o.trait);
    if (!trait) continue;
    const w = windows.get(trait.dimension) ?? { recentBad: [], priorGood: 0, priorBad: 0 };
    windows.set(trait.dimension, w);
    if (o.observedAt > recentFrom) {
      if (trait.polarity === 'bad') w.recentBad.push(o);
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
    if (w.recentBad.length >= flipRecentCount && w.priorGood > w.priorBad) {
      const recentBad = [...w.recentBad].sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
      flips.push({ dimension, recentBad, priorGood: w.priorGood, priorBad: w.priorBad });
    }
  }
  return flips.sort((a, b) => a.dimension.localeCompare(b.dimension));
}

export function dimensionFlips(catalogue: Catalogue, observations: readonly Observation[], at: Date): DimensionFlip[] {
  return flipsOf(catalogue, dimensionWindows(catalogue, observations, at));
}

/** Flips at the start and the end of a week, when the repository has judged them from aggregates. */
export interface WeekFlips {
  atStart: DimensionFlip[];
  atEnd: DimensionFlip[];
}

export function dropThreshold(catalogue: Catalogue, client: Pick<ClientProfile, 'category'>): number {
  const { dropPoints, vipDropPoints } = catalogue.thresholds.turnedBad;
  return client.category === 'vip' ? vipDropPoints : dropPoints;
}

/**
 * The week is (weekEnd − 7 days, weekEnd]. Every reason is a change during the week, never a standing state.
 * Flips are judged from `history`'s raw observations unless `flips` gives them already judged.
 */
export function turnedBad(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'category' | 'traitWeights'>,
  history: ObservationHistory,
  weekEnd: Date,
  flips?: WeekFlips,
): WeekVerdict {
  const weekStart = daysBefore(weekEnd, 7);
  const before = health(catalogue, client, history, weekStart);
  const now = health(catalogue, client, history, weekEnd);
  const reasons: TurnedBadReason[] = [];

  if (now.band === 'at_risk' && before.band !== 'at_risk') {
    reasons.push({ kind: 'entered_at_risk', from: before.score, to: now.score });
  }
  const threshold = dropThreshold(catalogue, client);
  const points = before.score - now.score;
  if (points >= threshold) reasons.push({ kind: 'dropped', points, threshold });

  const atStart = flips?.atStart ?? dimensionFlips(catalogue, history.observations, weekStart);
  const atEnd = flips?.atEnd ?? dimensionFlips(catalogue, history.observations, weekEnd);
  const flippedBefore = new Set(atStart.map((f) => f.dimension));
  for (const flip of atEnd) {
    if (!flippedBefore.has(flip.dimension)) reasons.push({ kind: 'dimension_flipped', ...flip });
  }

  const weekBad = history.observations
    .filter((o) => o.observedAt > weekStart && o.observedAt <= weekEnd && traitByKey(catalogue, o.trait)?.polarity === 'bad')
    .sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());

  return { before, now, reasons, weekBad };
}
