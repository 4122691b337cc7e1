/**
 * Rapport behind a real PgBouncer in transaction mode (Debian's package, 1.18: no prepared statements across
 * transactions), as DATABASE_POOLER=transaction runs it: commands are stored, worked and answered through it;
 * two workspaces' transactions following each other on the same server connection each see their own rows only
 * (the workspace is a per-transaction setting, never the session's); and LISTEN, which a transaction pooler
 * cannot carry, wakes on the direct connection while NOTIFY goes through the pooler.
 * Skipped, saying why, without TEST_DATABASE_URL or without pgbouncer installed (.ci/run installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import type { DatabaseHandle } from '../../src/db/client.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { createClient } from '../../src/db/queries/clients.js';
import { calls, clients, slackRequests } from '../../src/db/schema/index.js';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { SlackRequestSender } from '../../src/local/slackRequests.js';
import { silentLogger } from '../../src/log.js';
import { createRapport, type Rapport } from '../../src/rapport.js';
import { openPrivateDatabase } from '../support/privateDatabase.js';
import { pgbouncerBinary, startPgBouncer, type PgBouncer } from '../support/pgbouncer.js';

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
const binary = pgbouncerBinary();
const skipped = !serverUrl ? 'TEST_DATABASE_URL is not set' : !binary ? 'pgbouncer is not installed (apt-get install pgbouncer; .ci/run does)' : undefined;
if (skipped) console.warn(`test/db/pgbouncer.test.ts skipped: ${skipped}`);

const A = 'T0POOLA';
const B = 'T0POOLB';
const SECRET = 'pgbouncer-test-signing-secret-0123';
const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

describe.skipIf(skipped !== undefined)('behind PgBouncer in transaction mode', () => {
  let bouncer: PgBouncer;
  let handle: DatabaseHandle & { url: string };

  beforeAll(async () => {
    const serverUser = decodeURIComponent(new URL(serverUrl!).username) || 'postgres';
    bouncer = await startPgBouncer(binary!, serverUrl!, [serverUser, 'rapport_app'], 2);
    handle = await openPrivateDatabase(serverUrl!, 'rapport_pool', 8, {
      routes: (direct) => ({ databaseUrl: bouncer.through(direct), pooler: 'transaction', directUrl: direct }),
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}\npgbouncer said:\n${bouncer.log().slice(-2000)}`);
    });
    for (const team of [A, B]) {
      for (const name of ['Acme', 'Globex', 'Initech']) {
        await inWorkspace(team, () => createClient(handle.db, { teamId: team, by: 'U0SEED', input: { name: `${name} ${team}` } }));
      }
    }
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    await bouncer?.stop();
  });

  it('really goes through the pooler: many client connections, at most two server connections per user', async () => {
    const pids = new Set<number>();
    await Promise.all(
      Array.from({ length: 16 }, () =>
        inWorkspace(A, async () => {
          const [row] = rowsOf(await handle.db.execute(sql`select pg_backend_pid() as pid`));
          pids.add(Number(row!.pid));
        }),
      ),
    );
    expect(pids.size).toBeGreaterThanOrEqual(1);
    expect(pids.size).toBeLessThanOrEqual(2);
  });

  it('keeps two workspaces apart when their transactions, interleaved, share one server connection', async () => {
    const seenBy = new Map<number, Set<string>>();
    const rounds = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? A : B));
    const results = await Promise.all(
      rounds.map((team, i) =>
        inWorkspace(team, async () => {
          // A transaction (several statements) and a lone statement, alternately: no team filter, the wall alone.
          const read =
            i % 4 < 2
              ? await handle.db.transaction(async (tx) => {
                  const [{ pid }] = rowsOf(await tx.execute(sql`select pg_backend_pid() as pid`)) as [{ pid: number }];
                  const names = await tx.select({ name: clients.name, teamId: clients.teamId }).from(clients);
                  return { pid: Number(pid), names };
                })
              : await (async () => {
                  const rows = rowsOf(await handle.db.execute(sql`select pg_backend_pid() as pid, array_agg(team_id) as teams from clients`));
                  const teams = (rows[0]!.teams as string[] | null) ?? [];
                  return { pid: Number(rows[0]!.pid), names: teams.map((teamId) => ({ name: '', teamId })) };
                })();
          const teams = seenBy.get(read.pid) ?? new Set<string>();
          teams.add(team);
          seenBy.set(read.pid, teams);
          return { team, teams: [...new Set(read.names.map((n) => n.teamId))], count: read.names.length };
        }),
      ),
    );
    for (const r of results) expect(r).toEqual({ team: r.team, teams: [r.team], count: 3 });
    // The point of the test: one server connection served both workspaces, one after the other.
    expect([...seenBy.values()].some((teams) => teams.size === 2)).toBe(true);
    // Nothing stays on those server connections: a client of rapport_app's own that never enters a workspace (as any
    // other pooled client would be), landing on them afterwards, sees no workspace and no row.
    const bare = postgres(bouncer.through(handle.url), { username: 'rapport_app', prepare: false, max: 4, onnotice: () => {} });
    try {
      const after = await Promise.all(
        Array.from(
          { length: 8 },
          () => bare<{ pid: number; team: string | null; n: number }[]>`
          select pg_backend_pid() as pid, current_setting('rapport.team_id', true) as team, (select count(*)::int from clients) as n`,
        ),
      );
      expect(after.flat().filter((r) => seenBy.has(r.pid)).length).toBeGreaterThan(0);
      for (const [row] of after) expect({ team: row!.team || null, n: row!.n }).toEqual({ team: null, n: 0 });
    } finally {
      await bare.end();
    }
  });

  it('hears NOTIFY sent through the pooler on its direct LISTEN connection', async () => {
    const heard: string[] = [];
    const unlisten = await handle.listen('rapport_pool_test', (payload) => heard.push(payload));
    try {
      await handle.owner.execute(sql`select pg_notify('rapport_pool_test', 'through the pooler')`);
      await expect.poll(() => heard, { timeout: 15_000 }).toEqual(['through the pooler']);
    } finally {
      await unlisten();
    }
  });

  describe('a command through the receiver', () => {
    let api: LocalSlackWebApi;
    let rapport: Rapport;
    let send: SlackRequestSender;
    const actor = { teamId: A, userId: 'U0ALICE', channelId: 'C0SALES' };

    beforeAll(async () => {
      api = await new LocalSlackWebApi([{ id: 'U0ALICE', name: 'alice', teamId: A }], A).start();
      rapport = createRapport({
        slack: { signingSecret: SECRET, botToken: 'xoxb-pool', appToken: undefined, apiUrl: api.apiUrl },
        database: handle,
        logger: silentLogger,
      });
      const port = await rapport.start(0, '127.0.0.1');
      send = new SlackRequestSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
    }, 30_000);

    afterAll(async () => {
      await rapport?.stop();
      await api?.stop();
    });

    it('is stored, worked and answered, ten at once, each call stored once', async () => {
      const sent = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          send.command(actor, '/call', `acme ${A} +communication pooled call ${i}`, { triggerId: `pool-${i}`, responseId: `pool-${i}` }),
        ),
      );
      expect(sent.map((r) => r.status)).toEqual(Array(10).fill(200));
      await expect.poll(() => api.callsTo('response_url').length, { timeout: 30_000 }).toBe(10);
      const stored = await handle.owner.select({ id: calls.id }).from(calls).where(eq(calls.teamId, A));
      expect(stored).toHaveLength(10);
      await expect
        .poll(
          async () => (await handle.owner.select({ state: slackRequests.state }).from(slackRequests).where(eq(slackRequests.teamId, A))).map((r) => r.state),
          {
            timeout: 30_000,
          },
        )
        .toEqual(Array(10).fill('done'));
    });
  });
});
