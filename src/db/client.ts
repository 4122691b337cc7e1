/**
 * Opens the database: postgres.js against real Postgres when a URL is given, embedded PGlite otherwise.
 * Same drizzle schema, same `drizzle/` migrations, applied before the handle is returned.
 *
 * Two databases: `db`, what the app works with, runs every statement as the role `rapport_app` for the
 * workspace named by `inWorkspace` (workspaceScope.ts), so row-level security lets it see and write that
 * workspace's rows only, and none outside `inWorkspace`; `owner`, as the connecting user, migrates and runs the
 * few jobs that span workspaces (the request inbox, the scheduler's list, the purge). On Postgres each has its
 * own connections, `db`'s logged in as `rapport_app`, so no statement of the app can become the owner.
 * `reader` is `db` on a read replica (DATABASE_READ_URL), or `db` itself; and behind a transaction pooler
 * (DATABASE_POOLER=transaction) migrations and LISTEN go to the server itself (DATABASE_DIRECT_URL).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Logger } from '../log.js';
import * as schema from './schema/index.js';
import { inWorkspaces, inWorkspacesEmbedded } from './workspaceScope.js';
import { appRole } from './schema/columns.js';

/** Either driver, or a transaction of either: every query function takes this as its first argument. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Each read replica's handle, and the primary that writes for it (a replica takes no write). */
const primaries = new WeakMap<Database, Database>();

/** The rows of `db.execute`: postgres.js answers with them, PGlite with `{ rows }`. */
export function executedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Where a write that a read finds it needs goes: the primary of a replica's handle, or the handle itself. */
export function writerFor(db: Database): Database {
  return primaries.get(db) ?? db;
}

export interface DatabaseHandle {
  /** The app's: row-level security keeps each statement to the workspace of `inWorkspace`. */
  db: Database;
  /** The connecting user's, whose own policy (`owner_rows`) lets it see every row: only for work across workspaces. */
  owner: Database;
  /**
   * The app's too (the same row-level security), on the read replica when DATABASE_READ_URL is set: only for the
   * heavy reads that may lag the primary by a moment (Home's portfolio, the export). Read-after-write stays on
   * `db`. Without a replica it is `db` itself.
   */
  reader: Database;
  driver: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** Calls `onNotify` with the payload of every NOTIFY on `channel` (from any process on the same database); returns how to stop. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Embedded only: a tarball of the whole database, loadable as `snapshot`. */
  dump?: () => Promise<Blob>;
}

/**
 * The app runs from source (tsx), so this file always sits in src/db/ and the migrations two levels up.
 * Resolved once here rather than from the working directory, so `npm start` works from any folder.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * A new embedded database, created and migrated by the build (scripts/build.mjs), which a new data folder is
 * copied from: a fraction of creating one (PGlite runs initdb in WASM). Without it (`node dist/main.js` built
 * some other way, or tests running src/) the folder is created as before.
 */
const EMBEDDED_TEMPLATE = fileURLToPath(new URL('../../dist/embedded-database.tar.gz', import.meta.url));

/** As migration 0014 draws it. */
const NEW_PROOF_SECRET = `replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`;

/** Arbitrary constant naming Rapport's migration lock among the server's advisory locks. */
const MIGRATION_LOCK_KEY = 727_277_001;

/** The database cannot be used as it is: what to do is in the message (main prints it alone, no stack). */
export class DatabaseSetupError extends Error {}

export class DatabaseLockedError extends DatabaseSetupError {
  readonly code = 'database_locked';
}

/** A migration the server refused (a missing privilege, say): the server's message and hint, not drizzle's query. */
function migrationRefused(error: unknown): unknown {
  const cause = (error as { cause?: { message?: string; hint?: string } }).cause;
  if (!cause?.message) return error;
  return new DatabaseSetupError(`Rapport could not migrate the database: ${cause.message}${cause.hint ? `\n${cause.hint}` : ''}`, { cause: error });
}

export type OpenOptions =
  /**
   * `poolSize`: connections at most, the app's and the owner's together (three each at least). `appPassword` (DATABASE_APP_PASSWORD):
   * given to `rapport_app` at startup, for servers where it cannot log in without one.
   */
  | ({ databaseUrl: string; logger: Logger; poolSize?: number; appPassword?: string | undefined } & PostgresRoutes)
  /**
   * `dataDir: undefined` keeps the embedded database in memory; `snapshot` (a `dumpDataDir` tarball) starts
   * it from a copy instead of creating it, which is ~8× faster (tests open one per file).
   */
  | { databaseUrl?: undefined; dataDir: string | undefined; logger: Logger; snapshot?: Blob };

/** Where the Postgres connections go besides DATABASE_URL (README, "Behind PgBouncer, and a read replica"). */
export interface PostgresRoutes {
  /**
   * `transaction`: `databaseUrl` is a pooler in transaction mode (PgBouncer 1.18 keeps no prepared statement
   * across transactions, and hands each transaction any server connection): nothing is prepared, and whatever
   * needs a session (the migration lock, LISTEN) goes to `directUrl`.
   */
  pooler?: 'transaction' | undefined;
  /** The server itself: migrations and LISTEN (default: `databaseUrl`). */
  directUrl?: string | undefined;
  /** A read replica for `reader` (default: none, `reader` is `db`). */
  readUrl?: string | undefined;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl !== undefined
    ? openPostgres(options.databaseUrl, options.logger, options.poolSize, options.appPassword, options)
    : openPglite(options.dataDir, options.logger, options.snapshot);
}

async function openPostgres(url: string, logger: Logger, poolSize = 10, appPassword: string | undefined, routes: PostgresRoutes): Promise<DatabaseHandle> {
  const pooled = routes.pooler === 'transaction';
  if (pooled && !routes.directUrl)
    throw new DatabaseSetupError('DATABASE_POOLER=transaction needs DATABASE_DIRECT_URL: migrations and LISTEN need a session of their own.');
  const direct = routes.directUrl ?? url;
  // Replicas may start together: migrate on one dedicated connection holding an advisory lock, which also keeps
  // their ALTER ROLEs (the same password) apart. A session lock: on the server itself, never through a pooler.
  const migrator = postgres(direct, { max: 1, onnotice: () => {} });
  let passwordRefused: DatabaseSetupError | undefined;
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(migrator, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }).catch((error: unknown) => {
      throw migrationRefused(error);
    });
    if (appPassword !== undefined) passwordRefused = await setAppPassword(migrator, appPassword);
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end();
  }
  // Fail fast on a server that is restarting (postgres.js waits 30 s by default): logging retries instead.
  // JIT off: Rapport's statements take milliseconds, and PostgreSQL compiles a plan's expressions once its
  // estimated cost passes jit_above_cost, which a 10k-client portfolio read does: measured, 2 s of compiling for
  // a 50 ms query (the criteria tallies' per-client subqueries are costed as if each ran).
  // Through a transaction pooler: no server-side prepared statements (PgBouncer 1.18 would run one transaction's
  // statement name on another's connection), and no startup settings (it refuses ones it does not track): JIT
  // is then turned off per transaction, with the workspace (workspaceScope.ts).
  const options = pooled
    ? ({ onnotice: () => {}, connect_timeout: 5, prepare: false } as const)
    : ({ onnotice: () => {}, connect_timeout: 5, connection: { jit: 'off' } } as const);
  // `poolSize` in all, as before the app had a pool of its own. The owner's statements are few (counted: 4 per
  // /call, storing its request at the ack, claiming, finishing, answering) but come in bursts of acks; the app's
  // are ten times as many, as many at once as requests are worked: three in ten connections for the owner. Three
  // at least in each: postgres.js 3.4.9 as patched keeps a connection lost inside a transaction (a query sent after
  // the socket closed) out of its pool for good, so a pool of one or two hung after as many losses (measured;
  // test/db/connectionLoss.test.ts loses two).
  const ownerPoolSize = Math.max(3, Math.round(poolSize * 0.3));
  const sql = postgres(url, { ...options, max: ownerPoolSize });
  // Same server and database, as the app's role: the password given, never the URL's (the owner's) nor PGPASSWORD.
  const appLogin = { username: appRole.name, password: () => appPassword ?? '' };
  const app = postgres(url, { ...options, max: Math.max(3, poolSize - ownerPoolSize), ...appLogin });
  // The replica's own pool, as the app's role (the replica has the primary's roles and secret); a replica is
  // reached directly or through a pooler as DATABASE_URL is.
  const replica = routes.readUrl ? postgres(routes.readUrl, { ...options, max: Math.max(2, Math.round(poolSize * 0.3)), ...appLogin }) : undefined;
  // LISTEN needs a session: through a transaction pooler its server connection would go to the next client. One
  // connection of its own to the server, opened on the first listen.
  const listener = pooled ? postgres(direct, { max: 1, onnotice: () => {}, connect_timeout: 5 }) : sql;
  const close = () =>
    Promise.all([sql, app, ...(replica ? [replica] : []), ...(listener !== sql ? [listener] : [])].map((pool) => pool.end({ timeout: 5 }))).then(() => {});
  try {
    const owner = drizzlePostgres(sql, { schema });
    const secret = await confinedAppRole((text) => sql.unsafe(text));
    await app`select 1`.catch((error: unknown) => {
      throw passwordRefused ?? appLoginRefused(error, appPassword !== undefined);
    });
    if (replica) {
      await replica`select 1`.catch((error: unknown) => {
        throw appLoginRefused(error, appPassword !== undefined);
      });
    }
    logger.debug('database: postgres ready', { pooler: routes.pooler ?? 'none', replica: replica !== undefined });
    const db = drizzlePostgres(inWorkspaces(app, secret, { pooled }), { schema });
    const reader = replica ? drizzlePostgres(inWorkspaces(replica, secret, { pooled }), { schema }) : db;
    if (reader !== db) primaries.set(reader, db);
    return {
      db,
      reader,
      owner,
      driver: 'postgres',
      close,
      async listen(channel, onNotify) {
        const { unlisten } = await listener.listen(channel, onNotify);
        return unlisten;
      },
    };
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

/**
 * Gives `rapport_app` its password as a SCRAM-SHA-256 verifier computed here (RFC 5803's form, as libpq's
 * PQencryptPasswordConn makes it), so the password itself never reaches the server's statement log. The
 * password as given, without SASLprep: postgres.js presents it so. A user that may not set it (no CREATEROLE)
 * gets the refusal back, which counts only if rapport_app then cannot log in (a superuser may have set it).
 */
async function setAppPassword(owner: postgres.Sql, password: string): Promise<DatabaseSetupError | undefined> {
  const salt = randomBytes(16);
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const storedKey = createHash('sha256').update(createHmac('sha256', salted).update('Client Key').digest()).digest('base64');
  const serverKey = createHmac('sha256', salted).update('Server Key').digest('base64');
  // Base64, digits and SCRAM's separators only: safe between quotes (ALTER ROLE takes no parameters).
  const verifier = `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey}:${serverKey}`;
  try {
    await owner.unsafe(`alter role ${appRole.name} login password '${verifier}'`);
    return undefined;
  } catch (error) {
    if ((error as { code?: string }).code !== '42501') throw error;
    const [{ user }] = await owner<[{ user: string }]>`select current_user as user`;
    return new DatabaseSetupError(
      `Rapport gives the role ${appRole.name} the password in DATABASE_APP_PASSWORD at startup, and ${user} may not (${(error as Error).message}), ` +
        `so ${appRole.name} could not log in with it.\n` +
        `As a superuser, either set it yourself (ALTER ROLE ${appRole.name} PASSWORD '…', the same value), ` +
        `or let ${user} set it (ALTER ROLE ${user} CREATEROLE; from PostgreSQL 16, also GRANT ${appRole.name} TO ${user} WITH ADMIN OPTION;).`,
      { cause: error },
    );
  }
}

/** The server would not let the app's connections log in: what to set, by whether a password was given. */
function appLoginRefused(error: unknown, withPassword: boolean): unknown {
  const code = (error as { code?: string }).code;
  // Class 28: invalid authorization (a wrong or missing password, no pg_hba.conf entry, a role without LOGIN).
  if (!code?.startsWith('28')) return error;
  const refusal = (error as Error).message;
  return new DatabaseSetupError(
    withPassword
      ? `Rapport's workspace connections log in as the role ${appRole.name} with DATABASE_APP_PASSWORD, and the server refused them: ${refusal}\n` +
          `Let ${appRole.name} connect to this database with a password in pg_hba.conf.`
      : `Rapport's workspace connections log in as the role ${appRole.name}, and the server refused them: ${refusal}\n` +
          `Set DATABASE_APP_PASSWORD to a long random string (Rapport gives ${appRole.name} that password at startup), or let ${appRole.name} log in without a password in pg_hba.conf.`,
    { cause: error },
  );
}

/**
 * Read by the owner at every start: the secret that proves workspaces (workspaceScope.ts), once `rapport_app`
 * is known to be confined. A role that is a superuser, bypasses row-level security, may create roles or
 * databases, replicate (a base backup holds every row), act as another role, or put objects of its own on the
 * search path (a temporary table, or one in the schema, named like Rapport's would take other workspaces' rows
 * on the same pooled connection) would step past the policies: Rapport refuses to start on it, saying what to run.
 */
async function confinedAppRole(query: (text: string) => Promise<Record<string, unknown>[]>): Promise<string> {
  const role = appRole.name;
  const [found] = await query(`
    select (select secret from workspace_proof_secret) as secret,
           array_remove(array[case when r.rolsuper then 'SUPERUSER' end, case when r.rolbypassrls then 'BYPASSRLS' end,
                               case when r.rolcreaterole then 'CREATEROLE' end, case when r.rolcreatedb then 'CREATEDB' end,
                               case when r.rolreplication then 'REPLICATION' end], null) as powers,
           array(select m.roleid::regrole::text from pg_auth_members m where m.member = r.oid order by 1) as memberships,
           has_database_privilege(r.oid, current_database(), 'TEMPORARY') as temporary, quote_ident(current_database()) as database,
           has_schema_privilege(r.oid, current_schema(), 'CREATE') as creates, quote_ident(current_schema()) as schema
    from pg_roles r where r.rolname = '${role}'`);
  const row = found as { secret: string; powers: string[]; memberships: string[]; temporary: boolean; database: string; creates: boolean; schema: string };
  const reaches = [
    ...(row.powers.length > 0 ? [{ reach: row.powers.join(', '), fix: `ALTER ROLE ${role} ${row.powers.map((p) => `NO${p}`).join(' ')};` }] : []),
    ...row.memberships.map((of) => ({ reach: `membership in ${of}`, fix: `REVOKE ${of} FROM ${role};` })),
    ...(row.temporary ? [{ reach: `TEMPORARY on database ${row.database}`, fix: `REVOKE TEMPORARY ON DATABASE ${row.database} FROM PUBLIC, ${role};` }] : []),
    ...(row.creates ? [{ reach: `CREATE on schema ${row.schema}`, fix: `REVOKE CREATE ON SCHEMA ${row.schema} FROM PUBLIC, ${role};` }] : []),
  ];
  if (reaches.length > 0) {
    throw new DatabaseSetupError(
      `The role ${role} must not reach past its workspace, and it has ${reaches.map((r) => r.reach).join(', ')}.\n` +
        `As a superuser, run: ${reaches.map((r) => r.fix).join(' ')}`,
    );
  }
  return row.secret;
}

async function openPglite(dataDir: string | undefined, logger: Logger, snapshot?: Blob): Promise<DatabaseHandle> {
  // Loaded only here: a process on Postgres never loads the embedded database (its WASM alone is tens of MB).
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  let releaseLock = () => {};
  let pg: PGlite;
  /** Copied from the build's template (a new data folder): migrated as far as the build's migrations went. */
  let fromTemplate = false;
  // PostgreSQL zeroes all of its shared memory as it starts, and every megabyte first written costs the process
  // (measured: ~3.5 ms each on the bench's machine): the default 128 MB of shared buffers cost ~130 ms of each start
  // and 100 MB of memory, 32 MB still ~65 ms more than 16. One workspace's data is served from the OS's cache behind
  // them (the bench's digest selection, 1,000 clients and 100,000 observations, took the same time with 16 as 32).
  const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
  if (dataDir === undefined) {
    pg = new PGlite(snapshot ? { loadDataDir: snapshot, startParams } : { startParams });
  } else {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    releaseLock = lockDataDir(dir);
    const path = join(dir, 'pglite');
    fromTemplate = !existsSync(join(path, 'PG_VERSION')) && existsSync(EMBEDDED_TEMPLATE);
    pg = new PGlite(path, fromTemplate ? { loadDataDir: new Blob([readFileSync(EMBEDDED_TEMPLATE)]), startParams } : { startParams });
  }
  try {
    await pg.waitReady;
    const owner = drizzlePglite(pg, { schema });
    if (!(await hasEveryMigration(pg))) await migratePglite(owner, { migrationsFolder: MIGRATIONS_FOLDER });
    // Every copy of the template would otherwise share the secret its migration drew (workspaceScope.ts).
    if (fromTemplate) await pg.exec(`update workspace_proof_secret set secret = ${NEW_PROOF_SECRET}`);
    const secret = await confinedAppRole(async (text) => (await pg.query<Record<string, unknown>>(text)).rows);
    logger.debug('database: embedded PGlite ready', { dataDir: dataDir ?? '(memory)' });
    const db = drizzlePglite(inWorkspacesEmbedded(pg, secret), { schema });
    return {
      db,
      reader: db,
      owner,
      driver: 'pglite',
      dump: () => pg.dumpDataDir('none'),
      async listen(channel, onNotify) {
        return pg.listen(channel, onNotify);
      },
      close: async () => {
        try {
          await pg.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    await pg.close().catch(() => {});
    releaseLock();
    throw error;
  }
}

/**
 * Whether the embedded database has recorded the journal's last migration (drizzle applies only those newer than
 * the last it recorded): two small reads, where drizzle's check reads and hashes every migration file and runs its
 * DDL in a transaction of its own (measured: about 100 ms of a restart).
 */
async function hasEveryMigration(pg: PGlite): Promise<boolean> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const latest = Math.max(...journal.entries.map((entry) => entry.when));
  const { rows } = await pg.query<{ recorded: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as recorded`);
  if (!rows[0]?.recorded) return false;
  const last = (await pg.query<{ last: string | null }>('select max(created_at)::text as last from drizzle.__drizzle_migrations')).rows[0]?.last;
  return last != null && Number(last) >= latest;
}

/**
 * PGlite has no locking between processes (two on one folder silently lose writes), so a lock file with
 * our pid guards the folder. A lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dir: string): () => void {
  const path = join(dir, 'rapport.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holder) && isRunning(holder)) {
        throw new DatabaseLockedError(
          `The embedded database in ${dir} is in use by another Rapport process (pid ${holder}). ` +
            `Stop that process, or set DATA_DIR to another folder, or DATABASE_URL to use Postgres.`,
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new DatabaseLockedError(`Could not lock ${path}: another process keeps taking it.`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
