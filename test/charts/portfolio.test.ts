/**
 * The portfolio's pictures, checked on their data, not their pixels: each week's clients per band and money at risk,
 * counted by the digest summary's rules (a client counts from the week it was registered, not once exited); the
 * stacked bars and the bars of money at risk in the reader's words, digits and direction; alt text that says the
 * same; the PNG decodes to the size promised.
 */
import { describe, expect, it } from 'vitest';
import { CHART_SIZE } from '../../src/charts/style.js';
import {
  clientHealthFromWeeks,
  clientsThatFell,
  moneyAtRiskAlt,
  moneyAtRiskSpec,
  portfolioBandsAlt,
  portfolioBandsSpec,
  portfolioWeeks,
  roundTicks,
  weekEndsTo,
  type ClientThroughWeeks,
  type PortfolioWeek,
} from '../../src/charts/portfolio.js';
import { renderChart } from '../../src/charts/render.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { DigestEntry } from '../../src/domain/digestSelection.js';
import type { WeightedTotals } from '../../src/domain/types.js';
import { readerIn } from '../../src/i18n/reader.js';

/** Monday 23 November 2026, 09:00 UTC: the digest's week ends. */
const NOW = new Date('2026-11-23T09:00:00Z');
const DAY = 86_400_000;
const WEEKS = weekEndsTo(NOW);
/** Just after the end of week `i` (0 oldest, 11 this week). */
const after = (i: number) => new Date(WEEKS[i]!.getTime() + 1000);

/** Weights that score 90 (healthy), 50 (watch) and 17 (at risk) on the default bands. */
const HEALTHY: WeightedTotals = { good: 8, bad: 0 };
const WATCH: WeightedTotals = { good: 1, bad: 1 };
const AT_RISK: WeightedTotals = { good: 0, bad: 4 };
const LYING = { lying: { count: 1, newestLoggedAt: NOW } };

const client = (c: Partial<ClientThroughWeeks['client']> & { id: string }): ClientThroughWeeks['client'] => ({
  name: c.id,
  status: 'active',
  monthlyValue: null,
  createdAt: new Date(WEEKS[0]!.getTime() - 30 * DAY),
  exitedAt: null,
  ...c,
});
const each = <T>(f: (i: number) => T) => WEEKS.map((_, i) => f(i));

/**
 * Alpha (1,000 a month) slides from healthy to watch in week 6 and to at risk in week 10. Beta (2,000 a month) was
 * registered during week 3, is healthy, and meets a firing criterion (a lie) in week 11. Gamma (500 a month) was
 * never observed and exited during week 8. Delta (no value) is at risk throughout.
 */
const PORTFOLIO: ClientThroughWeeks[] = [
  {
    client: client({ id: 'alpha', monthlyValue: 1000 }),
    weighted: each((i) => (i < 6 ? HEALTHY : i < 10 ? WATCH : AT_RISK)),
    criteria: each(() => ({})),
  },
  {
    client: client({ id: 'beta', monthlyValue: 2000, createdAt: after(2) }),
    weighted: each((i) => (i < 3 ? undefined : HEALTHY)),
    criteria: each((i) => (i === 11 ? LYING : {})),
  },
  {
    client: client({ id: 'gamma', monthlyValue: 500, status: 'exited', exitedAt: after(7) }),
    weighted: each(() => undefined),
    criteria: each(() => ({})),
  },
  { client: client({ id: 'delta' }), weighted: each(() => AT_RISK), criteria: each(() => ({})) },
];

const WEEKS_COUNTED = portfolioWeeks(DEFAULT_CATALOGUE, PORTFOLIO, WEEKS);

type Spec = { data: { values: Record<string, any>[] }; encoding: Record<string, any> };

describe('the portfolio week by week', () => {
  it('counts each week’s clients per band, from the week each was registered until it exited', () => {
    expect(WEEKS_COUNTED.map((w) => [w.bands.healthy, w.bands.watch, w.bands.at_risk, w.bands.unknown])).toEqual([
      [1, 0, 1, 1], // weeks 0–2: Alpha healthy, Delta at risk, Gamma unknown; Beta not registered yet
      [1, 0, 1, 1],
      [1, 0, 1, 1],
      [2, 0, 1, 1], // Beta from week 3
      [2, 0, 1, 1],
      [2, 0, 1, 1],
      [1, 1, 1, 1], // Alpha to watch
      [1, 1, 1, 1],
      [1, 1, 1, 0], // Gamma exited
      [1, 1, 1, 0],
      [1, 0, 2, 0], // Alpha at risk
      [1, 0, 2, 0],
    ]);
    expect(WEEKS_COUNTED.map((w) => w.at)).toEqual(WEEKS);
    expect(WEEKS.at(-1)).toEqual(NOW);
    expect(WEEKS[0]).toEqual(new Date(NOW.getTime() - 77 * DAY));
  });

  it('counts the monthly value of clients at risk or meeting a firing criterion, each week', () => {
    expect(WEEKS_COUNTED.map((w) => w.atRisk)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000, 3000]);
  });

  it('draws a client’s health from the same weeks, its incidents and decisions in the week they fell in', () => {
    const history = clientHealthFromWeeks(DEFAULT_CATALOGUE, PORTFOLIO[0]!, WEEKS, {
      incidents: [{ occurredAt: new Date(NOW.getTime() - 2 * DAY) }],
      decisions: [{ decidedAt: new Date(NOW.getTime() - 9 * DAY) }],
    });
    expect(history.weeks.map((w) => w.score)).toEqual([90, 90, 90, 90, 90, 90, 50, 50, 50, 50, 17, 17]);
    expect(history.weeks.map((w) => w.incidents)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(history.weeks.map((w) => w.decisions)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
  });

  it('pictures the clients that fell (into the at-risk band, or by the threshold), not those only flipped or quiet, in the digest’s order', () => {
    const entry = (id: string, kinds: DigestEntry['turnedBad'][number]['kind'][]) =>
      ({ client: { id }, turnedBad: kinds.map((kind) => ({ kind })) }) as unknown as DigestEntry;
    const fell = clientsThatFell({
      sections: {
        firing: [entry('liar', []), entry('liar-fell', ['dropped'])],
        turned_bad: [entry('flipped', ['dimension_flipped']), entry('entered', ['entered_at_risk']), entry('dropped', ['dropped', 'dimension_flipped'])],
        gone_quiet: [entry('quiet', [])],
      },
    });
    expect(fell.map((e) => e.client.id)).toEqual(['liar-fell', 'entered', 'dropped']);
  });

  it('ticks at round numbers up to the largest value', () => {
    expect(roundTicks(0)).toEqual([0, 1]);
    expect(roundTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(roundTicks(13)).toEqual([0, 5, 10, 15]);
    expect(roundTicks(3000)).toEqual([0, 1000, 2000, 3000]);
    expect(roundTicks(52_500)).toEqual([0, 20_000, 40_000, 60_000]);
  });
});

describe('the portfolio’s pictures', () => {
  it('stacks the bands week by week, at risk at the bottom, with the weeks’ counts', () => {
    const spec = portfolioBandsSpec(WEEKS_COUNTED, readerIn('en')) as unknown as Spec;
    const lastWeek = spec.data.values.filter((v) => v.week === '23 Nov');
    expect(lastWeek.map((v) => [v.band, v.clients])).toEqual([
      ['At risk', 2],
      ['Healthy', 1],
    ]);
    expect(spec.data.values.filter((v) => v.week === '7 Sept').map((v) => [v.band, v.clients])).toEqual([
      ['At risk', 1],
      ['Healthy', 1],
      ['Not yet known', 1],
    ]);
    expect(spec.encoding.color.scale.domain).toEqual(['At risk', 'Watch', 'Healthy', 'Not yet known']);
    expect(spec.encoding.y.stack).toBe('zero');
    expect(spec.encoding.y.axis.values).toEqual([0, 1, 2, 3, 4]);
    expect(portfolioBandsAlt(WEEKS_COUNTED, readerIn('en'))).toBe(
      'Clients by health band over 12 weeks: in the week ending 7 Sept, 1 healthy, 0 watch, 1 at risk and 1 not yet known; in the week ending 23 Nov, 1 healthy, 0 watch, 2 at risk and 0 not yet known',
    );
  });

  it('draws the money at risk week by week, in the workspace’s currency, and says it in words', () => {
    const reader = readerIn('en', { currency: 'EUR' });
    const spec = moneyAtRiskSpec(WEEKS_COUNTED, reader) as unknown as Spec;
    expect(spec.data.values.map((v) => v.atRisk)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1000, 3000]);
    expect(spec.encoding.y.axis.values).toEqual([0, 1000, 2000, 3000]);
    expect(spec.encoding.y.axis.labelExpr).toContain('"€3,000"');
    expect(moneyAtRiskAlt(WEEKS_COUNTED, reader)).toBe(
      'Monthly value at risk (clients at risk or meeting a firing criterion) over 12 weeks: €0 in the week ending 7 Sept, €3,000 in the week ending 23 Nov, at most €3,000 in the week ending 23 Nov',
    );
    const none: PortfolioWeek[] = WEEKS_COUNTED.map((w) => ({ ...w, atRisk: 0 }));
    expect(moneyAtRiskAlt(none, reader)).toBe('Monthly value at risk over 12 weeks: none in any week');
  });

  it('is in Persian for a Persian workspace: words, Solar Hijri dates, Persian digits, time running right to left', () => {
    const reader = readerIn('fa');
    const spec = portfolioBandsSpec(WEEKS_COUNTED, reader) as unknown as Spec;
    expect(spec.encoding.x.scale.reverse).toBe(true);
    expect(spec.encoding.y.axis.orient).toBe('right');
    expect(spec.encoding.y.axis.labelExpr).toContain('"۴"');
    expect(spec.data.values.at(-1)!.week).toBe('۲ آذر');
    expect(spec.encoding.color.scale.domain).toEqual(['در خطر', 'زیر نظر', 'سالم', 'هنوز نامعلوم']);
    expect(JSON.stringify(spec)).not.toMatch(/[\u200E\u200F\u2066-\u2069]/);
    expect(moneyAtRiskAlt(WEEKS_COUNTED, reader)).toContain('۳٬۰۰۰');
  });

  it.each(['en', 'fa'] as const)(
    '%s: both draw a PNG of twice the chart’s size',
    async (locale) => {
      for (const spec of [portfolioBandsSpec(WEEKS_COUNTED, readerIn(locale)), moneyAtRiskSpec(WEEKS_COUNTED, readerIn(locale))]) {
        const png = await renderChart(spec);
        expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
        expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: CHART_SIZE.width * 2, height: CHART_SIZE.height * 2 });
      }
    },
    60_000,
  );
});
