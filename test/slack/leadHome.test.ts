/**
 * A lead's Monday (issue 28), through the receiver: an admin's Home tab is the team's first (undecided red flags
 * with the digest's buttons, overdue steps by person, renewals with each client's own value, who logged nothing),
 * a click there is done and the tab published again; a member's Home has no team part; red-flag DMs carry the
 * digest's buttons; an assignee is told of a step someone else set for them, in their language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createClient, findClientByName } from '../../src/db/queries/clients.js';
import { createNextStep } from '../../src/db/queries/nextSteps.js';
import * as schema from '../../src/db/schema/index.js';
import type { SlackApiCall } from '../../src/local/slackWebApi.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const TIMEOUT = 60_000;

describe.each(TEST_DRIVERS)('a lead’s Monday on %s', (driver) => {
  let h: Harness;
  let starkId: string;
  let oscorpId: string;
  /** Where the app's calls stood before Alice logged the red flag for Bob's client. */
  let beforeRedFlag: number;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  /** Opens the Home tab as `userId` and returns what was published. */
  const openHome = async (userId: string) => {
    const seq = h.api.lastSeq;
    await h.send.event(TEAM, { type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home' });
    return (await h.api.waitFor((c) => c.seq > seq && c.method === 'views.publish' && c.params.user_id === userId)).params.view;
  };
  /** The DM posted to `userId` since `seq` whose text contains `text` (the local Web API's DM with U0X is D0X). */
  const dmTo = (userId: string, seq: number, text: string): SlackApiCall | undefined =>
    h.since(seq).find((c) => c.method === 'chat.postMessage' && c.params.channel === `D${userId.slice(1)}` && textOf(c.params).includes(text));
  /** The actions block right after the block with `blockId`. */
  const rowButtons = (view: { blocks: any[] }, blockId: string) => {
    const at = view.blocks.findIndex((b) => b.block_id === blockId);
    expect(at).toBeGreaterThan(-1);
    return (view.blocks[at + 1].elements as any[]).map((e) => ({ action_id: e.action_id, value: e.value ?? e.options?.map((o: any) => o.value) }));
  };

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(BOB, '/client', 'add Stark Industries vip 15000');
    await say(BOB, '/client', 'set Stark Industries renews 2027-01-10');
    await say(BOB, '/client', 'add Wayne Enterprises 2000');
    await say(BOB, '/client', 'set Wayne Enterprises renews 2026-12-20');
    await say(BOB, '/client', 'add Far Co 900');
    await say(BOB, '/client', 'set Far Co renews 2027-06-01');
    await say(BOB, '/client', 'add Oscorp');
    starkId = (await findClientByName(h.db, { teamId: TEAM, name: 'Stark Industries' })).id;
    oscorpId = (await findClientByName(h.db, { teamId: TEAM, name: 'Oscorp' })).id;
    beforeRedFlag = h.api.lastSeq;
    await say(ALICE, '/incident', 'stark physical Pushed a designer');
    await say(ALICE, '/incident', 'oscorp physical Threw a chair');
    await h.idle();
  }, TIMEOUT);
  afterAll(() => h?.close());

  it(
    'the owner’s red-flag DM carries the digest’s Acknowledge, Decide and History',
    async () => {
      const dm = dmTo('U0BOB', beforeRedFlag, 'Red flag for Stark Industries');
      expect(dm).toBeDefined();
      expect(buttonsOf(dm!.params)).toMatchObject({ digest_acknowledge: starkId, digest_history: starkId });
      expect(Object.keys(buttonsOf(dm!.params))).toContain('digest_decide');
    },
    TIMEOUT,
  );

  it(
    'an admin’s Home leads with the team: the undecided red flag with its buttons, overdue steps by person, renewals each with its own value, who logged nothing',
    async () => {
      await createNextStep(h.db, {
        teamId: TEAM,
        by: 'U0ALICE',
        input: {
          clientId: starkId,
          what: 'Send the signed order',
          assigneeUserId: 'U0BOB',
          dueOn: '2026-11-18',
          source: 'client',
        },
      });
      const view = await openHome('U0ADMIN');
      expect(view.blocks.length).toBeLessThanOrEqual(100);
      const text = textOf(view);
      expect(text.indexOf('Your team')).toBeGreaterThan(-1);
      expect(text.indexOf('Your team')).toBeLessThan(text.indexOf('Your clients'));

      expect(text).toMatch(/\*Waiting for a decision\* \([12]\)/); // Oscorp's, unless acknowledged already
      expect(text).toMatch(/🚩 \*Stark Industries\* · <@U0BOB> · Physical/);
      expect(rowButtons(view, `undecided:${starkId}`)).toEqual([
        { action_id: 'digest_acknowledge', value: starkId },
        { action_id: 'digest_decide', value: [`keep:${starkId}`, `require_prepayment:${starkId}`, `start_exit:${starkId}`] },
        { action_id: 'digest_history', value: starkId },
      ]);

      expect(text).toContain('<@U0BOB>: 1 overdue step');
      const [order] = await h.db
        .select()
        .from(schema.nextSteps)
        .where(and(eq(schema.nextSteps.teamId, TEAM), eq(schema.nextSteps.what, 'Send the signed order')));
      expect(rowButtons(view, `team_step:${order!.id}`).map((b) => b.action_id)).toEqual(['next_step_done', 'next_step_snooze']);

      // Each renewal with its own value, soonest first; nothing beyond 60 days; no running total.
      const renewals = view.blocks.filter((b: any) => String(b.block_id ?? '').startsWith('renewal:')).map((b: any) => b.text.text as string);
      expect(renewals).toHaveLength(2);
      expect(renewals[0]).toContain('*Wayne Enterprises* · renews');
      expect(renewals[0]).toContain('2,000');
      expect(renewals[1]).toContain('*Stark Industries* · renews');
      expect(renewals[1]).toContain('15,000');
      expect(text).not.toContain('Far Co · renews');
      expect(text).not.toContain('at stake');

      // Bob owns clients and never logged (Alice logged the incident); Alice owns none.
      expect(text).toContain('Logged nothing in 14 days');
      expect(text).toContain('<@U0BOB> · owns 4 clients · has never logged');
      expect(text).not.toContain('<@U0ALICE> · owns');
    },
    TIMEOUT,
  );

  it(
    'a client snoozed from the digest leaves the waiting list until new evidence comes',
    async () => {
      await say(BOB, '/client', 'add Snoozed Norman Co');
      await say(ALICE, '/incident', 'snoozed norman physical Shoved a courier');
      const norman = (await findClientByName(h.db, { teamId: TEAM, name: 'Snoozed Norman Co' })).id;
      expect((await openHome('U0ADMIN')).blocks.map((b: any) => b.block_id)).toContain(`undecided:${norman}`);
      // What the digest's Snooze stores: until a fortnight on.
      await h.db
        .insert(schema.snoozes)
        .values({ teamId: TEAM, clientId: norman, snoozedBy: 'U0ADMIN', snoozedAt: h.now(), until: new Date(h.now().getTime() + 14 * 86_400_000) });
      expect((await openHome('U0ADMIN')).blocks.map((b: any) => b.block_id)).not.toContain(`undecided:${norman}`);
      await say(ALICE, '/incident', 'snoozed norman physical Shoved another courier');
      expect((await openHome('U0ADMIN')).blocks.map((b: any) => b.block_id)).toContain(`undecided:${norman}`);
      // Gone again, so the other tests' counts of Bob's clients and of the waiting list hold in any order.
      await h.db.delete(schema.clients).where(eq(schema.clients.id, norman));
    },
    TIMEOUT,
  );

  it(
    'Acknowledge clicked on the admin’s Home is recorded and the Home tab is published again without the client waiting',
    async () => {
      expect((await openHome('U0ADMIN')).blocks.map((b: any) => b.block_id)).toContain(`undecided:${oscorpId}`);
      const seq = h.api.lastSeq;
      await h.send.blockAction(ADMIN, { type: 'button', action_id: 'digest_acknowledge', value: oscorpId }, { view: { id: 'VHOME', type: 'home' } });
      const again = await h.api.waitFor((c) => c.seq > seq && c.method === 'views.publish' && c.params.user_id === 'U0ADMIN');
      const shown = again.params.view.blocks.map((b: any) => b.block_id);
      expect(shown).not.toContain(`undecided:${oscorpId}`);
      expect(shown).toContain(`undecided:${starkId}`);
      const decided = await h.db
        .select()
        .from(schema.decisions)
        .where(and(eq(schema.decisions.teamId, TEAM), eq(schema.decisions.clientId, oscorpId)));
      expect(decided).toMatchObject([{ kind: 'acknowledge', decidedBy: 'U0ADMIN' }]);
    },
    TIMEOUT,
  );

  it(
    'Decide on the admin’s Home opens the decision form; once decided, the Home tab is published again without the client waiting',
    async () => {
      await say(ALICE, '/client', 'add Lexcorp');
      await say(ALICE, '/incident', 'lexcorp physical Shoved the courier');
      const lexcorp = await findClientByName(h.db, { teamId: TEAM, name: 'Lexcorp' });
      expect((await openHome('U0ADMIN')).blocks.map((b: any) => b.block_id)).toContain(`undecided:${lexcorp.id}`);
      let seq = h.api.lastSeq;
      await h.send.blockAction(
        ADMIN,
        { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `require_prepayment:${lexcorp.id}` } },
        { view: { id: 'VHOME', type: 'home' } },
      );
      const modal = (await h.api.next('views.open', seq)).response!.view;
      seq = h.api.lastSeq;
      await h.send.viewSubmission(ADMIN, modal, {});
      const again = await h.api.waitFor((c) => c.seq > seq && c.method === 'views.publish' && c.params.user_id === 'U0ADMIN');
      expect(again.params.view.blocks.map((b: any) => b.block_id)).not.toContain(`undecided:${lexcorp.id}`);
      expect((await findClientByName(h.db, { teamId: TEAM, name: 'Lexcorp' })).status).toBe('prepay_only');
    },
    TIMEOUT,
  );

  it(
    'Snooze on a step on the admin’s Home moves it a week and publishes the tab again',
    async () => {
      const step = await createNextStep(h.db, {
        teamId: TEAM,
        by: 'U0ALICE',
        input: {
          clientId: starkId,
          what: 'Book the QBR',
          assigneeUserId: 'U0BOB',
          dueOn: '2026-11-20',
          source: 'client',
        },
      });
      const seq = h.api.lastSeq;
      await h.send.blockAction(ADMIN, { type: 'button', action_id: 'next_step_snooze', value: step.id }, { view: { id: 'VHOME', type: 'home' } });
      const again = await h.api.waitFor((c) => c.seq > seq && c.method === 'views.publish' && c.params.user_id === 'U0ADMIN');
      expect(textOf(again.params.view)).not.toContain('Book the QBR');
      const [snoozed] = await h.db.select().from(schema.nextSteps).where(eq(schema.nextSteps.id, step.id));
      expect(snoozed!.dueOn).toBe('2026-11-30');
    },
    TIMEOUT,
  );

  it(
    'a keep decision due for review is listed with Decide, Done and Snooze, its client named once',
    async () => {
      const review = await createNextStep(h.db, {
        teamId: TEAM,
        by: 'U0ADMIN',
        input: {
          clientId: starkId,
          what: 'Review the decision to keep Stark Industries',
          assigneeUserId: 'U0BOB',
          dueOn: '2026-11-23',
          source: 'decision',
        },
      });
      const view = await openHome('U0ADMIN');
      expect(textOf(view)).toContain('*Keep decisions due for review*');
      const row = view.blocks.find((b: any) => b.block_id === `review:${review.id}`);
      expect(row.text.text).toBe('*Review the decision to keep Stark Industries* · <@U0BOB> · *due today*');
      expect(rowButtons(view, `review:${review.id}`).map((b) => b.action_id)).toEqual(['digest_decide', 'next_step_done', 'next_step_snooze']);
      expect(textOf((await h.command(BOB, '/rapport', 'todo')).reply.params)).not.toContain('Stark Industries · Stark Industries');
    },
    TIMEOUT,
  );

  it(
    'a member’s Home has their own clients and steps, and no team part',
    async () => {
      const text = textOf(await openHome('U0BOB'));
      expect(text).not.toContain('Your team');
      expect(text).not.toContain('Logged nothing');
      expect(text).toContain('Your clients');
      expect(text).toContain('Stark Industries');
    },
    TIMEOUT,
  );

  it(
    'an assignee is told by DM, in their language and with Done and Snooze, of a step someone else set; nobody is told of their own',
    async () => {
      h.api.users.set('U0TUNA', { id: 'U0TUNA', name: 'tuna', teamId: TEAM, locale: 'tr-TR' });
      let seq = h.api.lastSeq;
      await say(ALICE, '/client', 'next wayne Send the renewal deck <@U0TUNA|tuna> friday');
      await h.idle();
      const told = dmTo('U0TUNA', seq, 'sizin için bir sonraki adım belirledi');
      expect(told).toBeDefined();
      expect(textOf(told!.params)).toContain('<@U0ALICE>');
      expect(textOf(told!.params)).toContain('Send the renewal deck');
      expect(Object.keys(buttonsOf(told!.params)).sort()).toEqual(['next_step_done', 'next_step_snooze']);

      seq = h.api.lastSeq;
      await say(BOB, '/client', 'next wayne Call the CFO friday');
      await h.idle();
      expect(h.since(seq).filter((c) => c.method === 'chat.postMessage' && textOf(c.params).includes('set you a next step'))).toEqual([]);

      // A client's owner who has since become a guest is given the step (the owner's by default) but told nothing.
      h.api.users.set('U0GUEST', { id: 'U0GUEST', name: 'guest', teamId: TEAM, isRestricted: true });
      await createClient(h.db, { teamId: TEAM, by: 'U0ALICE', input: { name: 'Guest Co', ownerUserId: 'U0GUEST' } });
      seq = h.api.lastSeq;
      expect(await say(ALICE, '/client', 'next guest co Send the minutes friday')).toContain('Next step set for <@U0GUEST>');
      await h.idle();
      expect(h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0GUEST')).toEqual([]);
    },
    TIMEOUT,
  );
});
