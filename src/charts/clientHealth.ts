/**
 * A client's health over the last weeks as a picture: the weekly score on the workspace's bands (healthy, watch,
 * at risk, from its catalogue), with the weeks that had incidents or decisions marked, and the alt text that says
 * the same in words. Pure: data in, a vega-lite spec out (src/charts/render.ts draws it).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Catalogue } from '../domain/catalogue.js';
import { health, type Band, type Health } from '../domain/health.js';
import { daysBefore, type ClientProfile, type Observation } from '../domain/types.js';
import { formatShortDay } from '../i18n/format.js';
import { isRightToLeft } from '../i18n/locales.js';
import { said, tPlain } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';
import { bare, chartFrame, CHART_SIZE, tickLabels } from './style.js';

/** Twelve weeks: a quarter, long enough to see a slide, short enough to read each week. */
export const HEALTH_WEEKS = 12;

export interface HealthWeek {
  /** The end of the week: health is scored at this moment. */
  at: Date;
  score: number;
  band: Band;
  known: boolean;
  incidents: number;
  decisions: number;
}

export interface ClientHealthHistory {
  name: string;
  thresholds: { healthyFrom: number; atRiskBelow: number };
  /** Oldest first; the last ends now. */
  weeks: HealthWeek[];
}

/**
 * Health at the end of each of the last `HEALTH_WEEKS` weeks, ending `now`, with the incidents and decisions of
 * each week (those after the end of the week before, up to its own end).
 */
/** What the client marks on its picture: its incidents and decisions, counted in the week they fell in. */
export interface HealthMarks {
  incidents: readonly { occurredAt: Date }[];
  decisions: readonly { decidedAt: Date }[];
}

/** One week's point on a client's picture: its health at the week's end, and the marks of the seven days up to it. */
export function weekPoint(at: Date, h: Pick<Health, 'score' | 'band' | 'known'>, marks: HealthMarks): ClientHealthHistory['weeks'][number] {
  const inWeek = (t: Date) => t > daysBefore(at, 7) && t <= at;
  return {
    at,
    score: h.score,
    band: h.band,
    known: h.known,
    incidents: marks.incidents.filter((x) => inWeek(x.occurredAt)).length,
    decisions: marks.decisions.filter((x) => inWeek(x.decidedAt)).length,
  };
}

export function clientHealthHistory(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'name' | 'traitWeights'>,
  record: { observations: readonly Observation[] } & HealthMarks,
  now: Date,
): ClientHealthHistory {
  const history = { observations: record.observations };
  const weeks = Array.from({ length: HEALTH_WEEKS }, (_, i) => {
    const at = daysBefore(now, 7 * (HEALTH_WEEKS - 1 - i));
    return weekPoint(at, health(catalogue, client, history, at), record);
  });
  const { healthyFrom, atRiskBelow } = catalogue.thresholds.health;
  return { name: client.name, thresholds: { healthyFrom, atRiskBelow }, weeks };
}

const COLOURS: Record<Band, string> = { healthy: '#2e7d32', watch: '#f9a825', at_risk: '#c62828' };
const MARKERS = { incident: { colour: '#c62828', shape: 'triangle-down' }, decision: { colour: '#5e35b1', shape: 'diamond' } } as const;
const TICKS = [0, 20, 40, 60, 80, 100];

/**
 * What the picture shows, in words: where health started and ended, in which bands, and how many incidents and
 * decisions. Plain text (an image's alt text) unless `write` is `t`: mrkdwn, the name escaped (a message's text).
 */
export function clientHealthAlt(h: ClientHealthHistory, reader: Reader, write: typeof tPlain = tPlain): string {
  const known = h.weeks.filter((w) => w.known);
  const counts = {
    name: h.name,
    weeks: h.weeks.length,
    incidents: h.weeks.reduce((n, w) => n + w.incidents, 0),
    decisions: h.weeks.reduce((n, w) => n + w.decisions, 0),
  };
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) return write(reader, 'chart.health.altUnknown', counts);
  return write(reader, 'chart.health.alt', {
    ...counts,
    from: first.score,
    fromBand: said(`chart.bandWord.${first.band}`),
    to: last.score,
    toBand: said(`chart.bandWord.${last.band}`),
  });
}

/**
 * The vega-lite spec: band areas and their threshold lines, the weekly score (unknown weeks left out), and a
 * marker on each week with an incident or a decision. Words, dates and digits are the reader's; for a
 * right-to-left language time runs from right to left and the score axis stands on the right.
 */
export function clientHealthSpec(h: ClientHealthHistory, reader: Reader): TopLevelSpec {
  const rtl = isRightToLeft(reader.locale);
  const word = (key: Parameters<typeof tPlain>[1]) => bare(tPlain(reader, key));
  const now = h.weeks.at(-1)!.at;
  // What is drawn, and nothing else: the spec is also the picture's identity (slack/chartFiles.ts keeps one file per spec).
  const weeks = h.weeks.map((w) => ({
    week: bare(formatShortDay(w.at, reader, now)),
    score: w.known ? w.score : null,
    incidents: w.incidents,
    decisions: w.decisions,
  }));
  const { healthyFrom, atRiskBelow } = h.thresholds;
  const bands = [
    { band: 'healthy', from: healthyFrom, to: 100 },
    { band: 'watch', from: atRiskBelow, to: healthyFrom },
    { band: 'at_risk', from: 0, to: atRiskBelow },
  ].map((b) => ({ ...b, name: word(`chart.band.${b.band as Band}`), middle: (b.from + b.to) / 2 }));
  const incident = word('chart.marker.incident');
  const decision = word('chart.marker.decision');
  const markers = weeks.flatMap((w) => [
    ...(w.incidents > 0 ? [{ week: w.week, marker: incident, count: w.incidents }] : []),
    ...(w.decisions > 0 ? [{ week: w.week, marker: decision, count: w.decisions }] : []),
  ]);
  const x = {
    field: 'week',
    type: 'ordinal' as const,
    sort: weeks.map((w) => w.week),
    scale: { reverse: rtl },
    axis: { title: word('chart.health.axisWeek'), labelAngle: 0, labelOverlap: true },
  };
  // Vega writes axis numbers in Latin digits: each tick's label is the reader's own.
  const tickLabel = tickLabels(TICKS, reader);
  const y = {
    type: 'quantitative' as const,
    scale: { domain: [0, 100], nice: false },
    axis: { title: word('chart.health.axisScore'), orient: rtl ? ('right' as const) : ('left' as const), values: TICKS, labelExpr: tickLabel },
  };
  const markerScale = {
    domain: [incident, decision],
    range: [MARKERS.incident.colour, MARKERS.decision.colour],
  };
  return {
    ...chartFrame({
      title: tPlain(reader, 'chart.health.title', { name: h.name, weeks: h.weeks.length }),
      rtl,
      width: CHART_SIZE.width,
      height: CHART_SIZE.height,
    }),
    layer: [
      {
        data: { name: 'bands', values: bands },
        mark: { type: 'rect', opacity: 0.1 },
        encoding: {
          y: { field: 'from', ...y },
          y2: { field: 'to' },
          fill: { field: 'band', type: 'nominal', scale: { domain: Object.keys(COLOURS), range: Object.values(COLOURS) }, legend: null },
        },
      },
      {
        data: { name: 'thresholds', values: [{ score: healthyFrom }, { score: atRiskBelow }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#757575' },
        encoding: { y: { field: 'score', ...y } },
      },
      {
        data: { name: 'bands', values: bands },
        mark: { type: 'text', align: rtl ? 'left' : 'right', dx: rtl ? 4 : -4, fontSize: 11, fontWeight: 'bold', opacity: 0.7 },
        encoding: {
          x: { value: rtl ? 0 : { expr: 'width' } },
          y: { field: 'middle', ...y },
          text: { field: 'name' },
          fill: { field: 'band', type: 'nominal', scale: { domain: Object.keys(COLOURS), range: Object.values(COLOURS) }, legend: null },
        },
      },
      {
        data: { name: 'markers', values: markers },
        mark: { type: 'rule', strokeDash: [2, 3], strokeWidth: 1.5 },
        encoding: { x, color: { field: 'marker', type: 'nominal', scale: markerScale } },
      },
      {
        data: { name: 'markers', values: markers },
        mark: { type: 'point', filled: true, size: 120, opacity: 1 },
        encoding: {
          x,
          y: { datum: 100, ...y },
          color: { field: 'marker', type: 'nominal', scale: markerScale },
          shape: { field: 'marker', type: 'nominal', scale: { domain: [incident, decision], range: [MARKERS.incident.shape, MARKERS.decision.shape] } },
        },
      },
      {
        data: { name: 'health', values: weeks },
        mark: { type: 'line', point: { filled: true, size: 50, color: '#263238' }, color: '#263238', strokeWidth: 2.5 },
        encoding: { x, y: { field: 'score', ...y } },
      },
    ],
  } as TopLevelSpec;
}
