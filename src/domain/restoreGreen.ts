/**
 * What would bring a client back over the healthy line (issue 29), in events an account manager can plan: calls
 * noting the good side of the dimensions that pull the score down, a week apart, and no new bad notes meanwhile
 * (so older bad notes count less each week). Each candidate is scored with health.ts itself on the history with
 * its events added; the search is bounded, and the smallest plan wins: each good note and each week without a bad
 * one counts as one event (a plan of many notes months away is not smaller than a few more notes soon), then
 * fewest notes, then fewest calls.
 */
import type { Catalogue } from './catalogue.js';
import { health, traitWeighting, type Health } from './health.js';
import { scoreParts } from './explain.js';
import { DAY_MS, type ClientProfile, type Observation, type ObservationHistory } from './types.js';

/** How far the search looks: up to this many calls, good traits noted on each, and weeks of waiting beyond the calls' own. */
export const RESTORE_SEARCH = { calls: 6, traitsPerCall: 3, extraWeeks: 8 } as const;

const WEEK_MS = 7 * DAY_MS;

export interface RestorePlan {
  /** Calls, a week apart, the last one on `by`. */
  calls: number;
  /** The good traits each call notes, the dimension pulling the score down most first. */
  traits: string[];
  /** Weeks from now to `by`, with no new bad notes. */
  weeks: number;
  by: Date;
  /** The plan's notes, dated: added to the history, they make the client healthy at `by`. */
  events: Observation[];
  /** The client's health at `by` with them. */
  reaches: Health;
}

export type RestoreGreen =
  | { kind: 'healthy' }
  /** Nothing observed yet: there is no score to restore. */
  | { kind: 'unknown' }
  | ({ kind: 'plan' } & RestorePlan)
  /** Not within the search's bounds: more than `calls` calls over `weeks` weeks would be needed. */
  | { kind: 'out_of_reach'; calls: number; weeks: number };

/**
 * The good trait for each dimension a call could improve, in the order a plan adds them: the dimensions pulling the
 * score down (most first), then those already helping (most first), then the rest as the catalogue lists them.
 * A dimension with no good trait (etiquette, conflict, planning) improves only by no new bad notes.
 */
function goodTraitsToNote(catalogue: Catalogue, client: Pick<ClientProfile, 'traitWeights'>, parts: ReturnType<typeof scoreParts>['parts']): string[] {
  const best = new Map<string, { trait: string; weight: number }>();
  for (const t of catalogue.traits) {
    const w = traitWeighting(catalogue, client, t.key);
    if (!w || w.polarity !== 'good') continue;
    const known = best.get(t.dimension);
    if (!known || w.weight > known.weight) best.set(t.dimension, { trait: t.key, weight: w.weight });
  }
  const points = new Map(parts.map((p) => [p.dimension, p.points]));
  const order = [...best.keys()];
  const rank = (d: string) => {
    const p = points.get(d);
    return p === undefined ? [2, 0] : p < 0 ? [0, p] : [1, -p];
  };
  order.sort((a, b) => {
    const [ra, pa] = rank(a);
    const [rb, pb] = rank(b);
    return ra! - rb! || pa! - pb! || order.indexOf(a) - order.indexOf(b);
  });
  return order.map((d) => best.get(d)!.trait);
}

/** The notes of `calls` calls noting `traits`, a week apart, the last `weeks` weeks after `at`. */
export function planEvents(client: Pick<ClientProfile, 'id'>, traits: readonly string[], calls: number, weeks: number, at: Date): Observation[] {
  return Array.from({ length: calls }, (_, i) => {
    const when = new Date(at.getTime() + (weeks - calls + 1 + i) * WEEK_MS);
    return traits.map((trait) => ({
      id: `restore-${i}-${trait}`,
      clientId: client.id,
      trait,
      observedAt: when,
      loggedAt: when,
      loggedBy: '',
      callId: `restore-${i}`,
    }));
  }).flat();
}

/** The smallest plan that makes the client healthy again (domain.md §3's healthy line), scored with health.ts. */
export function restoreGreen(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'id' | 'traitWeights'>,
  history: ObservationHistory,
  at: Date,
  search: { calls: number; traitsPerCall: number; extraWeeks: number } = RESTORE_SEARCH,
): RestoreGreen {
  const { health: now, parts } = scoreParts(catalogue, client, history, at);
  if (!now.known) return { kind: 'unknown' };
  if (now.band === 'healthy') return { kind: 'healthy' };
  const traits = goodTraitsToNote(catalogue, client, parts);
  const candidates: { calls: number; noted: number; weeks: number }[] = [];
  for (let calls = 1; calls <= search.calls; calls++)
    for (let noted = 1; noted <= Math.min(search.traitsPerCall, traits.length); noted++)
      for (let extra = 0; extra <= search.extraWeeks; extra++) candidates.push({ calls, noted, weeks: calls - 1 + extra });
  // The smallest set of events (good notes and weeks without bad ones), then fewest notes, then fewest calls.
  const notes = (c: (typeof candidates)[number]) => c.calls * c.noted;
  candidates.sort((a, b) => notes(a) + a.weeks - (notes(b) + b.weeks) || notes(a) - notes(b) || a.calls - b.calls);
  for (const c of candidates) {
    const noted = traits.slice(0, c.noted);
    const events = planEvents(client, noted, c.calls, c.weeks, at);
    const by = new Date(at.getTime() + c.weeks * WEEK_MS);
    const reaches = health(catalogue, client, { ...history, observations: [...history.observations, ...events] }, by);
    if (reaches.band === 'healthy') return { kind: 'plan', calls: c.calls, traits: noted, weeks: c.weeks, by, events, reaches };
  }
  return { kind: 'out_of_reach', calls: search.calls, weeks: search.calls - 1 + search.extraWeeks };
}
