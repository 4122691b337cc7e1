/**
 * Disagreements are found by sweeping each dimension's observations in time order (domain/disagreements.ts); they
 * must be exactly those of the plain definition, every good observation against every bad one, written out below:
 * the same pairs, in the same order, with the same observations as evidence. Over random histories crowded with
 * what a sweep can get wrong: equal times, one person on both sides, pairs exactly the window apart or a
 * millisecond more. Seeded, so a failure names its seed (PAIRING_SEED reruns it).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue, traitByKey, type Catalogue } from '../../src/domain/catalogue.js';
import { disagreementsAmong, disagreementsMadeBy, disputedAt, type Disagreement } from '../../src/domain/disagreements.js';
import { seededRandom } from '../../src/local/seededRandom.js';
import { DAY_MS, type Observation } from '../../src/domain/types.js';
import { NOW } from '../support/builders.js';

const SEED = Number(process.env.PAIRING_SEED ?? 20261123);

/** The definition: every good observation against every bad one of its dimension, then sorted (stably). */
function plainDisagreements(catalogue: Catalogue, observations: readonly Observation[]): Disagreement<Observation>[] {
  const windowMs = catalogue.thresholds.disagreementDays * DAY_MS;
  const byDimension = new Map<string, { good: Observation[]; bad: Observation[] }>();
  for (const o of observations) {
    const trait = traitByKey(catalogue, o.trait);
    if (!trait) continue;
    const sides = byDimension.get(trait.dimension) ?? { good: [], bad: [] };
    sides[trait.polarity].push(o);
    byDimension.set(trait.dimension, sides);
  }
  const out: Disagreement<Observation>[] = [];
  for (const [dimension, { good, bad }] of byDimension)
    for (const g of good)
      for (const b of bad)
        if (g.loggedBy !== b.loggedBy && Math.abs(g.observedAt.getTime() - b.observedAt.getTime()) <= windowMs) out.push({ dimension, good: g, bad: b });
  const later = (d: Disagreement) => Math.max(d.good.observedAt.getTime(), d.bad.observedAt.getTime());
  return out.sort((a, b) => later(b) - later(a) || a.dimension.localeCompare(b.dimension));
}

/** The definition of what is shown: per dimension, the first of the plain list that is recent enough. */
function plainDisputed(catalogue: Catalogue, observations: readonly Observation[], at: Date, shownDays: number): Disagreement<Observation>[] {
  const from = at.getTime() - shownDays * DAY_MS;
  const out = new Map<string, Disagreement<Observation>>();
  for (const d of plainDisagreements(
    catalogue,
    observations.filter((o) => o.observedAt <= at),
  )) {
    const later = Math.max(d.good.observedAt.getTime(), d.bad.observedAt.getTime());
    if (later > from && !out.has(d.dimension)) out.set(d.dimension, d);
  }
  return [...out.values()];
}

/** Dimensions whose names sort otherwise than they first appear, and one with no good trait. */
const extraTraits = [
  ['zeal_shown', 'zeal', 'good'],
  ['zeal_lacking', 'zeal', 'bad'],
  ['agenda_kept', 'agenda', 'good'],
  ['agenda_ignored', 'agenda', 'bad'],
  ['agenda2_kept', 'agenda_2', 'good'],
  ['agenda2_ignored', 'agenda_2', 'bad'],
  ['late_replies', 'latency', 'bad'],
].map(([key, dimension, polarity]) => ({ key, dimension, polarity, label: key! }));

const CATALOGUES: [string, Catalogue][] = [
  ['the default catalogue (14 days)', DEFAULT_CATALOGUE],
  ['a one-day window', resolveCatalogue({ thresholds: { disagreementDays: 1 } })],
  ['a 30-day window and added dimensions', resolveCatalogue({ thresholds: { disagreementDays: 30 }, extraTraits })],
];

/**
 * A random history: a few people (often one), on few days so that times tie, some a millisecond off a whole day
 * so that pairs fall exactly on the window's edge or just past it; traits of every kind, unknown ones included.
 */
function randomHistory(rand: () => number, catalogue: Catalogue, size: number): Observation[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const people = ['U0ANA', 'U0BOB', 'U0CEM', 'U0DAN'].slice(0, 1 + Math.floor(rand() * 4));
  const span = pick([3, 20, 60]);
  const windowDays = catalogue.thresholds.disagreementDays;
  const traits = [...catalogue.traits.map((t) => t.key), 'unknown_trait'];
  return Array.from({ length: size }, (_, i) => {
    const day = rand() < 0.3 ? pick([0, windowDays, 2 * windowDays]) : Math.floor(rand() * span);
    const observedAt = new Date(NOW.getTime() - day * DAY_MS + pick([0, 0, 0, 1, -1]));
    const loggedBy = pick(people);
    return { id: `o${i}`, clientId: 'c', trait: pick(traits), observedAt, loggedAt: observedAt, loggedBy, callId: `${loggedBy}-${day}` };
  });
}

describe.each(CATALOGUES)('disagreements equal the plain definition over random histories, with %s', (_, catalogue) => {
  const rand = seededRandom(SEED);
  const histories = Array.from({ length: 400 }, (_, i) => randomHistory(rand, catalogue, i % 50 === 0 ? 300 : Math.floor(rand() * 40)));

  it('lists the same pairs in the same order, with the same observations as evidence', () => {
    for (const [i, history] of histories.entries()) {
      const found = disagreementsAmong(catalogue, history);
      const plain = plainDisagreements(catalogue, history);
      expect(found, `seed ${SEED}, history ${i}`).toEqual(plain);
      expect(found.every((d, k) => d.good === plain[k]!.good && d.bad === plain[k]!.bad)).toBe(true);
    }
  });

  it('names the same pairs a call makes', () => {
    for (const [i, history] of histories.entries()) {
      for (const callId of new Set(history.slice(0, 5).map((o) => o.callId))) {
        const plain = plainDisagreements(catalogue, history).filter((d) => {
          const [mine, theirs] = d.good.callId === callId ? [d.good, d.bad] : d.bad.callId === callId ? [d.bad, d.good] : [];
          return !!mine && !!theirs && theirs.callId !== callId;
        });
        expect(disagreementsMadeBy(catalogue, history, callId), `seed ${SEED}, history ${i}, ${callId}`).toEqual(plain);
      }
    }
  });

  it('shows the same disputed dimensions, each with the same pair, at any moment', () => {
    for (const [i, history] of histories.entries()) {
      for (const daysBack of [0, rand() * 30, catalogue.thresholds.disagreementDays]) {
        const at = new Date(NOW.getTime() - Math.round(daysBack) * DAY_MS);
        const shownDays = Math.floor(1 + rand() * 40);
        const plain = plainDisputed(catalogue, history, at, shownDays);
        const found = disputedAt(catalogue, history, at, shownDays);
        expect(found, `seed ${SEED}, history ${i}, ${daysBack} days back, shown ${shownDays}`).toEqual(plain);
        expect(found.every((d, k) => d.good === plain[k]!.good && d.bad === plain[k]!.bad)).toBe(true);
      }
    }
  });
});
