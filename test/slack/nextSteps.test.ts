/**
 * Next steps, end to end through the receiver (issue 14): set with `/client next`, listed by `/rapport todo`,
 * settled with Done and Snooze, reminded by DM on the due morning in the assignee's own zone (exactly once
 * across instances), and shown in the digest while overdue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { createClient, findClientByName } from '../../src/db/queries/clients.js';
import { createNextStep } from '../../src/db/queries/nextSteps.js';
import * as schema from '../../src/db/schema/index.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { NextStepReminders } from '../../src/digest/reminders.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import { PeopleDirectory } from '../../src/slack/people.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('next steps on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => (await h.command(actor, command, text)).reply;
  const stepsOf = (what: string) =>
    h.db
      .select()
      .from(schema.nextSteps)
      .where(and(eq(schema.nextSteps.teamId, TEAM), eq(schema.nextSteps.what, what)));
  const webFor = async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });
  /** A step set directly in the database (what `/client next` stores), for `assignee`, by Alice. */
  const setStep = async (clientName: string, what: string, assigneeUserId: string, dueOn: string) =>
    createNextStep(h.db, {
      teamId: TEAM,
      by: 'U0ALICE',
      input: { clientId: (await findClientByName(h.db, { teamId: TEAM, name: clientName })).id, what, assigneeUserId, dueOn, source: 'client' },
    });

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Acme Corp vip <@U0ALICE|alice>');
    await say(ALICE, '/client', 'add Globex <@U0BOB|bob>');
  });
  afterAll(() => h?.close());

  it('`/client next` sets a step for whoever is named, by the day named; by default the owner, a week later', async () => {
    // The harness's Monday 23 November 2026: "friday" is the 27th.
    const named = await say(ALICE, '/client', 'next acme corp Send the renewal deck <@U0BOB|bob> friday');
    expect(textOf(named.params)).toContain('Next step set for <@U0BOB>');
    expect(await stepsOf('Send the renewal deck')).toMatchObject([{ assigneeUserId: 'U0BOB', dueOn: '2026-11-27', source: 'client', createdBy: 'U0ALICE' }]);

    await say(BOB, '/client', 'next globex Ask for the usage export');
    expect(await stepsOf('Ask for the usage export')).toMatchObject([{ assigneeUserId: 'U0BOB', dueOn: '2026-11-30' }]);

    await say(BOB, '/client', 'next acme Book the QBR in 3 days');
    expect(await stepsOf('Book the QBR')).toMatchObject([{ assigneeUserId: 'U0ALICE', dueOn: '2026-11-26' }]);
  });

  it('refuses a step with nothing to do, a day in the past, or an unknown client, and stores nothing', async () => {
    const before = await h.db.select().from(schema.nextSteps);
    expect(textOf((await say(ALICE, '/client', 'next acme corp tomorrow')).params)).toContain('What is the next step?');
    expect(textOf((await say(ALICE, '/client', 'next acme corp Call them 2020-01-01')).params)).toContain('cannot be due in the past');
    expect(textOf((await say(ALICE, '/client', 'next Initrode Call them tomorrow')).params)).toContain('No client called');
    expect(await h.db.select().from(schema.nextSteps)).toHaveLength(before.length);
  });

  it('`/rapport todo` lists the open steps overdue first; Done and Snooze redraw it', async () => {
    await setStep('Acme Corp', 'Chase the signed order', 'U0BOB', '2026-11-20');
    await setStep('Acme Corp', 'Later thing', 'U0BOB', '2026-12-20');
    const pricing = await setStep('Acme Corp', 'Prepare the pricing sheet', 'U0BOB', '2026-11-27');
    const todo = await say(BOB, '/rapport', 'todo');
    const text = textOf(todo.params);
    expect(text).toContain('overdue');
    expect(text.indexOf('Chase the signed order')).toBeLessThan(text.indexOf('Later thing'));
    expect(text.indexOf('Chase the signed order')).toBeLessThan(text.indexOf('Prepare the pricing sheet'));
    expect(text.indexOf('Prepare the pricing sheet')).toBeLessThan(text.indexOf('Later thing'));

    const [chase] = await stepsOf('Chase the signed order');
    // Each step carries its own Done and Snooze.
    expect(JSON.stringify(todo.params.blocks)).toContain(`"value":"${chase!.id}"`);
    expect(Object.keys(buttonsOf(todo.params)).sort()).toEqual(['next_step_done', 'next_step_snooze']);
    let seq = h.api.lastSeq;
    await h.send.blockAction(BOB, { type: 'button', action_id: 'next_step_done', value: chase!.id });
    const redrawn = await h.api.waitFor((c) => c.seq > seq && c.method === 'response_url');
    expect(redrawn.params.replace_original).toBe(true);
    expect(textOf(redrawn.params)).toContain('✅ Done: Chase the signed order');
    expect(textOf(redrawn.params)).not.toContain('*Chase the signed order*');
    expect((await stepsOf('Chase the signed order'))[0]).toMatchObject({ doneBy: 'U0BOB' });

    const [later] = await stepsOf('Later thing');
    seq = h.api.lastSeq;
    await h.send.blockAction(BOB, { type: 'button', action_id: 'next_step_snooze', value: later!.id });
    const snoozed = await h.api.waitFor((c) => c.seq > seq && c.method === 'response_url');
    // Due on 20 December, 27 days ahead: snoozing a week makes it due a week later, never a week from today (issue 28).
    expect((await stepsOf('Later thing'))[0]).toMatchObject({ dueOn: '2026-12-27', doneAt: null });
    expect(textOf(snoozed.params)).toContain('Snoozed to Sun, 27 Dec 2026');

    // Someone else's step: neither its assignee nor who set it, nor an admin.
    seq = h.api.lastSeq;
    await h.send.blockAction({ ...ALICE, userId: 'U0CAROL' }, { type: 'button', action_id: 'next_step_done', value: pricing.id });
    const refused = await h.api.waitFor((c) => c.seq > seq && c.method === 'response_url');
    expect(textOf(refused.params)).toContain('can change this next step');
    expect((await stepsOf('Prepare the pricing sheet'))[0]!.doneAt).toBeNull();
  });

  it('the Home tab lists the person’s next steps with Done, and is published again once one is done', async () => {
    const step = await setStep('Acme Corp', 'Home step', 'U0ALICE', '2026-11-25');
    const seq = h.api.lastSeq;
    await h.send.event(TEAM, { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' });
    const home = await h.api.waitFor((c) => c.seq > seq && c.method === 'views.publish');
    expect(textOf(home.params.view)).toContain('Your next steps');
    expect(textOf(home.params.view)).toContain('Home step');
    const seq2 = h.api.lastSeq;
    await h.send.blockAction(ALICE, { type: 'button', action_id: 'next_step_done', value: step.id }, { view: { id: 'VHOME', type: 'home' } });
    const again = await h.api.waitFor((c) => c.seq > seq2 && c.method === 'views.publish');
    expect(textOf(again.params.view)).not.toContain('Home step');
    expect((await stepsOf('Home step'))[0]!.doneBy).toBe('U0ALICE');
  });

  it('reminds each assignee on the due morning in their own zone, once, however many instances tick', async () => {
    h.api.users.set('U0LA', { id: 'U0LA', name: 'lara', teamId: TEAM, tz: 'America/Los_Angeles' });
    h.api.users.set('U0TEH', { id: 'U0TEH', name: 'taha', teamId: TEAM, tz: 'Asia/Tehran' });
    await createClient(h.db, { teamId: TEAM, by: 'U0ALICE', input: { name: 'Reminder Co', ownerUserId: 'U0LA' } });
    await setStep('Reminder Co', 'Call about the renewal', 'U0LA', '2026-12-01');
    await setStep('Reminder Co', 'Send the minutes', 'U0LA', '2026-12-01');
    await setStep('Reminder Co', 'Not yet', 'U0LA', '2026-12-02');
    await setStep('Reminder Co', 'Prepare the QBR', 'U0TEH', '2026-12-01');

    let clock = new Date('2026-12-01T05:29:00Z'); // 08:59 in Tehran (UTC+3:30)
    const instances = [1, 2, 3].map(
      (i) =>
        new NextStepReminders({
          db: h.database.db,
          owner: h.database.owner,
          webFor,
          people: new PeopleDirectory(),
          logger: silentLogger,
          now: () => clock,
          instance: `i${i}`,
        }),
    );
    const tickAll = async () => (await Promise.all(instances.map((r) => r.tick()))).flat().filter((s) => s.dueOn === '2026-12-01');
    await h.idle(); // the DMs telling assignees of their steps are not the reminders
    const seq = h.api.lastSeq;
    expect(await tickAll()).toEqual([]);
    clock = new Date('2026-12-01T05:31:00Z'); // 09:01 in Tehran, 21:31 the day before in Los Angeles
    expect(await tickAll()).toEqual([{ teamId: TEAM, userId: 'U0TEH', dueOn: '2026-12-01', steps: 1 }]);
    expect(await tickAll()).toEqual([]);
    clock = new Date('2026-12-01T16:59:00Z'); // 08:59 in Los Angeles
    expect(await tickAll()).toEqual([]);
    clock = new Date('2026-12-01T17:00:00Z'); // 09:00 in Los Angeles
    expect(await tickAll()).toEqual([{ teamId: TEAM, userId: 'U0LA', dueOn: '2026-12-01', steps: 2 }]);
    clock = new Date('2026-12-01T23:00:00Z');
    expect(await tickAll()).toEqual([]);

    const dms = h.since(seq).filter((c) => c.method === 'chat.postMessage' && textOf(c.params).startsWith('Due today'));
    expect(dms).toHaveLength(2);
    const opened = h
      .since(seq)
      .filter((c) => c.method === 'conversations.open')
      .map((c) => c.params.users);
    expect(opened.sort()).toEqual(['U0LA', 'U0TEH']);
    const la = dms.find((d) => textOf(d.params).includes('Call about the renewal'))!;
    expect(textOf(la.params)).toContain('Send the minutes');
    expect(textOf(la.params)).not.toContain('Not yet');
  });

  it('an overdue step shows in the digest under its client until it is done', async () => {
    const overdue = await setStep('Globex', 'Send the revised contract', 'U0BOB', '2026-11-24');
    const runner = new DigestRunner({ db: h.database.db, owner: h.database.owner, webFor, logger: silentLogger, now: () => new Date('2026-11-30T10:00:00Z') });
    const preview = async () => (await inWorkspace(TEAM, () => runner.preview(TEAM, 'U0BOB'))).map((p) => textOf(p)).join('\n');
    const before = await preview();
    expect(before).toContain('Overdue next step: Send the revised contract');
    expect(before).toContain('Globex');

    await h.send.blockAction(BOB, { type: 'button', action_id: 'next_step_done', value: overdue.id });
    await h.idle();
    expect(await preview()).not.toContain('Send the revised contract');
  });
});
