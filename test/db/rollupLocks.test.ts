/**
 * The rollups kept at write time (schema/decay.ts) under concurrent writers, on real Postgres (the embedded
 * database has one connection, so nothing there runs at once): a rebuild of a workspace's sums starting while a
 * call is being logged waits for it, instead of deadlocking with it. Every writer takes the workspace's basis
 * before any rollup row (migration 0013's client_rollups_hold_basis).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { logCall } from '../../src/db/queries/activity.js';
import { createClient } from '../../src/db/queries/clients.js';
import { keepDecaySums, rebuildDecaySums } from '../../src/db/queries/decay.js';
import { calls, clientRollups, traitObservations } from '../../src/db/schema/index.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const TEAM = 'T0LOCKS';
const NOW = new Date('2026-11-23T09:00:00Z');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(TEST_DRIVERS.includes('postgres'))('client rollups under concurrent writers on postgres', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase('postgres');
  });
  afterAll(() => handle?.close());

  it('a rebuild that starts while a call is logged waits for it; both finish and the sums hold the call', async () => {
    const client = await createClient(handle.owner, { teamId: TEAM, by: 'U0SEED', input: { name: 'Acme' } });
    await logCall(handle.owner, {
      teamId: TEAM,
      by: 'U0SEED',
      catalogue: DEFAULT_CATALOGUE,
      input: {
        clientId: client.id,
        occurredAt: new Date(NOW.getTime() - 86_400_000),
        traits: ['positive_attitude'],
      },
    });
    await keepDecaySums(handle.owner, { teamId: TEAM, catalogue: DEFAULT_CATALOGUE, at: NOW });

    // The call is written (its last-call update takes the client's rollup), then the transaction waits while a
    // rebuild starts, then writes the call's observation: the order a /call's transaction writes in.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const logging = handle.owner.transaction(async (tx) => {
      const [call] = await tx.insert(calls).values({ teamId: TEAM, clientId: client.id, occurredAt: NOW, loggedBy: 'U0DANA' }).returning();
      await gate;
      await tx.insert(traitObservations).values({ teamId: TEAM, clientId: client.id, callId: call!.id, trait: 'negative_attitude', observedAt: NOW });
    });
    await pause(100);
    const rebuilding = rebuildDecaySums(handle.owner, { teamId: TEAM, catalogue: DEFAULT_CATALOGUE, epoch: NOW });
    await pause(300);
    release();
    const outcomes = await Promise.allSettled([logging, rebuilding]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String((o.reason as Error).cause ?? o.reason) : 'ok'))).toEqual(['ok', 'ok']);

    const [rollup] = await handle.owner.select().from(clientRollups).where(eq(clientRollups.clientId, client.id));
    expect(rollup).toMatchObject({ observations: 2, lastCallAt: NOW });
    expect(rollup!.badMass).toBeGreaterThan(0);
  });
});
