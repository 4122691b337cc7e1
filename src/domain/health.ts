/** Relationship health (domain.md §3): decayed good and bad trait weights, bands, and the evidence behind them. */
import { traitByKey, type Catalogue, type Polarity } from './catalogue.js';
import { DAY_MS, type ClientProfile, type Observation, type ObservationHistory, type WeightedTotals } from './types.js';

export const BANDS = ['healthy', 'watch', 'at_risk'] as const;
export type Band = (typeof BANDS)[number];

export interface ObservationContribution {
  observation: Observation;
  polarity: Polarity;
  /** weight × decay at the moment of the verdict. */
  contribution: number;
}

export interface Health {
  score: number;
  band: Band;
  /** False when nothing was ever observed: the score is the neutral 50 and must be shown as unknown. */
  known: boolean;
  /** Decayed good (G) and bad (B) weight. */
  good: number;
  bad: number;
  /** Observations (not folded into a baseline) that make up the score, largest contribution first. */
  evidence: readonly ObservationContribution[];
  /** Decayed, weighted weight per trait, baseline included (absent when scored from totals): what explain.ts splits the score by. */
  byTrait?: Readonly<Record<string, number>>;
}

/** 0.5^(age / half-life); future observations (negative age) do not count yet. */
export function decay(ageMs: number, halfLifeDays: number): number {
  return Math.pow(0.5, ageMs / (halfLifeDays * DAY_MS));
}

export function bandOf(score: number, catalogue: Catalogue): Band {
  const { healthyFrom, atRiskBelow } = catalogue.thresholds.health;
  if (score >= healthyFrom) return 'healthy';
  if (score < atRiskBelow) return 'at_risk';
  return 'watch';
}

/** The weight and polarity a trait carries for this client, or undefined for a trait no longer in the catalogue. */
export function traitWeighting(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'traitWeights'>,
  traitKey: string,
): { polarity: Polarity; weight: number } | undefined {
  const trait = traitByKey(catalogue, traitKey);
  if (!trait) return undefined;
  return { polarity: trait.polarity, weight: client.traitWeights[traitKey] ?? trait.weight };
}

/** domain.md §3: health(T) = round(100 × (G + 1) / (G + B + 2)); 50 (unknown) with nothing observed. */
export function health(catalogue: Catalogue, client: Pick<ClientProfile, 'traitWeights'>, history: ObservationHistory, at: Date): Health {
  const { halfLifeDays } = catalogue.thresholds.health;
  const totals: Record<Polarity, number> = { good: 0, bad: 0 };
  const byTrait: Record<string, number> = {};
  let known = false;

  if (history.baseline) {
    if (at < history.baseline.at) throw new Error('health: cannot look before the folded baseline');
    const fade = decay(at.getTime() - history.baseline.at.getTime(), halfLifeDays);
    const decayedTraits = history.baseline.decayed;
    for (const traitKey in decayedTraits) {
      const decayed = decayedTraits[traitKey]!;
      const w = traitWeighting(catalogue, client, traitKey);
      if (!w || decayed <= 0) continue;
      known = true;
      totals[w.polarity] += w.weight * decayed * fade;
      byTrait[traitKey] = (byTrait[traitKey] ?? 0) + w.weight * decayed * fade;
    }
  }

  const evidence: ObservationContribution[] = [];
  for (const observation of history.observations) {
    const age = at.getTime() - observation.observedAt.getTime();
    if (age < 0) continue;
    const w = traitWeighting(catalogue, client, observation.trait);
    if (!w) continue;
    known = true;
    const contribution = w.weight * decay(age, halfLifeDays);
    totals[w.polarity] += contribution;
    byTrait[observation.trait] = (byTrait[observation.trait] ?? 0) + contribution;
    evidence.push({ observation, polarity: w.polarity, contribution });
  }
  if (evidence.length > 1) evidence.sort((a, b) => b.contribution - a.contribution);

  return { ...scored(catalogue, known ? totals : undefined, evidence), byTrait };
}

/** domain.md §3 from decayed, weighted totals already summed (the portfolio's SQL sums them); unknown without. */
export function healthOfTotals(catalogue: Catalogue, totals: WeightedTotals | undefined): Health {
  return scored(catalogue, totals && totals.good + totals.bad > 0 ? totals : undefined, NO_EVIDENCE);
}

/** The evidence of a health from totals: none (shared, since a digest scores every client twice). */
const NO_EVIDENCE: readonly ObservationContribution[] = [];

/** domain.md §3's score before rounding: 100 × (G + 1) / (G + B + 2) (50 with nothing observed). */
export function exactScore(totals: WeightedTotals): number {
  return (100 * (totals.good + 1)) / (totals.good + totals.bad + 2);
}

/**
 * The points one unit of decayed weight moves the score by, at these totals: 100 × (G + 1) / (G + B + 2) is
 * 50 + 50 × (G − B) / (G + B + 2), so each good weight w adds 50w / (G + B + 2) and each bad one takes as much
 * away, and these parts add up to the exact score from the neutral 50 (explain.ts shows a score so).
 */
export function pointsPerWeight(totals: WeightedTotals): number {
  return 50 / (totals.good + totals.bad + 2);
}

function scored(catalogue: Catalogue, totals: WeightedTotals | undefined, evidence: readonly ObservationContribution[]): Health {
  const score = totals ? Math.round(exactScore(totals)) : 50;
  return { score, band: bandOf(score, catalogue), known: !!totals, good: totals?.good ?? 0, bad: totals?.bad ?? 0, evidence };
}

/**
 * Folds the observations at or before `at` into a baseline (decayed weight per trait as of `at`).
 * The repository computes the same sums in SQL for old history; this is the reference it is tested against.
 */
export function foldObservations(catalogue: Catalogue, observations: readonly Observation[], at: Date): ObservationHistory {
  const { halfLifeDays } = catalogue.thresholds.health;
  const decayed: Record<string, number> = {};
  const rest: Observation[] = [];
  for (const o of observations) {
    const age = at.getTime() - o.observedAt.getTime();
    if (age < 0) rest.push(o);
    else decayed[o.trait] = (decayed[o.trait] ?? 0) + decay(age, halfLifeDays);
  }
  return { baseline: { at, decayed }, observations: rest };
}
