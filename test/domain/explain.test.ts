/** Explaining a score (issue 29): its parts add up to it, the week's moves add up to the week's change. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue } from '../../src/domain/catalogue.js';
import { callAgainstItsNotes, NEUTRAL_SCORE, scoreParts, weekMovement, wholeParts } from '../../src/domain/explain.js';
import { foldObservations, health } from '../../src/domain/health.js';
import type { Observation } from '../../src/domain/types.js';
import { aClient, daysAgo, incident, NOW, observed } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const client = aClient();

/** A call: its traits observed together on one day. */
let calls = 0;
const call = (days: number, ...traits: string[]): Observation[] => {
  const callId = `call-${++calls}`;
  return traits.map((t) => observed(t, daysAgo(days), { callId, loggedBy: `U${calls}` }));
};

/** Crafted histories, from one note to years of mixed ones. */
const HISTORIES: Record<string, Observation[]> = {
  'one good note': call(3, 'excellent_communication'),
  'mixed, mostly bad lately': [
    ...call(80, 'excellent_communication', 'shares_information', 'positive_attitude'),
    ...call(40, 'excellent_communication', 'shares_opinions'),
    ...call(12, 'no_data_sharing', 'terrible_communication'),
    ...call(5, 'no_data_sharing', 'poor_etiquette'),
    ...call(1, 'excellent_communication', 'unresolved_arguments', 'negative_attitude'),
  ],
  'long and even': Array.from({ length: 60 }, (_, i) =>
    call(i * 6 + (i % 4), i % 3 === 0 ? 'terrible_communication' : 'excellent_communication', i % 5 === 0 ? 'hoards_knowledge' : 'exceeds_expectations'),
  ).flat(),
  'all bad this week': [...call(6, 'negative_attitude', 'no_strategic_planning'), ...call(2, 'withholds_opinions', 'hoards_knowledge', 'poor_etiquette')],
};

describe('wholeParts: whole points that add up to the shown total (largest remainder)', () => {
  it('rounds each part down or up and gives the missing points to the largest fractions', () => {
    expect(wholeParts([3.4, 3.4, 3.2], 10)).toEqual([4, 3, 3]);
    expect(wholeParts([0.5, 0.5, 0.5, 0.5], 2)).toEqual([1, 1, 0, 0]);
    expect(wholeParts([-2.6, 9.3], 7)).toEqual([-2, 9]);
    expect(wholeParts([], 0)).toEqual([]);
  });

  it('adds up where rounding each part alone would not', () => {
    const parts = [1 / 3, 1 / 3, 1 / 3];
    expect(parts.map(Math.round).reduce((a, b) => a + b)).toBe(0); // what naive rounding shows beside a 1
    expect(wholeParts(parts, 1).reduce((a, b) => a + b)).toBe(1);
  });
});

describe('the parts of a score (domain.md §3)', () => {
  it.each(Object.entries(HISTORIES))('%s: 50 and the shown parts add up to the shown score, the exact ones to the exact score', (_name, observations) => {
    for (const at of [NOW, daysAgo(7), daysAgo(30)]) {
      const { health: h, parts } = scoreParts(cat, client, { observations }, at);
      if (!h.known) continue;
      expect(NEUTRAL_SCORE + parts.reduce((sum, p) => sum + p.shown, 0)).toBe(h.score);
      const exact = (100 * (h.good + 1)) / (h.good + h.bad + 2);
      expect(NEUTRAL_SCORE + parts.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(exact, 9);
      for (const p of parts) expect(Math.abs(p.shown - p.points)).toBeLessThan(1);
    }
  });

  it('splits by dimension: good communication up, bad reporting down, counting the notes', () => {
    const observations = [...call(2, 'excellent_communication', 'no_data_sharing'), ...call(1, 'excellent_communication')];
    const { health: h, parts } = scoreParts(cat, client, { observations }, NOW);
    const communication = parts.find((p) => p.dimension === 'communication')!;
    const information = parts.find((p) => p.dimension === 'information')!;
    expect(communication).toMatchObject({ goodNotes: 2, badNotes: 0 });
    expect(communication.shown).toBeGreaterThan(0);
    expect(information).toMatchObject({ goodNotes: 0, badNotes: 1 });
    expect(information.shown).toBeLessThan(0);
    expect(50 + communication.shown + information.shown).toBe(h.score);
    expect(parts[0]!.dimension).toBe('communication'); // the larger move first
  });

  it('shows a per-client trait weight in its dimension’s part', () => {
    const observations = call(1, 'excellent_communication', 'no_data_sharing');
    const heavy = aClient({ traitWeights: { no_data_sharing: 3 } });
    const { health: h, parts } = scoreParts(cat, heavy, { observations }, NOW);
    expect(h.score).toBe(33); // 100 × 2 / 6
    expect(parts.map((p) => [p.dimension, p.shown])).toEqual([
      ['information', -25],
      ['communication', 8],
    ]);
  });

  it('counts a folded baseline in the parts (the same weights health scores)', () => {
    const observations = HISTORIES['mixed, mostly bad lately']!;
    const folded = foldObservations(cat, observations, daysAgo(3));
    const { health: h, parts } = scoreParts(cat, client, folded, NOW);
    expect(h.score).toBe(health(cat, client, { observations }, NOW).score);
    expect(50 + parts.reduce((s, p) => s + p.shown, 0)).toBe(h.score);
  });

  it('has no parts when nothing was observed (unknown, 50)', () => {
    expect(scoreParts(cat, client, { observations: [] }, NOW)).toMatchObject({ health: { known: false, score: 50 }, parts: [] });
  });

  it('a workspace’s own dimension gets its own part', () => {
    const custom = resolveCatalogue({ extraTraits: [{ key: 'pays_early', dimension: 'payment', polarity: 'good', label: 'Pays early' }] });
    const { parts } = scoreParts(custom, client, { observations: call(1, 'pays_early') }, NOW);
    expect(parts).toMatchObject([{ dimension: 'payment', shown: 16 }]);
  });
});

describe('what moved it since last week', () => {
  it.each(Object.entries(HISTORIES))('%s: time and each call add up to the week’s change, shown and exact', (_name, observations) => {
    for (const at of [NOW, daysAgo(3), daysAgo(40)]) {
      const m = weekMovement(cat, client, { observations }, [], at);
      expect(m.change).toBe(m.to.score - m.from.score);
      expect(m.moves.reduce((s, x) => s + x.shown, 0)).toBe(m.change);
      const exact = (h: typeof m.to) => (h.known ? (100 * (h.good + 1)) / (h.good + h.bad + 2) : 50);
      expect(m.moves.reduce((s, x) => s + x.points, 0)).toBeCloseTo(exact(m.to) - exact(m.from), 9);
    }
  });

  it('names time as its own move, and each call of the week with its traits, in the order they happened', () => {
    const observations = [
      ...call(20, 'excellent_communication', 'positive_attitude'),
      ...call(5, 'no_data_sharing', 'terrible_communication'),
      ...call(2, 'excellent_communication'),
    ];
    const m = weekMovement(cat, client, { observations }, [], NOW);
    expect(m.moves.map((x) => x.kind)).toEqual(['time', 'call', 'call']);
    const [time, bad, good] = m.moves as [any, any, any];
    expect(time.points).toBeLessThan(0); // older good notes count less each week: pulled toward 50
    expect(bad.points).toBeLessThan(0);
    expect(bad.traits).toEqual([
      { trait: 'no_data_sharing', polarity: 'bad' },
      { trait: 'terrible_communication', polarity: 'bad' },
    ]);
    expect(good.points).toBeGreaterThan(0);
    expect(good.at).toEqual(daysAgo(2));
  });

  it('time raises a score below 50 (older bad notes count less each week)', () => {
    const m = weekMovement(cat, client, { observations: call(20, 'negative_attitude', 'poor_etiquette') }, [], NOW);
    expect(m.moves).toMatchObject([{ kind: 'time' }]);
    expect(m.moves[0]!.points).toBeGreaterThan(0);
    expect(m.moves[0]!.shown).toBe(m.change);
  });

  it('lists the week’s incidents beside the moves: they never move the score (domain.md §3)', () => {
    const observations = call(1, 'excellent_communication', 'positive_attitude', 'shares_information');
    const lied = incident('lying', daysAgo(2));
    const old = incident('lying', daysAgo(20));
    const m = weekMovement(cat, client, { observations }, [old, lied], NOW);
    expect(m.incidents).toEqual([lied]);
    expect(m.to.score).toBe(health(cat, client, { observations }, NOW).score);
    expect(m.to.band).toBe('healthy');
  });
});

describe('a call against its own notes', () => {
  it('more bad notes than good that still raise health are named, with the notes counted', () => {
    // The record so far is mostly bad (about 20): a call with one good note in three beats it.
    const observations = [...call(10, 'negative_attitude', 'poor_etiquette', 'no_data_sharing', 'withholds_opinions')];
    const before = health(cat, client, { observations }, NOW);
    const withCall = [...observations, ...call(0, 'excellent_communication', 'hoards_knowledge', 'unresolved_arguments')];
    const after = health(cat, client, { observations: withCall }, NOW);
    expect(after.score).toBeGreaterThan(before.score);
    const traits = ['excellent_communication', 'hoards_knowledge', 'unresolved_arguments'];
    expect(callAgainstItsNotes(cat, client, traits, after.score - before.score)).toEqual({ direction: 'up', goodNotes: 1, badNotes: 2 });
  });

  it('more good notes than bad that lower it are named too; a call moving as its notes say is not', () => {
    expect(callAgainstItsNotes(cat, client, ['excellent_communication', 'positive_attitude', 'poor_etiquette'], -3)).toMatchObject({ direction: 'down' });
    expect(callAgainstItsNotes(cat, client, ['excellent_communication', 'poor_etiquette', 'negative_attitude'], -3)).toBeUndefined();
    expect(callAgainstItsNotes(cat, client, ['excellent_communication'], 4)).toBeUndefined();
    expect(callAgainstItsNotes(cat, client, ['poor_etiquette', 'negative_attitude'], 0)).toBeUndefined();
  });
});
