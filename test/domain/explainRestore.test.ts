/** What would restore green (issue 29): the smallest plan found, applied to the history, does restore green. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { health } from '../../src/domain/health.js';
import { planEvents, restoreGreen, type RestorePlan } from '../../src/domain/restoreGreen.js';
import { DAY_MS, type Observation } from '../../src/domain/types.js';
import { aClient, daysAgo, NOW, observed } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const client = aClient();

let calls = 0;
const call = (days: number, ...traits: string[]): Observation[] => {
  const callId = `call-${++calls}`;
  return traits.map((t) => observed(t, daysAgo(days), { callId }));
};

/** Clients below the healthy line, each for its own reason. */
const BELOW: Record<string, Observation[]> = {
  'one bad call yesterday': call(1, 'no_data_sharing'),
  'watch: one good note only (67)': call(2, 'excellent_communication'),
  'bad reporting and communication lately, good before': [
    ...call(70, 'excellent_communication', 'shares_information', 'positive_attitude'),
    ...call(35, 'excellent_communication', 'shares_opinions'),
    ...call(10, 'no_data_sharing', 'terrible_communication'),
    ...call(3, 'no_data_sharing'),
  ],
  'only bad-only dimensions (etiquette, conflict, planning)': [...call(8, 'poor_etiquette', 'unresolved_arguments'), ...call(2, 'no_strategic_planning')],
  'deep in the red for months': Array.from({ length: 12 }, (_, i) => call(i * 9, 'terrible_communication', 'negative_attitude', 'no_data_sharing')).flat(),
};

const applied = (observations: Observation[], plan: RestorePlan) => health(cat, client, { observations: [...observations, ...plan.events] }, plan.by);

describe('what would restore green', () => {
  it.each(Object.entries(BELOW))('%s: the plan’s events, added to the history, make the client healthy by its day', (_name, observations) => {
    expect(health(cat, client, { observations }, NOW).band).not.toBe('healthy');
    const r = restoreGreen(cat, client, { observations }, NOW);
    if (r.kind !== 'plan') throw new Error(`no plan: ${r.kind}`);
    expect(applied(observations, r).band).toBe('healthy');
    expect(applied(observations, r).score).toBe(r.reaches.score);
    // Its events are what it says: `calls` calls a week apart, each noting its good traits, the last on its day.
    expect(r.events).toHaveLength(r.calls * r.traits.length);
    expect(r.events.every((e) => cat.traits.find((t) => t.key === e.trait)?.polarity === 'good')).toBe(true);
    expect(Math.max(...r.events.map((e) => e.observedAt.getTime()))).toBe(r.by.getTime());
    expect(r.by.getTime() - NOW.getTime()).toBe(r.weeks * 7 * DAY_MS);
    // And it is the smallest of its kind: one call fewer, or one trait fewer, by the same day, is not enough.
    if (r.calls > 1) {
      const fewer = planEvents(client, r.traits, r.calls - 1, r.weeks, NOW);
      expect(health(cat, client, { observations: [...observations, ...fewer] }, r.by).band).not.toBe('healthy');
    }
    if (r.traits.length > 1) {
      const fewer = planEvents(client, r.traits.slice(0, -1), r.calls, r.weeks, NOW);
      expect(health(cat, client, { observations: [...observations, ...fewer] }, r.by).band).not.toBe('healthy');
    }
  });

  it('notes the good side of the dimension pulling the score down most first', () => {
    const observations = BELOW['bad reporting and communication lately, good before']!;
    const r = restoreGreen(cat, client, { observations }, NOW);
    expect(r.kind).toBe('plan');
    expect((r as RestorePlan).traits[0]).toBe('shares_information');
  });

  it('one good note short: one more call with good communication', () => {
    const r = restoreGreen(cat, client, { observations: BELOW['watch: one good note only (67)']! }, NOW);
    expect(r).toMatchObject({ kind: 'plan', calls: 1, weeks: 0, traits: ['excellent_communication'] });
  });

  it('a deep hole takes weeks as well as calls: older bad notes have to count less first', () => {
    const observations = BELOW['deep in the red for months']!;
    const r = restoreGreen(cat, client, { observations }, NOW) as RestorePlan;
    expect(r.weeks).toBeGreaterThan(0);
    // Made all today, the same notes are not enough: the weeks without new bad notes are part of the plan.
    const allNow = planEvents(client, r.traits, r.calls, r.calls - 1, NOW);
    expect(health(cat, client, { observations: [...observations, ...allNow] }, daysAgo(-7 * (r.calls - 1))).band).not.toBe('healthy');
  });

  it('says when green is beyond the search, and never plans for a healthy or unknown client', () => {
    const observations = BELOW['deep in the red for months']!;
    expect(restoreGreen(cat, client, { observations }, NOW, { calls: 1, traitsPerCall: 1, extraWeeks: 1 })).toEqual({
      kind: 'out_of_reach',
      calls: 1,
      weeks: 1,
    });
    expect(restoreGreen(cat, client, { observations: call(1, 'excellent_communication', 'positive_attitude') }, NOW)).toEqual({ kind: 'healthy' });
    expect(restoreGreen(cat, client, { observations: [] }, NOW)).toEqual({ kind: 'unknown' });
  });

  it('weighs a client’s own trait weights as its score does', () => {
    const heavy = aClient({ traitWeights: { excellent_communication: 4 } });
    const observations = call(1, 'no_data_sharing', 'terrible_communication');
    const r = restoreGreen(cat, heavy, { observations }, NOW) as RestorePlan;
    const plain = restoreGreen(cat, client, { observations }, NOW) as RestorePlan;
    expect(health(cat, heavy, { observations: [...observations, ...r.events] }, r.by).band).toBe('healthy');
    // Good communication weighs four times as much for this client: fewer notes bring it back.
    expect(r.traits).toContain('excellent_communication');
    expect(r.events.length).toBeLessThan(plain.events.length);
  });
});
