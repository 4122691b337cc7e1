/**
 * A lone statement of the app carries its workspace with it: the settings row-level security reads travel as a
 * prelude in the same implicit transaction (patches/postgres+3.4.9.patch, workspaceScope.ts), so the statement
 * costs one round trip, sees its own workspace only, and leaves nothing on the pooled connection for the next.
 * Postgres only: the embedded database has no network to save round trips on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createClient } from '../../src/db/queries/clients.js';
import { clients } from '../../src/db/schema/index.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { statementBuiltOnce } from '../../src/db/builtOnce.js';
import { openPrivateDatabase } from '../support/privateDatabase.js';
import { startStatementProxy, type StatementProxy } from '../support/statementProxy.js';

const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;
if (!serverUrl) console.warn('test/db/statementPrelude.test.ts skipped: TEST_DATABASE_URL is not set');

const A = 'T0PRELA';
const B = 'T0PRELB';
const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

describe.skipIf(!serverUrl)('a lone statement carries its workspace', () => {
  let proxy: StatementProxy;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    proxy = await startStatementProxy(serverUrl!);
    // One connection: every statement below lands on the connection the one before it used.
    handle = await openPrivateDatabase(serverUrl!, 'rapport_prelude', 1, { routes: (url) => ({ databaseUrl: proxy.through(url) }) });
    await createClient(handle.owner, { teamId: A, by: 'U0A', input: { name: 'Acme' } });
    await createClient(handle.owner, { teamId: B, by: 'U0B', input: { name: 'Borealis' } });
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
    await proxy?.stop();
  });

  it('reads its own workspace in one round trip, and the next statement on the connection inherits nothing', async () => {
    const names = (team: string) => inWorkspace(team, () => handle.db.select({ name: clients.name }).from(clients));
    await names(A); // prepared once
    proxy.clear();
    expect(await names(A)).toEqual([{ name: 'Acme' }]);
    expect(proxy.roundTrips()).toBe(1);
    expect(proxy.executed.some((s) => /^begin/i.test(s))).toBe(false);
    expect(await names(B)).toEqual([{ name: 'Borealis' }]);

    // Outside any workspace the same connection sees nothing: the settings ended with the statement's transaction.
    const outside = rowsOf(await handle.db.execute(sql`select current_setting('rapport.team_id', true) as team, (select count(*) from clients)::int as seen`));
    expect(outside).toEqual([{ team: '', seen: 0 }]);
  }, 30_000);

  it('commits without waiting for the disk only in the work of a stored request, lone statement or transaction', async () => {
    const setting = sql`select current_setting('synchronous_commit') as sync`;
    const lone = async (replayable: boolean) => rowsOf(await inWorkspace(A, () => handle.db.execute(setting), { replayable }))[0]?.sync;
    const inTransaction = async (replayable: boolean) =>
      rowsOf(await inWorkspace(A, () => handle.db.transaction((tx) => tx.execute(setting)), { replayable }))[0]?.sync;
    const serverDefault = rowsOf(await handle.owner.execute(setting))[0]?.sync;
    expect(serverDefault).not.toBe('off');
    expect([await lone(true), await inTransaction(true)]).toEqual(['off', 'off']);
    // Whatever ran before on the connection, a person's form (checked before its ack) waits for the disk.
    expect([await lone(false), await inTransaction(false)]).toEqual([serverDefault, serverDefault]);
  }, 30_000);

  it('writes its own workspace only, and a failing statement fails its caller and leaves the connection usable', async () => {
    const untouched = await inWorkspace(A, () =>
      handle.db.update(clients).set({ monthlyValue: 10 }).where(eq(clients.teamId, B)).returning({ id: clients.id }),
    );
    expect(untouched).toEqual([]);
    const mine = await inWorkspace(A, () => handle.db.update(clients).set({ monthlyValue: 10 }).where(eq(clients.teamId, A)).returning({ id: clients.id }));
    expect(mine).toHaveLength(1);

    await expect(inWorkspace(A, () => handle.db.execute(sql`select 1 / 0`))).rejects.toThrow();
    expect(rowsOf(await inWorkspace(A, () => handle.db.execute(sql`select count(*)::int as seen from clients`)))).toEqual([{ seen: 1 }]);
  }, 30_000);

  it('has a statement built once planned once, where another is planned anew for its first runs', async () => {
    const namesOf = statementBuiltOnce<{ teamId: string }, { built_once: string }>(
      (p) => sql`select ${clients.name} as built_once from ${clients} where ${clients.teamId} = ${p.teamId}`,
    );
    const monthly = (team: string) =>
      inWorkspace(team, () =>
        handle.db
          .select({ value: sql`${clients.monthlyValue}`.as('planned_anew') })
          .from(clients)
          .where(eq(clients.teamId, team)),
      );
    for (let i = 0; i < 7; i++) {
      expect(await inWorkspace(A, () => namesOf(handle.db, { teamId: A }))).toEqual([{ built_once: 'Acme' }]);
      await monthly(A);
    }
    // The one connection's prepared statements, as the server planned them.
    const plans = rowsOf(
      await handle.db.execute(
        sql`select statement, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where statement like '%built_once%' or statement like '%planned_anew%'`,
      ),
    );
    const builtOnce = plans.find((p) => String(p.statement).includes('as built_once from'));
    const other = plans.find((p) => String(p.statement).includes('"planned_anew" from'));
    expect(builtOnce).toMatchObject({ generic: 7, custom: 0 });
    expect(other?.custom).toBeGreaterThan(0);
  }, 30_000);

  it('parses the settings once per connection, and again after a failure that may have skipped that parse', async () => {
    const names = (team: string) => inWorkspace(team, () => handle.db.select({ name: clients.name }).from(clients));
    const settings = (texts: string[]) => texts.filter((s) => s.includes('set_config')).length;
    await names(A);
    proxy.clear();
    for (let i = 0; i < 3; i++) expect(await names(i % 2 ? B : A)).toEqual([{ name: i % 2 ? 'Borealis' : 'Acme' }]);
    expect(settings(proxy.executed)).toBe(3);
    expect(settings(proxy.statements)).toBe(0);

    // On a fresh connection, a first statement the server cannot parse fails before the settings' own parse is
    // reached (skipped with it): the next statement parses them anew rather than naming a statement never made.
    await handle.owner.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and usename = 'rapport_app'`);
    await new Promise((r) => setTimeout(r, 200));
    await expect(inWorkspace(A, () => handle.db.execute(sql.raw('selec 1')))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/syntax/) } });
    proxy.clear();
    expect(await names(B)).toEqual([{ name: 'Borealis' }]);
    expect(settings(proxy.statements)).toBe(1);
    expect(await names(A)).toEqual([{ name: 'Acme' }]);
    expect(settings(proxy.statements)).toBe(1);
  }, 30_000);
});
