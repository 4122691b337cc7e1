/**
 * Decision outcomes, pure (issue 30): reasons that can be counted, the review day, the report's window, how often
 * each kind of decision worked per kind and per category, and clients that left while green.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { health } from '../../src/domain/health.js';
import {
  carriesMonthlyOutcomes,
  decisionReasonsSchema,
  defaultReviewOn,
  leftWhileGreen,
  outcomeStatistics,
  outcomeWindowOf,
  previousMonth,
  reasonsProblem,
  reviewDueNow,
  shareOf,
  sinceDecision,
  type DecisionOutcomeEntry,
} from '../../src/domain/outcomes.js';
import { aClient, daysAgo, incident, NOW, observedTimes } from '../support/builders.js';

const green = { score: 82, band: 'healthy', known: true } as const;
const amber = { score: 55, band: 'watch', known: true } as const;
const unknown = { score: 50, band: 'watch', known: false } as const;

let seq = 0;
function decided(overrides: Partial<DecisionOutcomeEntry>): DecisionOutcomeEntry {
  seq += 1;
  return {
    decisionId: `d${seq}`,
    clientId: `c${seq}`,
    clientName: `Client ${seq}`,
    category: 'regular',
    kind: 'keep',
    reasons: [],
    decidedAt: daysAgo(60),
    outcome: null,
    outcomeAt: null,
    ...overrides,
  };
}

describe('the reasons of a decision', () => {
  it('are the ten firing criteria and other, each once, in the catalogue’s order', () => {
    expect(decisionReasonsSchema.parse(['other', 'slow_payment', 'lying', 'slow_payment'])).toEqual(['lying', 'slow_payment', 'other']);
    expect(decisionReasonsSchema.safeParse(['rudeness']).success).toBe(false);
  });

  it('prepayment and exit need one; other needs words; keep keeps its own rule (words) and may pick none', () => {
    expect(reasonsProblem('start_exit', [], '')).toBe('pickOne');
    expect(reasonsProblem('require_prepayment', [], 'they pay late')).toBe('pickOne');
    expect(reasonsProblem('start_exit', ['other'], '  ')).toBe('otherNeedsWords');
    expect(reasonsProblem('start_exit', ['other'], 'moved abroad')).toBeUndefined();
    expect(reasonsProblem('require_prepayment', ['slow_payment', 'invoice_dispute'], '')).toBeUndefined();
    expect(reasonsProblem('keep', [], 'Long-term partner')).toBeUndefined();
    expect(reasonsProblem('keep', ['other'], '')).toBe('otherNeedsWords');
    // A form opened before reasons were asked for cannot give any.
    expect(reasonsProblem('start_exit', [], '', false)).toBeUndefined();
  });
});

describe('the review day', () => {
  it('is a month after the decision by default', () => {
    expect(defaultReviewOn('2026-11-23')).toBe('2026-12-23');
  });

  it('comes from 09:00 in the recipient’s zone on the day, and stays due after it', () => {
    expect(reviewDueNow('2026-12-23', new Date('2026-12-23T08:59:00Z'), 'UTC')).toBe(false);
    expect(reviewDueNow('2026-12-23', new Date('2026-12-23T09:00:00Z'), 'UTC')).toBe(true);
    // 07:30 UTC is 09:30 in Helsinki, 02:30 in New York (still the 23rd there, before nine).
    expect(reviewDueNow('2026-12-23', new Date('2026-12-23T07:30:00Z'), 'Europe/Helsinki')).toBe(true);
    expect(reviewDueNow('2026-12-23', new Date('2026-12-23T07:30:00Z'), 'America/New_York')).toBe(false);
    expect(reviewDueNow('2026-12-23', new Date('2026-12-29T03:00:00Z'), 'UTC')).toBe(true);
    expect(reviewDueNow('2026-12-23', new Date('2026-12-22T23:00:00Z'), 'UTC')).toBe(false);
  });
});

describe('the window of a report', () => {
  const today = '2026-12-03';

  it('is the last quarter by default, or days, weeks, months, years back, or a calendar quarter', () => {
    expect(outcomeWindowOf('', today)).toEqual({ from: '2026-09-04', to: today });
    expect(outcomeWindowOf('30d', today)).toEqual({ from: '2026-11-04', to: today });
    expect(outcomeWindowOf('2w', today)).toEqual({ from: '2026-11-20', to: today });
    expect(outcomeWindowOf('6m', today)).toEqual({ from: '2026-06-04', to: today });
    expect(outcomeWindowOf('1Y', today)).toEqual({ from: '2025-12-04', to: today });
    expect(outcomeWindowOf('2026-q3', today)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(outcomeWindowOf('Q1', today)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(outcomeWindowOf('2025-Q4', today)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('refuses what it cannot read', () => {
    expect(outcomeWindowOf('yesterday', today)).toBeUndefined();
    expect(outcomeWindowOf('0d', today)).toBeUndefined();
    expect(outcomeWindowOf('q5', today)).toBeUndefined();
  });

  it('the monthly section rides on the first weekly digest of each month', () => {
    expect(carriesMonthlyOutcomes('2026-12-07')).toBe(true);
    expect(carriesMonthlyOutcomes('2026-12-01')).toBe(true);
    expect(carriesMonthlyOutcomes('2026-12-08')).toBe(false);
    expect(carriesMonthlyOutcomes('2026-11-30')).toBe(false);
  });

  it('for the monthly section, is the calendar month before', () => {
    expect(previousMonth('2026-12-03')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(previousMonth('2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2028-03-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});

describe('outcome statistics', () => {
  const entries = [
    decided({ kind: 'keep', category: 'vip', outcome: 'better', outcomeAt: daysAgo(30), reasons: ['changes_mind'] }),
    decided({ kind: 'keep', category: 'vip', outcome: 'better', outcomeAt: daysAgo(30) }),
    decided({ kind: 'keep', category: 'regular', outcome: 'worse', outcomeAt: daysAgo(30) }),
    decided({ kind: 'keep', category: 'regular', outcome: null }),
    decided({ kind: 'require_prepayment', category: 'problem', outcome: 'same', outcomeAt: daysAgo(30), reasons: ['slow_payment', 'invoice_dispute'] }),
    decided({ kind: 'require_prepayment', category: 'regular', outcome: 'left', outcomeAt: daysAgo(20), reasons: ['slow_payment'], healthAtLeave: green }),
    decided({ kind: 'start_exit', category: 'regular', outcome: 'left', outcomeAt: daysAgo(30), reasons: ['lying', 'other'], healthAtLeave: amber }),
    decided({ kind: 'start_exit', category: 'problem', outcome: null, reasons: ['slow_payment'], healthAtLeave: green, decidedAt: daysAgo(10) }),
  ];
  const stats = outcomeStatistics(entries);

  it('counts each outcome per decision kind, unanswered ones apart, and shares of the answered', () => {
    expect(stats.byKind.keep).toEqual({ decisions: 4, better: 2, same: 0, worse: 1, left: 0, unanswered: 1 });
    expect(stats.byKind.require_prepayment).toEqual({ decisions: 2, better: 0, same: 1, worse: 0, left: 1, unanswered: 0 });
    expect(stats.byKind.start_exit).toEqual({ decisions: 2, better: 0, same: 0, worse: 0, left: 1, unanswered: 1 });
    expect(shareOf(stats.byKind.keep, 'better')).toBeCloseTo(2 / 3);
    expect(shareOf(stats.byKind.keep, 'worse')).toBeCloseTo(1 / 3);
    expect(shareOf(stats.byKind.start_exit, 'left')).toBe(1);
    expect(stats.total.decisions).toBe(8);
    expect(shareOf(outcomeStatistics([]).total, 'better')).toBe(0);
  });

  it('counts per client category, every category present', () => {
    expect(stats.byCategory.vip).toEqual({ decisions: 2, better: 2, same: 0, worse: 0, left: 0, unanswered: 0 });
    expect(stats.byCategory.problem).toEqual({ decisions: 2, better: 0, same: 1, worse: 0, left: 0, unanswered: 1 });
    expect(stats.byCategory.regular.decisions).toBe(4);
    expect(stats.byCategory.employee.decisions).toBe(0);
  });

  it('counts the reasons given, most given first, by kind', () => {
    expect(stats.reasons.map((r) => [r.reason, r.total])).toEqual([
      ['slow_payment', 3],
      ['lying', 1],
      ['invoice_dispute', 1],
      ['changes_mind', 1],
      ['other', 1],
    ]);
    expect(stats.reasons[0]!.byKind).toEqual({ keep: 0, require_prepayment: 2, start_exit: 1 });
  });

  it('lists the clients that left while green, latest first: an exit started while healthy, a client who left us while healthy', () => {
    expect(stats.leftWhileGreen.map((e) => e.clientName)).toEqual([entries[7]!.clientName, entries[5]!.clientName]);
  });

  it('does not count as green a client that left in the watch band, one never observed, or one that stayed', () => {
    expect(leftWhileGreen(decided({ kind: 'start_exit', healthAtLeave: amber }))).toBe(false);
    expect(leftWhileGreen(decided({ kind: 'start_exit', healthAtLeave: unknown }))).toBe(false);
    expect(leftWhileGreen(decided({ kind: 'keep', outcome: 'better', outcomeAt: daysAgo(1), healthAtLeave: green }))).toBe(false);
    expect(leftWhileGreen(decided({ kind: 'keep', outcome: 'left', outcomeAt: daysAgo(1), healthAtLeave: green }))).toBe(true);
  });
});

describe('what a review shows', () => {
  it('the health when decided and now, and the incidents since (happened or logged since), latest first', () => {
    const client = aClient();
    const decidedAt = daysAgo(30);
    const observations = [...observedTimes('excellent_communication', 4, daysAgo(40)), ...observedTimes('negative_attitude', 6, daysAgo(5))];
    const before = incident('lying', daysAgo(45));
    const loggedLate = incident('slow_payment', daysAgo(35), {}, { loggedAt: daysAgo(3) });
    const after = incident('invoice_dispute', daysAgo(10));
    const shown = sinceDecision(DEFAULT_CATALOGUE, client, { observations, incidents: [before, loggedLate, after] }, decidedAt, NOW);
    expect(shown.healthThen).toEqual(health(DEFAULT_CATALOGUE, client, { observations }, decidedAt));
    expect(shown.healthThen.band).toBe('healthy');
    expect(shown.healthNow.score).toBeLessThan(shown.healthThen.score);
    expect(shown.incidentsSince.map((i) => i.kind)).toEqual(['invoice_dispute', 'slow_payment']);
  });
});
