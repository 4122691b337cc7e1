/**
 * "Add to Slack" (OAuth, @slack/oauth's InstallProvider): two workspaces install Rapport through the real
 * install page and redirect, each is then answered (replies, DMs, digest) with its own bot token, stored
 * encrypted; a refused redirect installs nothing; a workspace with no installation is refused and stores nothing.
 * The keys: two at once, tokens of the first format and of an older key sealed again on use, rotation, health
 * under a wrong key; an org-wide (Enterprise Grid) install refused and its token revoked.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { createClient } from '../../src/db/queries/clients.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import type { TokenKeys } from '../../src/config/tokenKeys.js';
import { checkTokenKeys, findInstallation, reencryptInstallations, saveInstallation, TokenKeyError } from '../../src/db/queries/installations.js';
import * as schema from '../../src/db/schema/index.js';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { installByOAuth, SlackRequestSender } from '../../src/local/slackRequests.js';
import { createLogger, silentLogger } from '../../src/log.js';
import { createRapport, type Rapport } from '../../src/rapport.js';
import { boltLogger } from '../../src/slack/boltLogger.js';
import { installedWorkspaces, singleWorkspace } from '../../src/slack/installations.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';
import { sealV1 } from '../support/legacyToken.js';

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

    await expect(findInstallation(handle.owner, { keys: [{ id: 'new', key: randomBytes(32) }], teamId: ACME.teamId })).rejects.toThrow(TokenKeyError);
  });

  it("each workspace's replies, DMs and digest go out with that workspace's own token", async () => {
    await installBoth();
    for (const actor of [ACME, OTHER]) {
      const token = api.installed.get(actor.teamId);
      const seq = api.lastSeq;
      // Its owner, a member of that workspace (Rapport tells members only).
      const owner = `U0OWNER${actor.teamId}`;
      api.users.set(owner, { id: owner, name: 'owner', teamId: actor.teamId });
      await createClient(handle.owner, { teamId: actor.teamId, by: actor.userId, input: { name: `Token Check ${actor.teamId}`, ownerUserId: owner } });
      // A lie is a red flag: its owner is told by DM at once.
      await send.command(actor, '/incident', `Token Check ${actor.teamId} lie Said the export was sent`);
      const opened = await api.waitFor((c) => c.seq > seq && c.method === 'conversations.open' && c.params.users === owner);
      await api.waitFor((c) => c.seq > opened.seq && c.method === 'chat.postMessage' && c.params.channel === opened.response?.channel?.id);
      await updateWorkspaceSettings(handle.owner, { teamId: actor.teamId, by: actor.userId, patch: { digestChannelId: 'C0DIGEST' } });
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

describe.each(TEST_DRIVERS)('the keys of the stored tokens, and org-wide installs, on %s', (driver) => {
  let handle: DatabaseHandle;
  let api: LocalSlackWebApi;
  let slack: Rapport;
  let base: string;
  let send: SlackRequestSender;
  const OLD = { id: 'old', key: randomBytes(32) };
  const NEW = { id: 'new', key: randomBytes(32) };
  const WRONG = { id: 'new', key: randomBytes(32) };
  const logged: string[] = [];
  const oauth = (tokenKeys: TokenKeys) => ({ clientId: '111.222', clientSecret: 'client-secret-123', stateSecret: 'state-secret-0123456789', tokenKeys });
  /** The installations as a process configured with `keys` sees them (its own caches: a fresh health check). */
  const seenWith = (...keys: TokenKeys) => installedWorkspaces(handle.owner, oauth(keys), { now: () => new Date(), logger: boltLogger(silentLogger) });
  const tokenOf = async (teamId: string) =>
    (await handle.owner.select({ botToken: schema.installations.botToken }).from(schema.installations).where(eq(schema.installations.teamId, teamId)))[0]
      ?.botToken;
  const installedDirectly = (teamId: string, keys: TokenKeys) =>
    saveInstallation(handle.owner, {
      keys,
      record: {
        teamId,
        enterpriseId: null,
        isEnterpriseInstall: false,
        botToken: `xoxb-${teamId}`,
        botUserId: 'U0RAPPORT',
        botId: null,
        scopes: '',
        installerUserId: null,
      },
      at: new Date(),
    });
  const storedCount = async () => (await handle.owner.select({ n: count() }).from(schema.installations))[0]!.n;
  /** A /call from the workspace's admin opens the form: with the token Slack sees. */
  const answeredWith = async (teamId: string) => {
    const seq = api.lastSeq;
    await send.command({ teamId, userId: `U0${teamId}` }, '/call', '', { triggerId: `keys-${teamId}-${seq}` });
    return (await api.next('views.open', seq, 10_000)).token;
  };
  const TEAMS = ['T0TWOKEYS', 'T0LEGACY', 'T0OLDKEY', 'T0GRIDWS'];

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    api = await new LocalSlackWebApi(TEAMS.map((teamId) => ({ id: `U0${teamId}`, name: teamId.toLowerCase(), teamId }))).start();
    slack = createRapport({
      slack: { signingSecret: SECRET, oauth: oauth([NEW, OLD]), appToken: undefined, apiUrl: api.apiUrl },
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

  it('installed with two keys, a token is sealed under the first; copied into another workspace’s row it does not open', async () => {
    const done = await installByOAuth(base, 'T0TWOKEYS.U0T0TWOKEYS');
    expect(done.status, await done.clone().text()).toBe(302);
    expect(await tokenOf('T0TWOKEYS')).toMatch(/^v2:new:/);
    expect(await answeredWith('T0TWOKEYS')).toBe(api.installed.get('T0TWOKEYS'));

    // The ciphertext is bound to its workspace: another workspace's row holding it gets nothing.
    await handle.owner.insert(schema.installations).values({ teamId: 'T0COPY', botToken: (await tokenOf('T0TWOKEYS'))!, scopes: '' });
    try {
      await expect(seenWith(NEW, OLD).credentialsFor('T0COPY')).rejects.toThrow(TokenKeyError);
      expect(await seenWith(NEW, OLD).health()).toEqual({
        ok: false,
        error: `1 of ${await storedCount()} installations cannot be decrypted with the configured keys`,
      });
    } finally {
      await handle.owner.delete(schema.installations).where(eq(schema.installations.teamId, 'T0COPY'));
    }
  });

  it('a token in the first format (v1), or under the older key, is used and sealed again under the newest key', async () => {
    await installedDirectly('T0LEGACY', [OLD]);
    await handle.owner
      .update(schema.installations)
      .set({ botToken: sealV1(OLD.key, 'xoxb-T0LEGACY') })
      .where(eq(schema.installations.teamId, 'T0LEGACY'));
    await installedDirectly('T0OLDKEY', [OLD]);
    expect(await tokenOf('T0LEGACY')).toMatch(/^v1:/);
    expect(await tokenOf('T0OLDKEY')).toMatch(/^v2:old:/);

    expect(await answeredWith('T0LEGACY')).toBe('xoxb-T0LEGACY');
    expect(await answeredWith('T0OLDKEY')).toBe('xoxb-T0OLDKEY');
    for (const teamId of ['T0LEGACY', 'T0OLDKEY']) {
      expect(await tokenOf(teamId)).toMatch(/^v2:new:/);
      // Now the newest key alone opens it.
      expect(await seenWith(NEW).credentialsFor(teamId)).toMatchObject({ botToken: `xoxb-${teamId}` });
    }
  });

  it('rotation: every row re-encrypted under the newest key (those no key opens named), then the older key can go', async () => {
    await installedDirectly('T0ROTATE', [OLD]);
    await installedDirectly('T0ROTATEV1', [OLD]);
    await handle.owner
      .update(schema.installations)
      .set({ botToken: sealV1(OLD.key, 'xoxb-T0ROTATEV1') })
      .where(eq(schema.installations.teamId, 'T0ROTATEV1'));
    await installedDirectly('T0LOST', [{ id: 'old', key: randomBytes(32) }]);
    expect((await seenWith(NEW).health()).ok).toBe(false);

    const done = await reencryptInstallations(handle.owner, [NEW, OLD]);
    expect(done.undecryptable).toEqual(['T0LOST']);
    expect(done.reencrypted).toBeGreaterThanOrEqual(2);
    expect(await tokenOf('T0ROTATE')).toMatch(/^v2:new:/);
    expect(await tokenOf('T0ROTATEV1')).toMatch(/^v2:new:/);
    expect(await tokenOf('T0LOST')).toMatch(/^v2:old:/);
    expect(await reencryptInstallations(handle.owner, [NEW, OLD])).toMatchObject({ reencrypted: 0, undecryptable: ['T0LOST'] });

    // The newest key alone: everything but the lost row opens, and forgetting that row needs no key.
    expect(await seenWith(NEW).health()).toEqual({
      ok: false,
      error: `1 of ${await storedCount()} installations cannot be decrypted with the configured keys`,
    });
    await seenWith(WRONG).forget('T0LOST');
    expect(await tokenOf('T0LOST')).toBeUndefined();
    expect(await seenWith(NEW).health()).toEqual({ ok: true });
    expect(await seenWith(NEW).credentialsFor('T0ROTATEV1')).toMatchObject({ botToken: 'xoxb-T0ROTATEV1' });
  });

  it('health is false with a wrong key, saying how many of how many, nothing secret; true in single-workspace mode', async () => {
    // Two at least, whichever tests ran before: the sample below checks two.
    await installedDirectly('T0HEALTH', [NEW]);
    await installedDirectly('T0HEALTH2', [NEW]);
    const stored = await storedCount();
    const wrong = await seenWith(WRONG).health();
    expect(wrong).toEqual({ ok: false, error: `${stored} of ${stored} installations cannot be decrypted with the configured keys` });
    expect(JSON.stringify(wrong)).not.toMatch(/xoxb|v2:/);
    expect(await seenWith(NEW, OLD).health()).toEqual({ ok: true });
    // Beyond the sample, a random part is checked: all of them fail under a wrong key.
    expect(await checkTokenKeys(handle.owner, { keys: [WRONG], limit: 2 })).toEqual({ stored, checked: 2, undecryptable: 2 });
    expect(await singleWorkspace('xoxb-env').health()).toEqual({ ok: true });
  });

  it('a process whose keys open no stored token says it is unhealthy, and still forgets a workspace that uninstalls Rapport', async () => {
    await installedDirectly('T0UNINSTALLS', [NEW]);
    const wrongLines: string[] = [];
    const wrong = createRapport({
      slack: { signingSecret: SECRET, oauth: oauth([WRONG]), appToken: undefined, apiUrl: api.apiUrl },
      database: handle,
      logger: createLogger({ level: 'warn', format: 'json', write: (line) => wrongLines.push(line) }),
    });
    const wrongBase = `http://127.0.0.1:${await wrong.start(0, '127.0.0.1')}`;
    try {
      const health = await fetch(`${wrongBase}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, error: expect.stringMatching(/installations cannot be decrypted with the configured keys$/) });

      const toWrong = new SlackRequestSender({ url: `${wrongBase}/slack/events`, signingSecret: SECRET, responseUrl: (id) => api.responseUrl(id) });
      expect((await toWrong.event('T0UNINSTALLS', { type: 'app_uninstalled' })).status).toBe(200);
      await expect.poll(() => tokenOf('T0UNINSTALLS'), { timeout: 10_000 }).toBeUndefined();
      const [request] = await handle.owner.select().from(schema.slackRequests).where(eq(schema.slackRequests.teamId, 'T0UNINSTALLS'));
      await expect
        .poll(async () => (await handle.owner.select().from(schema.slackRequests).where(eq(schema.slackRequests.id, request!.id)))[0]!.state, {
          timeout: 10_000,
        })
        .toBe('done');
    } finally {
      await wrong.stop();
    }
  });

  it('an org-wide install is refused with a page, its token revoked and nothing stored; a workspace of the org installs as any other', async () => {
    const refused = await installByOAuth(base, '*.U0ORGADMIN.E0GRID');
    const page = await refused.text();
    expect(refused.status).toBe(403);
    expect(refused.headers.get('location')).toBeNull();
    expect(page).toContain('Rapport was not installed: it was added to a whole Enterprise Grid organisation');
    expect(page).toContain('The access Slack granted to the organisation has been withdrawn.');
    expect(page).toContain('<a href="/slack/install">start again</a>');
    const granted = api.callsTo('oauth.v2.access').at(-1)!.response!.access_token as string;
    expect(granted).toMatch(/^xoxb-E0GRID-/);
    expect(api.callsTo('auth.revoke').map((c) => c.token)).toEqual([granted]);
    expect(api.installed.has('E0GRID')).toBe(false);
    const grid = await handle.owner.select().from(schema.installations).where(eq(schema.installations.enterpriseId, 'E0GRID'));
    expect(grid).toEqual([]);
    expect(await tokenOf('E0GRID')).toBeUndefined();
    expect(logged.some((l) => l.includes('Refused an org-wide install in E0GRID') && l.includes('was revoked'))).toBe(true);

    // One workspace of the same organisation, installed on its own: kept, with its organisation's id.
    const done = await installByOAuth(base, 'T0GRIDWS.U0T0GRIDWS.E0GRID');
    expect(done.status, await done.clone().text()).toBe(302);
    const [row] = await handle.owner.select().from(schema.installations).where(eq(schema.installations.enterpriseId, 'E0GRID'));
    expect(row).toMatchObject({ teamId: 'T0GRIDWS', enterpriseId: 'E0GRID', isEnterpriseInstall: false });
    expect(await answeredWith('T0GRIDWS')).toBe(api.installed.get('T0GRIDWS'));
    expect(api.callsTo('auth.revoke')).toHaveLength(1);
  });
});
