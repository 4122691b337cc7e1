// Section 4b of `npm run bench`: what the digest's pictures cost. A workspace whose digest names 50 clients (20
// meeting a firing criterion, 30 that fell this week, of which the first 10 are pictured) among 120, with twelve
// weeks of calls behind them: the digest posted (selection, pictures drawn and uploaded, every page posted to the
// stand-in Web API) with and without its pictures; and each portfolio picture's render time.
import { WebClient } from '@slack/web-api';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../src/db/client.js';
import { logCall, logIncident } from '../src/db/queries/activity.js';
import { createClient } from '../src/db/queries/clients.js';
import { loadPortfolioWeeks } from '../src/db/queries/portfolio/history.js';
import { catalogueOf, getWorkspace } from '../src/db/queries/workspaces.js';
import * as schema from '../src/db/schema/index.js';
import { moneyAtRiskSpec, portfolioBandsSpec, portfolioWeeks, weekEndsTo } from '../src/charts/portfolio.js';
import { renderChart } from '../src/charts/render.js';
import { DigestRunner } from '../src/digest/run.js';
import { readerIn } from '../src/i18n/reader.js';
import { limitConcurrency } from '../src/limit.js';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { silentLogger } from '../src/log.js';
import { percentiles } from './roundTrip.mjs';

const TEAM = 'T0CHARTBENCH';
const CHANNEL = 'C0CHARTBENCH';
const DAY = 86_400_000;

export interface DigestChartsRow {
  clients: number;
  named: number;
  pictures: number;
  runs: number;
  /** The digest posted in full, ms: median and slowest of `runs`. */
  without: { p50: number; max: number };
  with: { p50: number; max: number };
  /** Each portfolio picture drawn alone (vega-lite → SVG → PNG), warm. */
  render: { chart: string; renders: number; p50: number; p99: number }[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function seed(database: DatabaseHandle, now: Date): Promise<void> {
  const db = database.owner;
  await db.delete(schema.workspaces).where(eq(schema.workspaces.teamId, TEAM));
  await db.insert(schema.workspaces).values({
    teamId: TEAM,
    digestChannelId: CHANNEL,
    timeZone: 'UTC',
    digestDay: now.getUTCDay(),
    digestTime: now.toISOString().slice(11, 16),
    createdAt: new Date(now.getTime() - 365 * DAY),
  });
  const catalogue = catalogueOf((await getWorkspace(db, TEAM))!);
  const at = (days: number) => ({ actor: 'U0ADMIN', at: new Date(now.getTime() - days * DAY) });
  const setUp = limitConcurrency(4);
  await Promise.all(
    Array.from({ length: 120 }, (_, i) =>
      setUp(async () => {
        const client = await createClient(db, {
          teamId: TEAM,
          by: at(100),
          input: { name: `Bench Client ${i}`, ownerUserId: `U0OWNER${i % 8}`, monthlyValue: 1000 + 100 * i },
        });
        // Twelve weeks of good calls, a fortnight apart.
        for (const days of [84, 70, 56, 42, 28, 14]) {
          await logCall(db, {
            teamId: TEAM,
            by: at(days),
            catalogue,
            input: {
              clientId: client.id,
              occurredAt: at(days).at,
              traits: ['excellent_communication', 'positive_attitude'],
            },
          });
        }
        if (i < 20)
          await logIncident(db, { teamId: TEAM, by: at(2), input: { clientId: client.id, occurredAt: at(2).at, details: { kind: 'legal_exposure' } } });
        else if (i < 50)
          await logCall(db, {
            teamId: TEAM,
            by: at(1),
            catalogue,
            input: {
              clientId: client.id,
              occurredAt: at(1).at,
              traits: [
                'terrible_communication',
                'negative_attitude',
                'unresolved_arguments',
                'no_strategic_planning',
                'hoards_knowledge',
                'withholds_opinions',
              ],
            },
          });
      }),
    ),
  );
}

export async function benchDigestCharts(database: DatabaseHandle, runs = 5): Promise<DigestChartsRow> {
  const now = new Date();
  await seed(database, now);
  const api = await new LocalSlackWebApi().start();
  try {
    const run = async (charts: boolean) => {
      // A runner of its own each time: no picture is remembered from the run before.
      const runner = new DigestRunner({
        db: database.owner,
        owner: database.owner,
        webFor: async () => new WebClient('xoxb-bench', { slackApiUrl: api.apiUrl }),
        logger: silentLogger,
        now: () => now,
        instance: 'bench', // one name: a forced post's thread is this instance's to post
        charts,
      });
      const started = performance.now();
      const outcome = await runner.postNow(TEAM, 'U0ADMIN', true);
      if (outcome.status !== 'posted') throw new Error(`the digest was not posted in full: ${JSON.stringify({ ...outcome, digest: undefined })}`);
      return performance.now() - started;
    };
    await run(false); // warm: the first post of the process loads what it needs
    await run(true);
    const times = { without: [] as number[], with: [] as number[] };
    for (let i = 0; i < runs; i++) {
      times.without.push(await run(false));
      times.with.push(await run(true));
    }
    const imagesPerDigest = api.callsTo('files.completeUploadExternal').length / (runs + 1);

    const catalogue = catalogueOf((await getWorkspace(database.owner, TEAM))!);
    const weekEnds = weekEndsTo(now);
    const weeks = portfolioWeeks(catalogue, await loadPortfolioWeeks(database.owner, { teamId: TEAM, catalogue, weekEnds }), weekEnds);
    const render: DigestChartsRow['render'] = [];
    for (const [chart, spec] of [
      ['portfolio bands, 12 weeks', portfolioBandsSpec(weeks, readerIn('en'))],
      ['money at risk, 12 weeks', moneyAtRiskSpec(weeks, readerIn('en'))],
    ] as const) {
      const renders = runs * 4;
      const took: number[] = [];
      await renderChart(spec);
      for (let i = 0; i < renders; i++) {
        const started = performance.now();
        await renderChart(spec);
        took.push(performance.now() - started);
      }
      render.push({ chart, renders, ...percentiles(took) });
    }
    return {
      clients: 120,
      named: 50,
      pictures: imagesPerDigest,
      runs,
      without: { p50: median(times.without), max: Math.max(...times.without) },
      with: { p50: median(times.with), max: Math.max(...times.with) },
      render,
    };
  } finally {
    await api.stop();
  }
}

/** The section's lines: the digest with and without its pictures, and each portfolio picture's render time. */
export function digestChartsLines(r: DigestChartsRow): string {
  const f = (n: number) => n.toFixed(0);
  return [
    'clients | named | pictures | runs | digest without pictures p50 / max ms | with pictures p50 / max ms | pictures add (p50)',
    `${r.clients} | ${r.named} | ${r.pictures} | ${r.runs} | ${f(r.without.p50)} / ${f(r.without.max)} | ${f(r.with.p50)} / ${f(r.with.max)} | ${f(r.with.p50 - r.without.p50)} ms`,
    'chart | renders | p50 / p99 ms',
    ...r.render.map((c) => `${c.chart} | ${c.renders} | ${c.p50.toFixed(1)} / ${c.p99.toFixed(1)}`),
  ].join('\n');
}
