/**
 * Opens the database: postgres.js against real Postgres when a URL is given, embedded PGlite otherwise.
 * Same drizzle schema, same `drizzle/` migrations, applied before the handle is returned.
 *
 * Two databases over the same connections: `db`, what the app works with, runs every statement as the role
 * `rapport_app` for the workspace named by `inWorkspace` (workspaceScope.ts), so row-level security lets it
 * see and write that workspace's rows only, and none outside `inWorkspace`; `owner`, as the connecting user,
 * migrates and runs the few jobs that span workspaces (the request inbox, the scheduler's list, the purge).
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import type { Logger } from '../log.js';
import * as schema from './schema/index.js';
import { keyUnkeyedClientNames } from './queries/clients.js';
import { inWorkspaces, inWorkspacesEmbedded } from './workspaceScope.js';

/** Either driver, or a transaction of either: every query function takes this as its first argument. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  /** The app's: row-level security keeps each statement to the workspace of `inWorkspace`. */
  db: Database;
  /** The connecting user's, which row-level security does not restrict: only for work across workspaces. */
  owner: Database;
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
  | { databaseUrl: string; logger: Logger; poolSize?: number }
  /**
   * `dataDir: undefined` keeps the embedded database in memory; `snapshot` (a `dumpDataDir` tarball) starts
   * it from a copy instead of creating it, which is ~8× faster (tests open one per file).
   */
  | { databaseUrl?: undefined; dataDir: string | undefined; logger: Logger; snapshot?: Blob };

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  return options.databaseUrl !== undefined
    ? openPostgres(options.databaseUrl, options.logger, 'poolSize' in options ? options.poolSize : undefined)
    : openPglite(options.dataDir, options.logger, options.snapshot);
}

async function openPostgres(url: string, logger: Logger, poolSize = 10): Promise<DatabaseHandle> {
  // Replicas may start together: migrate on one dedicated connection holding an advisory lock.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(migrator, { schema }), { migrationsFolder: MIGRATIONS_FOLDER }).catch((error: unknown) => {
      throw migrationRefused(error);
    });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end();
  }
  // Fail fast on a server that is restarting (postgres.js waits 30 s by default): logging retries instead.
  // JIT off: Rapport's statements take milliseconds, and PostgreSQL compiles a plan's expressions once its
  // estimated cost passes jit_above_cost, which a 10k-client portfolio read does: measured, 2 s of compiling for
  // a 50 ms query (the criteria tallies' per-client subqueries are costed as if each ran).
  const sql = postgres(url, { max: poolSize, onnotice: () => {}, connect_timeout: 5, connection: { jit: 'off' } });
  const owner = drizzlePostgres(sql, { schema });
  await completeDataMigrations(owner, logger);
  logger.debug('database: postgres ready');
  return {
    db: drizzlePostgres(inWorkspaces(sql), { schema }),
    owner,
    driver: 'postgres',
    close: () => sql.end({ timeout: 5 }),
    async listen(channel, onNotify) {
      const { unlisten } = await sql.listen(channel, onNotify);
      return unlisten;
    },
  };
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
  if (dataDir === undefined) {
    pg = new PGlite(snapshot ? { loadDataDir: snapshot } : {});
  } else {
    const dir = resolve(dataDir);
    mkdirSync(dir, { recursive: true });
    releaseLock = lockDataDir(dir);
    pg = new PGlite(join(dir, 'pglite'));
  }
  try {
    await pg.waitReady;
    const owner = drizzlePglite(pg, { schema });
    await migratePglite(owner, { migrationsFolder: MIGRATIONS_FOLDER });
    await completeDataMigrations(owner, logger);
    logger.debug('database: embedded PGlite ready', { dataDir: dataDir ?? '(memory)' });
    return {
      db: drizzlePglite(inWorkspacesEmbedded(pg), { schema }),
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

/** What a migration leaves for TypeScript to compute (stored name keys are folded in one place: domain/names.ts). */
async function completeDataMigrations(db: Database, logger: Logger): Promise<void> {
  await keyUnkeyedClientNames(db, logger);
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
