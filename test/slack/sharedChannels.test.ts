/**
 * A client must never see or touch what Rapport says about them: Slack Connect channels, people from other
 * organisations, guests. Through the real receiver, with the stand-in Web API answering conversations.info and
 * users.info as Slack would.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { getWorkspace, updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const GUEST = { ...ALICE, userId: 'U0GUEST' };
const OUTSIDER = { ...ALICE, userId: 'U0CLIENT' };

describe.each(TEST_DRIVERS)('shared channels, guests and other organisations on %s', (driver) => {
  let h: Harness;
  const rows = async () => {
    const n = async (t: 'calls' | 'incidents' | 'clients' | 'decisions' | 'snoozes' | 'proposals') => (await h.db.select({ n: count() }).from(schema[t]))[0]!.n;
    return {
      calls: await n('calls'),
      incidents: await n('incidents'),
      clients: await n('clients'),
      decisions: await n('decisions'),
      snoozes: await n('snoozes'),
      proposals: await n('proposals'),
    };
  };
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  const runner = (at: string) =>
    new DigestRunner({
      db: h.database.owner,
      owner: h.database.owner,
      webFor: async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl }),
      logger: silentLogger,
      now: () => new Date(at),
      instance: 'test',
    });
  /** The digest goes to `channel` on Mondays at 09:00 UTC, and the workspace is old enough for this week's. */
  const digestOnMondaysIn = async (channel: string) => {
    await updateWorkspaceSettings(h.db, {
      teamId: TEAM,
      by: 'U0ADMIN',
      patch: { digestChannelId: channel, timeZone: 'UTC', digestDay: 1, digestTime: '09:00' },
    });
    await h.db
      .update(schema.workspaces)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(schema.workspaces.teamId, TEAM));
  };
  /** Everything the app sent since `seq` that mentions the client's confidential data. */
  const leaks = (seq: number) => h.since(seq).filter((c) => /Acme Corp|Said the export was sent/.test(JSON.stringify(c.params)));

  beforeAll(async () => {
    h = await startHarness(driver);
    h.api.users.set('U0GUEST', { id: 'U0GUEST', name: 'guest', teamId: TEAM, isRestricted: true });
    h.api.users.set('U0CLIENT', { id: 'U0CLIENT', name: 'client', teamId: 'T0CLIENTORG' });
    h.api.channels.set('C0CONNECT', { name: 'acme-shared', isExtShared: true });
    h.api.channels.set('C0PENDING', { name: 'acme-soon', isPendingExtShared: true });
    h.api.channels.set('C0ORGWIDE', { name: 'all-hands', isShared: true, isOrgShared: true });
    await say(ALICE, '/client', 'add Acme Corp vip long-term');
    await say(ALICE, '/incident', 'acme corp lie Said the export was sent');
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    // Each test starts from an internal digest channel nobody set yet, and guests not allowed.
    h.api.channels.delete('C0DIGEST');
    await h.db
      .update(schema.workspaces)
      .set({ digestChannelId: null, digestChannelRefusal: null, digestChannelRefusedAt: null, allowGuests: false })
      .where(eq(schema.workspaces.teamId, TEAM));
    await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
  });

  it('a channel shared outside the organisation (or about to be) cannot become the digest channel; an internal one can', async () => {
    expect(await say(ADMIN, '/rapport', 'settings channel <#C0CONNECT|acme-shared>')).toContain(
      'cannot be the digest channel: it is shared with another organisation (Slack Connect)',
    );
    expect(await say(ADMIN, '/rapport', 'settings channel <#C0PENDING|acme-soon>')).toContain('an invitation to share it with another organisation is pending');
    expect((await getWorkspace(h.db, TEAM))?.digestChannelId ?? null).toBeNull();
    expect(await say(ADMIN, '/rapport', 'settings channel <#C0ORGWIDE|all-hands>')).toContain('Saved');
    expect(await say(ADMIN, '/rapport', 'settings channel <#C0DIGEST|digest>')).toContain('Saved');
  });

  it('a channel Slack will not describe (private, Rapport not in it; or a scope missing) is refused with what to do', async () => {
    h.api.failNext('conversations.info', 'channel_not_found');
    expect(await say(ADMIN, '/rapport', 'settings channel <#C0SECRET|secret>')).toContain(
      'Rapport cannot see <#C0SECRET>: if it is private, invite Rapport there first (`/invite @Rapport`), then set it again. Nothing was changed.',
    );
    h.api.failNext('conversations.info', 'missing_scope');
    expect(await say(ADMIN, '/rapport', 'settings channel <#C0SECRET|secret>')).toContain('reinstall it from its manifest');
    expect((await getWorkspace(h.db, TEAM))?.digestChannelId ?? null).toBeNull();
  });

  it('a channel that becomes shared between two digests gets no more digests; whoever set it is told once', async () => {
    await digestOnMondaysIn('C0DIGEST');
    const posts = (seq: number) => h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'C0DIGEST' && !c.params.thread_ts);
    const seq = h.api.lastSeq;
    await runner('2026-11-30T09:00:00Z').tick();
    expect(posts(seq)).toHaveLength(1);

    h.api.channels.set('C0DIGEST', { name: 'digest', isExtShared: true });
    const seq2 = h.api.lastSeq;
    await runner('2026-12-07T09:00:00Z').tick();
    await runner('2026-12-07T09:05:00Z').tick();
    expect(posts(seq2)).toEqual([]);
    const told = h.since(seq2).filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0ADMIN');
    expect(told).toHaveLength(1);
    expect(textOf(told[0]!.params)).toContain('Rapport stopped posting the digest to <#C0DIGEST>: it is shared with another organisation');
    expect(await say(ALICE, '/rapport', 'settings')).toContain('*Not posting there* since');
    expect(await say(ADMIN, '/rapport', 'digest now')).toContain('Rapport stopped posting the digest to <#C0DIGEST>');

    // Setting an internal channel again resumes.
    expect(await say(ADMIN, '/rapport', 'settings channel <#C0ORGWIDE|all-hands>')).toContain('Saved');
    expect((await getWorkspace(h.db, TEAM))?.digestChannelRefusal).toBeNull();
  });

  it('a digest already in a channel that became shared is never rewritten there: a decision is recorded, the person told, the digest stopped', async () => {
    await digestOnMondaysIn('C0DIGEST');
    await runner('2026-11-30T09:00:00Z').tick();
    const [digest] = await h.db.select().from(schema.digests).where(eq(schema.digests.teamId, TEAM));
    const acme = await findClientByName(h.db, { teamId: TEAM, name: 'acme corp' });
    const click = () =>
      h.send.blockAction(
        ALICE,
        { type: 'button', action_id: 'digest_acknowledge', value: acme.id },
        { message: { ts: digest!.messageTs! }, channelId: 'C0DIGEST' },
      );

    // Shared after the post, and no channel_shared event reached Rapport.
    h.api.channels.set('C0DIGEST', { name: 'digest', isExtShared: true });
    const seq = h.api.lastSeq;
    await click();
    const told = await h.api.waitFor((c) => c.seq > seq && c.method === 'response_url' && textOf(c.params).includes('was left as it was'));
    expect(textOf(told.params)).toContain('it is shared with another organisation');
    await h.idle();
    expect(h.since(seq).filter((c) => c.method === 'chat.update')).toEqual([]);
    expect(await h.db.select().from(schema.decisions).where(eq(schema.decisions.clientId, acme.id))).toHaveLength(1);
    expect((await getWorkspace(h.db, TEAM))?.digestChannelRefusal).toBe('ext_shared');
    await h.db.delete(schema.decisions).where(eq(schema.decisions.clientId, acme.id));
  });

  it('the channel_shared event stops the digest there at once', async () => {
    expect(await say(ADMIN, '/rapport', 'settings channel <#C0ORGWIDE|all-hands>')).toContain('Saved');
    const seq = h.api.lastSeq;
    await h.send.event(TEAM, { type: 'channel_shared', connected_team_id: 'T0CLIENTORG', channel: 'C0ORGWIDE', event_ts: '1.1' });
    await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'D0ADMIN');
    expect((await getWorkspace(h.db, TEAM))?.digestChannelRefusal).toBe('now_ext_shared');
  });

  it('a person from another organisation is refused on every entry point: nothing stored, nothing of the data shown', async () => {
    const acme = await findClientByName(h.db, { teamId: TEAM, name: 'Acme Corp' });
    const before = await rows();
    const seq = h.api.lastSeq;
    expect(await say(OUTSIDER, '/client', 'show acme corp')).toContain('people from other organisations cannot use it here');
    expect(await say(OUTSIDER, '/call', 'acme corp +comms')).toContain('people from other organisations');
    for (const action of ['digest_history', 'digest_acknowledge', 'digest_snooze']) {
      const s = h.api.lastSeq;
      await h.send.blockAction(OUTSIDER, { action_id: action, value: acme.id }, { channelId: 'C0CONNECT' });
      expect(textOf((await h.api.next('response_url', s)).params)).toContain('people from other organisations');
    }
    await h.send.blockAction(
      OUTSIDER,
      { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `start_exit:${acme.id}` } },
      { channelId: 'C0CONNECT' },
    );
    const options = await h.send.options(OUTSIDER, { action_id: 'client', block_id: 'client', value: 'acme' });
    expect(options.body).toEqual({ options: [] });
    // A global shortcut opens no form for them: they are told by DM (a shortcut has no response URL).
    const s1 = h.api.lastSeq;
    await h.send.interaction(OUTSIDER, { type: 'shortcut', callback_id: 'log_call', action_ts: '1.3', trigger_id: 'outsider-shortcut' });
    const dm = await h.api.waitFor((c) => c.seq > s1 && c.method === 'chat.postMessage' && c.params.channel === 'D0CLIENT');
    expect(textOf(dm.params)).toContain('people from other organisations');
    expect(h.since(s1).filter((c) => c.method === 'views.open')).toEqual([]);
    // The payload itself says the person's team differs from the workspace's: refused without asking Slack.
    const s2 = h.api.lastSeq;
    await h.send.interaction(
      { ...OUTSIDER, userId: 'U0STRANGER' },
      {
        type: 'block_actions',
        user: { id: 'U0STRANGER', team_id: 'T0CLIENTORG' },
        team: { id: TEAM },
        actions: [{ action_id: 'digest_history', value: acme.id, type: 'button', block_id: 'b', action_ts: '1' }],
        response_url: h.api.responseUrl('stranger'),
        channel: { id: 'C0CONNECT' },
        container: { type: 'message' },
      },
    );
    expect(textOf((await h.api.next('response_url', s2)).params)).toContain('people from other organisations');
    await h.idle(); // every request worked: nothing more can be written or sent
    expect(await rows()).toEqual(before);
    expect(leaks(seq)).toEqual([]);
  });

  it('a guest is refused (command, form, shortcut, Home) until an admin allows guests', async () => {
    const before = await rows();
    const seq = h.api.lastSeq;
    expect(await say(GUEST, '/call', 'acme corp +comms')).toContain('Guests can use it only if a workspace admin allows it');
    const { reply } = await h.command(ALICE, '/call', '');
    const acme = await findClientByName(h.db, { teamId: TEAM, name: 'Acme Corp' });
    const submitted = await h.send.viewSubmission(GUEST, reply.params.view, {
      client: { client: { type: 'external_select', selected_option: { value: acme.id, text: { type: 'plain_text', text: 'x' } } } },
    });
    expect(submitted.body).toMatchObject({ response_action: 'errors', errors: { client: expect.stringContaining('Guests can use it only') } });
    const s = h.api.lastSeq;
    await h.send.event(TEAM, { type: 'app_home_opened', user: 'U0GUEST', channel: 'D0GUEST', tab: 'home' });
    const home = await h.api.next('views.publish', s);
    expect(textOf({ blocks: home.params.view.blocks })).toContain('Rapport is for full members');
    const s2 = h.api.lastSeq;
    await h.send.interaction(GUEST, { type: 'shortcut', callback_id: 'log_incident', action_ts: '1.4', trigger_id: 'guest-shortcut' });
    const dm = await h.api.waitFor((c) => c.seq > s2 && c.method === 'chat.postMessage' && c.params.channel === 'D0GUEST');
    expect(textOf(dm.params)).toContain('Guests can use it only');
    expect(h.since(s2).filter((c) => c.method === 'views.open')).toEqual([]);
    expect(await rows()).toEqual(before);
    expect(leaks(seq)).toEqual([]);

    expect(await say(ALICE, '/rapport', 'settings guests allow')).toContain('Only workspace admins');
    expect(await say(ADMIN, '/rapport', 'settings guests allow')).toContain('Guests: allowed');
    expect(await say(GUEST, '/call', 'acme corp +comms')).toContain('Call with *Acme Corp*');
  });
});
