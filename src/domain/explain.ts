/**
 * Why a client's health is what it is (issue 29), computed with health.ts itself, never a second formula:
 * - the score as its parts: the neutral 50 plus each dimension's weighted, decayed notes (health.ts
 *   `pointsPerWeight`: the formula is exactly 50 + 50 × (G − B) / (G + B + 2), so the parts add up);
 * - what moved it since a week ago: time passing (older notes count less each week, pulling toward 50) and each
 *   call since, in the order they happened; incidents of the week beside them (domain.md §3 scores traits only);
 * - why a call with more bad notes than good can still raise it (and the reverse).
 * Parts are shown in whole points chosen so that the shown parts add up to the shown score (largest remainder).
 */
import { traitByKey, type Catalogue, type Polarity } from './catalogue.js';
import { exactScore, health, pointsPerWeight, traitWeighting, type Health } from './health.js';
import { daysBefore, type ClientProfile, type Incident, type Observation, type ObservationHistory } from './types.js';

/** Where every score starts: the middle, nothing known either way (domain.md §3: no observations give 50). */
export const NEUTRAL_SCORE = 50;

/**
 * Whole numbers, one per value, each the value rounded down or up, that add up to `total` (the largest remainder
 * method: round everything down, then give the points still missing to the largest fractions). `total` should be
 * the values' sum rounded, as a shown score is; any other total is still met, the extra spread over the largest.
 */
export function wholeParts(values: readonly number[], total: number): number[] {
  const shown = values.map((v) => Math.floor(v));
  if (values.length === 0) return shown;
  let missing = total - shown.reduce((a, b) => a + b, 0);
  const byFraction = values.map((v, i) => ({ i, fraction: v - Math.floor(v) })).sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (let k = 0; missing > 0; k++, missing--) shown[byFraction[k % byFraction.length]!.i]! += 1;
  for (let k = byFraction.length - 1; missing < 0; k = (k - 1 + byFraction.length) % byFraction.length, missing++) shown[byFraction[k]!.i]! -= 1;
  return shown;
}

export interface DimensionPart {
  dimension: string;
  /** Exact points this dimension moves the score from 50 (its good weight less its bad, × health.ts `pointsPerWeight`). */
  points: number;
  /** Whole points shown: 50 and every dimension's `shown` add up to the shown score. */
  shown: number;
  /** Its decayed good and bad weight. */
  good: number;
  bad: number;
  /** Its notes counted one by one (notes folded into an old baseline are in the weights, not here). */
  goodNotes: number;
  badNotes: number;
}

export interface ScoreParts {
  health: Health;
  /** Largest move first (whole points, then exact), then by dimension. */
  parts: DimensionPart[];
}

/** The dimension a trait belongs to; a trait no longer in the catalogue counts in no score (health.ts skips it). */
const dimensionOf = (catalogue: Catalogue, trait: string): string | undefined => traitByKey(catalogue, trait)?.dimension;

/** The client's health at `at` as 50 plus each dimension's part (domain.md §3). Nothing observed: no parts. */
export function scoreParts(catalogue: Catalogue, client: Pick<ClientProfile, 'traitWeights'>, history: ObservationHistory, at: Date): ScoreParts {
  const h = health(catalogue, client, history, at);
  if (!h.known) return { health: h, parts: [] };
  const perWeight = pointsPerWeight(h);
  const byDimension = new Map<string, Omit<DimensionPart, 'points' | 'shown'>>();
  const partOf = (dimension: string) => {
    let part = byDimension.get(dimension);
    if (!part) byDimension.set(dimension, (part = { dimension, good: 0, bad: 0, goodNotes: 0, badNotes: 0 }));
    return part;
  };
  for (const [trait, weight] of Object.entries(h.byTrait ?? {})) {
    const dimension = dimensionOf(catalogue, trait);
    const w = traitWeighting(catalogue, client, trait);
    if (!dimension || !w) continue;
    partOf(dimension)[w.polarity] += weight;
  }
  for (const e of h.evidence) {
    const dimension = dimensionOf(catalogue, e.observation.trait);
    if (dimension) partOf(dimension)[e.polarity === 'good' ? 'goodNotes' : 'badNotes'] += 1;
  }
  const exact = [...byDimension.values()].map((p) => ({ ...p, points: (p.good - p.bad) * perWeight }));
  const shown = wholeParts(
    exact.map((p) => p.points),
    h.score - NEUTRAL_SCORE,
  );
  const parts = exact.map((p, i) => ({ ...p, shown: shown[i]! }));
  parts.sort(
    (a, b) =>
      Math.abs(b.shown) - Math.abs(a.shown) || Math.abs(b.points) - Math.abs(a.points) || (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0),
  );
  return { health: h, parts };
}

/** One thing that moved the score during the week. */
export type Move =
  /** Time passing: every older note counts less each week, which pulls the score toward 50. */
  | { kind: 'time'; points: number; shown: number }
  /** A call observed during the week, with the traits it noted. */
  | { kind: 'call'; callId: string; at: Date; loggedBy: string; traits: { trait: string; polarity: Polarity }[]; points: number; shown: number };

/** A move before its whole points are chosen. */
type Unshown<M> = M extends unknown ? Omit<M, 'shown'> : never;

export interface WeekMovement {
  /** Health a week before `at` (as the history now reads) and at `at`. */
  from: Health;
  to: Health;
  /** `to.score − from.score`: what the shown moves add up to. */
  change: number;
  /** Time first, then each call in the order it happened; a move of no exact weight is left out. */
  moves: Move[];
  /** Incidents that happened during the week: shown beside health as firing criteria, never in the score (domain.md §3–4). */
  incidents: Incident[];
}

/** The exact score of a health, 50 when nothing is known (the same 50 health.ts gives). */
const exactOf = (h: Health): number => (h.known ? exactScore(h) : NEUTRAL_SCORE);

/**
 * What moved the client's health in the week before `at`, each move measured with health.ts: the older notes alone
 * a week ago and now (time), then each call of the week added in turn. The moves add up exactly to the week's change.
 */
export function weekMovement(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'traitWeights'>,
  history: ObservationHistory,
  incidents: readonly Incident[],
  at: Date,
  days = 7,
): WeekMovement {
  const since = daysBefore(at, days);
  const from = health(catalogue, client, history, since);
  const to = health(catalogue, client, history, at);
  const inWeek = (d: Date) => d > since && d <= at;
  const older = history.observations.filter((o) => o.observedAt <= since);
  const calls = new Map<string, Observation[]>();
  for (const o of history.observations) if (inWeek(o.observedAt)) calls.set(o.callId, [...(calls.get(o.callId) ?? []), o]);
  const ordered = [...calls.values()].sort((a, b) => a[0]!.observedAt.getTime() - b[0]!.observedAt.getTime() || (a[0]!.callId < b[0]!.callId ? -1 : 1));

  const exact: Unshown<Move>[] = [];
  let counted: Observation[] = older;
  let previous = exactOf(from);
  const step = (observations: Observation[]) => {
    const now = exactOf(health(catalogue, client, { ...history, observations }, at));
    const points = now - previous;
    previous = now;
    return points;
  };
  exact.push({ kind: 'time', points: step(counted) });
  for (const call of ordered) {
    counted = [...counted, ...call];
    const first = call[0]!;
    const traits = call.flatMap((o) => {
      const w = traitWeighting(catalogue, client, o.trait);
      return w ? [{ trait: o.trait, polarity: w.polarity }] : [];
    });
    exact.push({ kind: 'call', callId: first.callId, at: first.observedAt, loggedBy: first.loggedBy, traits, points: step(counted) });
  }
  const moving = exact.filter((m) => m.points !== 0);
  const change = to.score - from.score;
  const shown = wholeParts(
    moving.map((m) => m.points),
    change,
  );
  return {
    from,
    to,
    change,
    moves: moving.map((m, i) => ({ ...m, shown: shown[i]! }) as Move),
    incidents: incidents.filter((i) => inWeek(i.occurredAt)).sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()),
  };
}

/**
 * A call that moved the score against its own notes: more bad notes than good yet health rose, or more good than
 * bad yet it fell. The score is the share of good among everything noted (recent notes counting most), so a call
 * raises it whenever its own share of good is above the record's so far, however many bad notes it has.
 */
export interface CallAgainstItsNotes {
  direction: 'up' | 'down';
  goodNotes: number;
  badNotes: number;
}

export function callAgainstItsNotes(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'traitWeights'>,
  traits: readonly string[],
  change: number,
): CallAgainstItsNotes | undefined {
  let good = 0;
  let bad = 0;
  let goodNotes = 0;
  let badNotes = 0;
  for (const trait of traits) {
    const w = traitWeighting(catalogue, client, trait);
    if (!w) continue;
    if (w.polarity === 'good') ((good += w.weight), goodNotes++);
    else ((bad += w.weight), badNotes++);
  }
  if (change > 0 && bad > good) return { direction: 'up', goodNotes, badNotes };
  if (change < 0 && good > bad) return { direction: 'down', goodNotes, badNotes };
  return undefined;
}
