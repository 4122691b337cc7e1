/**
 * "Add to Slack" (OAuth, @slack/oauth's InstallProvider): two workspaces install Rapport through the real
 * install page and redirect, each is then answered with its own bot token, stored encrypted; a workspace with
 * no installation is refused and stores nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { findInstallation, TokenKeyError } from '../../src/db/queries/installations.js';
import * as schema from '../../src/db/schema/index.js';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { SlackRequestSender } from '../../src/local/slackRequests.js';
import { createLogger } from '../../src/log.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const SECRET = 'oauth-signing-secret-0123456789';
const ACME = { teamId: 'T0ACME', userId: 'U0ALICE', channelId: 'C0SALES' };
const OTHER = { teamId: 'T0OTHER', userId: 'U0MALLORY', channelId: 'C0ELSEWHERE' };
const NOBODY = { teamId: 'T0NOBODY', userId: 'U0GHOST', channelId: 'C0GHOST' };

describe.each(TEST_DRIVERS)('installing Rapport by OAuth on %s', (driver) => {
  let handle: DatabaseHandle;
  let api: LocalSlackWebApi;
  let slack: SlackApp;
  let base: string;
  let send: SlackRequestSender;
  const key = randomBytes(32);
  const logged: string[] = [];

  /** The install page, then Slack's redirect back with a code and the page's state (and its cookie). */
  async function install(team: string, user: string): Promise<Response> {
    const page = await fetch(`${base}/slack/install`, { redirect: 'manual' });
    const html = await page.text();
    const state = /[?&]state=([^"&]+)/.exec(html)?.[1];
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(state, html).toBeDefined();
    expect(html).toContain('client_id=111.222');
    return fetch(`${base}/slack/oauth_redirect?code=${team}.${user}&state=${state}`, { headers: { cookie }, redirect: 'manual' });
  }

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    api = await new LocalSlackWebApi([
      { id: ACME.userId, name: 'alice', teamId: ACME.teamId },
      { id: OTHER.userId, name: 'mallory', teamId: OTHER.teamId },
      { id: NOBODY.userId, name: 'ghost', teamId: NOBODY.teamId },
    ]).start();
    slack = createSlackApp({
      slack: {
        signingSecret: SECRET,
        oauth: { clientId: '111.222', clientSecret: 'client-secret-123', stateSecret: 'state-secret-0123456789', tokenKey: key },
        appToken: undefined,
        apiUrl: api.apiUrl,
      },
      database: handle,
      logger: createLogger({ level: 'warn', format: 'json', write: (line) => logged.push(line) }),
    });
    base = `http://127.0.0.1:${await slack.start(0, '127.0.0.1')}`;
    send = new SlackRequestSender({ url: `${base}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
  });
  afterAll(async () => {
    await slack?.stop();
    await api?.stop();
    await handle?.close();
  });

  it('each installed workspace is answered with its own token, kept encrypted; a wrong key fails loudly', async () => {
    for (const [who, user] of [
      [ACME.teamId, ACME.userId],
      [OTHER.teamId, OTHER.userId],
    ]) {
      const done = await install(who!, user!);
      expect(done.status, await done.clone().text()).toBe(200);
    }
    const rows = await handle.owner.select().from(schema.installations);
    expect(rows.map((r) => r.teamId).sort()).toEqual([ACME.teamId, OTHER.teamId]);
    expect(rows.every((r) => r.botToken.startsWith('v1:') && !r.botToken.includes('xoxb'))).toBe(true);
    expect(rows.find((r) => r.teamId === ACME.teamId)).toMatchObject({ installerUserId: ACME.userId, botUserId: 'U0RAPPORT' });

    for (const actor of [ACME, OTHER]) {
      const seq = api.lastSeq;
      const res = await send.command(actor, '/call', '', { triggerId: `oauth-${actor.teamId}` });
      expect(res.status).toBe(200);
      const opened = await api.next('views.open', seq);
      expect(opened.token).toBe(api.installed.get(actor.teamId));
    }
    expect(api.installed.get(ACME.teamId)).not.toBe(api.installed.get(OTHER.teamId));

    await expect(findInstallation(handle.owner, randomBytes(32), ACME.teamId)).rejects.toThrow(TokenKeyError);
  });

  it('a workspace that never installed Rapport is refused, with a log line, and nothing is stored', async () => {
    const seq = api.lastSeq;
    // Bolt answers Slack without running any listener: nothing is stored, not even in the inbox.
    await send.command(NOBODY, '/client', 'add Ghost Corp');
    await new Promise((r) => setTimeout(r, 200));
    const [inbox] = await handle.owner.select({ n: count() }).from(schema.slackRequests).where(eq(schema.slackRequests.teamId, NOBODY.teamId));
    expect(inbox!.n).toBe(0);
    expect(api.calls.filter((c) => c.seq > seq)).toEqual([]);
    const [stored] = await handle.owner.select({ n: count() }).from(schema.clients).where(eq(schema.clients.teamId, NOBODY.teamId));
    expect(stored!.n).toBe(0);
    expect(logged.some((l) => l.includes('not installed') && l.includes(NOBODY.teamId))).toBe(true);
  });
});
