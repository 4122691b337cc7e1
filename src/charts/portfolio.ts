/**
 * The portfolio week over week, as the digest's thread shows it at its top: how many clients stood in each health
 * band at the end of each week (stacked), and the monthly value at risk (clients at risk or meeting a firing
 * criterion), with alt text that says the same in words. Each past week is counted by the rules of the digest's
 * own summary (domain/digestSelection.ts): a client counts from the week it was registered, and no longer once
 * exited; its health and criteria are those at the week's end. Monthly values are the clients' values now (their
 * history is not kept). Pure: data in, vega-lite specs out (render.ts draws them).
 */
import { CHART_SIZE, chartFrame } from './style.js';
import type { TopLevelSpec } from 'vega-lite';
import type { Catalogue } from '../domain/catalogue.js';
import { DIGEST_SECTIONS, type DigestEntry, type DigestSelection } from '../domain/digestSelection.js';
import { criteriaJudged, type CriteriaTallies } from '../domain/firingCriteria.js';
import { healthOfTotals, type Band } from '../domain/health.js';
import { daysBefore, type ClientProfile, type WeightedTotals } from '../domain/types.js';
import { formatMoney, formatNumber, formatShortDay } from '../i18n/format.js';
import { isRightToLeft } from '../i18n/locales.js';
import { md, tPlain, type MessageKey } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';
import { HEALTH_WEEKS, weekPoint, type ClientHealthHistory, type HealthMarks } from './clientHealth.js';

/** The bands a week's clients stand in; `unknown`: nothing observed yet (health shown as unknown). */
export const PORTFOLIO_BANDS = ['at_risk', 'watch', 'healthy', 'unknown'] as const;
export type PortfolioBand = Band | 'unknown';

export interface PortfolioWeek {
  /** The end of the week: every client is judged at this moment. */
  at: Date;
  bands: Record<PortfolioBand, number>;
  /** Monthly value of the clients at risk or meeting a firing criterion. */
  atRisk: number;
}

/** A client through the weeks, as the portfolio read gives it (db/queries/portfolio/history.ts). */
export interface ClientThroughWeeks {
  client: Pick<ClientProfile, 'id' | 'name' | 'status' | 'monthlyValue' | 'createdAt' | 'exitedAt'>;
  /** Per week's end, oldest first; undefined where nothing was observed by then. */
  weighted: readonly (WeightedTotals | undefined)[];
  criteria: readonly CriteriaTallies[];
}

/** The ends of the `count` weeks ending `weekEnd`, oldest first, a week apart. */
export function weekEndsTo(weekEnd: Date, count = HEALTH_WEEKS): Date[] {
  return Array.from({ length: count }, (_, i) => daysBefore(weekEnd, 7 * (count - 1 - i)));
}

/** Whether the client was on the books at `at`: registered by then, and not exited by then. */
const onBooksAt = (c: ClientThroughWeeks['client'], at: Date) => c.createdAt <= at && !(c.status === 'exited' && (c.exitedAt === null || c.exitedAt <= at));

/** Each week's bands and money at risk, counted as that week's digest summary counts them. */
export function portfolioWeeks(catalogue: Catalogue, clients: readonly ClientThroughWeeks[], weekEnds: readonly Date[]): PortfolioWeek[] {
  return weekEnds.map((at, i) => {
    const week: PortfolioWeek = { at, bands: { healthy: 0, watch: 0, at_risk: 0, unknown: 0 }, atRisk: 0 };
    for (const { client, weighted, criteria } of clients) {
      if (!onBooksAt(client, at)) continue;
      const h = healthOfTotals(catalogue, weighted[i]);
      week.bands[h.known ? h.band : 'unknown']++;
      if (client.monthlyValue !== null && (h.band === 'at_risk' || criteriaJudged(catalogue, criteria[i] ?? {}).length > 0)) week.atRisk += client.monthlyValue;
    }
    return week;
  });
}

/** A client's health week by week from the same read, with its incidents and decisions of each week marked. */
export function clientHealthFromWeeks(catalogue: Catalogue, c: ClientThroughWeeks, weekEnds: readonly Date[], marks: HealthMarks): ClientHealthHistory {
  const { healthyFrom, atRiskBelow } = catalogue.thresholds.health;
  return {
    name: c.client.name,
    thresholds: { healthyFrom, atRiskBelow },
    weeks: weekEnds.map((at, i) => weekPoint(at, healthOfTotals(catalogue, c.weighted[i]), marks)),
  };
}

const COLOURS: Record<PortfolioBand, string> = { at_risk: '#c62828', watch: '#f9a825', healthy: '#2e7d32', unknown: '#b0bec5' };
const BAND_WORDS: Record<PortfolioBand, MessageKey> = {
  healthy: 'chart.band.healthy',
  watch: 'chart.band.watch',
  at_risk: 'chart.band.at_risk',
  unknown: 'digestCharts.band.unknown',
};

/** Direction marks help mixed text in Slack's mrkdwn; the renderer lays out bidirectional text itself, and has no glyph for them. */
const bare = (text: string) => text.replace(/[\u200E\u200F\u2066-\u2069]/g, '');

/** About five round ticks from 0 to at least `max` (1, 2, 2.5 or 5 times a power of ten apart; whole numbers). */
export function roundTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!,
  );
  const whole = Number.isInteger(step) ? step : Math.ceil(step);
  return Array.from({ length: Math.ceil(max / whole) + 1 }, (_, i) => i * whole);
}

/** Vega writes axis numbers in Latin digits: each tick's label in the reader's own words. */
const tickLabels = (ticks: readonly number[], say: (n: number) => string) =>
  ticks.reduceRight((rest, tick) => `datum.value == ${tick} ? ${JSON.stringify(bare(say(tick)))} : ${rest}`, 'datum.label');

/** What both pictures share: size, font, title on the reader's side, weeks along x (right to left for Persian). */
function frame(reader: Reader, title: string, weeks: readonly PortfolioWeek[]) {
  const rtl = isRightToLeft(reader.locale);
  const now = weeks.at(-1)!.at;
  const labels = weeks.map((w) => bare(formatShortDay(w.at, reader, now)));
  const x = {
    field: 'week',
    type: 'ordinal' as const,
    sort: labels,
    scale: { reverse: rtl },
    axis: { title: bare(tPlain(reader, 'chart.health.axisWeek')), labelAngle: 0, labelOverlap: true },
  };
  const top = {
    ...chartFrame({ title, rtl, width: CHART_SIZE.width, height: CHART_SIZE.height }),
  };
  const yAxis = (axisTitle: string, ticks: number[], say: (n: number) => string) => ({
    title: bare(axisTitle),
    orient: rtl ? ('right' as const) : ('left' as const),
    values: ticks,
    labelExpr: tickLabels(ticks, say),
  });
  return { top, x, labels, yAxis };
}

/** The stacked bands: at risk at the bottom, then watch, healthy, and the clients not yet known on top. */
export function portfolioBandsSpec(weeks: readonly PortfolioWeek[], reader: Reader): TopLevelSpec {
  const { top, x, labels, yAxis } = frame(reader, tPlain(reader, 'digestCharts.bands.title', { weeks: weeks.length }), weeks);
  const names = PORTFOLIO_BANDS.map((b) => bare(tPlain(reader, BAND_WORDS[b])));
  const values = weeks.flatMap((w, i) =>
    PORTFOLIO_BANDS.map((band, order) => ({ week: labels[i]!, band: names[order]!, order, clients: w.bands[band] })).filter((v) => v.clients > 0),
  );
  const ticks = roundTicks(Math.max(0, ...weeks.map((w) => PORTFOLIO_BANDS.reduce((n, b) => n + w.bands[b], 0))));
  return {
    ...top,
    data: { name: 'bands', values },
    mark: { type: 'bar' },
    encoding: {
      x,
      y: {
        field: 'clients',
        type: 'quantitative',
        stack: 'zero',
        scale: { domain: [0, ticks.at(-1)!], nice: false },
        axis: yAxis(tPlain(reader, 'digestCharts.bands.axis'), ticks, (n) => formatNumber(n, reader)),
      },
      color: { field: 'band', type: 'nominal', scale: { domain: names, range: PORTFOLIO_BANDS.map((b) => COLOURS[b]) }, sort: names },
      order: { field: 'order', type: 'quantitative' },
    },
  } as TopLevelSpec;
}

/** The monthly value at risk, one bar a week. */
export function moneyAtRiskSpec(weeks: readonly PortfolioWeek[], reader: Reader): TopLevelSpec {
  const { top, x, labels, yAxis } = frame(reader, tPlain(reader, 'digestCharts.money.title', { weeks: weeks.length }), weeks);
  const values = weeks.map((w, i) => ({ week: labels[i]!, atRisk: w.atRisk }));
  const ticks = roundTicks(Math.max(0, ...weeks.map((w) => w.atRisk)));
  return {
    ...top,
    data: { name: 'money', values },
    mark: { type: 'bar', color: COLOURS.at_risk },
    encoding: {
      x,
      y: {
        field: 'atRisk',
        type: 'quantitative',
        scale: { domain: [0, ticks.at(-1)!], nice: false },
        axis: yAxis(tPlain(reader, 'digestCharts.money.axis'), ticks, (n) => formatMoney(n, reader)),
      },
    },
  } as TopLevelSpec;
}

/** Plain text (an image's alt text), or mrkdwn with `t` (a message's text). */
type Write = typeof tPlain;

/** The first and the last week's bands, in words. */
export function portfolioBandsAlt(weeks: readonly PortfolioWeek[], reader: Reader, write: Write = tPlain): string {
  const first = weeks[0]!;
  const last = weeks.at(-1)!;
  const day = (w: PortfolioWeek) => md(formatShortDay(w.at, reader, last.at));
  const counts = (w: PortfolioWeek, at: string) => ({
    [`${at}Day`]: day(w),
    [`${at}Healthy`]: w.bands.healthy,
    [`${at}Watch`]: w.bands.watch,
    [`${at}AtRisk`]: w.bands.at_risk,
    [`${at}Unknown`]: w.bands.unknown,
  });
  return write(reader, 'digestCharts.bands.alt', { weeks: weeks.length, ...counts(first, 'first'), ...counts(last, 'last') });
}

/** The first, the last and the highest week's money at risk, in words. */
export function moneyAtRiskAlt(weeks: readonly PortfolioWeek[], reader: Reader, write: Write = tPlain): string {
  const first = weeks[0]!;
  const last = weeks.at(-1)!;
  const highest = weeks.reduce((top, w) => (w.atRisk > top.atRisk ? w : top), first);
  const day = (w: PortfolioWeek) => md(formatShortDay(w.at, reader, last.at));
  const money = (w: PortfolioWeek) => md(formatMoney(w.atRisk, reader));
  if (highest.atRisk === 0) return write(reader, 'digestCharts.money.altNone', { weeks: weeks.length });
  return write(reader, 'digestCharts.money.alt', {
    weeks: weeks.length,
    first: money(first),
    firstDay: day(first),
    last: money(last),
    lastDay: day(last),
    highest: money(highest),
    highestDay: day(highest),
  });
}

/** How many clients that fell a digest pictures at most: a digest naming 50 costs the time of 10 pictures. */
export const CLIENT_PICTURES = 10;

/** The clients the digest names whose health fell this week (entered the at-risk band, or dropped by the threshold), in its order. */
export function clientsThatFell(selection: Pick<DigestSelection, 'sections'>): DigestEntry[] {
  return DIGEST_SECTIONS.flatMap((s) => selection.sections[s]).filter((e) => e.turnedBad.some((r) => r.kind === 'entered_at_risk' || r.kind === 'dropped'));
}
