import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { slackSignature } from '../../src/local/slackRequests.js';
import { ALICE, SIGNING_SECRET, pinnedClock, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe('the HTTP receiver', () => {
  let h: Harness;
  const clients = async () => (await h.db.select({ n: count() }).from(schema.clients))[0]!.n;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(() => h?.close());

  it('answers /healthz with the request queue when the database answers', async () => {
    await h.idle(); // the other tests' requests finish after their replies
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, queue: { waiting: 0, working: 0, oldestWaitingSeconds: 0 }, workers: { concurrency: 4, busy: 0 } });
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
    // Well outside the five minutes: `now` is rounded down, and a loaded machine may take seconds to send these.
    const stale = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now - 310 });
    const future = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now + 310 });
    expect([forged.status, stale.status, future.status]).toEqual([401, 401, 401]);

    const replayBody = h.send.commandBody(ALICE, '/client', 'add Replayed Once');
    const signature = slackSignature(SIGNING_SECRET, now, replayBody);
    const first = await h.send.send(replayBody, 'application/x-www-form-urlencoded', { timestamp: now, signature });
    const replay = await h.send.send(replayBody, 'application/x-www-form-urlencoded', { timestamp: now, signature });
    expect([first.status, replay.status]).toEqual([200, 401]);
    await h.api.waitFor((c) => c.method === 'response_url' && JSON.stringify(c.params).includes('Replayed Once'));
    expect(await clients()).toBe(before + 1);
  });

  it('when the request cannot be stored, the ack itself says nothing was saved; an event is answered 503 so Slack sends it again', async () => {
    await h.idle(); // the other tests' requests are finished before the inbox goes away
    await h.db.execute(sql`alter table slack_requests rename to slack_requests_away`);
    try {
      const command = await h.send.command(ALICE, '/client', 'add Never Saved');
      expect(command.status).toBe(200);
      expect(command.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('nothing was done. Please send it again.') });
      const event = await h.send.event(ALICE.teamId, { type: 'app_home_opened', user: ALICE.userId, channel: 'D0ALICE', tab: 'home' });
      expect(event.status).toBe(503);
    } finally {
      await h.db.execute(sql`alter table slack_requests_away rename to slack_requests`);
    }
    expect(
      await h.db
        .select()
        .from(schema.clients)
        .where(sql`${schema.clients.name} = 'Never Saved'`),
    ).toEqual([]);
  });

  it('a request worked more than 30 minutes after it was sent (workers were down) is answered by DM: its response URL has expired', async () => {
    let offsetMs = 0;
    const base = pinnedClock();
    const late = await startHarness('pglite', () => new Date(base().getTime() + offsetMs));
    try {
      await late.slack.workers.stop();
      const res = await late.send.command(ALICE, '/client', 'add Patient Client');
      expect(res.status).toBe(200);
      offsetMs = 31 * 60_000;
      const seq = late.api.lastSeq;
      await late.slack.workers.start();
      const dm = await late.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'D0ALICE');
      expect(textOf(dm.params)).toContain('Patient Client');
      expect(late.since(seq).filter((c) => c.method === 'response_url')).toEqual([]);
    } finally {
      await late.close();
    }
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
