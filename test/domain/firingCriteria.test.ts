import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue, type IncidentKind } from '../../src/domain/catalogue.js';
import { firingCriteriaMet, newlyMetCriteria } from '../../src/domain/firingCriteria.js';
import type { Incident } from '../../src/domain/types.js';
import { daysAgo, incident, NOW, warning } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const met = (incidents: Incident[], warnings = [] as ReturnType<typeof warning>[], at = NOW) =>
  firingCriteriaMet(cat, incidents, warnings, at).map((m) => m.criterion.number);
const times = (kind: IncidentKind, ages: number[]) => ages.map((a) => incident(kind, daysAgo(a)));

describe('firing criteria (domain.md §4), at and around each threshold', () => {
  it('1 physical abuse: one incident, however old', () => {
    expect(met(times('physical_abuse', [3000]))).toEqual([1]);
  });

  it('2 mental abuse: only an incident after the client was told', () => {
    const abuse = incident('mental_abuse', daysAgo(10));
    expect(met([abuse])).toEqual([]);
    expect(met([abuse], [warning(daysAgo(5))])).toEqual([]); // told after: does not count
    expect(met([abuse], [warning(daysAgo(10))])).toEqual([]); // told at the same moment: not "after"
    const repeated = incident('mental_abuse', daysAgo(2));
    const [m] = firingCriteriaMet(cat, [abuse, repeated], [warning(daysAgo(5))], NOW);
    expect(m?.criterion.number).toBe(2);
    expect(m?.incidents).toEqual([repeated]);
    expect(m?.summary).toBe('1 mental abuse incident after being told it is unacceptable');
  });

  it('2 mental abuse: a warning given in the future of the verdict does not count yet', () => {
    expect(met([incident('mental_abuse', daysAgo(1))], [warning(daysAgo(2))], daysAgo(3))).toEqual([]);
  });

  it('3 lying: one incident', () => {
    expect(met(times('lying', [400]))).toEqual([3]);
  });

  it('4 unreasonable demands: 2 in 90 days, not 1, not 2 spanning more than 90 days', () => {
    expect(met(times('unreasonable_demands', [1]))).toEqual([]);
    expect(met(times('unreasonable_demands', [1, 89]))).toEqual([4]);
    expect(met(times('unreasonable_demands', [1, 90]))).toEqual([]); // the window is (now − 90 d, now]
  });

  it('5 slow payment: 3 late payments in 180 days, not 2', () => {
    expect(met(times('slow_payment', [10, 100]))).toEqual([]);
    expect(met(times('slow_payment', [10, 100, 179]))).toEqual([5]);
    expect(met(times('slow_payment', [10, 100, 181]))).toEqual([]);
  });

  it('5 slow payment: or a single payment 60+ days late (59 is not)', () => {
    expect(met([incident('slow_payment', daysAgo(5), { daysLate: 59 })])).toEqual([]);
    const [m] = firingCriteriaMet(cat, [incident('slow_payment', daysAgo(5), { daysLate: 60 })], [], NOW);
    expect(m?.summary).toBe('a payment 60+ days late');
  });

  it('6 invoice disputes: 2 in 180 days', () => {
    expect(met(times('invoice_dispute', [1]))).toEqual([]);
    expect(met(times('invoice_dispute', [1, 170]))).toEqual([6]);
  });

  it('7 changes mind: 3 in 90 days, not 2', () => {
    expect(met(times('changes_mind', [1, 2]))).toEqual([]);
    expect(met(times('changes_mind', [1, 2, 80]))).toEqual([7]);
  });

  it('8 ignores advice: 2 in 180 days', () => {
    expect(met(times('ignores_advice', [1]))).toEqual([]);
    expect(met(times('ignores_advice', [1, 150]))).toEqual([8]);
  });

  it('9 competitor play: 1 in 180 days on agreed work only', () => {
    expect(met([incident('competitor_play', daysAgo(3), { onAgreedWork: false })])).toEqual([]);
    expect(met([incident('competitor_play', daysAgo(3), { competitor: 'Globex' })])).toEqual([9]);
    expect(met([incident('competitor_play', daysAgo(181))])).toEqual([]);
  });

  it('10 legal exposure: one incident', () => {
    expect(met(times('legal_exposure', [700]))).toEqual([10]);
  });

  it('lists red flags first, in domain order, with the incidents oldest first', () => {
    const list = firingCriteriaMet(cat, [...times('legal_exposure', [1]), ...times('lying', [5, 2])], [], NOW);
    expect(list.map((m) => m.criterion.number)).toEqual([3, 10]);
    expect(list[0]!.incidents.map((i) => i.occurredAt)).toEqual([daysAgo(5), daysAgo(2)]);
    expect(list[0]!.criterion.class).toBe('red_flag');
    expect(list[1]!.criterion.class).toBe('pattern');
  });

  it('ignores incidents dated after the moment of the verdict', () => {
    expect(met(times('lying', [-1]))).toEqual([]);
  });

  it('follows workspace overrides', () => {
    const strict = resolveCatalogue({ thresholds: { criteria: { slow_payment: { count: 2 } } } });
    expect(firingCriteriaMet(strict, times('slow_payment', [10, 100]), [], NOW)).toHaveLength(1);
  });

  it('newlyMetCriteria names what a new incident triggered', () => {
    const before = firingCriteriaMet(cat, times('lying', [10]), [], NOW);
    const after = firingCriteriaMet(cat, [...times('lying', [10]), ...times('physical_abuse', [0])], [], NOW);
    expect(newlyMetCriteria(before, after).map((m) => m.criterion.number)).toEqual([1]);
  });
});
