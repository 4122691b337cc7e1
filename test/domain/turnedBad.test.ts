import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { health } from '../../src/domain/health.js';
import { steppingStoneDrift } from '../../src/domain/signals.js';
import { dimensionFlips, recentBadAt, turnedBad } from '../../src/domain/turnedBad.js';
import type { Observation } from '../../src/domain/types.js';
import { aClient, daysAgo, incident, NOW, observed, observedTimes } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const kinds = (obs: Observation[], client = aClient()) => turnedBad(cat, client, { observations: obs }, NOW).reasons.map((r) => r.kind);

/** Good history whose score at the start of the week is exactly `healthy` enough to test drops. */
const steadyGood = observedTimes('excellent_communication', 4, daysAgo(8));

describe('turned bad this week (domain.md §3)', () => {
  it('a VIP drop of 10 points is reported, a regular client’s is not; 15 is for everyone', () => {
    // Before: G≈3.6 → 82. A bad observation this week lowers it by 10–16 points depending on weight.
    const base = steadyGood;
    const before = health(cat, aClient(), { observations: base }, daysAgo(7)).score;
    const drop = (w: number) => {
      const obs = [...base, observed('negative_attitude', daysAgo(1))];
      const client = aClient({ traitWeights: { negative_attitude: w } });
      return before - turnedBad(cat, client, { observations: obs }, NOW).now.score;
    };
    // Find weights giving drops of exactly 10, 14 and 15 to test at the thresholds.
    const weightFor = (points: number) => {
      for (let w = 0.01; w < 5; w += 0.001) if (drop(w) === points) return w;
      throw new Error(`no weight drops ${points}`);
    };
    const withDrop = (points: number, category: 'vip' | 'regular') => {
      const w = weightFor(points);
      const client = aClient({ category, traitWeights: { negative_attitude: w } });
      return turnedBad(cat, client, { observations: [...base, observed('negative_attitude', daysAgo(1))] }, NOW);
    };
    expect(withDrop(10, 'vip').reasons).toContainEqual({ kind: 'dropped', points: 10, threshold: 10 });
    expect(withDrop(9, 'vip').reasons).toEqual([]);
    expect(withDrop(14, 'regular').reasons).toEqual([]);
    expect(withDrop(14, 'vip').reasons.map((r) => r.kind)).toEqual(['dropped']);
    expect(withDrop(15, 'regular').reasons).toContainEqual({ kind: 'dropped', points: 15, threshold: 15 });
  });

  it('entering the at-risk band is reported once, in the week it happens', () => {
    const obs = [...observedTimes('excellent_communication', 1, daysAgo(10)), ...observedTimes('negative_attitude', 2, daysAgo(1))];
    const verdict = turnedBad(cat, aClient(), { observations: obs }, NOW);
    expect(verdict.before.band).not.toBe('at_risk');
    expect(verdict.now.band).toBe('at_risk');
    expect(verdict.reasons.map((r) => r.kind)).toContain('entered_at_risk');
    expect(verdict.weekBad).toHaveLength(2);
    // A week later, still at risk, nothing new: not reported again.
    const nextWeek = new Date(NOW.getTime() + 7 * 86_400_000);
    expect(turnedBad(cat, aClient(), { observations: obs }, nextWeek).reasons.map((r) => r.kind)).not.toContain('entered_at_risk');
  });

  it('a dimension flips with 2 bad observations in 14 days after mostly good ones; 1 is not enough', () => {
    const prior = observedTimes('shares_information', 3, daysAgo(20));
    const one = [observed('no_data_sharing', daysAgo(1))];
    expect(dimensionFlips(cat, [...prior, ...one], NOW)).toEqual([]);
    const two = [...one, observed('no_data_sharing', daysAgo(3))];
    const [flip] = dimensionFlips(cat, [...prior, ...two], NOW);
    expect(flip).toMatchObject({ dimension: 'information', priorGood: 3, priorBad: 0 });
    expect(flip!.recentBad).toBe(2);
    expect(recentBadAt(cat, [...prior, ...two], NOW, 'information').map((o) => o.observedAt)).toEqual([daysAgo(3), daysAgo(1)]);
    expect(kinds([...prior, ...two])).toContain('dimension_flipped');
  });

  it('no flip when the 60 days before were not mostly good (a tie, or only bad, or too old)', () => {
    const two = [observed('no_data_sharing', daysAgo(1)), observed('no_data_sharing', daysAgo(2))];
    const tie = [observed('shares_information', daysAgo(20)), observed('no_data_sharing', daysAgo(21))];
    expect(dimensionFlips(cat, [...tie, ...two], NOW)).toEqual([]);
    const tooOld = observedTimes('shares_information', 3, daysAgo(75)); // before now − 14 − 60
    expect(dimensionFlips(cat, [...tooOld, ...two], NOW)).toEqual([]);
  });

  it('a flip already standing at the start of the week is not new', () => {
    const prior = observedTimes('shares_information', 3, daysAgo(30));
    const bad = [observed('no_data_sharing', daysAgo(8)), observed('no_data_sharing', daysAgo(9))];
    expect(kinds([...prior, ...bad])).not.toContain('dimension_flipped');
  });

  it('nothing observed: nothing turned bad', () => {
    expect(kinds([])).toEqual([]);
  });
});

describe('stepping-stone drift (domain.md §4)', () => {
  const longTerm = aClient({ relationship: 'long_term' });
  it('2 late payments in 180 days for a long-term client, not 1, not for stepping-stone clients', () => {
    const late = [incident('slow_payment', daysAgo(10)), incident('slow_payment', daysAgo(170))];
    expect(steppingStoneDrift(cat, longTerm, late.slice(0, 1), NOW)).toBeUndefined();
    expect(steppingStoneDrift(cat, longTerm, late, NOW)?.latePayments).toHaveLength(2);
    expect(steppingStoneDrift(cat, aClient({ relationship: 'stepping_stone' }), late, NOW)).toBeUndefined();
    expect(steppingStoneDrift(cat, longTerm, [late[0]!, incident('slow_payment', daysAgo(181))], NOW)).toBeUndefined();
  });
});
