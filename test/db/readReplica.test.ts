/**
 * DATABASE_READ_URL: the heavy reads (Home's portfolio, `/rapport export`) go to the read replica, and nothing
 * that writes, nor the read after a write, ever does. No replica here: the "replica" is the same server behind
 * a proxy that records every statement sent through it (test/support/statementProxy.ts), which is enough to
 * prove the routing. Postgres only (skipped, saying why, without TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/client.js';
import { seedDemoPortfolio } from '../../src/local/demoSeed.js';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { SlackRequestSender } from '../../src/local/slackRequests.js';
import { silentLogger } from '../../src/log.js';
import { createRapport, type Rapport } from '../../src/rapport.js';
import { openPrivateDatabase } from '../support/privateDatabase.js';
import { startStatementProxy, type StatementProxy } from '../support/statementProxy.js';

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
if (!serverUrl) console.warn('test/db/readReplica.test.ts skipped: TEST_DATABASE_URL is not set (the embedded database has no replica)');

const TEAM = 'T0READS';
const SECRET = 'replica-test-signing-secret-0123';
const ALICE = { teamId: TEAM, userId: 'U0ALICE', channelId: 'C0SALES' };
const ADMIN = { teamId: TEAM, userId: 'U0ADMIN', channelId: 'C0SALES' };
/** What a new connection of postgres.js asks of the catalogue itself, whichever pool it belongs to. */
const connecting = /pg_catalog\.pg_type/;
const writes = /^\s*(insert|update|delete|merge|truncate|alter|create|drop|with\b[\s\S]*\b(insert|update|delete)\b)/i;

describe.skipIf(!serverUrl)('a read replica (DATABASE_READ_URL)', () => {
  let replica: StatementProxy;
  let handle: DatabaseHandle;
  let api: LocalSlackWebApi;
  let rapport: Rapport;
  let send: SlackRequestSender;
  /** What the app sent the replica since `clear()`, less connecting. */
  const toReplica = () => replica.statements.filter((s) => !connecting.test(s));

  beforeAll(async () => {
    replica = await startStatementProxy(serverUrl!);
    handle = await openPrivateDatabase(serverUrl!, 'rapport_reads', 6, { routes: (url) => ({ databaseUrl: url, readUrl: replica.through(url) }) });
    await seedDemoPortfolio(handle.owner, { teamId: TEAM, channelId: 'C0SALES', owners: ['U0ALICE'], admin: 'U0ADMIN' }, new Date());
    api = await new LocalSlackWebApi(
      [
        { id: 'U0ALICE', name: 'alice', teamId: TEAM },
        { id: 'U0ADMIN', name: 'admin', teamId: TEAM, isAdmin: true },
      ],
      TEAM,
    ).start();
    rapport = createRapport({
      slack: { signingSecret: SECRET, botToken: 'xoxb-reads', appToken: undefined, apiUrl: api.apiUrl },
      database: handle,
      logger: silentLogger,
    });
    const port = await rapport.start(0, '127.0.0.1');
    send = new SlackRequestSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
  }, 60_000);

  afterAll(async () => {
    await rapport?.stop();
    await api?.stop();
    await (handle as { close?: () => Promise<void> } | undefined)?.close?.();
    await replica?.stop();
  });

  const command = async (actor: typeof ALICE, name: string, text: string, id: string) => {
    const seq = api.lastSeq;
    expect((await send.command(actor, name, text, { triggerId: id, responseId: id })).status).toBe(200);
    return api.waitFor((c) => c.seq > seq && c.method === 'response_url' && c.responseUrlId === id, 30_000);
  };

  it('logging a call, and reading back its health, never touch the replica', async () => {
    replica.clear();
    await command(ALICE, '/call', 'acme +communication the replica must not see this', 'replica-call-1');
    expect(toReplica()).toEqual([]);
  });

  it("Home's portfolio is read from the replica, and nothing written there", async () => {
    replica.clear();
    const seq = api.lastSeq;
    expect((await send.event(TEAM, { type: 'app_home_opened', user: 'U0ADMIN', channel: 'D0ADMIN', tab: 'home' })).status).toBe(200);
    await api.waitFor((c) => c.seq > seq && c.method === 'views.publish' && c.params.user_id === 'U0ADMIN', 30_000);
    // A publish left over from an earlier test may be the one waited for: wait for this one's reads themselves. A
    // statement another test prepared on the replica's connection (the export reads standings too) is not parsed
    // again, only run: count the round trips, not the statements' text.
    await expect.poll(() => replica.roundTrips(), { timeout: 15_000 }).toBeGreaterThan(2);
    expect(toReplica().filter((s) => writes.test(s))).toEqual([]);
  });

  it('Home published again after a click on it reads the primary: it shows what the click wrote', async () => {
    replica.clear();
    const seq = api.lastSeq;
    const view = { id: 'V0HOME', type: 'home', blocks: [] };
    expect((await send.blockAction(ADMIN, { action_id: 'home_personal_digest', value: 'on' }, { view })).status).toBe(200);
    await api.waitFor((c) => c.seq > seq && c.method === 'views.publish' && c.params.user_id === 'U0ADMIN', 30_000);
    expect(toReplica()).toEqual([]);
  });

  it('the export is read from the replica, its audit line written on the primary', async () => {
    replica.clear();
    await command(ADMIN, '/rapport', 'export', 'replica-export-1');
    const sent = toReplica();
    expect(sent.some((s) => /from "calls"/.test(s))).toBe(true);
    expect(sent.filter((s) => writes.test(s))).toEqual([]);
  });
});
