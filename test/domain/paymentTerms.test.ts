/**
 * The terms ladder (issue 30) on crafted payment histories: late payments weigh by amount × days late, not by
 * count; a step back up after M payments on time in a row; never a second proposal while one waits; payments a
 * proposal already made its case with are not counted again. The day is Monday 2026-11-23.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue } from '../../src/domain/catalogue.js';
import { effectiveTerms, proposeTerms, termsChangeFor, type PaymentEvent, type PaymentTerms, type TermsHistory } from '../../src/domain/paymentTerms.js';

const NOW = new Date('2026-11-23T10:00:00Z');
const settings = DEFAULT_CATALOGUE.thresholds.paymentTerms;
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
let n = 0;
const late = (daysAgo: number, amount: number | null, daysLate: number): PaymentEvent => ({
  id: `late-${++n}`,
  kind: 'late',
  at: ago(daysAgo),
  loggedAt: ago(daysAgo),
  amount,
  daysLate,
});
const onTime = (daysAgo: number, amount: number | null = 1200): PaymentEvent => ({
  id: `paid-${++n}`,
  kind: 'on_time',
  at: ago(daysAgo),
  loggedAt: ago(daysAgo),
  amount,
  daysLate: 0,
});
const disputed = (daysAgo: number, amount: number): PaymentEvent => ({
  id: `dispute-${++n}`,
  kind: 'disputed',
  at: ago(daysAgo),
  loggedAt: ago(daysAgo),
  amount,
  daysLate: 0,
});
const history = (events: PaymentEvent[], over: Partial<TermsHistory> = {}): TermsHistory => ({
  current: 'standard',
  events,
  monthlyValue: null,
  answered: new Set(),
  pending: false,
  ...over,
});
const propose = (events: PaymentEvent[], over: Partial<TermsHistory> = {}, s = settings) => proposeTerms(s, history(events, over), NOW);

describe('the terms ladder: a step down weighs amount and days late, not the count', () => {
  it('two 100 invoices a day late propose nothing; two 20,000 invoices a year late propose shorter terms', () => {
    expect(propose([late(40, 100, 1), late(10, 100, 1)])).toBeUndefined();
    const big = [late(170, 20_000, 365), late(100, 20_000, 365)];
    // A year late, the first one was due 535 days ago: the window counts when it was paid, within 180 days.
    const proposal = propose(big);
    expect(proposal).toMatchObject({ direction: 'down', from: 'standard', to: 'shorter' });
    expect(proposal!.evidence.map((e) => e.id)).toEqual(big.map((e) => e.id));
    expect(proposal!.weight).toBeGreaterThan(100);
  });

  it('many small, barely late payments never add up to a step down; three typical ones (a typical invoice 30 days late) do', () => {
    expect(propose(Array.from({ length: 12 }, (_, i) => late(5 + i * 10, 100, 2)))).toBeUndefined();
    expect(propose([late(60, 1000, 30), late(30, 1000, 30)])).toBeUndefined();
    expect(propose([late(90, 1000, 30), late(60, 1000, 30), late(30, 1000, 30)])).toMatchObject({ to: 'shorter', because: 'weight' });
  });

  it('the amount paid late or disputed alone steps down when it reaches the limit (5 typical invoices by default)', () => {
    expect(propose([late(20, 2500, 1), disputed(10, 2500)])).toMatchObject({ to: 'shorter', because: 'amount' });
    expect(propose([late(20, 2000, 1), disputed(10, 2000)])).toBeUndefined();
  });

  it('a client’s monthly value is its typical invoice: the same late payments weigh less for a bigger client', () => {
    const events = [late(90, 5000, 30), late(60, 5000, 30), late(30, 5000, 30)];
    expect(propose(events)).toMatchObject({ to: 'shorter' });
    expect(propose(events, { monthlyValue: 50_000 })).toBeUndefined();
  });

  it('a payment whose amount nobody gave weighs as a typical invoice', () => {
    expect(propose([late(90, null, 30), late(60, null, 30), late(30, null, 30)])).toMatchObject({ to: 'shorter' });
  });

  it('payments outside the window, or in the future of the moment, are not counted', () => {
    expect(propose([late(400, 20_000, 365)])).toBeUndefined();
    expect(proposeTerms(settings, history([late(1, 20_000, 365)]), ago(2))).toBeUndefined();
  });

  it('shorter terms step down to full prepayment, and full prepayment has no step below', () => {
    const events = [late(90, 1000, 60), late(30, 1000, 60)];
    expect(propose(events, { current: 'shorter' })).toMatchObject({ from: 'shorter', to: 'prepayment' });
    expect(propose(events, { current: 'prepayment' })).toBeUndefined();
  });

  it('the workspace’s settings move the limits', () => {
    const strict = resolveCatalogue({ thresholds: { paymentTerms: { stepDownWeight: 1 } } }).thresholds.paymentTerms;
    expect(propose([late(30, 1000, 30)], {}, strict)).toMatchObject({ to: 'shorter' });
    expect(propose([late(30, 1000, 30)])).toBeUndefined();
  });
});

describe('the terms ladder: back up after M payments on time in a row', () => {
  it('4 payments on time (the default) after the last late one propose a step back up; 3 do not', () => {
    const before = [late(120, 1000, 40)];
    expect(propose([...before, onTime(90), onTime(60), onTime(30)], { current: 'shorter' })).toBeUndefined();
    const four = [onTime(100), onTime(90), onTime(60), onTime(30)];
    expect(propose([...before, ...four], { current: 'shorter' })).toMatchObject({ direction: 'up', from: 'shorter', to: 'standard', because: 'on_time' });
    expect(propose([...before, ...four], { current: 'prepayment' })).toMatchObject({ to: 'shorter' });
  });

  it('a late payment in between starts the count again', () => {
    const events = [onTime(100), onTime(90), late(80, 100, 2), onTime(60), onTime(30), onTime(20)];
    expect(propose(events, { current: 'shorter' })).toBeUndefined();
    expect(propose([...events, onTime(10)], { current: 'shorter' })).toMatchObject({ direction: 'up' });
  });

  it('payments on time never step down, and standard terms have no step up', () => {
    expect(propose([onTime(40), onTime(30), onTime(20), onTime(10), onTime(5)])).toBeUndefined();
  });
});

describe('one proposal at a time, and no case made twice', () => {
  it('nothing is proposed while a terms proposal waits for its answer', () => {
    expect(propose([late(170, 20_000, 365)], { pending: true })).toBeUndefined();
  });

  it('payments a proposal already made its case with (approved or declined) are not counted again: new ones must make it', () => {
    const first = [late(90, 1000, 30), late(60, 1000, 30), late(30, 1000, 30)];
    const answered = new Set(first.map((e) => e.id));
    const next = late(5, 1000, 30);
    expect(propose([...first, next], { current: 'shorter', answered })).toBeUndefined();
    expect(propose([...first, next, late(3, 1000, 30), late(1, 1000, 30)], { current: 'shorter', answered })).toMatchObject({
      to: 'prepayment',
      evidence: [expect.objectContaining({ id: next.id }), expect.anything(), expect.anything()],
    });
  });
});

describe('full prepayment is one place on the ladder (domain.md §1, §5)', () => {
  const client = (over: { paymentTerms?: PaymentTerms | null; status?: 'active' | 'prepay_only' | 'exited'; category?: 'regular' | 'problem' }) => ({
    paymentTerms: null,
    status: 'active' as const,
    category: 'regular' as const,
    ...over,
  });

  it('the prepay only status and the problem category put a client on full prepayment, whatever its terms column says', () => {
    expect(effectiveTerms(client({}))).toBe('standard');
    expect(effectiveTerms(client({ paymentTerms: 'shorter' }))).toBe('shorter');
    expect(effectiveTerms(client({ status: 'prepay_only' }))).toBe('prepayment');
    expect(effectiveTerms(client({ category: 'problem', paymentTerms: 'shorter' }))).toBe('prepayment');
  });

  it('accepting full prepayment sets prepay only; stepping up from it lifts that status and the problem category', () => {
    expect(termsChangeFor(client({}), 'prepayment')).toEqual({ paymentTerms: 'prepayment', status: 'prepay_only' });
    expect(termsChangeFor(client({ status: 'exited' }), 'prepayment')).toEqual({ paymentTerms: 'prepayment' });
    expect(termsChangeFor(client({ status: 'prepay_only', category: 'problem' }), 'shorter')).toEqual({
      paymentTerms: 'shorter',
      status: 'active',
      category: 'regular',
    });
    expect(termsChangeFor(client({}), 'shorter')).toEqual({ paymentTerms: 'shorter' });
  });
});
