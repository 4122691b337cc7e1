import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { slackSignature } from '../../src/local/slackRequests.js';
import { BODIES_IN_FLIGHT_BYTES, BODY_LIMIT_BYTES } from '../../src/slack/boundedInput.js';
import { rawPost, streamed, trickled, unsignedHeaders } from '../support/rawHttp.js';
import { ALICE, SIGNING_SECRET, pinnedClock, startHarness, textOf, type Harness } from '../support/slackHarness.js';
import { OLD_BUTTON } from '../../src/slack/acknowledgingReceiver.js';

const FORM = 'application/x-www-form-urlencoded';

describe('the HTTP receiver', () => {
  let h: Harness;
  const clients = async () => (await h.db.select({ n: count() }).from(schema.clients))[0]!.n;
  const stored = async () => (await h.db.select({ n: count() }).from(schema.slackRequests))[0]!.n;
  beforeAll(async () => {
    h = await startHarness('pglite');
  });
  afterAll(() => h?.close());

  it('answers /healthz with the request queue when the database answers', async () => {
    await h.idle(); // the other tests' requests finish after their replies
    const res = await fetch(`${h.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, queue: { waiting: 0, working: 0, oldestWaitingSeconds: 0 }, workers: { concurrency: 8, busy: 0 } });
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

  it('refuses a signature not exactly `v0=` and 64 lowercase hex digits before reading the body: a replay with `=x` appended is not taken for a retry', async () => {
    const body = h.send.commandBody(ALICE, '/client', 'add Appended Once');
    const now = Math.floor(Date.now() / 1000);
    const signature = slackSignature(SIGNING_SECRET, now, body);
    const first = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now, signature });
    expect(first.status).toBe(200);
    await h.api.waitFor((c) => c.method === 'response_url' && JSON.stringify(c.params).includes('Appended Once'));
    const [requestsBefore, clientsBefore] = [await stored(), await clients()];

    const malformed = [`${signature}=x`, `v0=${signature.slice(3).toUpperCase()}`, signature.slice(3)];
    const sent = await Promise.all(
      malformed.map((variant) => h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now, signature: variant }).then((r) => r.status)),
    );
    expect(sent).toEqual([401, 401, 401]);
    // Refused from the headers alone: the answer comes though the body is never sent.
    const headersOnly = await Promise.all(
      malformed.map((variant) =>
        rawPost(`${h.url}/slack/events`, {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(body.length),
          'x-slack-request-timestamp': String(now),
          'x-slack-signature': variant,
        }).then((r) => r.status),
      ),
    );
    expect(headersOnly).toEqual([401, 401, 401]);
    const replay = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now, signature });
    expect(replay.status).toBe(401);

    await h.idle();
    expect([await stored(), await clients()]).toEqual([requestsBefore, clientsBefore]);
  });

  it('refuses a replay of any delivery with 401 and does nothing again, whether it was stored (/rapport help) or answered at once (a button nobody handles)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const twice = async (body: string) => {
      const signature = slackSignature(SIGNING_SECRET, now, body);
      const first = await h.send.send(body, FORM, { timestamp: now, signature });
      const again = await h.send.send(body, FORM, { timestamp: now, signature });
      return [first.status, again.status];
    };
    const seq = h.api.lastSeq;
    expect(await twice(h.send.commandBody(ALICE, '/rapport', 'help', { responseId: 'replayed-help' }))).toEqual([200, 401]);
    const oldButton = h.send.interactionBody(ALICE, {
      type: 'block_actions',
      container: { type: 'message', message_ts: '1.000', channel_id: ALICE.channelId, is_ephemeral: true },
      channel: { id: ALICE.channelId },
      message: { ts: '1.000', blocks: [] },
      response_url: h.api.responseUrl('replayed-button'),
      actions: [{ type: 'button', action_id: 'a_button_this_version_has_no_more', block_id: 'b', value: 'x', action_ts: String(now) }],
    });
    expect(await twice(oldButton)).toEqual([200, 401]);

    await h.api.waitFor((c) => c.responseUrlId === 'replayed-button' && textOf(c.params).includes(OLD_BUTTON));
    await h.api.waitFor((c) => c.responseUrlId === 'replayed-help');
    await h.idle();
    const answered = h.since(seq).filter((c) => c.method === 'response_url');
    expect(answered.map((c) => c.responseUrlId).sort()).toEqual(['replayed-button', 'replayed-help']);
  });

  it('acknowledges Slack’s retry that bears the first delivery’s signature (X-Slack-Retry-Num) with 200, and does nothing again', async () => {
    const before = await clients();
    const body = h.send.commandBody(ALICE, '/client', 'add Retried Once', { responseId: 'retried-once' });
    const now = Math.floor(Date.now() / 1000);
    const signature = slackSignature(SIGNING_SECRET, now, body);
    const first = await h.send.send(body, FORM, { timestamp: now, signature });
    const retry = await h.send.send(body, FORM, { timestamp: now, signature, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.api.waitFor((c) => c.responseUrlId === 'retried-once');
    await h.idle();
    expect(h.api.calls.filter((c) => c.responseUrlId === 'retried-once')).toHaveLength(1);
    expect(await clients()).toBe(before + 1);
  });

  it('takes Slack’s retry of an event it could not store (503) though it bears the same signature', async () => {
    await h.idle();
    const body = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: ALICE.teamId,
      api_app_id: 'A0RAPPORT',
      type: 'event_callback',
      event_id: 'EvRETRIEDAFTER503',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_home_opened', user: ALICE.userId, channel: 'D0ALICE', tab: 'home' },
    });
    const now = Math.floor(Date.now() / 1000);
    const signature = slackSignature(SIGNING_SECRET, now, body);
    await h.db.execute(sql`alter table slack_requests rename to slack_requests_away`);
    let first: number;
    try {
      first = (await h.send.send(body, 'application/json', { timestamp: now, signature })).status;
    } finally {
      await h.db.execute(sql`alter table slack_requests_away rename to slack_requests`);
    }
    const seq = h.api.lastSeq;
    const retry = await h.send.send(body, 'application/json', {
      timestamp: now,
      signature,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' },
    });
    expect([first, retry.status]).toEqual([503, 200]);
    await h.api.waitFor((c) => c.seq > seq && c.method === 'views.publish' && c.params.user_id === ALICE.userId);
  });

  it('refuses a declared body over the limit with 413 before a byte of it is sent, and closes the connection', async () => {
    const requestsBefore = await stored();
    const answer = await rawPost(`${h.url}/slack/events`, unsignedHeaders({ 'content-length': String(2 * 1024 * 1024) }));
    expect(answer).toMatchObject({ status: 413, connection: 'close', written: 0 });
    expect(await stored()).toBe(requestsBefore);
  });

  it('cuts off a body without a declared length (chunked) once it passes the limit', async () => {
    const requestsBefore = await stored();
    // Three times the limit: under the 4 MB Bolt would read by default.
    const answer = await rawPost(`${h.url}/slack/events`, unsignedHeaders(), streamed(Buffer.alloc(64 * 1024, 'a'), 3 * BODY_LIMIT_BYTES));
    expect(answer).toMatchObject({ status: 413, connection: 'close' });
    expect(answer.written).toBeGreaterThan(BODY_LIMIT_BYTES);
    expect(await stored()).toBe(requestsBefore);
  });

  it('cuts off a request whose body or headers trickle in, long before Node’s default of 300 s', async () => {
    const body = rawPost(`${h.url}/slack/events`, unsignedHeaders({ 'content-length': '4096' }), trickled(500));
    const headers = new Promise<number>((resolve) => {
      const started = performance.now();
      const socket = connect(Number(new URL(h.url).port), '127.0.0.1');
      const lines = ['POST /slack/events HTTP/1.1', 'Host: 127.0.0.1', ...Object.entries(unsignedHeaders()).map(([k, v]) => `${k}: ${v}`)];
      const timer = setInterval(() => socket.write(`${lines.shift() ?? 'x-more: 1'}\r\n`), 500);
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve(performance.now() - started);
      });
    });
    const [slowBody, slowHeadersMs] = await Promise.all([body, headers]);
    // Node answers 408 when the whole request is not in after requestTimeout (10 s here); with a generous
    // margin for a busy machine, the point is that neither is held for minutes.
    expect(slowBody.status === 408 || slowBody.error !== undefined).toBe(true);
    expect(slowBody.ms).toBeLessThan(60_000);
    expect(slowHeadersMs).toBeLessThan(60_000);
  }, 120_000);

  it('bounds the bytes of all bodies being received at once: beyond them a request is answered 503 at once, and served again once they are gone', async () => {
    // Bodies at the limit that never finish arriving hold the whole allowance.
    const holders = Array.from({ length: BODIES_IN_FLIGHT_BYTES / BODY_LIMIT_BYTES }, () => {
      const controller = { stop: false };
      const answer = rawPost(`${h.url}/slack/events`, unsignedHeaders({ 'content-length': String(BODY_LIMIT_BYTES) }), async (req, open) => {
        while (open() && !controller.stop) await new Promise((resolve) => setTimeout(resolve, 20));
        req.destroy();
      });
      return { controller, answer };
    });
    // A small unsigned body: 401 once read, 503 while the allowance is taken.
    const probe = async () =>
      (await rawPost(`${h.url}/slack/events`, unsignedHeaders({ 'content-length': '10' }), streamed(Buffer.from('0123456789'), 10))).status;
    try {
      await expect.poll(probe, { timeout: 5_000 }).toBe(503);
      const command = await h.send.command(ALICE, '/client', 'add Too Busy');
      expect(command.status).toBe(503);
    } finally {
      for (const holder of holders) holder.controller.stop = true;
    }
    await Promise.all(holders.map((holder) => holder.answer));
    await expect.poll(async () => (await h.send.command(ALICE, '/client', 'add Served Again')).status, { timeout: 5_000 }).toBe(200);
    await h.api.waitFor((c) => c.method === 'response_url' && JSON.stringify(c.params).includes('Served Again'));
    expect(
      await h.db
        .select()
        .from(schema.clients)
        .where(sql`${schema.clients.name} = 'Too Busy'`),
    ).toEqual([]);
  });

  it('acks at once what no listener handles: a closed form, a button of an older message (told why), Slack’s rate-limit notice', async () => {
    const closed = await h.send.interaction(ALICE, {
      type: 'view_closed',
      view: { id: 'V0CLOSED', callback_id: 'call_modal', type: 'modal' },
      is_cleared: false,
    });
    expect(closed.status).toBe(200);
    const seq = h.api.lastSeq;
    const old = await h.send.blockAction(ALICE, { action_id: 'a_button_this_version_has_no_more', value: 'x' });
    expect(old.status).toBe(200);
    expect(textOf((await h.api.next('response_url', seq)).params)).toContain(OLD_BUTTON);
    const limited = await h.send.send(
      JSON.stringify({
        token: 'legacy-verification-token',
        type: 'app_rate_limited',
        team_id: ALICE.teamId,
        minute_rate_limited: 1518467820,
        api_app_id: 'A0RAPPORT',
      }),
      'application/json',
    );
    // Each was answered 200 by Rapport: left to Bolt's own 3 s timer it would have been a 404 (no clock read
    // here, so a busy machine cannot fail it).
    expect(limited.status).toBe(200);
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
