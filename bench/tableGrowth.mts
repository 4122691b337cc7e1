// Benchmark 1c: what the database grows by per 1,000 commands, table by table (indexes and TOAST included):
// pg_total_relation_size before and after N signed /call commands (a call with two traits, the person's reply)
// through the real receiver and its workers, everything worked and answered. Each growing table is printed with
// its retention rule (src/db/retention.ts), so a steady state can be read off: bytes per 1,000 × commands a day
// × days kept. Sizes grow by whole 8 kB pages, before any vacuum (the inbox's updates leave dead rows until then).
import type { DatabaseHandle } from '../src/db/client.js';
import { createClient } from '../src/db/queries/clients.js';
import { RETENTION } from '../src/db/retention.js';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { SlackRequestSender } from '../src/local/slackRequests.js';
import { silentLogger } from '../src/log.js';
import { createRapport } from '../src/rapport.js';
import { sql } from 'drizzle-orm';

const SECRET = 'bench-signing-secret-0123456789';
const actor = { teamId: 'T0GROWTH', userId: 'U0GROWTH', channelId: 'C0GROWTH' };

export interface TableGrowthRow {
  table: string;
  bytesPer1000: number;
  /** The rules that bound it, as `kind: days`; empty: the workspace's own record, kept while its client is. */
  kept: string;
}

async function sizes(database: DatabaseHandle): Promise<Map<string, number>> {
  const result = await database.owner.execute(sql`
    select c.relname as name, pg_total_relation_size(c.oid)::bigint as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = current_schema()`);
  const rows = ((result as { rows?: unknown[] }).rows ?? result) as { name: string; bytes: string | number }[];
  return new Map(rows.map((r) => [r.name, Number(r.bytes)]));
}

export async function benchTableGrowth(database: DatabaseHandle, commands: number): Promise<TableGrowthRow[]> {
  const api = await new LocalSlackWebApi([], actor.teamId).start();
  const rapport = createRapport({
    slack: { signingSecret: SECRET, botToken: 'xoxb-growth', appToken: undefined, apiUrl: api.apiUrl },
    database,
    logger: silentLogger,
  });
  const port = await rapport.start(0, '127.0.0.1');
  await createClient(database.owner, { teamId: actor.teamId, by: actor.userId, input: { name: 'Growth Ltd' } }).catch(() => {});
  const send = new SlackRequestSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
  let seq = 0;
  const run = async (count: number) => {
    const replied = api.callsTo('response_url').length + count;
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < count) {
          next++;
          const n = ++seq;
          const res = await send.command(actor, '/call', `growth ltd +communication -reporting call number ${n}, went fine`, {
            triggerId: `growth-${n}`,
            responseId: `g${n}`,
          });
          if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        }
      }),
    );
    while (api.callsTo('response_url').length < replied) await new Promise((r) => setTimeout(r, 20));
    // Replied is not finished: the request is marked done just after.
    for (;;) {
      const result = await database.owner.execute(sql`select count(*)::int as n from slack_requests where state in ('waiting', 'working')`);
      const [{ n }] = ((result as { rows?: unknown[] }).rows ?? result) as [{ n: number }];
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await run(50); // the tables' first pages, and warm code
  const before = await sizes(database);
  await run(commands);
  const after = await sizes(database);
  await rapport.stop().catch(() => {});
  await api.stop();
  const rules = Object.entries(RETENTION);
  return [...after]
    .map(([table, bytes]) => ({
      table,
      bytesPer1000: ((bytes - (before.get(table) ?? 0)) * 1000) / commands,
      kept: rules
        .filter(([, rule]) => rule.table === table)
        .map(([kind, rule]) => `${kind}: ${rule.days} d`)
        .join(', '),
    }))
    .filter((row) => row.bytesPer1000 > 0)
    .sort((a, b) => b.bytesPer1000 - a.bytesPer1000);
}

/** Runs it and prints its lines (bench/run.mts). */
export async function printTableGrowth(database: DatabaseHandle & { label: string }, commands: number): Promise<TableGrowthRow[]> {
  console.log(`\n1c. Table growth: bytes per 1,000 /call commands, by table, indexes included (${database.label}, ${commands} commands)`);
  const rows = await benchTableGrowth(database, commands);
  console.log('table | bytes per 1,000 commands | kept (src/db/retention.ts)');
  for (const r of rows)
    console.log(`${r.table} | ${Math.round(r.bytesPer1000).toLocaleString('en')} | ${r.kept || "the workspace's record: kept while its client is"}`);
  const total = rows.reduce((sum, r) => sum + r.bytesPer1000, 0);
  console.log(`all tables | ${Math.round(total).toLocaleString('en')} |`);
  return rows;
}
