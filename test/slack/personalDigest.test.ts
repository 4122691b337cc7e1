/**
 * Personal digests (issue 14), through the receiver and the stand-in Web API: whoever opts in gets their own
 * clients' part of the weekly digest by DM at the workspace's slot in their own time zone, exactly once per
 * week across instances; opting out stops it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { PersonalDigests } from '../../src/digest/personal.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import { PeopleDirectory } from '../../src/slack/people.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('personal digests on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);

  beforeAll(async () => {
    h = await startHarness(driver);
    h.api.users.get('U0ALICE')!.tz = 'America/Los_Angeles';
    await say(ALICE, '/client', 'add Acme Corp <@U0ALICE|alice>');
    await say(ALICE, '/client', 'add Globex <@U0BOB|bob>');
    await say(ALICE, '/incident', 'acme corp lie Said the export was sent');
    await say(BOB, '/incident', 'globex lie Said the invoice was paid');
  });
  afterAll(() => h?.close());

  it('the Home tab switches it on and off as the command does', async () => {
    const home = async (seq: number) => (await h.api.waitFor((c) => c.seq > seq && c.method === 'views.publish')).params.view;
    let seq = h.api.lastSeq;
    await h.send.event(TEAM, { type: 'app_home_opened', user: 'U0ADMIN', channel: 'D0ADMIN', tab: 'home' });
    expect(JSON.stringify((await home(seq)).blocks)).toContain('Get my clients’ digest by DM');
    seq = h.api.lastSeq;
    await h.send.blockAction(ADMIN, { type: 'button', action_id: 'home_personal_digest', value: 'on' }, { view: { id: 'VHOME', type: 'home' } });
    expect(JSON.stringify((await home(seq)).blocks)).toContain('Stop my digest by DM');
    expect(await h.db.select().from(schema.personalDigestSubscribers).where(eq(schema.personalDigestSubscribers.userId, 'U0ADMIN'))).toHaveLength(1);
    seq = h.api.lastSeq;
    await h.send.blockAction(ADMIN, { type: 'button', action_id: 'home_personal_digest', value: 'off' }, { view: { id: 'VHOME', type: 'home' } });
    expect(JSON.stringify((await home(seq)).blocks)).toContain('Get my clients’ digest by DM');
    expect(await h.db.select().from(schema.personalDigestSubscribers).where(eq(schema.personalDigestSubscribers.userId, 'U0ADMIN'))).toHaveLength(0);
  });

  it('each subscriber gets their own clients once a week, at the slot in their own zone, whatever the instances', async () => {
    expect(await say(ALICE, '/rapport', 'settings me digest on')).toContain('Mondays at 09:00 in your time zone (America/Los_Angeles)');
    expect(await say(BOB, '/rapport', 'settings me digest on')).toContain('Your personal digest is on');
    expect(await say(ADMIN, '/rapport', 'settings me digest maybe')).toContain('Say `on` or `off`');

    // They subscribed on Monday 23 November around 10:00 UTC: Bob's slot that day (09:00 UTC) had passed,
    // Alice's (09:00 in Los Angeles, 17:00 UTC) had not.
    let clock = new Date('2026-11-23T16:59:00Z');
    const instances = [1, 2, 3].map((i) => {
      const webFor = async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });
      const digest = new DigestRunner({ db: h.database.db, owner: h.database.owner, webFor, logger: silentLogger, now: () => clock });
      return new PersonalDigests({
        db: h.database.db,
        owner: h.database.owner,
        digest,
        webFor,
        people: new PeopleDirectory(),
        logger: silentLogger,
        now: () => clock,
        instance: `p${i}`,
      });
    });
    const tickAll = async () => (await Promise.all(instances.map((p) => p.tick()))).flat().map((s) => `${s.userId} ${s.week}`);
    const seq = h.api.lastSeq;

    expect(await tickAll()).toEqual([]);
    clock = new Date('2026-11-23T17:01:00Z');
    expect(await tickAll()).toEqual(['U0ALICE 2026-11-23']);
    clock = new Date('2026-11-30T09:01:00Z'); // the next Monday, 09:01 UTC, 01:01 in Los Angeles
    expect(await tickAll()).toEqual(['U0BOB 2026-11-30']);
    expect(await tickAll()).toEqual([]);
    clock = new Date('2026-11-30T17:01:00Z');
    expect(await tickAll()).toEqual(['U0ALICE 2026-11-30']);
    clock = new Date('2026-12-03T12:00:00Z');
    expect(await tickAll()).toEqual([]);

    const dmTo = (user: string) => {
      const opened = h.since(seq).filter((c) => c.method === 'conversations.open' && c.params.users === user);
      const channels = new Set(opened.map((c) => c.response?.channel?.id));
      return h
        .since(seq)
        .filter((c) => c.method === 'chat.postMessage' && channels.has(c.params.channel))
        .map((c) => textOf(c.params));
    };
    const bobs = dmTo('U0BOB').join('\n');
    const alices = dmTo('U0ALICE').join('\n');
    expect(bobs).toContain('Globex');
    expect(bobs).not.toContain('Acme Corp');
    expect(alices).toContain('Acme Corp');
    expect(alices).not.toContain('Globex');
    // The same buttons as the channel digest.
    expect(h.since(seq).some((c) => c.method === 'chat.postMessage' && JSON.stringify(c.params.blocks).includes('digest_decide'))).toBe(true);
    expect(dmTo('U0ADMIN')).toEqual([]);
    // Its buttons work where they are: Alice acknowledges her client from the DM and is told so there.
    const withButtons = h
      .since(seq)
      .find(
        (c) => c.method === 'chat.postMessage' && JSON.stringify(c.params.blocks).includes('digest_acknowledge') && textOf(c.params).includes('Acme Corp'),
      )!;
    const acme = await findClientByName(h.db, { teamId: TEAM, name: 'acme corp' });
    const clicked = h.api.lastSeq;
    await h.send.blockAction(
      ALICE,
      { type: 'button', action_id: 'digest_acknowledge', value: acme.id },
      { message: { ts: withButtons.response!.ts }, channelId: withButtons.params.channel },
    );
    const told = await h.api.waitFor((c) => c.seq > clicked && c.method === 'response_url');
    expect(textOf(told.params)).toContain('Recorded. 👀 Acknowledged by <@U0ALICE>');

    // Opted out: nothing the next week.
    expect(await say(BOB, '/rapport', 'settings me digest off')).toContain('Your personal digest is off');
    clock = new Date('2026-12-07T09:05:00Z');
    expect(await tickAll()).toEqual([]);
  });
});
