/**
 * The inbox as a queue (db/queries/requests.ts): a retry and a replay are told apart, workers never take the
 * same request twice, a dead worker's request comes back when its lease runs out, and finished ones go.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import {
  claimRequests,
  finishRequest,
  forgetFinishedRequests,
  holdsLease,
  markAnswered,
  queueState,
  renewLease,
  retryRequestLater,
  storeRequest,
  type NewSlackRequest,
} from '../../src/db/queries/requests.js';
import { slackRequests } from '../../src/db/schema/index.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

describe.each(TEST_DRIVERS)('the request inbox on %s', (driver) => {
  let handle: DatabaseHandle;
  let seq = 0;
  const request = (teamId: string, overrides: Partial<NewSlackRequest> = {}): NewSlackRequest => {
    const n = ++seq;
    return { teamId, requestKey: `cmd:t${n}`, signature: `v0=sig${n}`, entry: 'command /call', body: { text: `n${n}` }, receivedAt: new Date(), ...overrides };
  };
  const claimRequest = async (worker: string, leaseSeconds: number) => (await claimRequests(handle.owner, { worker, leaseSeconds, limit: 1 }))[0];
  /** Leaves nothing due but what a test stores (tests share the database). */
  const drain = async (worker: string) => {
    for (let r = await claimRequest(worker, 60); r; r = await claimRequest(worker, 60))
      await finishRequest(handle.owner, { request: r, worker, state: 'done' });
  };

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
  });
  afterAll(() => handle?.close());

  it('stores a request once: the same request signed anew is a retry, the same delivery a replay', async () => {
    const first = request('T0INBOX1');
    expect(await storeRequest(handle.owner, { request: first })).toEqual({ stored: expect.any(Number) });
    expect(await storeRequest(handle.owner, { request: { ...first, signature: 'v0=signed-again' } })).toMatchObject({ repeated: 'retry' });
    expect(await storeRequest(handle.owner, { request: first })).toMatchObject({ repeated: 'replay' });
    // Socket Mode has no signature: a second delivery is a retry.
    const socket = request('T0INBOX1', { signature: null });
    await storeRequest(handle.owner, { request: socket });
    expect(await storeRequest(handle.owner, { request: socket })).toMatchObject({ repeated: 'retry' });
    // The same key in another workspace is another request.
    expect(await storeRequest(handle.owner, { request: { ...first, teamId: 'T0INBOX2', signature: 'v0=other' } })).toEqual({ stored: expect.any(Number) });
    await drain('cleanup');
  });

  it('stores a payload whatever its strings hold: NUL and lone surrogates (which jsonb refuses) become U+FFFD', async () => {
    const body = { text: 'nul \u0000 and lone \ud800 and fine 🙂', nested: [{ 'key\u0000': 'x' }] };
    const stored = (await storeRequest(handle.owner, { request: request('T0INBOX9', { body }) })) as { stored: number };
    const [row] = await handle.owner.select().from(slackRequests).where(eq(slackRequests.id, stored.stored));
    expect(row!.body).toEqual({ text: 'nul \uFFFD and lone \uFFFD and fine 🙂', nested: [{ 'key\uFFFD': 'x' }] });
    await drain('cleanup');
  });

  it('storing notifies every listener, naming the process that stored; a retry or a replay notifies nobody', async () => {
    const heard: string[] = [];
    const unlisten = await handle.listen('slack_requests', (origin) => heard.push(origin));
    const first = request('T0INBOX7');
    await storeRequest(handle.owner, { request: first, origin: 'host:1:abc' });
    await storeRequest(handle.owner, { request: { ...first, signature: 'v0=again' }, origin: 'host:2:def' });
    await storeRequest(handle.owner, { request: first, origin: 'host:3:ghi' });
    await storeRequest(handle.owner, { request: request('T0INBOX7') });
    await expect.poll(() => heard).toEqual(['host:1:abc', '']);
    await unlisten();
    await drain('cleanup');
  });

  it('one claim takes as many as asked for, oldest first, and no more', async () => {
    await drain('cleanup');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(((await storeRequest(handle.owner, { request: request('T0INBOX8') })) as { stored: number }).stored);
    const first = await claimRequests(handle.owner, { worker: 'w', leaseSeconds: 60, limit: 3 });
    expect(first.map((r) => r.id)).toEqual(ids.slice(0, 3));
    const rest = await claimRequests(handle.owner, { worker: 'w', leaseSeconds: 60, limit: 3 });
    expect(rest.map((r) => r.id)).toEqual(ids.slice(3));
    for (const r of [...first, ...rest]) await finishRequest(handle.owner, { request: r, worker: 'w', state: 'done' });
  });

  it('workers claiming at once never take the same request, skip what another holds, and take them oldest first', async () => {
    // Several rounds: the claims race differently each time (a lost race once took a request twice, once took none).
    for (let round = 0; round < 10; round++) {
      await drain('cleanup');
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) ids.push(((await storeRequest(handle.owner, { request: request('T0INBOX3') })) as { stored: number }).stored);
      const claimed = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claimRequests(handle.owner, { worker: `w${i % 2}`, leaseSeconds: 60, limit: 1, perWorkspace: 6 })),
      );
      const taken = claimed.flat();
      expect(taken.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids);
      expect(taken.every((r) => r.attempts === 1 && r.state === 'working')).toBe(true);
      for (const r of taken) await finishRequest(handle.owner, { request: r, worker: r.worker!, state: 'done' });
    }
  });

  it('a request whose worker stopped renewing comes back once its lease runs out; the old worker cannot finish it', async () => {
    await drain('cleanup');
    await storeRequest(handle.owner, { request: request('T0INBOX4') });
    const held = (await claimRequest('dead', 1))!;
    expect(await claimRequest('alive', 60)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1100));
    const taken = (await claimRequest('alive', 60))!;
    expect(taken).toMatchObject({ id: held.id, attempts: 2, worker: 'alive' });
    expect(await renewLease(handle.owner, { request: held, worker: 'dead', leaseSeconds: 60 })).toBe(false);
    await finishRequest(handle.owner, { request: held, worker: 'dead', state: 'done' });
    expect((await handle.owner.select().from(slackRequests).where(eq(slackRequests.id, held.id)))[0]!.state).toBe('working');
    expect(await renewLease(handle.owner, { request: taken, worker: 'alive', leaseSeconds: 60 })).toBe(true);
    await finishRequest(handle.owner, { request: taken, worker: 'alive', state: 'done' });
    expect((await handle.owner.select().from(slackRequests).where(eq(slackRequests.id, held.id)))[0]!.state).toBe('done');
  });

  it('a request put back for later waits until then, and the queue reports what waits', async () => {
    await drain('cleanup');
    const stored = (await storeRequest(handle.owner, { request: request('T0INBOX5') })) as { stored: number };
    const state = await queueState(handle.owner);
    expect(state).toMatchObject({ waiting: 1, working: 0 });
    const held = (await claimRequest('w', 60))!;
    expect(await queueState(handle.owner)).toMatchObject({ waiting: 0, working: 1 });
    await retryRequestLater(handle.owner, { request: held, worker: 'w', delaySeconds: 1 });
    expect(await claimRequest('w', 60)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1100));
    const again = (await claimRequest('w', 60))!;
    expect(again.id).toBe(stored.stored);
    await markAnswered(handle.owner, again);
    await finishRequest(handle.owner, { request: again, worker: 'w', state: 'done' });
    const [row] = await handle.owner.select().from(slackRequests).where(eq(slackRequests.id, again.id));
    expect(row).toMatchObject({ state: 'done', attempts: 2, answeredAt: expect.any(Date), finishedAt: expect.any(Date) });
  });

  it('workspaces take turns, and none takes more than its share of a worker’s slots, counting those it holds', async () => {
    await drain('cleanup');
    const noisy: number[] = [];
    for (let i = 0; i < 6; i++) noisy.push(((await storeRequest(handle.owner, { request: request('T0NOISY') })) as { stored: number }).stored);
    const quiet = ((await storeRequest(handle.owner, { request: request('T0QUIET') })) as { stored: number }).stored;
    // Four slots, three at most for one workspace: the quiet one's only request is taken in the first turn.
    const first = await claimRequests(handle.owner, { worker: 'w', leaseSeconds: 60, limit: 4, perWorkspace: 3 });
    expect(first.map((r) => r.id).sort((a, b) => a - b)).toEqual([...noisy.slice(0, 3), quiet].sort((a, b) => a - b));
    // The noisy workspace holds three: nothing more for it until one ends, whatever the room.
    expect(await claimRequests(handle.owner, { worker: 'w', leaseSeconds: 60, limit: 4, perWorkspace: 3 })).toEqual([]);
    const done = first.find((r) => r.teamId === 'T0NOISY')!;
    await finishRequest(handle.owner, { request: done, worker: 'w', state: 'done' });
    expect((await claimRequests(handle.owner, { worker: 'w', leaseSeconds: 60, limit: 4, perWorkspace: 3 })).map((r) => r.id)).toEqual([noisy[3]]);
    // Another worker (another process) has slots of its own.
    expect((await claimRequests(handle.owner, { worker: 'w2', leaseSeconds: 60, limit: 4, perWorkspace: 3 })).map((r) => r.id)).toEqual(noisy.slice(4));
    await drain('cleanup');
    for (const [worker, teamId] of [
      ['w', 'T0NOISY'],
      ['w', 'T0QUIET'],
      ['w2', 'T0NOISY'],
    ]) {
      const rows = await handle.owner
        .select()
        .from(slackRequests)
        .where(and(eq(slackRequests.teamId, teamId!), eq(slackRequests.worker, worker!), eq(slackRequests.state, 'working')));
      for (const r of rows) await finishRequest(handle.owner, { request: r, worker: worker!, state: 'done' });
    }
  });

  it('a lease is fenced by its claim: once another worker took the request over, the first holds nothing', async () => {
    await drain('cleanup');
    await storeRequest(handle.owner, { request: request('T0FENCE') });
    const first = (await claimRequest('w', 1))!;
    expect(await holdsLease(handle.owner, { request: first, worker: 'w' })).toBe(true);
    await new Promise((r) => setTimeout(r, 1100));
    // The same process (same worker id) claiming it again is another claim: the first one's work is fenced off.
    const second = (await claimRequest('w', 60))!;
    expect(second.attempts).toBe(first.attempts + 1);
    expect(await holdsLease(handle.owner, { request: first, worker: 'w' })).toBe(false);
    await finishRequest(handle.owner, { request: first, worker: 'w', state: 'done' });
    expect((await handle.owner.select().from(slackRequests).where(eq(slackRequests.id, first.id)))[0]!.state).toBe('working');
    expect(await holdsLease(handle.owner, { request: second, worker: 'w' })).toBe(true);
    await finishRequest(handle.owner, { request: second, worker: 'w', state: 'done' });
  });

  it('a rate-limited request waits without using up its attempts; a finished one keeps no payload', async () => {
    await drain('cleanup');
    await storeRequest(handle.owner, { request: request('T0LIMITED', { body: { text: 'acme corp +communication Said the invoice was paid' } }) });
    const held = (await claimRequest('w', 60))!;
    await retryRequestLater(handle.owner, { request: held, worker: 'w', delaySeconds: 0, counted: false });
    const again = (await claimRequest('w', 60))!;
    expect(again).toMatchObject({ id: held.id, attempts: held.attempts });
    await finishRequest(handle.owner, { request: again, worker: 'w', state: 'done' });
    const [row] = await handle.owner.select().from(slackRequests).where(eq(slackRequests.id, held.id));
    expect(row).toMatchObject({ state: 'done', body: {} });
  });

  it('forgets finished requests after a day, never waiting ones', async () => {
    await drain('cleanup');
    const old = (await storeRequest(handle.owner, { request: request('T0INBOX6') })) as { stored: number };
    const waiting = (await storeRequest(handle.owner, { request: request('T0INBOX6') })) as { stored: number };
    const held = (await claimRequest('w', 60))!;
    await finishRequest(handle.owner, { request: held, worker: 'w', state: 'done' });
    await handle.owner
      .update(slackRequests)
      .set({ finishedAt: sql`now() - interval '25 hours'` })
      .where(and(eq(slackRequests.teamId, 'T0INBOX6'), eq(slackRequests.id, old.stored)));
    expect(await forgetFinishedRequests(handle.owner)).toBeGreaterThanOrEqual(1);
    const left = await handle.owner.select({ id: slackRequests.id }).from(slackRequests).where(eq(slackRequests.teamId, 'T0INBOX6'));
    expect(left.map((r) => r.id)).toEqual([waiting.stored]);
  });
});
