/**
 * A Postgres connection dropped in the middle of a transaction (server restart, failover, idle kill).
 * postgres.js 3.4.9 then buffered the transaction's automatic rollback for a socket that was gone and threw
 * from a timer, outside every promise: the whole process died. `patches/postgres+3.4.9.patch` fixes the
 * driver; this test pins the behaviour on a real server (the embedded database has no connections to lose).
 */
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';
import { isTransientDatabaseError } from '../../src/db/transient.js';
import type { DatabaseHandle } from '../../src/db/client.js';

describe.runIf(TEST_DRIVERS.includes('postgres'))('a connection lost inside a transaction (postgres)', () => {
  let database: DatabaseHandle & { url?: string };
  let admin: postgres.Sql;
  const uncaught: unknown[] = [];
  const recordUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    admin = postgres(database.url!, { max: 1, onnotice: () => {} });
    process.on('uncaughtException', recordUncaught);
  });
  afterAll(async () => {
    process.off('uncaughtException', recordUncaught);
    await admin?.end();
    await database?.close();
  });

  const killBackend = (pid: number) => admin`select pg_terminate_backend(${pid})`;
  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it.each([0, 50])('fails the transaction with a retryable error, keeps the process alive and the pool usable (next query after %i ms)', async (delay) => {
    const outcome = await database.owner
      .transaction(async (tx) => {
        const [backend] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as { pid: number }[];
        await killBackend(backend!.pid);
        await settle(delay);
        await tx.execute(sql`select 1`);
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    expect(isTransientDatabaseError(outcome)).toBe(true);
    await settle(100); // the driver's deferred writes run on the next turns of the event loop
    expect(uncaught).toEqual([]);
    const [row] = (await database.owner.execute(sql`select 2 as n`)) as unknown as { n: number }[];
    expect(row?.n).toBe(2);
  });
});
