/**
 * What production runs: `node dist/main.js` (built by `npm run build`; npm test builds first), as one process,
 * on Postgres when TEST_DATABASE_URL is set (else on the embedded database). It becomes healthy, serves
 * Prometheus metrics, works a signed command, and the series an operator watches move with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { SlackRequestSender } from '../../src/local/slackRequests.js';
import { builtCommand } from '../support/built.js';
import { openPrivateDatabase } from '../support/privateDatabase.js';

const SECRET = 'smoke-signing-secret-0123456789';
const TOKEN = 'xoxb-smoke-token-never-logged';
const ALICE = { teamId: 'T0SMOKE', userId: 'U0ALICE', channelId: 'C0SMOKE' };

/** The value of one series in a Prometheus text exposition (0 when absent). */
function seriesValue(exposition: string, series: string): number {
  const line = exposition.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('the compiled app, as production runs it', () => {
  let api: LocalSlackWebApi;
  let app: ChildProcess;
  let base: string;
  let output = '';
  let exited: Promise<number | null>;
  let cleanup: () => Promise<void> = async () => {};

  beforeAll(async () => {
    api = await new LocalSlackWebApi([{ id: 'U0ALICE', name: 'alice', teamId: ALICE.teamId }], ALICE.teamId).start();
    const database: Record<string, string> = {};
    const serverUrl = process.env.TEST_DATABASE_URL?.trim();
    if (serverUrl) {
      const handle = await openPrivateDatabase(serverUrl, 'rapport_smoke', 1);
      database.DATABASE_URL = handle.url;
      cleanup = () => handle.close();
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'rapport-smoke-'));
      database.DATA_DIR = dir;
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    app = spawn(process.execPath, builtCommand('main'), {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...database,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_API_URL: api.apiUrl,
        PORT: '0',
        LOG_LEVEL: 'debug',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => app.once('exit', (code) => resolve(code)));
    base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`dist/main.js did not start:\n${output}`)), 60_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = output.split('\n').find((line) => line.includes('Rapport is ready'));
        const url = ready && /"receiver":"(http:\/\/localhost:\d+)\/slack\/events"/.exec(ready)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      };
      app.stdout!.on('data', read);
      app.stderr!.on('data', read);
      app.once('exit', (code) => reject(new Error(`dist/main.js exited (${code}):\n${output}`)));
    });
  }, 90_000);

  afterAll(async () => {
    if (app && app.exitCode === null) app.kill('SIGKILL');
    await api?.stop();
    await cleanup();
  });

  it('is healthy, serves /metrics, and the request series move with a command; it logs JSON with no secret; SIGTERM stops it cleanly', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, queue: { waiting: 0, working: 0 }, workers: { concurrency: 8 } });

    const metrics = async () => {
      const res = await fetch(`${base}/metrics`);
      expect(res.headers.get('content-type')).toContain('text/plain');
      return res.text();
    };
    const before = await metrics();
    expect(seriesValue(before, 'rapport_workers_capacity')).toBe(8);
    expect(seriesValue(before, 'rapport_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(seriesValue(before, 'rapport_slack_requests_received_total{kind="command",outcome="stored"}')).toBe(0);

    const send = new SlackRequestSender({ url: `${base}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
    const res = await send.command(ALICE, '/client', 'add Smoke Signals Ltd', { triggerId: 'smoke-1' });
    expect(res.status).toBe(200);
    const reply = await api.waitFor((c) => c.method === 'response_url');
    expect(JSON.stringify(reply.params)).toContain('Smoke Signals Ltd');

    await expect
      .poll(async () => seriesValue(await metrics(), 'rapport_slack_requests_worked_total{kind="command",outcome="done"}'), { timeout: 5_000 })
      .toBe(1);
    const after = await metrics();
    expect(seriesValue(after, 'rapport_slack_requests_received_total{kind="command",outcome="stored"}')).toBe(1);
    expect(seriesValue(after, 'rapport_slack_reply_duration_seconds_count{kind="command",via="reply"}')).toBe(1);
    expect(seriesValue(after, 'rapport_slack_ack_duration_seconds_count{status="200"}')).toBeGreaterThanOrEqual(1);
    expect(seriesValue(after, 'rapport_requests_waiting')).toBe(0);

    app.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((l) => l.request === 'cmd:smoke-1' && l.msg === 'request worked')).toBe(true);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain('Smoke Signals');
  });
});
