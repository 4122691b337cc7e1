// Benchmark 3: the one production process (`node dist/main.js`) from start to a healthy /healthz, and its
// resident memory idle; on Postgres also after 10,000 commands. On the embedded database: first start (creates
// it) and restart, with what the time is spent on.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { SlackRequestSender } from '../src/local/slackRequests.js';
import { builtCommand } from '../test/support/built.js';

export interface StartRow {
  database: 'embedded' | 'postgres';
  run: string;
  healthyMs: number;
  /** Of which: opening the database and applying migrations (the app's own figure). */
  databaseMs: number;
  /** Of which: loading the code, before the database was asked for (spawn → first log line − database time). */
  loadMs: number;
  idleRssMb: number;
  /**
   * Postgres: RSS idle again after the first fifth of the commands (warmed up: JIT code, grown heap spaces) and
   * after all of them; a leak shows as growth from the one to the other. RSS idle counts garbage V8 has not
   * collected yet (it collects the old generation when it sees fit, not when the process goes idle), so each is
   * also measured after a full collection (`…GcRssMb`, the heap used then in `…HeapMb`): what the process holds.
   */
  afterLoad?: {
    commands: number;
    warmRssMb: number;
    rssMb: number;
    warmGcRssMb: number;
    gcRssMb: number;
    warmHeapMb: number;
    heapMb: number;
    perSecond: number;
  };
}

const SECRET = 'bench-signing-secret-0123456789';
const actor = { teamId: 'T0START', userId: 'U0START', channelId: 'C0START' };
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const idle = () => new Promise((r) => setTimeout(r, 3000));

interface Started {
  child: ChildProcess;
  /** Everything it wrote so far, stdout and stderr. */
  output: () => string;
  healthyMs: number;
  databaseMs: number;
  loadMs: number;
  receiver: string | undefined;
}

/** Spawns the app and polls the /healthz its ready line names until it answers 200. */
async function start(env: Record<string, string>): Promise<Started> {
  const started = performance.now();
  // `--inspect-port` opens nothing: only SIGUSR1 (collectGarbage) opens the inspector, on a port of its own.
  const child = spawn(process.execPath, ['--inspect-port=127.0.0.1:0', ...builtCommand('main')], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let firstLineAt = 0;
  let isReady = false;
  const lines = new Promise<{ health: string; receiver: string | undefined; databaseMs: number }>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      firstLineAt ||= performance.now();
      log += chunk.toString();
      // Read until ready only: parsing the whole log again for every chunk of a 10,000-command run made this
      // process (the senders and the Slack stand-in the app answers) the bottleneck it was measuring.
      if (isReady) return;
      const entries = log
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const ready = entries.find((e) => String(e.msg).startsWith('Rapport is ready'));
      const db = entries.find((e) => e.msg === 'database ready');
      if (ready && db) {
        isReady = true;
        resolve({ health: String(ready.health), receiver: ready.receiver as string | undefined, databaseMs: Number(db.startupMs) });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${log}`)));
  });
  const { health, receiver, databaseMs } = await lines;
  while (
    !(await fetch(health).then(
      (r) => r.ok,
      () => false,
    ))
  )
    await new Promise((r) => setTimeout(r, 5));
  const healthyMs = performance.now() - started;
  return { child, output: () => log, healthyMs, databaseMs, loadMs: Math.max(0, firstLineAt - started - databaseMs), receiver };
}

/**
 * A full garbage collection in the app, through its inspector (opened by SIGUSR1, once), then its RSS and the
 * heap it uses: what it holds, without the garbage V8 has not yet collected.
 */
async function afterFullGc(s: Started): Promise<{ rssMb: number; heapMb: number }> {
  if (!/ws:\/\/\S+/.test(s.output())) s.child.kill('SIGUSR1');
  while (!/ws:\/\/\S+/.test(s.output())) await new Promise((r) => setTimeout(r, 20));
  const inspector = new WebSocket(/ws:\/\/\S+/.exec(s.output())![0]);
  await new Promise((r, reject) => {
    inspector.addEventListener('open', r, { once: true });
    inspector.addEventListener('error', reject, { once: true });
  });
  const answers = new Map<number, (result: { result?: { value?: string } }) => void>();
  inspector.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result: { result?: { value?: string } } };
    if (message.id !== undefined) answers.get(message.id)?.(message.result);
  });
  let id = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<{ result?: { value?: string } }>((r) => {
      answers.set(++id, r);
      inspector.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    const heap = await call('Runtime.evaluate', { expression: 'String(process.memoryUsage().heapUsed)', returnByValue: true });
    return { rssMb: rssMb(s.child.pid!), heapMb: Number(heap.result?.value) / 1024 / 1024 };
  } finally {
    inspector.close();
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function benchEmbeddedStart(): Promise<StartRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-start-'));
  const rows: StartRow[] = [];
  try {
    for (const run of ['first start (creates the database)', 'restart (existing database)', 'restart again']) {
      const s = await start({ DATA_DIR: dir });
      await idle();
      rows.push({ database: 'embedded', run, healthyMs: s.healthyMs, databaseMs: s.databaseMs, loadMs: s.loadMs, idleRssMb: rssMb(s.child.pid!) });
      await stop(s.child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** On Postgres (`databaseUrl`, an empty database of the run's own): first start, restart, then `commands` /calls from 10 senders. */
export async function benchPostgresStart(databaseUrl: string, commands: number): Promise<StartRow[]> {
  const api = await new LocalSlackWebApi([], actor.teamId).start();
  const env = { DATABASE_URL: databaseUrl, SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: api.apiUrl };
  const rows: StartRow[] = [];
  try {
    const first = await start(env);
    await idle();
    rows.push({ database: 'postgres', run: 'first start (applies migrations)', ...pick(first), idleRssMb: rssMb(first.child.pid!) });
    await stop(first.child);

    const s = await start(env);
    await idle();
    const row: StartRow = { database: 'postgres', run: 'restart', ...pick(s), idleRssMb: rssMb(s.child.pid!) };
    const send = new SlackRequestSender({ url: s.receiver!, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
    await send.command(actor, '/client', 'add Memory Lane', { triggerId: 'mem-add', responseId: 'mem-add' });
    let replies = 0;
    const off = api.onCall((c) => void (c.method === 'response_url' && c.responseUrlId?.startsWith('m') && replies++));
    const started = performance.now();
    let next = 0;
    let warmRssMb = 0;
    let warm = { rssMb: 0, heapMb: 0 };
    let warmMs = 0;
    for (const until of [commands / 5, commands]) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          while (next < until) {
            const n = ++next;
            await send.command(actor, '/call', `memory lane +communication -reporting call ${n}`, { triggerId: `mem-${n}`, responseId: `m${n}` });
          }
        }),
      );
      while (replies < until) await new Promise((r) => setTimeout(r, 20));
      if (until < commands) {
        const pausedAt = performance.now();
        await idle();
        warmRssMb = rssMb(s.child.pid!);
        warm = await afterFullGc(s);
        warmMs = performance.now() - pausedAt;
      }
    }
    // The idle wait and the collection after the first fifth are not sending time.
    const perSecond = commands / ((performance.now() - started - warmMs) / 1000);
    off();
    await idle();
    const final = rssMb(s.child.pid!);
    const collected = await afterFullGc(s);
    row.afterLoad = {
      commands,
      warmRssMb,
      rssMb: final,
      warmGcRssMb: warm.rssMb,
      gcRssMb: collected.rssMb,
      warmHeapMb: warm.heapMb,
      heapMb: collected.heapMb,
      perSecond,
    };
    rows.push(row);
    await stop(s.child);
  } finally {
    await api.stop();
  }
  return rows;
}

const pick = (s: Started) => ({ healthyMs: s.healthyMs, databaseMs: s.databaseMs, loadMs: s.loadMs });

export interface PageStartRow {
  run: string;
  /** `npm start` spawned → the local workspace page, its settings and the default user's view all answered 200. */
  usableMs: number;
  /** Of which: npm, its build check (`prestart`) and loading the app's code, until the app asks for its database. */
  beforeAppMs: number;
  /** Of which: opening the database (the app's own figure). */
  databaseMs: number;
}

/**
 * What a newcomer waits for: `npm start` as the README says it (npm, the build check, the app), with no
 * configuration, on an empty data folder and then on the one it left, until the local workspace page is usable.
 * dist/ is current (the bench built it), so the build check finds nothing to compile, as on any start after the
 * first on a machine.
 */
export async function benchLocalPage(): Promise<PageStartRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-page-'));
  const rows: PageStartRow[] = [];
  try {
    for (const run of ['first start (empty data folder)', 'restart', 'restart again']) {
      const started = performance.now();
      // Its own process group: npm, the shell it runs scripts in and the app are stopped together.
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATA_DIR: dir, LOG_FORMAT: 'json' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const exited = new Promise((r) => npm.once('exit', r));
      let log = '';
      let appLineAt = 0;
      const ready = new Promise<{ url: string; databaseMs: number }>((resolve, reject) => {
        const read = (chunk: Buffer) => {
          log += chunk.toString();
          appLineAt ||= log.includes('"msg":"database ready"') ? performance.now() : 0;
          const url = /Rapport is ready: open (http:\/\/\S+\/)/.exec(log)?.[1];
          const databaseMs = Number(/"startupMs":(\d+)/.exec(log)?.[1]);
          if (url) resolve({ url, databaseMs });
        };
        npm.stdout!.on('data', read);
        npm.stderr!.on('data', read);
        void exited.then(() => reject(new Error(`npm start exited: ${log}`)));
      });
      const { url, databaseMs } = await ready;
      const usable = () =>
        Promise.all(['', 'local/config', 'local/state?user=U0DANA'].map((path) => fetch(`${url}${path}`).then((r) => r.ok))).then(
          (all) => all.every(Boolean),
          () => false,
        );
      while (!(await usable())) await new Promise((r) => setTimeout(r, 5));
      rows.push({ run, usableMs: performance.now() - started, beforeAppMs: Math.max(0, appLineAt - started - databaseMs), databaseMs });
      process.kill(-npm.pid!, 'SIGTERM');
      await exited;
      // The app lets go of the data folder last (its lock), and the next start would find it held.
      while (existsSync(join(dir, 'rapport.lock'))) await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
