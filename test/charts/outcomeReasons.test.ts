/**
 * The picture of the reasons decisions were taken for (issue 30), checked on its data, not its pixels: one bar per
 * reason, split by decision, most given first, in the reader's words and direction; alt text saying the same; no
 * picture when no reason was given. The PNG decodes.
 */
import { describe, expect, it } from 'vitest';
import { outcomeReasonsAlt, outcomeReasonsSpec } from '../../src/charts/outcomeReasons.js';
import { renderChart } from '../../src/charts/render.js';
import { outcomeStatistics, type DecisionOutcomeEntry, type OutcomesReport } from '../../src/domain/outcomes.js';
import { readerIn } from '../../src/i18n/reader.js';

const decided = (kind: DecisionOutcomeEntry['kind'], reasons: DecisionOutcomeEntry['reasons']): DecisionOutcomeEntry => ({
  decisionId: 'd',
  clientId: 'c',
  clientName: 'Client',
  category: 'regular',
  kind,
  reasons,
  decidedAt: new Date('2026-11-02T10:00:00Z'),
  outcome: null,
  outcomeAt: null,
});
const report = (entries: DecisionOutcomeEntry[]): OutcomesReport => ({
  window: { from: '2026-09-04', to: '2026-12-03' },
  statistics: outcomeStatistics(entries),
});
const QUARTER = report([
  decided('start_exit', ['slow_payment', 'lying']),
  decided('require_prepayment', ['slow_payment']),
  decided('require_prepayment', ['slow_payment', 'invoice_dispute']),
  decided('keep', ['other']),
]);

describe('the reasons chart', () => {
  it('draws a bar per reason split by decision, most given first, in the reader’s words', () => {
    const spec = outcomeReasonsSpec(QUARTER, readerIn('en')) as any;
    expect(spec.data.values).toEqual([
      { reason: 'Late payment', kind: 'Prepayment required', count: 2 },
      { reason: 'Late payment', kind: 'Exit started', count: 1 },
      { reason: 'Lying', kind: 'Exit started', count: 1 },
      { reason: 'Invoice dispute', kind: 'Prepayment required', count: 1 },
      { reason: 'Other', kind: 'Kept', count: 1 },
    ]);
    expect(spec.encoding.y.sort).toEqual(['Late payment', 'Lying', 'Invoice dispute', 'Other']);
    expect(outcomeReasonsAlt(QUARTER, readerIn('en'))).toBe(
      'Reasons given for decisions from Fri, 4 Sept 2026 to Thu, 3 Dec 2026: Late payment: 3, Lying: 1, Invoice dispute: 1 and Other: 1',
    );
  });

  it('runs right to left in Persian, with Persian digits on its axis', () => {
    const spec = outcomeReasonsSpec(QUARTER, readerIn('fa')) as any;
    expect(spec.encoding.x.scale.reverse).toBe(true);
    expect(spec.encoding.y.axis.orient).toBe('right');
    expect(spec.encoding.x.axis.labelExpr).toContain("'۳'");
  });

  it('is not drawn when no reason was given', () => {
    expect(outcomeReasonsSpec(report([decided('keep', [])]), readerIn('en'))).toBeUndefined();
  });

  it('renders as a PNG', async () => {
    const png = await renderChart(outcomeReasonsSpec(QUARTER, readerIn('fi'))!);
    expect(png.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  });
});
