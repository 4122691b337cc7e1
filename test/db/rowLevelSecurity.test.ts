/**
 * Row-level security, the second wall behind the team_id filters: the app's database, asked *without* a team
 * filter, answers with its own workspace's rows only, and cannot write another's; a statement run through it
 * can neither become another role (Postgres: it logs in as rapport_app) nor name another workspace (it has no
 * proof for it). Tables are listed from the database itself, so a table added without the policy fails here.
 * On Postgres it runs twice: as the server's superuser, and as an owner that is no superuser, which FORCE
 * binds too (its own policy lets it work across workspaces).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, getTableName, ne, sql, type SQL } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { workspaceTables } from '../../src/db/queries/export.js';
import { saveInstallation } from '../../src/db/queries/installations.js';
import { claimRequests, storeRequest } from '../../src/db/queries/requests.js';
import { DatabaseSetupError, openDatabase } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';
import { teamProof } from '../../src/db/workspaceScope.js';
import * as schema from '../../src/db/schema/index.js';
import { seedDemoPortfolio } from '../../src/local/demoSeed.js';
import { rowsByTable } from '../support/rows.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const A = 'T0WALLA';
const B = 'T0WALLB';

/** drizzle wraps the driver's error: the refusal is its cause. */
const refusedWith = (pattern: RegExp) => (error: unknown) => pattern.test(String((error as { cause?: Error }).cause?.message));
const refusedByPolicy = refusedWith(/row-level security/);
const permissionDenied = refusedWith(/permission denied/);

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

const SECRET_TABLE = 'workspace_proof_secret';

const VARIANTS = TEST_DRIVERS.flatMap((driver) => (driver === 'postgres' ? ['postgres', 'postgres, owner no superuser'] : [driver]));

describe.each(VARIANTS)('row-level security on %s', (variant) => {
  const driver = variant === 'pglite' ? 'pglite' : 'postgres';
  let handle: DatabaseHandle;
  /** The user of DATABASE_URL (the embedded database's own user). */
  let ownerRole: string;
  const tables = workspaceTables({ all: true });

  beforeAll(async () => {
    handle = await openTestDatabase(driver, { ordinaryOwner: variant === 'postgres, owner no superuser' });
    [{ name: ownerRole }] = rowsOf(await handle.owner.execute(sql`select current_user as name`)) as [{ name: string }];
    // Each workspace's demo portfolio, written through the app's database (so writes pass the policy too),
    // plus a stored request and an installation each, which only the owner writes.
    for (const team of [A, B]) {
      await seedDemoPortfolio(handle.db, { teamId: team, channelId: 'C0WALL', owners: ['U0OWNER'], admin: 'U0ADMIN' }, new Date());
      await storeRequest(handle.owner, {
        request: { teamId: team, requestKey: `cmd:${team}`, signature: `v0=${team}`, entry: 'command /call', body: {}, receivedAt: new Date() },
      });
      await saveInstallation(handle.owner, {
        keys: [{ id: 'test', key: randomBytes(32) }],
        record: {
          teamId: team,
          enterpriseId: null,
          isEnterpriseInstall: false,
          botToken: `xoxb-${team}`,
          botUserId: null,
          botId: null,
          scopes: '',
          installerUserId: null,
        },
        at: new Date(),
      });
    }
  }, 60_000);
  afterAll(() => handle?.close());

  it("every table has row-level security switched on and forced, the workspace's policy and the owner's", async () => {
    const found = rowsOf(
      await handle.owner.execute(sql`
        select c.relname as name, c.relrowsecurity as secured, c.relforcerowsecurity as forced,
               (select count(*)::int from pg_policy p where p.polrelid = c.oid and p.polname = 'workspace_rows') as "workspacePolicies",
               (select array_agg(r.rolname) from pg_policy p join pg_roles r on r.oid = any(p.polroles)
                  where p.polrelid = c.oid and p.polname = 'owner_rows') as "ownerPolicyRoles",
               exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'team_id' and not a.attisdropped) as "hasTeam"
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname = current_schema()
        order by 1`),
    );
    expect(found.map((t) => t.name).sort()).toEqual([...tables.map(getTableName), SECRET_TABLE].sort());
    const expected = (name: unknown) => ({
      name,
      secured: true,
      forced: true,
      workspacePolicies: name === SECRET_TABLE ? 0 : 1,
      ownerPolicyRoles: [ownerRole],
      hasTeam: name !== SECRET_TABLE,
    });
    expect(found).toEqual(found.map((t) => expected(t.name)));
  });

  it("the app's role holds nothing that reaches past the policies, and cannot read the secret that proves a workspace", async () => {
    const [role] = rowsOf(
      await handle.owner.execute(sql`
        select r.rolcanlogin as login, r.rolsuper or r.rolbypassrls or r.rolcreaterole or r.rolcreatedb or r.rolreplication as powers,
               (select count(*)::int from pg_auth_members m where m.member = r.oid) as memberships,
               has_database_privilege(r.oid, current_database(), 'TEMPORARY') as temporary,
               has_schema_privilege(r.oid, current_schema(), 'CREATE') as "create",
               has_table_privilege(r.oid, ${SECRET_TABLE}, 'SELECT') as "readsSecret"
        from pg_roles r where r.rolname = 'rapport_app'`),
    );
    expect(role).toEqual({ login: true, powers: false, memberships: 0, temporary: false, create: false, readsSecret: false });
    await expect(inWorkspace(A, () => handle.db.execute(sql`select secret from workspace_proof_secret`))).rejects.toSatisfy(permissionDenied);
    // A temporary table named like one of Rapport's would come first on the search path, and take the next
    // transactions' rows on the same pooled connection, whichever their workspace.
    await expect(inWorkspace(A, () => handle.db.execute(sql`create temporary table clients (id int)`))).rejects.toSatisfy(permissionDenied);
  });

  // The embedded database has one user, which takes rapport_app per transaction: a statement could RESET ROLE
  // there (README). On Postgres the app's connections log in as rapport_app, and stay it.
  it.runIf(driver === 'postgres')('a statement of the app cannot become another role: it is rapport_app, logged in as itself', async () => {
    const who = sql`select current_user as "current", session_user as "session", (select count(*)::int from clients where team_id = ${B}) as theirs`;
    const itself = [{ current: 'rapport_app', session: 'rapport_app', theirs: 0 }];
    const afterReset = await inWorkspace(A, () =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`reset role`);
        await tx.execute(sql`reset session authorization`);
        return rowsOf(await tx.execute(who));
      }),
    );
    expect(afterReset).toEqual(itself);
    // As lone statements too, whichever pooled connection each lands on.
    await inWorkspace(A, () => handle.db.execute(sql`reset role`));
    expect(rowsOf(await inWorkspace(A, () => handle.db.execute(who)))).toEqual(itself);
    for (const becoming of [
      sql`select set_config('role', ${ownerRole}, true)`,
      sql`select set_config('role', ${ownerRole}, false)`,
      sql.raw(`set role "${ownerRole}"`),
      sql.raw(`set session authorization "${ownerRole}"`),
    ]) {
      await expect(inWorkspace(A, () => handle.db.execute(becoming))).rejects.toSatisfy(permissionDenied);
    }
  });

  it('a statement that names another workspace has no proof for it: it sees and writes nothing, until given the proof', async () => {
    const naming = (team: string, proof?: SQL) =>
      proof
        ? sql`select set_config('rapport.team_id', ${team}, true), set_config('rapport.team_proof', ${proof}, true)`
        : sql`select set_config('rapport.team_id', ${team}, true)`;
    const seenAfter = (naming: SQL) =>
      inWorkspace(A, () =>
        handle.db.transaction(async (tx) => {
          await tx.execute(naming);
          const [seen] = rowsOf(
            await tx.execute(sql`select (select count(*)::int from clients where team_id = ${B}) as theirs, (select count(*)::int from clients) as "any"`),
          );
          return seen;
        }),
      );
    const none = { theirs: 0, any: 0 };
    // Its own workspace's proof does not carry over, nor does one made without the secret.
    expect(await seenAfter(naming(B))).toEqual(none);
    expect(await seenAfter(naming(B, sql`encode(sha256(convert_to(${`:${B}`}, 'UTF8')), 'hex')`))).toEqual(none);
    expect(await seenAfter(naming(B, sql`current_setting('rapport.team_proof')`))).toEqual(none);
    await expect(
      inWorkspace(A, () =>
        handle.db.transaction(async (tx) => {
          await tx.execute(naming(B));
          await tx.insert(schema.clients).values({ teamId: B, name: 'Planted', nameKey: 'planted' });
        }),
      ),
    ).rejects.toSatisfy(refusedByPolicy);
    // With the secret (the owner's alone), the same statements see B's rows: the proof is what was missing.
    const [{ secret }] = rowsOf(await handle.owner.execute(sql`select secret from workspace_proof_secret`)) as [{ secret: string }];
    const [theirs] = await handle.owner.select({ n: count() }).from(schema.clients).where(eq(schema.clients.teamId, B));
    expect(theirs!.n).toBeGreaterThan(0);
    expect(await seenAfter(naming(B, sql`${teamProof(secret, B)}`))).toEqual({ theirs: theirs!.n, any: theirs!.n });
  });

  it('the owner still works across workspaces: it claims the inbox requests of both', async () => {
    const claimed = await handle.owner.transaction((tx) => claimRequests(tx, { worker: 'W0WALL', leaseSeconds: 30, limit: 10 }));
    expect(new Set(claimed.map((r) => r.teamId))).toEqual(new Set([A, B]));
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

describe.runIf(TEST_DRIVERS.includes('pglite'))("an app's role that reaches past the policies (embedded database, whose roles are its own)", () => {
  it('stops Rapport at startup, saying what to run', async () => {
    const reaching = await openTestDatabase('pglite');
    await reaching.owner.execute(sql`alter role rapport_app createdb`);
    await reaching.owner.execute(sql`grant pg_read_all_data to rapport_app`);
    await reaching.owner.execute(sql`grant create on schema public to rapport_app`);
    const snapshot = await reaching.dump!();
    await reaching.close();
    const opening = openDatabase({ dataDir: undefined, logger: silentLogger, snapshot });
    await expect(opening).rejects.toThrow(DatabaseSetupError);
    await expect(opening).rejects.toThrow(
      'The role rapport_app must not reach past its workspace, and it has CREATEDB, membership in pg_read_all_data, CREATE on schema public.\n' +
        'As a superuser, run: ALTER ROLE rapport_app NOCREATEDB; REVOKE pg_read_all_data FROM rapport_app; REVOKE CREATE ON SCHEMA public FROM PUBLIC, rapport_app;',
    );
  }, 60_000);
});
