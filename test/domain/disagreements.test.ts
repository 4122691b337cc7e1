/** Observers who disagree (domain/disagreements.ts), on crafted histories. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue } from '../../src/domain/catalogue.js';
import { concernedBy, disagreementsAmong, disagreementsMadeBy, disputedAt } from '../../src/domain/disagreements.js';
import { daysAgo, NOW, observed } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const by = (loggedBy: string, trait: string, days: number, callId = `${loggedBy}-${days}`) => observed(trait, daysAgo(days), { loggedBy, callId });

describe('observers who disagree', () => {
  it('two people logging opposite traits of one dimension within 14 days disagree', () => {
    const ana = by('U0ANA', 'excellent_communication', 10);
    const bob = by('U0BOB', 'terrible_communication', 3);
    expect(disagreementsAmong(cat, [ana, bob])).toEqual([{ dimension: 'communication', good: ana, bad: bob }]);
  });

  it('one person contradicting themself is a change of view, not a disagreement', () => {
    expect(disagreementsAmong(cat, [by('U0ANA', 'excellent_communication', 10), by('U0ANA', 'terrible_communication', 3)])).toEqual([]);
  });

  it('outside the window (more than 14 days apart) there is none; exactly 14 days apart still counts', () => {
    expect(disagreementsAmong(cat, [by('U0ANA', 'positive_attitude', 20), by('U0BOB', 'negative_attitude', 5)])).toEqual([]);
    expect(disagreementsAmong(cat, [by('U0ANA', 'positive_attitude', 19), by('U0BOB', 'negative_attitude', 5)])).toHaveLength(1);
    const wider = resolveCatalogue({ thresholds: { disagreementDays: 30 } });
    expect(disagreementsAmong(wider, [by('U0ANA', 'positive_attitude', 20), by('U0BOB', 'negative_attitude', 5)])).toHaveLength(1);
  });

  it('different dimensions, the same polarity, or a trait with no opposite are no disagreement', () => {
    const none = [
      by('U0ANA', 'excellent_communication', 3),
      by('U0BOB', 'negative_attitude', 3),
      by('U0CEM', 'excellent_communication', 2),
      by('U0DAN', 'poor_etiquette', 2),
      by('U0EVE', 'unknown_trait', 2),
    ];
    expect(disagreementsAmong(cat, none)).toEqual([]);
  });

  it('a call names only the pairs it makes with what others logged before it, each pair once', () => {
    const ana = by('U0ANA', 'shares_information', 6);
    const bob = by('U0BOB', 'no_data_sharing', 2, 'call-bob');
    const cem = by('U0CEM', 'shares_information', 1, 'call-cem');
    // Bob's call makes the pair with Ana's; Cem's makes a pair with Bob's only (Cem and Ana agree).
    expect(disagreementsMadeBy(cat, [ana, bob], 'call-bob')).toEqual([{ dimension: 'information', good: ana, bad: bob }]);
    expect(disagreementsMadeBy(cat, [ana, bob, cem], 'call-cem')).toEqual([{ dimension: 'information', good: cem, bad: bob }]);
    expect(disagreementsMadeBy(cat, [ana, bob, cem], 'call-none')).toEqual([]);
  });

  it('what /client show names: each disputed dimension’s latest pair, while it is recent', () => {
    const history = [
      by('U0ANA', 'excellent_communication', 40),
      by('U0BOB', 'terrible_communication', 35),
      by('U0ANA', 'positive_attitude', 8),
      by('U0BOB', 'negative_attitude', 5),
      by('U0CEM', 'positive_attitude', 2),
    ];
    const disputed = disputedAt(cat, history, NOW, 30);
    expect(disputed.map((d) => [d.dimension, d.good.loggedBy, d.bad.loggedBy])).toEqual([['attitude', 'U0CEM', 'U0BOB']]);
    expect(disputedAt(cat, history, daysAgo(30), 30).map((d) => d.dimension)).toEqual(['communication']);
  });

  it('tells both observers and the owner, each once', () => {
    const pairs = disagreementsAmong(cat, [by('U0ANA', 'shares_opinions', 4), by('U0BOB', 'withholds_opinions', 1), by('U0OWNER', 'shares_opinions', 1)]);
    expect(concernedBy(pairs, 'U0OWNER').sort()).toEqual(['U0ANA', 'U0BOB', 'U0OWNER']);
    expect(concernedBy(pairs.slice(0, 1), null).sort()).toEqual(['U0ANA', 'U0BOB']);
  });
});
