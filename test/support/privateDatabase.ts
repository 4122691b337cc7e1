/**
 * A database of one run's own on a Postgres server: created under a fresh name, migrated, dropped on close.
 * Tests and benchmarks use it so concurrent runs never see each other's rows. (No vitest import: the
 * benchmark runs outside the test runner.)
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle, type PostgresRoutes } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';

/**
 * `ordinaryOwner`: the database belongs to a role of its own that is no superuser (as a managed server's user
 * would be), and Rapport connects as it, so FORCE ROW LEVEL SECURITY binds the owner too. `serverUrl`'s user
 * makes that role, lets it take `rapport_app` and drops it on close.
 */
export async function openPrivateDatabase(
  serverUrl: string,
  prefix: string,
  poolSize: number,
  /** `routes`: how the app reaches the new database (a pooler, a replica), given its URL on the server itself. */
  options: { ordinaryOwner?: boolean; routes?: (url: string) => PostgresRoutes & { databaseUrl: string } } = {},
): Promise<DatabaseHandle & { url: string }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (options.ordinaryOwner) {
    // An ordinary user may not create roles: the server's user migrates a database first, which makes rapport_app.
    await (await openPrivateDatabase(serverUrl, prefix, 1)).close();
    await admin.unsafe(`create role ${name} login`);
    await admin.unsafe(`grant rapport_app to ${name}`);
    await admin.unsafe(`create database ${name} owner ${name}`);
    url.username = name;
    url.password = '';
  } else {
    await admin.unsafe(`create database ${name}`);
  }
  const drop = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    if (options.ordinaryOwner) await admin.unsafe(`drop role if exists ${name}`);
    await admin.end();
  };
  const handle = await openDatabase({ databaseUrl: url.toString(), logger: silentLogger, poolSize, ...options.routes?.(url.toString()) }).catch(
    async (error: unknown) => {
      await drop();
      throw error;
    },
  );
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}
