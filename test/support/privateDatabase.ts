/**
 * A database of one run's own on a Postgres server: created under a fresh name, migrated, dropped on close.
 * Tests and benchmarks use it so concurrent runs never see each other's rows. (No vitest import: the
 * benchmark runs outside the test runner.)
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';

export async function openPrivateDatabase(serverUrl: string, prefix: string, poolSize: number): Promise<DatabaseHandle & { url: string }> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), logger: silentLogger, poolSize });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
