/**
 * Profit by category over time as a picture (issue 30): one bar a month, stacked by client category, its height
 * the month's value; and the alt text that says the same in words. Pure: a report in, a vega-lite spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CATEGORIES, type Category } from '../domain/catalogue.js';
import type { ValueByCategory } from '../domain/valueByCategory.js';
import { formatList, formatMoney } from '../i18n/format.js';
import { INTL_TAGS, isRightToLeft } from '../i18n/locales.js';
import { tPlain } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';
import { roundTicks } from './portfolio.js';
import { CHART_SIZE, bare, chartFrame, tickLabels } from './style.js';

const COLOURS: Record<Category, string> = { regular: '#1565c0', vip: '#6a1b9a', problem: '#c62828', employee: '#78909c' };

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "Nov 2026", in the reader's language and digits: the months counted are calendar (Gregorian) months, so named as such. */
export function monthLabel(month: string, reader: Pick<Reader, 'locale'>): string {
  let format = monthFormats.get(reader.locale);
  if (!format) {
    format = new Intl.DateTimeFormat(`${INTL_TAGS[reader.locale]}-u-ca-gregory`, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(reader.locale, format);
  }
  const [y, m] = month.split('-').map(Number) as [number, number];
  return format.format(new Date(Date.UTC(y, m - 1, 15)));
}

const windowWords = (report: ValueByCategory, reader: Reader) => ({
  from: monthLabel(report.months[0]!.month, reader),
  to: monthLabel(report.months.at(-1)!.month, reader),
});

/** The picture's title (its file's too). */
export const valueChartTitle = (report: ValueByCategory, reader: Reader): string => tPlain(reader, 'value.chart.title', windowWords(report, reader));

/** The picture; undefined when no month has any value to draw. */
export function valueChartSpec(report: ValueByCategory, reader: Reader): TopLevelSpec | undefined {
  if (!report.months.some((m) => m.total > 0)) return undefined;
  const rtl = isRightToLeft(reader.locale);
  const names = CATEGORIES.map((c) => bare(tPlain(reader, `value.column.${c}`)));
  const labels = report.months.map((m) => bare(monthLabel(m.month, reader)));
  const values = report.months.flatMap((m, i) =>
    CATEGORIES.map((c, order) => ({ month: labels[i]!, category: names[order]!, order, value: m.byCategory[c].value })).filter((v) => v.value > 0),
  );
  const ticks = roundTicks(Math.max(...report.months.map((m) => m.total)));
  return {
    ...chartFrame({ title: valueChartTitle(report, reader), rtl, width: CHART_SIZE.width, height: CHART_SIZE.height }),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: labels, scale: { reverse: rtl }, axis: { title: null, labelAngle: 0, labelOverlap: true } },
      y: {
        field: 'value',
        type: 'quantitative',
        stack: 'zero',
        scale: { domain: [0, ticks.at(-1)!], nice: false },
        axis: {
          title: bare(tPlain(reader, 'value.chart.axis')),
          orient: rtl ? 'right' : 'left',
          values: ticks,
          labelExpr: tickLabels(ticks, reader, (n) => formatMoney(n, reader)),
        },
      },
      color: { field: 'category', type: 'nominal', scale: { domain: names, range: CATEGORIES.map((c) => COLOURS[c]) }, sort: names },
      order: { field: 'order', type: 'quantitative' },
    },
  } as TopLevelSpec;
}

/** What the picture shows, in words (its alt text): the last month's value per category. `write`: plain or mrkdwn. */
export function valueChartAlt(report: ValueByCategory, reader: Reader, write: typeof tPlain = tPlain): string {
  const last = report.months.at(-1)!;
  const parts = CATEGORIES.map((c) =>
    write(reader, 'value.chart.altCategory', { category: tPlain(reader, `value.column.${c}`), amount: formatMoney(last.byCategory[c].value, reader) }),
  );
  return write(reader, 'value.chart.alt', {
    ...windowWords(report, reader),
    month: monthLabel(last.month, reader),
    total: formatMoney(last.total, reader),
    categories: formatList(parts, reader),
  });
}
