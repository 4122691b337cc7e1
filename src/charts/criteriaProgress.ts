/**
 * How close a client is to the firing criteria it does not meet yet (domain.md §4): for each criterion with some
 * incidents counted but fewer than its threshold ("1 of 2 unreasonable demands in 90 days"), the count against
 * the threshold and the window, as a picture and in words. The counting and the thresholds are the domain's
 * (domain/firingCriteria.ts, the workspace's catalogue): nothing is counted here. Pure: data in, a spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CRITERIA, type Catalogue, type IncidentKind } from '../domain/catalogue.js';
import { criteriaJudged, criteriaTallies } from '../domain/firingCriteria.js';
import type { Incident, Warning } from '../domain/types.js';
import { formatList } from '../i18n/format.js';
import { criterionLabel } from '../i18n/labels.js';
import { isRightToLeft } from '../i18n/locales.js';
import { md, tPlain } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';
import { bare, chartFrame, tickLabels } from './style.js';

export interface CriterionProgress {
  kind: IncidentKind;
  /** Incidents that count toward it now (domain/firingCriteria.ts). */
  count: number;
  /** How many meet it (the workspace's threshold). */
  threshold: number;
  /** The window it counts in; null: ever. */
  windowDays: number | null;
}

/**
 * The criteria a client is on its way to meeting at `now`: some incidents count, fewer than the threshold, and
 * the criterion is not met another way (a payment 60+ days late meets criterion 5 at once). Domain order.
 */
export function criteriaProgress(
  catalogue: Catalogue,
  record: { incidents: readonly Incident[]; warnings: readonly Warning[] },
  now: Date,
): CriterionProgress[] {
  const tallies = criteriaTallies(catalogue, record.incidents, record.warnings, now);
  const met = new Set(criteriaJudged(catalogue, tallies).map((j) => j.criterion.kind));
  return CRITERIA.flatMap(({ kind }) => {
    const rule = catalogue.thresholds.criteria[kind];
    const count = tallies[kind]?.count ?? 0;
    return count > 0 && count < rule.count && !met.has(kind) ? [{ kind, count, threshold: rule.count, windowDays: rule.windowDays }] : [];
  });
}

/** "1 of 2 in 90 days", in the reader's words and digits. */
export function progressWords(p: CriterionProgress, reader: Reader): string {
  return p.windowDays === null
    ? tPlain(reader, 'clientCharts.criteria.progressEver', { count: p.count, threshold: p.threshold })
    : tPlain(reader, 'clientCharts.criteria.progress', { count: p.count, threshold: p.threshold, days: p.windowDays });
}

/**
 * What the picture shows, in words: each criterion with its count against its threshold. Plain text (an image's
 * alt text) unless `write` is `t`: mrkdwn, the name escaped (a message's text).
 */
export function criteriaProgressAlt(name: string, progress: readonly CriterionProgress[], reader: Reader, write: typeof tPlain = tPlain): string {
  const items = progress.map((p) =>
    tPlain(reader, 'clientCharts.criteria.item', { criterion: criterionLabel(reader, p.kind), progress: progressWords(p, reader) }),
  );
  return write(reader, 'clientCharts.criteria.alt', { name, count: progress.length, items: md(formatList(items, reader)) });
}

/** One bar per criterion: its threshold as a pale track, the count so far over it, and "1 of 2 in 90 days" beside. */
export const CRITERIA_CHART_WIDTH = 640;
const ROW_HEIGHT = 40;
/** The title and the count axis, around the bars (the spec's size is the whole picture's). */
const FRAME_HEIGHT = 90;
const COLOURS = { track: '#eceff1', count: '#ef6c00', text: '#37474f' } as const;

/**
 * The vega-lite spec. Words and digits are the reader's; for a right-to-left language the bars grow from the
 * right and the criteria stand on the right.
 */
export function criteriaProgressSpec(name: string, progress: readonly CriterionProgress[], reader: Reader): TopLevelSpec {
  const rtl = isRightToLeft(reader.locale);
  const rows = progress.map((p) => ({
    criterion: bare(criterionLabel(reader, p.kind)),
    count: p.count,
    threshold: p.threshold,
    words: bare(progressWords(p, reader)),
  }));
  const most = Math.max(1, ...progress.map((p) => p.threshold));
  const ticks = Array.from({ length: most + 1 }, (_, i) => i);
  const y = {
    field: 'criterion',
    type: 'nominal' as const,
    sort: rows.map((r) => r.criterion),
    axis: { title: null, orient: rtl ? ('right' as const) : ('left' as const), labelLimit: 260, labelFontSize: 12 },
  };
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, most], nice: false, reverse: rtl },
    axis: { title: bare(tPlain(reader, 'clientCharts.criteria.axisCount')), values: ticks, format: 'd', labelExpr: tickLabels(ticks, reader) },
  };
  return {
    ...chartFrame({
      title: tPlain(reader, 'clientCharts.criteria.title', { name, count: rows.length }),
      rtl,
      width: CRITERIA_CHART_WIDTH,
      height: FRAME_HEIGHT + Math.max(1, rows.length) * ROW_HEIGHT,
    }),
    data: { name: 'criteria', values: rows },
    encoding: { y },
    layer: [
      { mark: { type: 'bar', color: COLOURS.track, cornerRadius: 3, height: 18 }, encoding: { x: { field: 'threshold', ...x } } },
      { mark: { type: 'bar', color: COLOURS.count, cornerRadius: 3, height: 18 }, encoding: { x: { field: 'count', ...x } } },
      {
        mark: { type: 'text', align: rtl ? 'right' : 'left', dx: rtl ? -6 : 6, fontSize: 12, fontWeight: 'bold', color: COLOURS.text },
        encoding: { x: { field: 'count', ...x }, text: { field: 'words' } },
      },
    ],
  } as TopLevelSpec;
}
