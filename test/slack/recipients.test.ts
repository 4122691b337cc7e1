/**
 * Whoever Rapport tells about a client is checked as they are told, as whoever acts is: someone from another
 * organisation, a guest, or someone who left is never made an owner or an assignee, and gets no DM with client
 * data however they came to own a client, hold a step or subscribe (the stand-in's record of every call is the
 * evidence). In an Enterprise Grid org, members of a sibling workspace are members, in Slack's real payload shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { DigestRunner } from '../../src/digest/run.js';
import { PersonalDigests } from '../../src/digest/personal.js';
import { NextStepReminders } from '../../src/digest/reminders.js';
import { silentLogger } from '../../src/log.js';
import { PeopleDirectory } from '../../src/slack/people.js';
import type { SlackActor } from '../../src/local/slackRequests.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const ORG = 'E0ACMEORG';
/** A member of a sibling workspace of the same Grid org, acting in ours (Slack names their own workspace as their team). */
const SIBLING: SlackActor = { teamId: TEAM, userId: 'U0SIBLING', channelId: 'C0SALES', enterpriseId: ORG, homeTeamId: 'T0SIBLING' };
/** The same, where Slack names the org itself as the user's team (as it does in some Grid payloads). */
const ORG_MEMBER: SlackActor = { teamId: TEAM, userId: 'U0ORGMEMBER', channelId: 'C0SALES', enterpriseId: ORG, homeTeamId: ORG };
/** A Slack Connect user whose own company is another Grid org. */
const VENDOR: SlackActor = { teamId: TEAM, userId: 'U0VENDOR', channelId: 'C0SHARED', enterpriseId: ORG, homeTeamId: 'T0VENDOR' };

const OUTSIDERS = [
  ['a guest', 'U0GUEST', 'is a guest in this workspace'],
  ['someone from another organisation', 'U0STRANGER', 'is from another organisation'],
  ['someone who left', 'U0GONE', 'is no longer in this workspace'],
] as const;

describe.each(TEST_DRIVERS)('who Rapport tells about clients, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: SlackActor, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  /** Every DM the app sent `user` since `seq` (conversations.open with them, then a post to that channel). */
  const dmsTo = (user: string, seq: number) => {
    const opened = new Set(h.since(seq).flatMap((c) => (c.method === 'conversations.open' && c.params.users === user ? [c.response?.channel?.id] : [])));
    return h
      .since(seq)
      .filter((c) => (c.method === 'chat.postMessage' || c.method === 'files.completeUploadExternal') && opened.has(c.params.channel ?? c.params.channel_id));
  };
  const becomes = async (userId: string, change: { isRestricted?: boolean; deleted?: boolean }) => {
    Object.assign(h.api.users.get(userId)!, change);
    // Slack tells the app at once: it asks who they are again rather than after its few minutes' memory.
    const seq = h.api.lastSeq;
    await h.send.event(TEAM, { type: 'user_change', user: { id: userId, team_id: TEAM } });
    await h.idle();
    return seq;
  };

  beforeAll(async () => {
    h = await startHarness(driver);
    h.api.enterprises.set(TEAM, ORG);
    for (const user of [
      { id: 'U0GUEST', name: 'guest', teamId: TEAM, isRestricted: true },
      { id: 'U0STRANGER', name: 'stranger', teamId: 'T0CLIENTCO' },
      { id: 'U0GONE', name: 'gone', teamId: TEAM, deleted: true },
      { id: 'U0DANA', name: 'dana', teamId: TEAM },
      { id: 'U0EVE', name: 'eve', teamId: TEAM },
      { id: 'U0FRED', name: 'fred', teamId: TEAM },
      { id: 'U0SIBLING', name: 'sibling', teamId: 'T0SIBLING', enterpriseId: ORG, teams: ['T0SIBLING'] },
      { id: 'U0ORGMEMBER', name: 'orgmember', teamId: ORG, enterpriseId: ORG, teams: ['T0SIBLING'] },
      { id: 'U0VENDOR', name: 'vendor', teamId: 'T0VENDOR', enterpriseId: 'E0VENDORORG', teams: ['T0VENDOR'] },
    ]) {
      h.api.users.set(user.id, user);
    }
  });
  afterAll(() => h?.close());

  it.each(OUTSIDERS)('%s cannot be made an owner or an assignee: refused in plain words, nothing stored, nobody told', async (_who, userId, why) => {
    const name = `Leak ${userId.slice(3, 6)} Co`;
    await say(ALICE, '/client', `add ${name}`);
    const seq = h.api.lastSeq;

    expect(await say(ALICE, '/client', `add Other ${name} <@${userId}|x>`)).toContain(`<@${userId}> ${why}, so they cannot own a client`);
    await expect(findClientByName(h.db, { teamId: TEAM, name: `Other ${name}` })).rejects.toThrow();

    expect(await say(ALICE, '/client', `set ${name} owner <@${userId}|x>`)).toContain(`<@${userId}> ${why}, so they cannot own a client`);
    expect((await findClientByName(h.db, { teamId: TEAM, name })).ownerUserId).toBe('U0ALICE');

    expect(await say(ALICE, '/client', `next ${name} Send the renewal deck <@${userId}|x> friday`)).toContain(`<@${userId}> ${why}, so a next step`);
    expect(await h.db.select().from(schema.nextSteps).where(eq(schema.nextSteps.assigneeUserId, userId))).toEqual([]);

    await h.idle();
    expect(dmsTo(userId, seq)).toEqual([]);
  });

  it('an owner or assignee who became a guest or left gets no red flag, reminder, personal digest or proposal', async () => {
    await say(ALICE, '/client', 'add Leak Co <@U0DANA|dana>');
    await say(ALICE, '/client', 'add Spill Co <@U0EVE|eve>');
    await say(ALICE, '/client', 'add Fine Co <@U0FRED|fred>');
    for (const [client, who] of <const>[
      ['leak co', 'U0DANA'],
      ['spill co', 'U0EVE'],
      ['fine co', 'U0FRED'],
    ]) {
      await say(ALICE, '/client', `next ${client} Call about the invoice <@${who}|x> today`);
      await say({ ...ALICE, userId: who }, '/rapport', 'settings me digest on');
    }
    const since = await becomes('U0DANA', { isRestricted: true });
    await becomes('U0EVE', { deleted: true });

    // A red flag: the owner is not told, and the one who logged it is told why instead of "being told by DM now".
    const logged = await say(ALICE, '/incident', 'leak co lie Said the invoice was paid');
    expect(logged).toContain('is not a member of this workspace any more');
    expect(logged).not.toContain('is being told by DM now');
    expect(await say(ALICE, '/incident', 'fine co lie Said the export was sent')).toContain('its owner <@U0FRED> is being told by DM now');

    // Reassigned by an admin: the new owner is told, the former one (a guest now) is not.
    expect(await say({ ...ALICE, userId: 'U0ADMIN' }, '/client', 'set leak co owner <@U0FRED|fred>')).toContain('owner');
    await h.idle();
    expect(
      dmsTo('U0FRED', since)
        .map((c) => textOf(c.params))
        .join('\n'),
    ).toContain('Leak Co');

    // Someone else's change to their client cannot be proposed to them.
    expect(await say({ ...ALICE, userId: 'U0SAM' }, '/client', 'set spill co category problem')).toContain('is not a member of this workspace any more');

    // Reminders and personal digests, checked as they are sent (fresh directories: nothing remembered).
    const webFor = async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });
    const jobs = { db: h.database.db, owner: h.database.owner, webFor, people: new PeopleDirectory(), logger: silentLogger };
    const reminded = await new NextStepReminders({ ...jobs, now: h.now }).tick();
    expect(reminded.map((r) => r.userId)).toEqual(['U0FRED']);
    const monday = new Date('2026-11-30T09:05:00Z');
    const digest = new DigestRunner({ db: h.database.db, owner: h.database.owner, webFor, logger: silentLogger, now: () => monday });
    const sent = await new PersonalDigests({ ...jobs, people: new PeopleDirectory(), digest, now: () => monday }).tick();
    expect(sent.map((s) => s.userId)).toEqual(['U0FRED']);

    expect(dmsTo('U0DANA', since)).toEqual([]);
    expect(dmsTo('U0EVE', since)).toEqual([]);
    expect(
      dmsTo('U0FRED', since)
        .map((c) => textOf(c.params))
        .join('\n'),
    ).toContain('Fine Co');
    // Each send is marked done: nobody is asked about them again every tick.
    const marked = await h.db
      .select()
      .from(schema.personalSends)
      .where(and(eq(schema.personalSends.teamId, TEAM), eq(schema.personalSends.userId, 'U0DANA')));
    expect(marked.every((s) => s.sentAt !== null)).toBe(true);
  });

  it('members of a sibling workspace of the same Grid org are members: commands, type-ahead and forms are worked', async () => {
    expect(await say(SIBLING, '/client', 'add Grid Co')).toContain('Grid Co');
    expect(await say(SIBLING, '/call', 'grid co +communication Weekly sync')).toContain('Call with *Grid Co*');

    for (const actor of [SIBLING, ORG_MEMBER]) {
      const { reply } = await h.command(actor, '/call', '');
      const view = reply.response!.view; // as Slack opened it, with its id
      const options = await h.send.options(actor, { action_id: 'client', block_id: 'client', value: 'grid', view: { ...view, team_id: TEAM } });
      expect(options.status).toBe(200);
      const picked = options.body.options.find((o: { text: { text: string } }) => o.text.text === 'Grid Co');
      expect(picked).toBeDefined();
      const seq = h.api.lastSeq;
      const submitted = await h.send.viewSubmission(actor, view, { client: { client: { type: 'external_select', selected_option: picked } } });
      expect(submitted.status).toBe(200);
      expect(submitted.body).toBeUndefined(); // no field errors
      const confirmed = await h.api.waitFor((c) => c.seq > seq && (c.method === 'chat.postEphemeral' || c.method === 'chat.postMessage'));
      expect(textOf(confirmed.params)).toContain('Call with *Grid Co*');
    }
    // Someone the sibling names as owner is checked by the same rule: a member of the org is accepted.
    expect(await say(ALICE, '/client', 'set grid co owner <@U0SIBLING|sibling>')).toContain('owner');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'grid co' })).ownerUserId).toBe('U0SIBLING');
  });

  it('a Slack Connect user from another Grid org is refused, in Grid payload shapes too', async () => {
    const seq = h.api.lastSeq;
    const { ack } = await h.command(VENDOR, '/client', 'list');
    const refusal = (ack as { text?: string } | undefined)?.text ?? textOf((await h.api.next('response_url', seq)).params);
    expect(refusal).toContain('people from other organisations cannot use it here');
    const options = await h.send.options(VENDOR, { action_id: 'client', block_id: 'client', value: 'grid' });
    expect(options.body.options).toEqual([]);
    await h.idle();
    expect(dmsTo('U0VENDOR', seq)).toEqual([]);
  });
});
