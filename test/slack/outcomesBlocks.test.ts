/**
 * What came of decisions, as Block Kit (issue 30), pure: `/rapport outcomes` and the monthly digest section in
 * every language within Slack's limits, however many clients left while green; a quiet month says nothing.
 */
import { describe, expect, it } from 'vitest';
import { outcomeStatistics, type DecisionOutcomeEntry, type OutcomesReport } from '../../src/domain/outcomes.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { readerIn } from '../../src/i18n/reader.js';
import { outcomesDigestSection, outcomesReportMessage } from '../../src/slack/blocks/outcomes.js';
import { textOf } from '../support/slackHarness.js';
import { daysAgo } from '../support/builders.js';

const green = { score: 81, band: 'healthy', known: true } as const;
const window = { from: '2026-11-01', to: '2026-11-30' };

function entries(count: number): DecisionOutcomeEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    decisionId: `d${i}`,
    clientId: `c${i}`,
    clientName: `Client ${'*_~'.repeat(i % 2)} ${i} ${'long name '.repeat(8)}`,
    category: (['regular', 'vip', 'problem', 'employee'] as const)[i % 4]!,
    kind: (['keep', 'require_prepayment', 'start_exit'] as const)[i % 3]!,
    reasons: ['slow_payment', 'lying', 'other'],
    decidedAt: daysAgo(40 + (i % 20)),
    outcome: (['better', 'same', 'worse', 'left', null] as const)[i % 5]!,
    outcomeAt: daysAgo(10),
    healthAtLeave: green,
  }));
}
const reportOf = (list: DecisionOutcomeEntry[]): OutcomesReport => ({ window, statistics: outcomeStatistics(list) });

function expectWithinLimits(blocks: any[]) {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const b of blocks) if (b.text?.text) expect(b.text.text.length).toBeLessThanOrEqual(3000);
}

describe('what came of decisions, as blocks', () => {
  it.each(LOCALES)('in %s, the report and the monthly section stay within Slack’s limits with 300 decisions', (locale) => {
    const reader = readerIn(locale);
    const report = reportOf(entries(300));
    const message = outcomesReportMessage(report, reader);
    expectWithinLimits(message.blocks);
    expect(message.text.length).toBeGreaterThan(0);
    const section = outcomesDigestSection(report, reader);
    expectWithinLimits(section);
    expect(section.length).toBeGreaterThan(0);
  });

  it('the monthly section sums up the month’s answers and names who left while green; a quiet month says nothing', () => {
    const reader = readerIn('en');
    const text = textOf({ blocks: outcomesDigestSection(reportOf(entries(5)), reader) });
    expect(text).toContain('*What came of decisions* · Sun, 1 Nov 2026 to Mon, 30 Nov 2026');
    expect(text).toContain('4 decisions answered: 1 better, 1 the same, 1 worse, 1 left us.');
    expect(text).toContain('Left while green');
    expect(outcomesDigestSection(reportOf([]), reader)).toEqual([]);
  });

  it('a client name cannot format the report', () => {
    const text = textOf(outcomesReportMessage(reportOf(entries(2)), readerIn('en')));
    expect(text).not.toContain('Client *_~ 1');
  });
});
