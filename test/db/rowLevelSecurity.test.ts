/**
 * Row-level security, the second wall behind the team_id filters: the app's database, asked *without* a team
 * filter, answers with its own workspace's rows only, and cannot write another's. Tables are listed from the
 * database itself, so a table added without the policy fails here.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, getTableName, ne, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { workspaceTables } from '../../src/db/queries/export.js';
import { saveInstallation } from '../../src/db/queries/installations.js';
import { storeRequest } from '../../src/db/queries/requests.js';
import * as schema from '../../src/db/schema/index.js';
import { seedDemoPortfolio } from '../../src/local/demoSeed.js';
import { rowsByTable } from '../support/rows.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const A = 'T0WALLA';
const B = 'T0WALLB';

/** drizzle wraps the driver's error: the refusal is its cause. */
const refusedByPolicy = (error: unknown) => /row-level security/.test(String((error as { cause?: Error }).cause?.message));

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

describe.each(TEST_DRIVERS)('row-level security on %s', (driver) => {
  let handle: DatabaseHandle;
  const tables = workspaceTables({ all: true });

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    // Each workspace's demo portfolio, written through the app's database (so writes pass the policy too),
    // plus a stored request and an installation each, which only the owner writes.
    for (const team of [A, B]) {
      await seedDemoPortfolio(handle.db, { teamId: team, channelId: 'C0WALL', owners: ['U0OWNER'], admin: 'U0ADMIN' }, new Date());
      await storeRequest(handle.owner, {
        teamId: team,
        requestKey: `cmd:${team}`,
        signature: `v0=${team}`,
        entry: 'command /call',
        body: {},
        receivedAt: new Date(),
      });
      await saveInstallation(
        handle.owner,
        [{ id: 'test', key: randomBytes(32) }],
        {
          teamId: team,
          enterpriseId: null,
          isEnterpriseInstall: false,
          botToken: `xoxb-${team}`,
          botUserId: null,
          botId: null,
          scopes: '',
          installerUserId: null,
        },
        new Date(),
      );
    }
  }, 60_000);
  afterAll(() => handle?.close());

  it('every table in the database holds a team_id and has the workspace policy switched on', async () => {
    const found = rowsOf(
      await handle.owner.execute(sql`
        select c.relname as name, c.relrowsecurity as secured,
               (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname = 'workspace_rows') as policies,
               exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'team_id' and not a.attisdropped) as "hasTeam"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema()
        order by 1`),
    );
    expect(found.map((t) => t.name).sort()).toEqual(tables.map(getTableName).sort());
    expect(found.filter((t) => !(t.secured && t.policies === 1 && t.hasTeam))).toEqual([]);
  });

  it('asked with no team filter, the app sees its own workspace only, in every table and every form of query', async () => {
    const owned = await rowsByTable(handle.owner, tables, (t) => eq(t.teamId, A));
    // Something to hide: both workspaces have rows in most tables.
    const theirs = await rowsByTable(handle.owner, tables, (t) => eq(t.teamId, B));
    expect(Object.values(theirs).filter((n) => n > 0).length).toBeGreaterThanOrEqual(8);

    const seen = await inWorkspace(A, () => rowsByTable(handle.db, tables, () => sql`true`));
    expect(seen).toEqual(owned);
    expect(await inWorkspace(A, () => rowsByTable(handle.db, tables, (t) => ne(t.teamId, A)))).toEqual(
      Object.fromEntries(tables.map((t) => [getTableName(t), 0])),
    );
    // Raw SQL and a transaction alike.
    const raw = await inWorkspace(A, () => handle.db.execute(sql`select distinct team_id from clients`));
    expect(rowsOf(raw).map((r) => r.team_id)).toEqual([A]);
    const inTransaction = await inWorkspace(B, () => handle.db.transaction(async (tx) => tx.selectDistinct({ team: schema.calls.teamId }).from(schema.calls)));
    expect(inTransaction).toEqual([{ team: B }]);
  });

  it('outside any workspace the app sees nothing, and no setting lingers on a pooled connection', async () => {
    await inWorkspace(A, () => handle.db.select({ n: count() }).from(schema.clients));
    const [none] = await handle.db.select({ n: count() }).from(schema.clients);
    expect(none!.n).toBe(0);
    const [who] = rowsOf(await handle.db.execute(sql`select current_user as role, current_setting('rapport.team_id', true) as team`));
    expect(who).toEqual({ role: 'rapport_app', team: '' });
    const [owner] = rowsOf(
      await handle.owner.execute(sql`select current_user = 'rapport_app' as restricted, current_setting('rapport.team_id', true) as team`),
    );
    expect(owner!.restricted).toBe(false);
    expect([null, '']).toContain(owner!.team);
  });

  it('workspaces working at once each see their own rows', async () => {
    const counts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? A : B)).map((team) =>
        inWorkspace(team, async () => {
          const rows = await handle.db.selectDistinct({ team: schema.clients.teamId }).from(schema.clients);
          return rows.map((r) => r.team).join() === team;
        }),
      ),
    );
    expect(counts.every(Boolean)).toBe(true);
  });

  it("cannot write another workspace's rows: inserts are refused, updates and deletes reach nothing", async () => {
    const [theirClient] = await handle.owner.select().from(schema.clients).where(eq(schema.clients.teamId, B)).limit(1);
    await expect(inWorkspace(A, () => handle.db.insert(schema.clients).values({ teamId: B, name: 'Planted', nameKey: 'planted' }))).rejects.toSatisfy(
      refusedByPolicy,
    );
    const updated = await inWorkspace(A, () =>
      handle.db.update(schema.clients).set({ name: 'Renamed' }).where(eq(schema.clients.id, theirClient!.id)).returning({ id: schema.clients.id }),
    );
    const deleted = await inWorkspace(A, () => handle.db.delete(schema.calls).where(eq(schema.calls.teamId, B)).returning({ id: schema.calls.id }));
    expect([updated, deleted]).toEqual([[], []]);
    // Moving its own row into the other workspace is refused too.
    await expect(inWorkspace(A, () => handle.db.update(schema.auditLog).set({ teamId: B }))).rejects.toSatisfy(refusedByPolicy);
    const [still] = await handle.owner.select({ name: schema.clients.name }).from(schema.clients).where(eq(schema.clients.id, theirClient!.id));
    expect(still!.name).toBe(theirClient!.name);
  });
});
