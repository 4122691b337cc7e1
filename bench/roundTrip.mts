// Benchmark 1: signed /call round trips through the HTTP receiver, beside a bare Bolt app that only acks, a minimal
// peer (a plain Bolt app doing the same visible work: the signature checked, the call and its traits stored in one
// insert, the ack, one reply to the response URL) and the floor of Rapport's guarantees (that peer with Rapport's
// durability and row-level security, without its scoring): the ack, and the reply the person waits for (sent →
// arrived at the response URL). Then commands/s through separate worker processes (`src/worker.ts`), Postgres only.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, ExpressReceiver, type Middleware, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import { sql } from 'drizzle-orm';
import { executedRows, type DatabaseHandle } from '../src/db/client.js';
import { createClient } from '../src/db/queries/clients.js';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { silentLogger } from '../src/log.js';
import { inWorkspace } from '../src/db/workspaceScope.js';
import { createRapport } from '../src/rapport.js';
import { builtCommand } from '../test/support/built.js';
import { BENCH_SECRET, benchSender, startBenchRapport } from './benchApp.mjs';

const actor = { teamId: 'T0BENCH', userId: 'U0BENCH', channelId: 'C0BENCH' };

/**
 * What each app answering /call is: Rapport; `bare`, a Bolt app that only acks; `peer`, the minimal peer; `floor`,
 * the peer with Rapport's guarantees and none of its scoring (`floorOfGuarantees`).
 */
type Target = 'rapport' | 'bare' | 'peer' | 'floor';

export interface LatencyRow {
  target: Target;
  /** `ack`: each sender sends its next request when the ack returns. `reply`: when its reply has arrived (a person waiting for the answer). */
  loop: 'ack' | 'reply';
  concurrency: number;
  /** Pause each sender takes between requests (0: closed loop, the next request the moment the ack returns). */
  gapMs: number;
  requests: number;
  p50: number;
  p99: number;
  perSecond: number;
  /** Sent → the reply arrived at its response URL (Rapport only). */
  reply?: { p50: number; p99: number };
  /**
   * CPU ms per command while the level ran, its work after the ack included: this process's (the harness's and
   * the bare app's and the peer's too, which share it) and the local Postgres server's, when it runs here.
   */
  cpu?: { app: number; database: number | undefined };
}

/**
 * CPU ms spent so far by the processes of a Postgres server on this machine (every backend, the WAL writer…),
 * read from /proc; undefined where none runs here (another machine's server, or no /proc).
 */
function localServerCpuMs(): number | undefined {
  let ticks = 0;
  let found = false;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th (clock ticks).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      found = true;
    } catch {
      // The process ended meanwhile.
    }
  }
  // Linux counts in USER_HZ, 100 a second on every platform Node runs on.
  return found ? ticks * 10 : undefined;
}

export const PACED_GAP_MS = 15;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
};

async function measure(send: (i: number) => Promise<number>, concurrency: number, requests: number, gapMs = 0): Promise<Omit<LatencyRow, 'target' | 'loop'>> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
        latencies.push(await send(i));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { concurrency, gapMs, requests, ...percentiles(latencies), perSecond: requests / seconds };
}

/** A plain Bolt app on a port of its own, answering /call with `handler`. */
async function plainBoltApp(handler: Middleware<SlackCommandMiddlewareArgs>): Promise<{ app: App; port: number }> {
  const receiver = new ExpressReceiver({ signingSecret: BENCH_SECRET });
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-plain' }) });
  app.command('/call', handler);
  const server = (await receiver.start(0)) as Server;
  return { app, port: (server.address() as AddressInfo).port };
}

/** A /call's words as a plain app would take them: the client, the +/- traits, the rest as notes. */
function wordsOfCall(text: string) {
  const [client = '', ...rest] = text.split(/\s+/);
  return { client, traits: rest.filter((w) => /^[+-]/.test(w)), notes: rest.filter((w) => !/^[+-]/.test(w)).join(' ') };
}

const replyLogged = (responseUrl: string, client: string, traits: string[]) =>
  fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', text: `Logged a call with ${client} (${traits.join(' ')})` }),
  });

/**
 * The peer with what Rapport guarantees around the same work and none of what it computes: the request stored
 * (keyed, so a retry is not worked twice) before the ack; after it, the call stored through the app's connection,
 * whose row-level security proof travels with the statement (workspaceScope.ts), with its commit not waiting for the
 * disk as Rapport's replayable work does; the reply; the request marked finished. What is left between this and
 * Rapport is what Rapport works out for a call: the workspace's vocabulary, the decayed sums the triggers keep, and
 * the confirmation that scores the call, checks the firing criteria and its disagreements.
 */
async function floorOfGuarantees(database: DatabaseHandle) {
  const owner = database.owner;
  await owner.execute(
    sql`create table if not exists bench_floor_requests (id bigserial primary key, team_id text not null, request_key text not null, body jsonb not null, state text not null default 'working', received_at timestamptz not null default now(), finished_at timestamptz, unique (team_id, request_key))`,
  );
  await owner.execute(
    sql`create table if not exists bench_floor_calls (id bigserial primary key, team_id text not null, client text not null, traits jsonb not null, notes text not null, logged_by text not null, logged_at timestamptz not null default now())`,
  );
  await owner.execute(sql`alter table bench_floor_calls enable row level security`);
  await owner.execute(sql`alter table bench_floor_calls force row level security`);
  await owner.execute(sql`drop policy if exists workspace_rows on bench_floor_calls`);
  await owner.execute(
    sql`create policy workspace_rows on bench_floor_calls to rapport_app using (team_id = (select rapport_team())) with check (team_id = (select rapport_team()))`,
  );
  return plainBoltApp(async ({ ack, command, body }) => {
    const [stored] = executedRows<{ id: string }>(
      await owner.execute(
        sql`insert into bench_floor_requests (team_id, request_key, body) values (${command.team_id}, ${command.trigger_id}, ${JSON.stringify(body)}::jsonb) on conflict do nothing returning id`,
      ),
    );
    await ack();
    if (!stored) return;
    const { client, traits, notes } = wordsOfCall(command.text);
    await inWorkspace(
      command.team_id,
      () =>
        database.db.execute(
          sql`insert into bench_floor_calls (team_id, client, traits, notes, logged_by) values (${command.team_id}, ${client}, ${JSON.stringify(traits)}::jsonb, ${notes}, ${command.user_id})`,
        ),
      { replayable: true },
    );
    await replyLogged(command.response_url, client, traits);
    await owner.execute(sql`update bench_floor_requests set state = 'done', finished_at = now() where team_id = ${command.team_id} and id = ${stored.id}`);
  });
}

export async function benchRoundTrip(database: DatabaseHandle, requestsPerLevel: number): Promise<LatencyRow[]> {
  const api = await new LocalSlackWebApi([], actor.teamId).start();
  const { rapport, port: rapportPort } = await startBenchRapport(database, api, actor);

  // The same receiver class with nothing but an ack: the floor any Bolt app pays.
  const bare = await plainBoltApp(async ({ ack }) => ack());

  // The minimal peer: what a plain Bolt app does for the same command, in one insert and one reply.
  const db = database.owner;
  await db.execute(
    sql`create table if not exists bench_peer_calls (id bigserial primary key, team_id text not null, client text not null, traits jsonb not null, notes text not null, logged_by text not null, logged_at timestamptz not null default now())`,
  );
  const peer = await plainBoltApp(async ({ ack, command }) => {
    const { client, traits, notes } = wordsOfCall(command.text);
    await db.execute(
      sql`insert into bench_peer_calls (team_id, client, traits, notes, logged_by) values (${command.team_id}, ${client}, ${JSON.stringify(traits)}::jsonb, ${notes}, ${command.user_id})`,
    );
    await ack();
    await replyLogged(command.response_url, client, traits);
  });
  const floor = await floorOfGuarantees(database);

  const senders = {
    rapport: benchSender(rapportPort, api),
    bare: benchSender(bare.port, api),
    peer: benchSender(peer.port, api),
    floor: benchSender(floor.port, api),
  };
  let seq = 0;
  let rapportSent = 0;
  let rapportReplied = 0;
  /** The commands sent to Rapport (the peer's replies are not Rapport's work). */
  const rapportIds = new Set<string>();
  const drained = async () => {
    // Work after the ack (storing, scoring, replying) must finish before the next level starts.
    while (rapportReplied < rapportSent) await new Promise((r) => setTimeout(r, 20));
  };
  // When each command was sent, and how long until its reply reached its response URL.
  const sentAt = new Map<string, number>();
  const awaited = new Map<string, () => void>();
  let replies: number[] = [];
  api.onCall((call) => {
    const id = call.method === 'response_url' ? (call.responseUrlId ?? '') : '';
    if (rapportIds.has(id)) rapportReplied++;
    const at = sentAt.get(id);
    if (at === undefined) return;
    replies.push(performance.now() - at);
    awaited.get(id)?.();
  });
  const send =
    (target: Target, loop: 'ack' | 'reply' = 'ack') =>
    async () => {
      const n = ++seq;
      const id = `b${n}`;
      if (target === 'rapport') (rapportSent++, rapportIds.add(id));
      sentAt.set(id, performance.now());
      const replied = loop === 'reply' ? new Promise<void>((resolve) => awaited.set(id, resolve)) : undefined;
      const res = await senders[target].command(actor, '/call', `acme +communication -reporting bench call ${n}`, { triggerId: `bench-${n}`, responseId: id });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      await replied;
      return res.ms;
    };

  const rows: LatencyRow[] = [];
  // Warm up all four.
  for (const target of ['bare', 'rapport'] as const) await measure(send(target), 10, 50);
  for (const target of ['peer', 'floor'] as const) await measure(send(target, 'reply'), 10, 50);
  await drained();
  // Closed loops at 1, 10 and 50 senders, then one sender pausing 15 ms between requests. In an ack loop
  // Rapport's workers fall behind the receiver (it acks faster than the work is done), so its acks share the
  // machine with a backlog; a reply loop is people waiting for their answer before the next command.
  for (const [concurrency, gapMs] of [
    [1, 0],
    [10, 0],
    [50, 0],
    [1, PACED_GAP_MS],
  ] as const) {
    // Interleave them so machine noise hits all alike.
    for (const [target, loop] of [
      ['bare', 'ack'],
      ['peer', 'reply'],
      ['floor', 'reply'],
      ['rapport', 'ack'],
      ['rapport', 'reply'],
    ] as const) {
      replies = [];
      const [appFrom, databaseFrom] = [process.cpuUsage(), localServerCpuMs()];
      const row: LatencyRow = { target, loop, ...(await measure(send(target, loop), concurrency, requestsPerLevel, gapMs)) };
      await drained();
      const [app, databaseTo] = [process.cpuUsage(appFrom), localServerCpuMs()];
      row.cpu = {
        app: (app.user + app.system) / 1000 / requestsPerLevel,
        database: databaseFrom === undefined || databaseTo === undefined ? undefined : (databaseTo - databaseFrom) / requestsPerLevel,
      };
      if (target !== 'bare') row.reply = percentiles(replies);
      rows.push(row);
    }
  }
  await rapport.stop().catch(() => {});
  for (const app of [bare, peer, floor]) await app.app.stop().catch(() => {});
  await api.stop();
  return rows;
}

export interface WorkerThroughputRow {
  workerProcesses: number;
  commands: number;
  perSecond: number;
  reply: { p50: number; p99: number };
}

/**
 * Commands/s when the work is done by separate worker processes (`src/worker.ts`, 4 at once each) and the
 * receiver only stores and acks (WORKERS=0): 50 senders, until every reply has arrived.
 */
export async function benchWorkerProcesses(database: DatabaseHandle, databaseUrl: string, commands: number): Promise<WorkerThroughputRow[]> {
  const api = await new LocalSlackWebApi([], actor.teamId).start();
  const receiver = createRapport({
    slack: { signingSecret: BENCH_SECRET, botToken: 'xoxb-bench', appToken: undefined, apiUrl: api.apiUrl },
    database,
    logger: silentLogger,
    workers: { concurrency: 0 },
  });
  const port = await receiver.start(0, '127.0.0.1');
  await createClient(database.owner, { teamId: actor.teamId, by: actor.userId, input: { name: 'Acme Workers' } }).catch(() => {});
  const send = benchSender(port, api);
  const sentAt = new Map<string, number>();
  const rows: WorkerThroughputRow[] = [];
  let seq = 0;
  for (const workerProcesses of [1, 2]) {
    const workers = Array.from({ length: workerProcesses }, () =>
      spawn(process.execPath, builtCommand('worker'), {
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          SLACK_SIGNING_SECRET: BENCH_SECRET,
          SLACK_BOT_TOKEN: 'xoxb-bench',
          SLACK_API_URL: api.apiUrl,
          WORKERS: '4',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      }),
    );
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            let out = '';
            w.stderr!.on('data', (c: Buffer) => ((out += c.toString()), out.includes('worker is ready') && resolve()));
            w.once('exit', (code) => reject(new Error(`worker exited ${code}: ${out}`)));
          }),
      ),
    );
    const replies: number[] = [];
    const off = api.onCall((call) => {
      const at = call.method === 'response_url' ? sentAt.get(call.responseUrlId ?? '') : undefined;
      if (at !== undefined) replies.push(performance.now() - at);
    });
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < commands) {
          next++;
          const n = ++seq;
          sentAt.set(`w${n}`, performance.now());
          await send.command(actor, '/call', `acme workers +communication worker bench ${n}`, { triggerId: `wbench-${n}`, responseId: `w${n}` });
        }
      }),
    );
    while (replies.length < commands) await new Promise((r) => setTimeout(r, 10));
    const seconds = (performance.now() - started) / 1000;
    off();
    rows.push({ workerProcesses, commands, perSecond: commands / seconds, reply: percentiles(replies) });
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));
  }
  await receiver.stop();
  await api.stop();
  return rows;
}
