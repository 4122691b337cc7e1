/**
 * Nothing Slack was told "ok" about is lost (issue: durable commands). Real processes (`src/main.ts`,
 * `src/worker.ts`) on a PostgreSQL server of the suite's own, SIGKILLed at chosen moments; the test plays Slack
 * (signed requests in, a local Web API recording every answer out) and counts, per command acknowledged, the
 * calls stored and the confirmations sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, like, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { createClient } from '../../src/db/queries/clients.js';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { SlackRequestSender, slackSignature } from '../../src/local/slackRequests.js';
import { silentLogger } from '../../src/log.js';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres.js';
import { builtCommand } from '../support/built.js';

const available = !!postgresBinaries();
if (!available) console.warn('durability tests skipped: no PostgreSQL binaries under /usr/lib/postgresql');

const SECRET = 'durability-signing-secret-0123';
const TEAM = 'T0DURABLE';
const actor = { teamId: TEAM, userId: 'U0DURA', channelId: 'C0DURA' };

interface Instance {
  name: string;
  child: ChildProcess;
  /** The receiver's events URL (receivers only). */
  url: string | undefined;
  exited: Promise<void>;
}

describe.skipIf(!available)('durable requests on a throwaway PostgreSQL server', () => {
  let pg: ThrowawayPostgres;
  let database: DatabaseHandle;
  let api: LocalSlackWebApi;
  const instances: Instance[] = [];

  /** Starts `dist/main.js` (a receiver, with or without workers) or `dist/worker.js`, and waits until it is ready. */
  async function start(name: string, entry: 'main' | 'worker', env: Record<string, string> = {}): Promise<Instance> {
    const child = spawn(process.execPath, builtCommand(entry), {
      env: {
        ...process.env,
        DATABASE_URL: pg.url,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: `xoxb-${name}`,
        SLACK_API_URL: api.apiUrl,
        PORT: '0',
        REQUEST_LEASE_SECONDS: '2',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const url = await new Promise<string | undefined>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 60_000);
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // The ready line (a JSON log line) names the receiver's URL.
        const ready = output.split('\n').find((line) => /Rapport (?:worker )?is ready/.test(line));
        if (!ready) return;
        clearTimeout(timer);
        resolve(/"receiver":"(http:\/\/localhost:\d+\/slack\/events)"/.exec(ready)?.[1]);
      });
      child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output}`)));
    });
    const instance = { name, child, url, exited };
    instances.push(instance);
    return instance;
  }

  async function kill(instance: Instance): Promise<void> {
    instance.child.kill('SIGKILL');
    await instance.exited;
  }

  const sender = (url: string) => new SlackRequestSender({ url, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });

  /** Calls stored for each trigger (`cmd:<trigger>` is the request key every write of the command carries). */
  async function storedByTrigger(prefix: string): Promise<Map<string, number>> {
    const rows = await database.owner
      .select({ key: schema.calls.requestKey, n: count() })
      .from(schema.calls)
      .where(and(eq(schema.calls.teamId, TEAM), like(schema.calls.requestKey, `cmd:${prefix}%`)))
      .groupBy(schema.calls.requestKey);
    return new Map(rows.map((r) => [r.key!.slice(4), r.n]));
  }

  const confirmationsOf = (trigger: string) => api.calls.filter((c) => c.method === 'response_url' && c.responseUrlId === trigger).length;

  /** Waits until every acknowledged trigger is stored and confirmed (or the time is up), then counts. */
  async function settle(prefix: string, acked: string[], timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    let stored = new Map<string, number>();
    for (;;) {
      stored = await storedByTrigger(prefix);
      const done = acked.every((t) => (stored.get(t) ?? 0) > 0 && confirmationsOf(t) > 0);
      if (done || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 500)); // late duplicates, if any, would arrive now
    stored = await storedByTrigger(prefix);
    return {
      stored: acked.filter((t) => (stored.get(t) ?? 0) > 0).length,
      confirmed: acked.filter((t) => confirmationsOf(t) > 0).length,
      duplicateRows: [...stored.values()].reduce((sum, n) => sum + n - 1, 0),
      repeatedConfirmations: acked.reduce((sum, t) => sum + Math.max(0, confirmationsOf(t) - 1), 0),
    };
  }

  beforeAll(async () => {
    pg = await startThrowawayPostgres();
    database = await openDatabase({ databaseUrl: pg.url, logger: silentLogger, poolSize: 4 });
    api = await new LocalSlackWebApi([{ id: actor.userId, name: 'dura', teamId: TEAM }], TEAM).start();
    await createClient(database.owner, { teamId: TEAM, by: actor.userId, input: { name: 'Durable Co' } });
  });
  afterAll(async () => {
    for (const i of instances) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    await api?.stop();
    await database?.close();
    await pg?.stop();
  });

  it('receiver SIGKILLed after the k-th ack: a second replica and the restarted one finish every acknowledged command once', async () => {
    let front = await start('a', 'main');
    let standby = await start('b', 'main');
    const figures: string[] = [];
    for (const [n, k] of [
      [1, 1],
      [10, 1],
      [10, 5],
      [10, 10],
      [50, 1],
      [50, 25],
      [50, 50],
    ] as const) {
      const prefix = `kill-${n}-${k}-`;
      const send = sender(front.url!);
      const acked: string[] = [];
      let killing: Promise<void> | undefined;
      await Promise.all(
        Array.from({ length: n }, async (_, i) => {
          const trigger = `${prefix}${i}`;
          try {
            const res = await send.command(actor, '/call', `durable co +comms killed after ack ${k} of ${n}, #${i}`, {
              triggerId: trigger,
              responseId: trigger,
            });
            if (res.status !== 200) return;
            acked.push(trigger);
            if (acked.length === k) killing = kill(front);
          } catch {
            // The connection died with the receiver: not acknowledged, so Slack would have told the person.
          }
        }),
      );
      await killing;
      const counts = await settle(prefix, acked);
      figures.push(
        `N=${n} k=${k}: acknowledged ${acked.length}, stored ${counts.stored}, confirmed ${counts.confirmed}, duplicate rows ${counts.duplicateRows}, repeated confirmations ${counts.repeatedConfirmations}`,
      );
      expect(acked.length).toBeGreaterThanOrEqual(k);
      expect(counts).toMatchObject({ stored: acked.length, confirmed: acked.length, duplicateRows: 0 });
      // The restarted replica takes the standby's place; the standby is now the front.
      [front, standby] = [standby, await start(`${front.name}'`, 'main')];
    }
    console.log(`[reliability] receiver killed after the k-th ack (lease 2 s):\n  ${figures.join('\n  ')}`);
    await Promise.all([kill(front), kill(standby)]);
  });

  it('worker process SIGKILLed mid-transaction: another worker finishes every command once', async () => {
    const receiver = await start('receiver', 'main', { WORKERS: '0' });
    const first = await start('worker-1', 'worker');
    // Every worker's transaction stops at its second insert (trait observations) until this lock goes.
    const locker = postgres(pg.url, { max: 2, onnotice: () => {} });
    const lock = await locker.reserve();
    await lock`begin`;
    await lock`lock table trait_observations in share mode`;
    const prefix = 'midtx-';
    const send = sender(receiver.url!);
    const acked: string[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const res = await send.command(actor, '/call', `durable co +comms worker killed, #${i}`, { triggerId: `${prefix}${i}`, responseId: `${prefix}${i}` });
        if (res.status === 200) acked.push(`${prefix}${i}`);
      }),
    );
    // Wait until the worker holds four requests, each inside a transaction that wrote its call and waits.
    for (let i = 0; i < 200; i++) {
      const [waiting] =
        await locker`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'insert into "trait_observations"%'`;
      if (waiting!.n >= 4) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const [inTransaction] = await locker`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock'`;
    await kill(first);
    await lock`commit`;
    lock.release();
    await locker.end();
    const second = await start('worker-2', 'worker');
    const counts = await settle(prefix, acked);
    console.log(
      `[reliability] worker killed with ${inTransaction!.n} transactions open: acknowledged ${acked.length}, stored ${counts.stored}, confirmed ${counts.confirmed}, duplicate rows ${counts.duplicateRows}, repeated confirmations ${counts.repeatedConfirmations}`,
    );
    expect(inTransaction!.n).toBeGreaterThanOrEqual(1);
    expect(acked).toHaveLength(10);
    expect(counts).toEqual({ stored: 10, confirmed: 10, duplicateRows: 0, repeatedConfirmations: 0 });
    await Promise.all([kill(receiver), kill(second)]);
  });

  it('a delivery replayed to a second replica is refused there, and stores nothing', async () => {
    const [one, two] = await Promise.all([start('replica-1', 'main'), start('replica-2', 'main')]);
    const before = (await storedByTrigger('replay-')).size;
    const body = sender(one.url!).commandBody(actor, '/call', 'durable co +comms replayed', { triggerId: 'replay-1', responseId: 'replay-1' });
    const now = Math.floor(Date.now() / 1000);
    const signature = slackSignature(SECRET, now, body);
    const first = await sender(one.url!).send(body, 'application/x-www-form-urlencoded', { timestamp: now, signature });
    const replays = await Promise.all(
      [one, two, two].map((r) => sender(r.url!).send(body, 'application/x-www-form-urlencoded', { timestamp: now, signature })),
    );
    const counts = await settle('replay-', ['replay-1']);
    const [requests] = await database.owner
      .select({ n: count() })
      .from(schema.slackRequests)
      .where(and(eq(schema.slackRequests.teamId, TEAM), sql`${schema.slackRequests.requestKey} = 'cmd:replay-1'`));
    console.log(
      `[reliability] replay: first delivery ${first.status}, the same delivery to replica 1, 2, 2: ${replays.map((r) => r.status).join(', ')}; calls stored ${counts.stored - before}, requests stored ${requests!.n}`,
    );
    expect(first.status).toBe(200);
    expect(replays.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(counts).toEqual({ stored: 1, confirmed: 1, duplicateRows: 0, repeatedConfirmations: 0 });
    await Promise.all([kill(one), kill(two)]);
  });
});
