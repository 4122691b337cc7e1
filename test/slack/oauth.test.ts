/**
 * "Add to Slack" (OAuth, @slack/oauth's InstallProvider): two workspaces install Rapport through the real
 * install page and redirect, each is then answered (replies, DMs, digest) with its own bot token, stored
 * encrypted; a refused redirect installs nothing; a workspace with no installation is refused and stores nothing.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { createClient } from '../../src/db/queries/clients.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import { findInstallation, TokenKeyError } from '../../src/db/queries/installations.js';
import * as schema from '../../src/db/schema/index.js';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { installByOAuth, SlackRequestSender } from '../../src/local/slackRequests.js';
import { createLogger } from '../../src/log.js';
import { createRapport, type Rapport } from '../../src/rapport.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const SECRET = 'oauth-signing-secret-0123456789';
const ACME = { teamId: 'T0ACME', userId: 'U0ALICE', channelId: 'C0SALES' };
const OTHER = { teamId: 'T0OTHER', userId: 'U0MALLORY', channelId: 'C0ELSEWHERE' };
const NOBODY = { teamId: 'T0NOBODY', userId: 'U0GHOST', channelId: 'C0GHOST' };

describe.each(TEST_DRIVERS)('installing Rapport by OAuth on %s', (driver) => {
  let handle: DatabaseHandle;
  let api: LocalSlackWebApi;
  let slack: Rapport;
  let base: string;
  let send: SlackRequestSender;
  // Two keys, as during a rotation: new tokens are sealed under the first.
  const keys = [
    { id: 'new', key: randomBytes(32) },
    { id: 'old', key: randomBytes(32) },
  ] as const;
  const logged: string[] = [];

  const install = (team: string, user: string) => installByOAuth(base, `${team}.${user}`);
  /** Both workspaces installed, once, whichever test needs them first (tests run in any order). */
  let installs: Promise<Response[]> | undefined;
  const installBoth = () => (installs ??= (async () => [await install(ACME.teamId, ACME.userId), await install(OTHER.teamId, OTHER.userId)])());

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    api = await new LocalSlackWebApi([
      { id: ACME.userId, name: 'alice', teamId: ACME.teamId },
      { id: OTHER.userId, name: 'mallory', teamId: OTHER.teamId },
      { id: NOBODY.userId, name: 'ghost', teamId: NOBODY.teamId },
    ]).start();
    slack = createRapport({
      slack: {
        signingSecret: SECRET,
        oauth: { clientId: '111.222', clientSecret: 'client-secret-123', stateSecret: 'state-secret-0123456789', tokenKeys: keys },
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

  it('each installed workspace is answered with its own token, kept encrypted under the newest key; a wrong key fails loudly', async () => {
    for (const done of await installBoth()) {
      // Back to the stand-in's page (from Slack itself, to Slack's "installed" page).
      expect(done.status, await done.clone().text()).toBe(302);
      expect(done.headers.get('location')).toBe(`${new URL(api.apiUrl).origin}/?installed=1`);
    }
    const rows = await handle.owner.select().from(schema.installations);
    expect(rows.map((r) => r.teamId).sort()).toEqual([ACME.teamId, OTHER.teamId]);
    expect(rows.every((r) => r.botToken.startsWith('v2:new:') && !r.botToken.includes('xoxb'))).toBe(true);
    expect(rows.find((r) => r.teamId === ACME.teamId)).toMatchObject({ installerUserId: ACME.userId, botUserId: 'U0RAPPORT' });

    for (const actor of [ACME, OTHER]) {
      const seq = api.lastSeq;
      const res = await send.command(actor, '/call', '', { triggerId: `oauth-${actor.teamId}` });
      expect(res.status).toBe(200);
      const opened = await api.next('views.open', seq);
      expect(opened.token).toBe(api.installed.get(actor.teamId));
    }
    expect(api.installed.get(ACME.teamId)).not.toBe(api.installed.get(OTHER.teamId));

    await expect(findInstallation(handle.owner, [{ id: 'new', key: randomBytes(32) }], ACME.teamId)).rejects.toThrow(TokenKeyError);
  });

  it("each workspace's replies, DMs and digest go out with that workspace's own token", async () => {
    await installBoth();
    for (const actor of [ACME, OTHER]) {
      const token = api.installed.get(actor.teamId);
      const seq = api.lastSeq;
      await createClient(handle.owner, actor.teamId, actor.userId, { name: `Token Check ${actor.teamId}`, ownerUserId: 'U0OWNER' });
      // A lie is a red flag: its owner is told by DM at once.
      await send.command(actor, '/incident', `Token Check ${actor.teamId} lie Said the export was sent`);
      const opened = await api.waitFor((c) => c.seq > seq && c.method === 'conversations.open' && c.params.users === 'U0OWNER');
      await api.waitFor((c) => c.seq > opened.seq && c.method === 'chat.postMessage' && c.params.channel === opened.response?.channel?.id);
      await updateWorkspaceSettings(handle.owner, actor.teamId, actor.userId, { digestChannelId: 'C0DIGEST' });
      const outcome = await inWorkspace(actor.teamId, () => slack.digest.postNow(actor.teamId, actor.userId, true));
      expect(outcome.status).toBe('posted');
      const sent = api.calls.filter((c) => c.seq > seq && c.token !== undefined);
      expect(sent.some((c) => c.method === 'chat.postMessage' && c.params.channel === 'C0DIGEST')).toBe(true);
      expect(new Set(sent.map((c) => c.token))).toEqual(new Set([token]));
    }
  });

  it('the install page links to the authorize page with the app, its scopes and a state', async () => {
    const html = await (await fetch(`${base}/slack/install`)).text();
    const link = /href="([^"]*oauth\/v2\/authorize[^"]*)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    const url = new URL(link);
    expect(url.pathname).toBe('/oauth/v2/authorize');
    expect(url.searchParams.get('client_id')).toBe('111.222');
    expect(url.searchParams.get('scope')?.split(',')).toContain('files:write');
    expect(url.searchParams.get('state')).toMatch(/.{20,}/);
  });

  it('a redirect with a forged or missing state, another browser’s state, or a cancelled install stores nothing', async () => {
    const page = await fetch(`${base}/slack/install`);
    const state = /[?&](?:amp;)?state=([^"&]+)/.exec(await page.text())![1]!;
    const callback = (query: string, cookie = '') => fetch(`${base}/slack/oauth_redirect?${query}`, { headers: { cookie }, redirect: 'manual' });
    const tries = [
      await callback('code=T0FORGED.U0X&state=forged-state'),
      await callback('code=T0FORGED.U0X'),
      // A state this app issued, but to another browser (no cookie): someone else's link.
      await callback(`code=T0FORGED.U0X&state=${state}`),
      await callback(`error=access_denied&state=${state}`, (page.headers.get('set-cookie') ?? '').split(';')[0]!),
    ];
    // Each is answered with what to do, never the way back to the stand-in's "installed".
    expect(tries.map((r) => r.status)).toEqual([400, 400, 400, 200]);
    expect(tries.map((r) => r.headers.get('location'))).toEqual([null, null, null, null]);
    expect(await tries[2]!.text()).toContain('expired or was opened in another browser');
    expect(await tries[3]!.text()).toContain('the install was cancelled');
    const rows = await handle.owner.select({ team: schema.installations.teamId }).from(schema.installations);
    expect(rows.map((r) => r.team)).not.toContain('T0FORGED');
    expect(api.calls.filter((c) => c.method === 'oauth.v2.access' && String(c.params.code).startsWith('T0FORGED'))).toEqual([]);
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
