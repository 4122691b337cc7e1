/**
 * Databases for tests. Every database test runs on the embedded database, and also on real Postgres when
 * TEST_DATABASE_URL is set. Each opened database is new and private (its own Postgres database), so test
 * files and concurrent runs never see each other's rows.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openPrivateDatabase } from './privateDatabase.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { silentLogger } from '../../src/log.js';

export type TestDriver = 'pglite' | 'postgres';

/** Test-only: the server an outer run (CI) points the suite at. */
const serverUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

export const TEST_DRIVERS: TestDriver[] = serverUrl ? ['pglite', 'postgres'] : ['pglite'];

/**
 * For Postgres, `url` lets a test open more connections to the same private database (other "instances");
 * `ordinaryOwner` gives it an owner that is no superuser (privateDatabase.ts).
 */
export async function openTestDatabase(driver: TestDriver, options: { ordinaryOwner?: boolean } = {}): Promise<DatabaseHandle & { url?: string }> {
  if (driver === 'pglite') {
    const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
    return openDatabase({ dataDir: undefined, logger: silentLogger, snapshot });
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  return openPrivateDatabase(serverUrl, 'rapport_test', 4, options);
}
