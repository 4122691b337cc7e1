/**
 * Socket Mode through its real contract: the app asks `apps.connections.open` (the stand-in Web API) for a URL
 * with its app token, connects there (a WebSocket server of this test's, playing Slack's end), receives
 * envelopes and acks each by its `envelope_id`; answers still go to the response URL.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { WebSocketServer, type WebSocket } from 'ws';
import * as schema from '../../src/db/schema/index.js';
import { createRapport, type Rapport } from '../../src/rapport.js';
import { silentLogger } from '../../src/log.js';
import { ALICE, SIGNING_SECRET, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe('Socket Mode', () => {
  let h: Harness;
  let slackEnd: WebSocketServer;
  let socket: WebSocket;
  let app: Rapport;
  /** Every frame the app sent over the socket. */
  const frames: { envelope_id?: string; payload?: unknown }[] = [];

  beforeAll(async () => {
    h = await startHarness('pglite');
    slackEnd = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await once(slackEnd, 'listening');
    h.api.socketModeUrl = `ws://127.0.0.1:${(slackEnd.address() as AddressInfo).port}/link/?ticket=local`;
    const connected = new Promise<WebSocket>((resolve) =>
      slackEnd.once('connection', (ws) => {
        ws.on('message', (data) => frames.push(JSON.parse(String(data))));
        ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0RAPPORT' }, debug_info: { host: 'local' } }));
        resolve(ws);
      }),
    );
    app = createRapport({
      slack: { signingSecret: SIGNING_SECRET, botToken: 'xoxb-t', appToken: 'xapp-1-local', apiUrl: h.api.apiUrl },
      database: h.database,
      logger: silentLogger,
    });
    expect(await app.start(0)).toBe(0); // no HTTP port
    socket = await connected;
  });
  afterAll(async () => {
    await app?.stop();
    slackEnd?.close();
    await h?.close();
  });

  /** Delivers a slash command the way Slack does over the socket. */
  const deliver = (envelopeId: string, text: string, ids: { responseId: string; triggerId?: string }, retryAttempt = 0) =>
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type: 'slash_commands',
        accepts_response_payload: true,
        retry_attempt: retryAttempt,
        retry_reason: retryAttempt ? 'timeout' : '',
        payload: Object.fromEntries(new URLSearchParams(h.send.commandBody(ALICE, text.split(' ')[0]!, text.slice(text.indexOf(' ') + 1), ids))),
      }),
    );
  const acked = (envelopeId: string) => frames.filter((f) => f.envelope_id === envelopeId);
  /** Generous: a busy machine takes seconds where an idle one takes milliseconds (vi.waitFor's default is 1 s). */
  const WAIT = { timeout: 15_000, interval: 20 };

  it('opens the connection with the app token, acks a command by its envelope id and answers on the response URL', async () => {
    expect(h.api.callsTo('apps.connections.open').map((c) => c.token)).toEqual(['xapp-1-local']);
    deliver('env-add', '/client add Socket Co', { responseId: 'sock-add' });
    await vi.waitFor(() => expect(acked('env-add')).toHaveLength(1), WAIT);
    const reply = await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'sock-add');
    expect(textOf(reply.params)).toContain('Socket Co');
    const [row] = await h.db.select({ n: count() }).from(schema.clients).where(eq(schema.clients.name, 'Socket Co'));
    expect(row!.n).toBe(1);
  });

  it('a command Slack delivers again (retry_attempt) is acked again and stored once', async () => {
    deliver('env-add-retry', '/client add Socket Retry Co', { responseId: 'sock-add-retry' });
    await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'sock-add-retry');
    deliver('env-call', '/call socket retry co +comms over the socket', { responseId: 'sock-call', triggerId: 'trig-sock-1' });
    deliver('env-call', '/call socket retry co +comms over the socket', { responseId: 'sock-call', triggerId: 'trig-sock-1' }, 1);
    await vi.waitFor(() => expect(acked('env-call')).toHaveLength(2), WAIT);
    await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'sock-call');
    await vi.waitFor(async () => {
      const [row] = await h.db.select({ n: count() }).from(schema.calls).where(eq(schema.calls.notes, 'over the socket'));
      expect(row!.n).toBe(1);
    }, WAIT);
  });

  it('bad input over the socket is acked and answered with a plain error, and nothing is stored', async () => {
    const before = (await h.db.select({ n: count() }).from(schema.calls))[0]!.n;
    deliver('env-bad', '/call nobody-we-know +comms', { responseId: 'sock-bad', triggerId: 'trig-sock-bad' });
    await vi.waitFor(() => expect(acked('env-bad')).toHaveLength(1), WAIT);
    const reply = await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'sock-bad');
    expect(reply.params.response_type ?? 'ephemeral').toBe('ephemeral');
    expect(textOf(reply.params)).toMatch(/no client|did you mean/i);
    expect((await h.db.select({ n: count() }).from(schema.calls))[0]!.n).toBe(before);
  });

  it('serves /metrics and /healthz on a port of its own (METRICS_PORT), where the socket requests show', async () => {
    const ops = await app.serveOps(0, '127.0.0.1');
    try {
      expect(await (await fetch(`http://127.0.0.1:${ops.port}/healthz`)).json()).toMatchObject({ ok: true, queue: { waiting: expect.any(Number) } });
      deliver('env-metrics', '/client add Socket Metrics Co', { responseId: 'sock-metrics' });
      await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'sock-metrics');
      // This app received and stored it (the harness's workers, on the same inbox, may be the ones who worked it).
      const metrics = await (await fetch(`http://127.0.0.1:${ops.port}/metrics`)).text();
      expect(metrics).toMatch(/^rapport_slack_requests_received_total\{kind="command",outcome="stored"\} [1-9]/m);
      expect(metrics).toMatch(/^rapport_workers_capacity 8$/m);
    } finally {
      await ops.close();
    }
  });
});
