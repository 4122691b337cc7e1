/**
 * Stopping the compiled app (`node dist/main.js`) while Slack does not answer: SIGTERM with a request in
 * flight, its Web API call hanging, ends the process within the README's 10 s (checked against a generous
 * bound, for a busy machine), and the request is not lost: it waits in the inbox for the next start.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';
import * as schema from '../../src/db/schema/index.js';
import { silentLogger } from '../../src/log.js';
import { SlackRequestSender } from '../../src/local/slackRequests.js';
import { builtCommand } from '../support/built.js';

const SECRET = 'stop-signing-secret-0123456789';
const ALICE = { teamId: 'T0STOP', userId: 'U0ALICE', channelId: 'C0STOP' };

/** Slack gone silent: every connection is accepted and every request read, and none is ever answered. */
async function silentSlack(): Promise<{ url: string; calls: string[]; called: Promise<void>; close(): Promise<void> }> {
  const calls: string[] = [];
  let firstCall: () => void = () => {};
  const called = new Promise<void>((resolve) => (firstCall = resolve));
  const server: Server = createServer((req: IncomingMessage) => {
    calls.push(req.url ?? '');
    firstCall();
    req.resume();
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    called,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('stopping while Slack does not answer', () => {
  let slack: Awaited<ReturnType<typeof silentSlack>>;
  let dir: string;
  beforeAll(async () => {
    slack = await silentSlack();
    dir = mkdtempSync(join(tmpdir(), 'rapport-stop-'));
  });
  afterAll(async () => {
    await slack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('SIGTERM with a request in flight ends the process within the bound, and the request waits in the inbox', async () => {
    const app = spawn(process.execPath, builtCommand('main'), {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dir,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: 'xoxb-stop-token',
        SLACK_API_URL: `${slack.url}/api/`,
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => app.once('exit', (code) => resolve(code)));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const read = (chunk: Buffer) => {
          output += chunk.toString();
          const url = /"receiver":"(http:\/\/localhost:\d+)\/slack\/events"/.exec(output)?.[1];
          if (url) resolve(url);
        };
        app.stdout!.on('data', read);
        app.stderr!.on('data', read);
        void exited.then((code) => reject(new Error(`dist/main.js exited (${code}):\n${output}`)));
      });
      const send = new SlackRequestSender({ url: `${base}/slack/events`, signingSecret: SECRET, responseUrl: (id) => `${slack.url}/response/${id}` });
      const sent = await send.command(ALICE, '/client', 'add Hanging Gardens', { triggerId: 'stop-1' });
      expect(sent.status).toBe(200);
      // The worker has taken the request and waits on Slack (reading who Alice is, or answering her).
      await slack.called;

      const signalled = performance.now();
      app.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
      const seconds = (performance.now() - signalled) / 1000;
      expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
      expect(seconds, 'seconds from SIGTERM to exit (README: 10)').toBeLessThan(20);
    } finally {
      if (app.exitCode === null) app.kill('SIGKILL');
      await exited;
    }

    // The next start finds it waiting (or done, had Slack answered in time): acknowledged, so never dropped.
    const handle = await openDatabase({ dataDir: dir, logger: silentLogger });
    try {
      const [request] = await handle.owner
        .select({ state: schema.slackRequests.state })
        .from(schema.slackRequests)
        .where(eq(schema.slackRequests.requestKey, 'cmd:stop-1'));
      expect(request?.state).toBe('waiting');
    } finally {
      await handle.close();
    }
  }, 120_000);
});
