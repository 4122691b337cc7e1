import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue } from '../../src/domain/catalogue.js';
import { bandOf, decay, foldObservations, health } from '../../src/domain/health.js';
import { DAY_MS } from '../../src/domain/types.js';
import { aClient, daysAgo, NOW, observed, observedTimes } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const client = aClient();

describe('health (domain.md §3)', () => {
  it('is 50 and unknown with no observations', () => {
    const h = health(cat, client, { observations: [] }, NOW);
    expect(h).toMatchObject({ score: 50, known: false, good: 0, bad: 0, evidence: [] });
  });

  it('follows round(100 × (G + 1) / (G + B + 2)) for fresh observations', () => {
    const obs = [...observedTimes('excellent_communication', 1, NOW), ...observedTimes('negative_attitude', 1, NOW)];
    expect(health(cat, client, { observations: obs }, NOW).score).toBe(50);
    expect(health(cat, client, { observations: observedTimes('positive_attitude', 1, NOW) }, NOW).score).toBe(67); // 200/3
    expect(health(cat, client, { observations: observedTimes('poor_etiquette', 1, NOW) }, NOW).score).toBe(33);
  });

  it('halves an observation’s weight after exactly one half-life (30 days)', () => {
    expect(decay(30 * DAY_MS, 30)).toBe(0.5);
    expect(decay(60 * DAY_MS, 30)).toBe(0.25);
    const h = health(cat, client, { observations: [observed('positive_attitude', daysAgo(30))] }, NOW);
    expect(h.good).toBeCloseTo(0.5, 12);
    expect(h.score).toBe(60); // 100 × 1.5 / 2.5
  });

  it('ignores observations dated after the moment, and traits no longer in the catalogue', () => {
    const h = health(cat, client, { observations: [observed('negative_attitude', daysAgo(-1)), observed('gone_trait', NOW)] }, NOW);
    expect(h.known).toBe(false);
    expect(h.score).toBe(50);
  });

  it('uses the client weight over the catalogue weight, and workspace weights over defaults', () => {
    const obs = [observed('negative_attitude', NOW)];
    expect(health(cat, aClient({ traitWeights: { negative_attitude: 3 } }), { observations: obs }, NOW).score).toBe(20);
    const heavier = resolveCatalogue({ traitWeights: { negative_attitude: 2 } });
    expect(health(heavier, client, { observations: obs }, NOW).score).toBe(25);
  });

  it('bands: healthy ≥ 70, watch 40–69, at risk < 40', () => {
    expect([70, 69, 40, 39].map((s) => bandOf(s, cat))).toEqual(['healthy', 'watch', 'watch', 'at_risk']);
  });

  it('lists the evidence, the largest contribution first', () => {
    const old = observed('negative_attitude', daysAgo(20));
    const fresh = observed('terrible_communication', daysAgo(1));
    const h = health(cat, client, { observations: [old, fresh] }, NOW);
    expect(h.evidence.map((e) => e.observation)).toEqual([fresh, old]);
    expect(h.evidence.every((e) => e.polarity === 'bad')).toBe(true);
  });

  it('gives the same score from a folded baseline as from the raw observations', () => {
    const obs = [
      ...observedTimes('positive_attitude', 5, daysAgo(100)),
      ...observedTimes('no_data_sharing', 7, daysAgo(50)),
      ...observedTimes('excellent_communication', 3, daysAgo(2)),
    ];
    const folded = foldObservations(cat, obs, daysAgo(40));
    expect(folded.observations).toHaveLength(3);
    const raw = health(cat, client, { observations: obs }, NOW);
    const fromBaseline = health(cat, client, folded, NOW);
    expect(fromBaseline.score).toBe(raw.score);
    expect(fromBaseline.good).toBeCloseTo(raw.good, 10);
    expect(fromBaseline.bad).toBeCloseTo(raw.bad, 10);
    expect(() => health(cat, client, folded, daysAgo(41))).toThrow(/baseline/);
  });
});
