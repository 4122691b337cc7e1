// Section 4 of `npm run bench`: drawing a chart (vega-lite → vega → SVG → resvg PNG), per language, on this
// process's CPU. The first render of a process loads vega and the fonts; the rest is what each picture costs.
import { clientHealthSpec, HEALTH_WEEKS, type ClientHealthHistory } from '../src/charts/clientHealth.js';
import { renderChart } from '../src/charts/render.js';
import { DEFAULT_CATALOGUE } from '../src/domain/catalogue.js';
import { bandOf } from '../src/domain/health.js';
import { LOCALES, type Locale } from '../src/i18n/locales.js';
import { readerIn } from '../src/i18n/reader.js';
import { percentiles } from './roundTrip.mjs';

export interface ChartRow {
  chart: string;
  locale: Locale;
  renders: number;
  firstMs: number;
  p50: number;
  p99: number;
  pngKb: number;
}

/** A client sliding from 86 to 64 over twelve weeks, with two incidents and a decision: a typical picture. */
function slidingClient(now: Date): ClientHealthHistory {
  const scores = [86, 86, 85, 85, 84, 84, 83, 80, 76, 70, 66, 64];
  return {
    name: 'Northwind Traders',
    thresholds: DEFAULT_CATALOGUE.thresholds.health,
    weeks: scores.slice(0, HEALTH_WEEKS).map((score, i) => ({
      at: new Date(now.getTime() - (HEALTH_WEEKS - 1 - i) * 7 * 86_400_000),
      score,
      band: bandOf(score, DEFAULT_CATALOGUE),
      known: true,
      incidents: i === 8 || i === 10 ? 1 : 0,
      decisions: i === 11 ? 1 : 0,
    })),
  };
}

export async function benchCharts(renders = 20): Promise<ChartRow[]> {
  const history = slidingClient(new Date('2026-11-23T10:00:00Z'));
  const rows: ChartRow[] = [];
  for (const locale of LOCALES) {
    const spec = clientHealthSpec(history, readerIn(locale));
    const times: number[] = [];
    let bytes = 0;
    // One more than measured: the first is reported apart (cold for the first language, warm-ish after).
    for (let i = 0; i <= renders; i++) {
      const started = performance.now();
      bytes = (await renderChart(spec)).length;
      times.push(performance.now() - started);
    }
    const [firstMs, ...rest] = times;
    rows.push({ chart: 'client health, 12 weeks', locale, renders, firstMs: firstMs!, ...percentiles(rest), pngKb: bytes / 1024 });
  }
  return rows;
}
