import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { slackSignature } from '../../src/local/slackRequests.js';
import { ALICE, SIGNING_SECRET, startHarness, type Harness } from '../support/slackHarness.js';

describe('the HTTP receiver', () => {
  let h: Harness;
  const clients = async () => (await h.db.select({ n: count() }).from(schema.clients))[0]!.n;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(() => h?.close());

  it('answers /healthz when the database answers', async () => {
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('acks a command at once and does the work after the ack', async () => {
    const res = await h.send.command(ALICE, '/client', 'add Speedy');
    expect(res.status).toBe(200);
    expect(res.body).toBeUndefined(); // empty ack: the answer comes on the response URL
    await h.api.waitFor((c) => c.method === 'response_url' && JSON.stringify(c.params).includes('Speedy'));
  });

  it('rejects a forged signature, a stale or future timestamp, and a replay, writing nothing', async () => {
    const before = await clients();
    const body = h.send.commandBody(ALICE, '/client', 'add Forged');
    const now = Math.floor(Date.now() / 1000);
    const forged = await h.send.send(body, 'application/x-www-form-urlencoded', { signature: slackSignature('wrong-secret', now, body) });
    const stale = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now - 301 });
    const future = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now + 301 });
    expect([forged.status, stale.status, future.status]).toEqual([401, 401, 401]);

    const replayBody = h.send.commandBody(ALICE, '/client', 'add Replayed Once');
    const signature = slackSignature(SIGNING_SECRET, now, replayBody);
    const first = await h.send.send(replayBody, 'application/x-www-form-urlencoded', { timestamp: now, signature });
    const replay = await h.send.send(replayBody, 'application/x-www-form-urlencoded', { timestamp: now, signature });
    expect([first.status, replay.status]).toEqual([200, 401]);
    await h.api.waitFor((c) => c.method === 'response_url' && JSON.stringify(c.params).includes('Replayed Once'));
    expect(await clients()).toBe(before + 1);
  });

  it('stops gracefully: work acknowledged before the stop is finished', async () => {
    const other = await startHarness('pglite');
    const res = await other.send.command(ALICE, '/client', 'add Last Request');
    expect(res.status).toBe(200);
    await other.slack.stop(); // waits for the listener's work after the ack
    const [row] = await other.db.select({ n: count() }).from(schema.clients);
    expect(row!.n).toBe(1);
    await other.close().catch(() => {});
  });
});
