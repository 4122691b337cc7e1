/**
 * A process's workers (slack/workers.ts): a request its receiver stores while a worker is free is taken in the
 * same insert and worked at once; with none free, or with work already waiting, it waits its turn in the inbox.
 * What a worker knows of its lease (`Lease`) spares the database a question only while it surely holds it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { storeRequest, type NewSlackRequest, type SlackRequest } from '../../src/db/queries/requests.js';
import { slackRequests } from '../../src/db/schema/index.js';
import { silentLogger } from '../../src/log.js';
import { Lease, RequestWorkers, type Slot } from '../../src/slack/workers.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const TEAM = 'T0WORKERS';

describe('what a worker knows of its lease', () => {
  it('is sure for half the lease after the claim was sent, longer once renewed, and never once handed back', () => {
    let now = 1_000;
    const lease = new Lease(30, 1_000, () => now);
    now = 15_999;
    expect(lease.surelyHeld).toBe(true);
    now = 16_000;
    expect(lease.surelyHeld).toBe(false);
    lease.renewed(30, 10_000);
    expect(lease.surelyHeld).toBe(true);
    // A renewal sent before a later one answers: the later stands.
    lease.renewed(30, 2_000);
    expect(lease.surelyHeld).toBe(true);
    lease.forget();
    expect(lease.surelyHeld).toBe(false);
  });
});

describe.each(TEST_DRIVERS)('a process’s workers on %s', (driver) => {
  let handle: DatabaseHandle;
  let seq = 0;
  const request = (): NewSlackRequest => {
    const n = ++seq;
    return { teamId: TEAM, requestKey: `cmd:w${n}`, signature: `v0=w${n}`, entry: 'command /call', body: { text: `n${n}` }, receivedAt: new Date() };
  };
  const stateOf = async (id: number) =>
    (
      await handle.owner
        .select()
        .from(slackRequests)
        .where(and(eq(slackRequests.teamId, TEAM), eq(slackRequests.id, id)))
    )[0]!;
  const until = async (check: () => boolean | Promise<boolean>) => {
    for (const from = Date.now(); !(await check()); await new Promise((r) => setTimeout(r, 10))) if (Date.now() - from > 20_000) throw new Error('timed out');
  };

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
  });
  afterAll(() => handle?.close());

  it('hands a request to a free worker as it is stored, and queues the next while none is free', { timeout: 60_000 }, async () => {
    const worked: { request: SlackRequest; surely: boolean }[] = [];
    let finishFirst: () => void = () => {};
    const firstHeld = new Promise<void>((resolve) => (finishFirst = resolve));
    const workers = new RequestWorkers({
      id: 'here',
      db: handle.owner,
      logger: silentLogger,
      concurrency: 1,
      leaseSeconds: 30,
      work: async (request, lease) => {
        worked.push({ request, surely: lease.surelyHeld });
        if (worked.length === 1) await firstHeld;
        return { outcome: 'done' };
      },
    });
    await workers.start();
    try {
      // Until the first look says the inbox is empty, nothing is handed over (it could overtake what waits).
      let slot: Slot | undefined;
      await until(() => (slot = workers.slotFor(TEAM)) !== undefined);
      const sent = performance.now();
      const first = await storeRequest(handle.owner, { request: request(), claimedBy: slot!.claimedBy });
      if (!('claimed' in first) || !first.claimed) throw new Error('not claimed as stored');
      slot!.take(first.claimed, sent);
      await until(() => worked.length === 1);
      expect(worked[0]).toMatchObject({ request: { id: first.stored, state: 'working', worker: 'here', attempts: 1 }, surely: true });
      expect(await stateOf(first.stored)).toMatchObject({ state: 'working', worker: 'here', attempts: 1 });

      // Its one worker is busy: the next request is stored for anyone, and waits.
      expect(workers.slotFor(TEAM)).toBeUndefined();
      const second = await storeRequest(handle.owner, { request: request(), origin: 'here' });
      if (!('stored' in second)) throw new Error('not stored');
      workers.wake();
      await new Promise((r) => setTimeout(r, 200));
      expect(await stateOf(second.stored)).toMatchObject({ state: 'waiting', attempts: 0 });

      finishFirst();
      await until(async () => (await stateOf(second.stored)).state === 'done');
      expect(await stateOf(first.stored)).toMatchObject({ state: 'done' });
      expect(worked.map((w) => w.request.id)).toEqual([first.stored, second.stored]);
      // Idle again, and the inbox empty: the next is handed over again.
      let again: Slot | undefined;
      await until(() => (again = workers.slotFor(TEAM)) !== undefined);
      again!.release();
    } finally {
      finishFirst();
      await workers.stop(0);
    }
  });

  it('a kept worker not used (the request was a retry) is free again', { timeout: 60_000 }, async () => {
    const workers = new RequestWorkers({
      id: 'kept',
      db: handle.owner,
      logger: silentLogger,
      concurrency: 1,
      leaseSeconds: 30,
      work: async () => ({ outcome: 'done' }),
    });
    await workers.start();
    try {
      let slot: Slot | undefined;
      await until(() => (slot = workers.slotFor(TEAM)) !== undefined);
      expect(workers.slotFor(TEAM)).toBeUndefined();
      slot!.release();
      expect(workers.slotFor(TEAM)).toBeDefined();
    } finally {
      await workers.stop(0);
    }
  });
});
