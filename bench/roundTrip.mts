// Benchmark 1: signed /call round trips through the HTTP receiver, beside a bare Bolt app that only acks.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, ExpressReceiver } from '@slack/bolt';
import type { Database } from '../src/db/client.js';
import { createClient } from '../src/db/queries/clients.js';
import { LocalSlackWebApi } from '../src/local/slackWebApi.js';
import { SlackRequestSender } from '../src/local/slackRequests.js';
import { silentLogger } from '../src/log.js';
import { createSlackApp } from '../src/slack/app.js';

const SECRET = 'bench-signing-secret-0123456789';
const actor = { teamId: 'T0BENCH', userId: 'U0BENCH', channelId: 'C0BENCH' };

export interface LatencyRow {
  target: 'rapport' | 'bare';
  concurrency: number;
  /** Pause each sender takes between requests (0: closed loop, the next request the moment the ack returns). */
  gapMs: number;
  requests: number;
  p50: number;
  p99: number;
  perSecond: number;
}

export const PACED_GAP_MS = 15;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function measure(send: (i: number) => Promise<number>, concurrency: number, requests: number, gapMs = 0): Promise<Omit<LatencyRow, 'target'>> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const i = next++;
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
        latencies.push(await send(i));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { concurrency, gapMs, requests, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perSecond: requests / seconds };
}

export async function benchRoundTrip(db: Database, requestsPerLevel: number): Promise<LatencyRow[]> {
  const api = await new LocalSlackWebApi().start();
  const rapport = createSlackApp({ slack: { signingSecret: SECRET, botToken: 'xoxb-bench', appToken: undefined, apiUrl: api.apiUrl }, db, logger: silentLogger });
  const rapportPort = await rapport.start(0, '127.0.0.1');
  await createClient(db, actor.teamId, actor.userId, { name: 'Acme' });

  // The same receiver class with nothing but an ack: the floor any Bolt app pays.
  const bareReceiver = new ExpressReceiver({ signingSecret: SECRET });
  const bare = new App({ receiver: bareReceiver, authorize: async () => ({ botToken: 'xoxb-bare' }) });
  bare.command('/call', async ({ ack }) => ack());
  const bareServer = (await bareReceiver.start(0)) as Server;
  const barePort = (bareServer.address() as AddressInfo).port;

  const sender = (port: number) => new SlackRequestSender({ url: `http://127.0.0.1:${port}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
  const senders = { rapport: sender(rapportPort), bare: sender(barePort) };
  let seq = 0;
  let rapportSent = 0;
  const drained = async () => {
    // Work after the ack (storing, scoring, replying) must finish before the next level starts.
    while (api.callsTo('response_url').length < rapportSent) await new Promise((r) => setTimeout(r, 20));
  };
  const send = (target: 'rapport' | 'bare') => async () => {
    const n = ++seq;
    if (target === 'rapport') rapportSent++;
    const res = await senders[target].command(actor, '/call', `acme +communication -reporting bench call ${n}`, { triggerId: `bench-${n}`, responseId: `b${n}` });
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return res.ms;
  };

  const rows: LatencyRow[] = [];
  for (const target of ['bare', 'rapport'] as const) await measure(send(target), 10, 50); // warm up both
  await drained();
  // Closed loops at 1, 10 and 50 senders, then one sender pausing 15 ms between requests: a saturated
  // receiver queues each ack behind earlier requests' work after the ack, a paced one does not.
  for (const [concurrency, gapMs] of [[1, 0], [10, 0], [50, 0], [1, PACED_GAP_MS]] as const) {
    // Interleave the two so machine noise hits both alike.
    for (const target of ['bare', 'rapport'] as const) {
      rows.push({ target, ...(await measure(send(target), concurrency, requestsPerLevel, gapMs)) });
      await drained();
    }
  }
  await rapport.stop().catch(() => {});
  await bare.stop().catch(() => {});
  await api.stop();
  return rows;
}
