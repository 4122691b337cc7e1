/**
 * The reasons decisions were taken for over a window, as a picture (issue 30): one bar per reason given, split by
 * the decision it was given for (exit, prepayment, keep), most given first; and the alt text that says the same in
 * words. Pure: a report in, a vega-lite spec out (src/charts/render.ts draws it).
 */
import type { TopLevelSpec } from 'vega-lite';
import { bare, chartFrame } from './style.js';
import { REVIEWED_DECISIONS, type DecisionReason, type OutcomesReport, type ReviewedDecision } from '../domain/outcomes.js';
import { formatCalendarDay, formatList, formatNumber } from '../i18n/format.js';
import { isRightToLeft } from '../i18n/locales.js';
import { tPlain } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';

/** The renderer lays bidirectional text out itself and has no glyph for direction marks: they are left out. */

const KIND_COLOURS: Record<ReviewedDecision, string> = { start_exit: '#c62828', require_prepayment: '#f9a825', keep: '#2e7d32' };

const reasonName = (reader: Reader, reason: DecisionReason) => bare(tPlain(reader, reason === 'other' ? 'outcomes.reason.other' : `label.incident.${reason}`));

const windowWords = (report: OutcomesReport, reader: Reader) => ({
  from: formatCalendarDay(report.window.from, reader),
  to: formatCalendarDay(report.window.to, reader),
});

/** The picture's title (its file's too). */
export const outcomeReasonsTitle = (report: OutcomesReport, reader: Reader): string => tPlain(reader, 'outcomes.chart.title', windowWords(report, reader));

/** The picture of the report's reasons; undefined when no reason was given in its window. */
export function outcomeReasonsSpec(report: OutcomesReport, reader: Reader): TopLevelSpec | undefined {
  const { reasons } = report.statistics;
  if (reasons.length === 0) return undefined;
  const rtl = isRightToLeft(reader.locale);
  const kindName = (kind: ReviewedDecision) => bare(tPlain(reader, `outcomes.kind.${kind}`));
  const order = reasons.map((r) => reasonName(reader, r.reason));
  const bars = reasons.flatMap((r) =>
    REVIEWED_DECISIONS.filter((k) => r.byKind[k] > 0).map((k) => ({ reason: reasonName(reader, r.reason), kind: kindName(k), count: r.byKind[k] })),
  );
  // Vega writes axis numbers in Latin digits: each whole count's label is the reader's own.
  const most = Math.max(...reasons.map((r) => r.total));
  const countLabel = Array.from({ length: most + 1 }, (_, n) => n).reduceRight(
    (rest, n) => `datum.value == ${n} ? '${formatNumber(n, reader)}' : ${rest}`,
    "''",
  );
  return {
    ...chartFrame({ title: outcomeReasonsTitle(report, reader), rtl, width: 640, height: 40 + 28 * reasons.length }),
    config: { font: 'Vazirmatn', view: { stroke: null }, legend: { orient: 'top', title: null, direction: 'horizontal', labelLimit: 320 } },
    data: { values: bars },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'reason', type: 'nominal', sort: order, axis: { title: null, orient: rtl ? 'right' : 'left', labelLimit: 260 } },
      x: {
        field: 'count',
        type: 'quantitative',
        aggregate: 'sum',
        scale: { reverse: rtl },
        axis: { title: bare(tPlain(reader, 'outcomes.chart.axisCount')), tickMinStep: 1, labelExpr: countLabel },
      },
      color: {
        field: 'kind',
        type: 'nominal',
        scale: { domain: REVIEWED_DECISIONS.map(kindName), range: REVIEWED_DECISIONS.map((k) => KIND_COLOURS[k]) },
      },
    },
  };
}

/** What the picture shows, in words (its alt text). `write`: plain text for the picture, mrkdwn for a message. */
export function outcomeReasonsAlt(report: OutcomesReport, reader: Reader, write: typeof tPlain = tPlain): string {
  const counted = report.statistics.reasons.map((r) => write(reader, 'outcomes.chart.altReason', { reason: reasonName(reader, r.reason), count: r.total }));
  return write(reader, 'outcomes.chart.alt', { ...windowWords(report, reader), reasons: formatList(counted, reader) });
}
