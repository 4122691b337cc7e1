/**
 * A client's health chart, checked on its data, not its pixels: the weekly scores in order, the band thresholds of
 * the workspace's catalogue, a marker on each week with an incident or a decision, the reader's words, digits and
 * direction, and alt text that says the same in words. The PNG decodes to the size promised.
 */
import { describe, expect, it } from 'vitest';
import { CHART_SIZE } from '../../src/charts/style.js';
import { clientHealthAlt, clientHealthHistory, clientHealthSpec, HEALTH_WEEKS, type ClientHealthHistory } from '../../src/charts/clientHealth.js';
import { renderChart } from '../../src/charts/render.js';
import { resolveCatalogue } from '../../src/domain/catalogue.js';
import { bandOf } from '../../src/domain/health.js';
import { readerIn } from '../../src/i18n/reader.js';

/** Monday 23 November 2026, 10:00 UTC. */
const NOW = new Date('2026-11-23T10:00:00Z');
const DAY = 86_400_000;
const weekEnd = (i: number) => new Date(NOW.getTime() - (HEALTH_WEEKS - 1 - i) * 7 * DAY);

/** A workspace whose bands are its own: healthy from 75, at risk below 45. */
const CATALOGUE = resolveCatalogue({ thresholds: { health: { healthyFrom: 75, atRiskBelow: 45 } } });

/** Northwind Traders sliding from 86 to 64 over twelve weeks: incidents in weeks 9 and 11, a decision in the last. */
const SCORES = [86, 86, 85, 85, 84, 84, 83, 80, 76, 70, 66, 64];
const NORTHWIND: ClientHealthHistory = {
  name: 'Northwind Traders',
  thresholds: { healthyFrom: 75, atRiskBelow: 45 },
  weeks: SCORES.map((score, i) => ({
    at: weekEnd(i),
    score,
    band: bandOf(score, CATALOGUE),
    known: true,
    incidents: i === 8 || i === 10 ? 1 : 0,
    decisions: i === 11 ? 1 : 0,
  })),
};

type Layer = { data: { name: string; values: Record<string, unknown>[] }; encoding: Record<string, any> };
const layers = (spec: unknown) => (spec as { layer: Layer[] }).layer;
const valuesOf = (spec: unknown, name: string) => layers(spec).find((l) => l.data.name === name)!.data.values;

describe('the client health chart', () => {
  it('buckets incidents and decisions into the week they fell in, over the last twelve weeks ending now', () => {
    const history = clientHealthHistory(
      resolveCatalogue(),
      { name: 'Northwind Traders', traitWeights: {} },
      {
        observations: [],
        incidents: [{ occurredAt: new Date(NOW.getTime() - 3 * DAY) }, { occurredAt: new Date(NOW.getTime() - 100 * DAY) }],
        decisions: [{ decidedAt: new Date(NOW.getTime() - 10 * DAY) }],
      },
      NOW,
    );
    expect(history.weeks).toHaveLength(12);
    expect(history.weeks.at(-1)!.at).toEqual(NOW);
    expect(history.weeks.map((w) => w.incidents)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(history.weeks.map((w) => w.decisions)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(history.weeks.every((w) => !w.known)).toBe(true);
    expect(history.thresholds).toEqual({ healthyFrom: 70, atRiskBelow: 40 });
  });

  it('has the weekly points, the band thresholds from the catalogue and a marker per incident and decision week', () => {
    const spec = clientHealthSpec(NORTHWIND, readerIn('en'));
    expect(valuesOf(spec, 'health').map((w) => [w.week, w.score])).toEqual(
      ['7 Sept', '14 Sept', '21 Sept', '28 Sept', '5 Oct', '12 Oct', '19 Oct', '26 Oct', '2 Nov', '9 Nov', '16 Nov', '23 Nov'].map((d, i) => [d, SCORES[i]]),
    );
    expect(valuesOf(spec, 'thresholds').map((t) => t.score)).toEqual([75, 45]);
    expect(valuesOf(spec, 'bands').map((b) => [b.name, b.from, b.to])).toEqual([
      ['Healthy', 75, 100],
      ['Watch', 45, 75],
      ['At risk', 0, 45],
    ]);
    expect(valuesOf(spec, 'markers')).toEqual([
      { week: '2 Nov', marker: 'Incident', count: 1 },
      { week: '16 Nov', marker: 'Incident', count: 1 },
      { week: '23 Nov', marker: 'Decision', count: 1 },
    ]);
    expect(clientHealthAlt(NORTHWIND, readerIn('en'))).toBe(
      'Health of Northwind Traders over 12 weeks: from 86 (healthy) to 64 (watch), 2 incidents, 1 decision',
    );
  });

  it('leaves weeks with nothing observed out of the line, and says so when nothing was observed at all', () => {
    const unknown = { ...NORTHWIND, weeks: NORTHWIND.weeks.map((w) => ({ ...w, known: false })) };
    expect(valuesOf(clientHealthSpec(unknown, readerIn('en')), 'health').every((w) => w.score === null)).toBe(true);
    expect(clientHealthAlt(unknown, readerIn('en'))).toBe('Health of Northwind Traders over 12 weeks: nothing observed yet, 2 incidents, 1 decision');
  });

  it('is in Persian for a Persian reader: words, Solar Hijri dates, Persian digits, time running right to left', () => {
    const spec = clientHealthSpec(NORTHWIND, readerIn('fa'));
    const health = valuesOf(spec, 'health');
    expect(health.at(-1)!.week).toBe('۲ آذر');
    expect(valuesOf(spec, 'bands').map((b) => b.name)).toEqual(['سالم', 'زیر نظر', 'در خطر']);
    const line = layers(spec).find((l) => l.data.name === 'health')!.encoding;
    expect(line.x.scale.reverse).toBe(true);
    expect(line.y.axis.orient).toBe('right');
    expect(line.y.axis.labelExpr).toContain("'۸۰'");
    expect(JSON.stringify(spec)).not.toMatch(/[\u200E\u200F\u2066-\u2069]/);
    expect(clientHealthAlt(NORTHWIND, readerIn('fa'))).toContain('۸۶');
    expect(clientHealthAlt(NORTHWIND, readerIn('fa'))).toContain('زیر نظر');
  });

  it.each(['en', 'tr', 'fa', 'fi'] as const)(
    '%s: draws a PNG of twice the chart’s size',
    async (locale) => {
      const png = await renderChart(clientHealthSpec(NORTHWIND, readerIn(locale)));
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
      expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: CHART_SIZE.width * 2, height: CHART_SIZE.height * 2 });
    },
    60_000,
  );
});
