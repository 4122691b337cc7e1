/**
 * Renewals ahead on a time line: each client renewing in the next 90 days at its day, sized by its monthly value
 * and coloured by its health band, so the money at stake and the relationships in trouble show at a glance. The
 * list and the alt text say the same in words. Pure: data in, a vega-lite spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import { addDays } from '../domain/nextSteps.js';
import type { Band, Health } from '../domain/health.js';
import type { ClientProfile } from '../domain/types.js';
import { formatCalendarDay, formatList, formatMoney, formatShortDay } from '../i18n/format.js';
import { isRightToLeft } from '../i18n/locales.js';
import { md, tPlain } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';
import { bare, chartFrame, tickLabels } from './style.js';

/** A quarter ahead: a renewal further out is not Monday's business yet. */
export const RENEWALS_AHEAD_DAYS = 90;
/** Clients drawn at most: the list says every one, the picture stays readable. */
export const RENEWALS_DRAWN = 25;

export interface Renewal {
  clientId: string;
  name: string;
  /** YYYY-MM-DD. */
  renewsOn: string;
  /** Days from today (0: today). */
  inDays: number;
  monthlyValue: number | null;
  health: Health;
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The clients renewing from `today` (the workspace's date, YYYY-MM-DD) to `RENEWALS_AHEAD_DAYS` after it, soonest
 * first, the biggest first on the same day. Exited clients are off the books.
 */
export function renewalsAhead(standings: readonly { client: ClientProfile; health: Health }[], today: string): Renewal[] {
  const until = addDays(today, RENEWALS_AHEAD_DAYS);
  return standings
    .filter((s) => s.client.status !== 'exited' && s.client.renewsOn && s.client.renewsOn >= today && s.client.renewsOn <= until)
    .map((s) => ({
      clientId: s.client.id,
      name: s.client.name,
      renewsOn: s.client.renewsOn!,
      inDays: daysBetween(today, s.client.renewsOn!),
      monthlyValue: s.client.monthlyValue,
      health: s.health,
    }))
    .sort((a, b) => a.renewsOn.localeCompare(b.renewsOn) || (b.monthlyValue ?? 0) - (a.monthlyValue ?? 0) || a.name.localeCompare(b.name));
}

/** What they are worth a month together (those with a value). */
export const renewalsTotal = (renewals: readonly Renewal[]): number => renewals.reduce((sum, r) => sum + (r.monthlyValue ?? 0), 0);

/**
 * What the picture shows, in words: how many renew, worth how much a month, each with its day and value. Plain
 * text (an image's alt text) unless `write` is `t`: mrkdwn, the names escaped (a message's text).
 */
export function renewalsAlt(renewals: readonly Renewal[], reader: Reader, write: typeof tPlain = tPlain): string {
  const items = renewals.map((r) =>
    r.monthlyValue === null
      ? write(reader, 'clientCharts.renewals.altItemNoValue', { name: r.name, day: formatCalendarDay(r.renewsOn, reader) })
      : write(reader, 'clientCharts.renewals.altItem', {
          name: r.name,
          day: formatCalendarDay(r.renewsOn, reader),
          amount: formatMoney(r.monthlyValue, reader),
        }),
  );
  return write(reader, 'clientCharts.renewals.alt', {
    count: renewals.length,
    days: RENEWALS_AHEAD_DAYS,
    total: formatMoney(renewalsTotal(renewals), reader),
    items: md(formatList(items, reader)),
  });
}

const COLOURS: Record<Band | 'unknown', string> = { healthy: '#2e7d32', watch: '#f9a825', at_risk: '#c62828', unknown: '#90a4ae' };
/** Ticks every fortnight and at the end: dates a reader places at once. */
const TICKS = [0, 15, 30, 45, 60, 75, 90];
const WIDTH = 640;
const ROW_HEIGHT = 30;
/** The title, the legend and the time axis, around the rows (the spec's size is the whole picture's). */
const FRAME_HEIGHT = 120;

/**
 * The vega-lite spec: the next 90 days across, one row per client (soonest at the top), a circle on its renewal
 * day sized by its monthly value (an outline where none is recorded) in its band's colour, the value beside it.
 * Dates, digits and money are the reader's; for a right-to-left language time runs from right to left.
 */
export function renewalsSpec(renewals: readonly Renewal[], today: string, reader: Reader): TopLevelSpec {
  const rtl = isRightToLeft(reader.locale);
  const drawn = renewals.slice(0, RENEWALS_DRAWN);
  const reference = new Date(`${today}T12:00:00Z`);
  const day = (inDays: number) => bare(formatShortDay(new Date(reference.getTime() + inDays * DAY_MS), { ...reader, timeZone: 'UTC' }, reference));
  const bands = ['healthy', 'watch', 'at_risk', 'unknown'] as const;
  const bandWord = (band: (typeof bands)[number]) => bare(tPlain(reader, band === 'unknown' ? 'clientCharts.renewals.unknown' : `chart.band.${band}`));
  const rows = drawn.map((r) => ({
    name: bare(r.name),
    inDays: r.inDays,
    value: r.monthlyValue ?? 0,
    valued: r.monthlyValue !== null,
    label: bare(r.monthlyValue === null ? tPlain(reader, 'clientCharts.renewals.noValue') : formatMoney(r.monthlyValue, reader)),
    band: bandWord(r.health.known ? r.health.band : 'unknown'),
  }));
  const most = Math.max(1, ...rows.map((r) => r.value));
  const x = {
    field: 'inDays',
    type: 'quantitative' as const,
    scale: { domain: [0, RENEWALS_AHEAD_DAYS], nice: false, reverse: rtl },
    axis: { title: bare(tPlain(reader, 'clientCharts.renewals.axisDay')), values: TICKS, labelExpr: tickLabels(TICKS, reader, day), grid: true },
  };
  const y = {
    field: 'name',
    type: 'nominal' as const,
    sort: rows.map((r) => r.name),
    axis: { title: null, orient: rtl ? ('right' as const) : ('left' as const), labelLimit: 200 },
  };
  const colour = {
    field: 'band',
    type: 'nominal' as const,
    scale: { domain: bands.map(bandWord), range: bands.map((b) => COLOURS[b]) },
    legend: { orient: 'top' as const, title: null, direction: 'horizontal' as const },
  };
  return {
    ...chartFrame({
      title: tPlain(reader, 'clientCharts.renewals.title', { days: RENEWALS_AHEAD_DAYS, total: formatMoney(renewalsTotal(renewals), reader) }),
      rtl,
      width: WIDTH,
      height: FRAME_HEIGHT + Math.max(1, rows.length) * ROW_HEIGHT,
    }),
    data: { name: 'renewals', values: rows },
    encoding: { y },
    layer: [
      {
        transform: [{ filter: 'datum.valued' }],
        mark: { type: 'circle', opacity: 0.8 },
        encoding: { x, color: colour, size: { field: 'value', type: 'quantitative', scale: { domain: [0, most], range: [40, 900] }, legend: null } },
      },
      {
        transform: [{ filter: '!datum.valued' }],
        mark: { type: 'point', filled: false, size: 60, strokeWidth: 2 },
        encoding: { x, color: colour },
      },
      {
        mark: { type: 'text', align: rtl ? 'right' : 'left', dx: rtl ? -18 : 18, fontSize: 11, color: '#37474f' },
        encoding: { x, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
}

/** The picture's title, words and file name. */
export function renewalsPicture(renewals: readonly Renewal[], reader: Reader): { title: string; alt: string; filename: string; clientIds: string[] } {
  return {
    // Its alt text names every one of them.
    clientIds: renewals.map((r) => r.clientId),
    title: tPlain(reader, 'clientCharts.renewals.text', { days: RENEWALS_AHEAD_DAYS, count: renewals.length }),
    alt: renewalsAlt(renewals, reader),
    filename: 'renewals.png',
  };
}
