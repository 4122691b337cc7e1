import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName, getClient } from '../../src/db/queries/clients.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import { DigestRunner } from '../../src/digest/run.js';
import { openDatabase } from '../../src/db/client.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { createClient } from '../../src/db/queries/clients.js';
import { logIncident } from '../../src/db/queries/activity.js';
import { startDigestScheduler } from '../../src/digest/schedule.js';
import { silentLogger } from '../../src/log.js';
import { QUICK_RETRY_DELAYS_MS } from '../../src/slack/slackError.js';
import { TEST_DRIVERS } from '../support/database.js';
import { digestDueInAMinute } from '../support/digestDue.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const CHANNEL = 'C0DIGEST';

describe.each(TEST_DRIVERS)('weekly digest on %s', (driver) => {
  let h: Harness;
  /** A runner of our own, on the harness's database and Web API, with a clock the test sets. */
  const runner = (now: () => Date, instance = 'test') =>
    new DigestRunner({
      db: h.database.owner,
      owner: h.database.owner,
      webFor: async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl }),
      logger: silentLogger,
      now,
      instance,
    });
  const posts = (seq = 0) => h.api.calls.filter((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === CHANNEL);
  const digestRows = async (teamId = TEAM) => h.db.select().from(schema.digests).where(eq(schema.digests.teamId, teamId));

  /**
   * The digest is scheduled a minute from now (UTC) and the runners' clock runs two minutes ahead, so the
   * week is due and everything the test logged (at the real time) falls inside it.
   */
  const clock = () => new Date(h.now().getTime() + 120_000);
  /** The local date of the slot `dueNow` scheduled: the key of its week. */
  let dueWeek = '';
  const slotWeek = () => dueWeek;
  async function dueNow() {
    dueWeek = await digestDueInAMinute(h, CHANNEL);
  }

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Liar Co <@U0ALICE|alice> 4k');
    await h.command(ALICE, '/client', 'add Sour Co <@U0ALICE|alice>');
    await h.command(ALICE, '/client', 'add Quiet Co long-term vip <@U0BOB|bob>');
    await h.command(ALICE, '/client', 'add Fine Co <@U0BOB|bob>');
    await h.command(ALICE, '/incident', 'liar co lie Said the report was sent');
    await h.command(ALICE, '/call', 'sour co -attitude -comms -planning Tense call');
    await h.command(ALICE, '/call', 'fine co +comms +positive');
    // Quiet Co was registered 40 days ago and never called.
    const quiet = await findClientByName(h.db, TEAM, 'Quiet Co');
    await h.db
      .update(schema.clients)
      .set({ createdAt: new Date(h.now().getTime() - 40 * 86_400_000) })
      .where(eq(schema.clients.id, quiet.id));
    await dueNow();
  });
  afterAll(() => h?.close());

  describe('the week’s post', () => {
    let digest: Record<string, any>;
    beforeAll(async () => {
      // This week's digest, posted afresh whatever ran before (describe blocks run in any order).
      await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      const [post] = posts(seq);
      expect(post).toBeDefined();
      digest = post!.params;
    });
    // Each click's work (and its update of the message) is done before the next test looks for its own.
    afterEach(() => h.idle());

    it('names the right clients in the right sections, in order, with a summary', () => {
      const full = textOf(digest);
      expect(full).toContain('2 clients need a decision* (🚩 1 with a red flag) · 4,000/month at risk · 1 gone quiet');
      expect(full).toContain('By owner: <@U0ALICE> 2: Liar Co, Sour Co · <@U0BOB> 1: Quiet Co');
      const text = full.slice(full.indexOf('Meet firing criteria'));
      const order = ['Meet firing criteria', 'Liar Co', 'Turned bad this week', 'Sour Co', 'Gone quiet', 'Quiet Co', 'Portfolio this week'].map((s) =>
        text.indexOf(s),
      );
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(text).not.toContain('Fine Co');
      expect(text).toContain('Revenue at risk: 4,000/month');
      expect(text).toContain('No call for 40 days (never called)');
    });

    it('is recorded with its ts, once', async () => {
      const rows = await digestRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'posted', channelId: CHANNEL, messageTs: expect.stringMatching(/^\d+\.\d+$/) });
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      await runner(() => new Date(h.now().getTime() + 3 * 86_400_000)).tick(); // later in the same week
      expect(posts(seq)).toEqual([]);
    });

    const ts = async () => (await digestRows())[0]!.messageTs!;
    const click = async (actor: typeof ALICE, action: Record<string, any>) =>
      h.send.blockAction(actor, { type: 'button', ...action } as never, { message: { ts: await ts(), blocks: digest.blocks }, channelId: CHANNEL });
    const clientId = async (name: string) => (await findClientByName(h.db, TEAM, name)).id;

    it('Acknowledge by the owner is stored and shown on the message in place', async () => {
      const seq = h.api.lastSeq;
      await click(ALICE, { action_id: 'digest_acknowledge', value: await clientId('Liar Co') });
      const update = await h.api.next('chat.update', seq);
      expect(update.params).toMatchObject({ channel: CHANNEL, ts: await ts() });
      expect(textOf(update.params)).toContain('Acknowledged by <@U0ALICE>');
      const [decision] = await h.db.select().from(schema.decisions).where(eq(schema.decisions.kind, 'acknowledge'));
      expect(decision).toMatchObject({ decidedBy: 'U0ALICE', clientId: await clientId('Liar Co') });
    });

    let forms = 0;
    /** Picks a decision on the card, and submits its form (with a reason or note when given). */
    const decide = async (actor: typeof ALICE, kind: string, name: string, reason?: string) => {
      const seq = h.api.lastSeq;
      await click(actor, { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `${kind}:${await clientId(name)}` } });
      const modal = (await h.api.next('views.open', seq)).params.view;
      const values: Record<string, Record<string, unknown>> = reason === undefined ? {} : { reason: { reason: { type: 'plain_text_input', value: reason } } };
      // Each form is its own view (its id keys the decision: the same id again is Slack retrying it).
      const res = await h.send.viewSubmission(actor, { ...modal, id: `V0DECIDE${++forms}` }, values);
      return { modal, res, seq };
    };

    it('a member’s decision is a proposal the owner approves from a DM; nothing changes until then', async () => {
      const { modal, res, seq } = await decide(BOB, 'start_exit', 'Liar Co', 'They lied twice');
      expect(modal.callback_id).toBe('decision_modal');
      expect(modal.submit.text).toBe('Propose');
      expect(textOf({ blocks: modal.blocks })).toContain('*Liar Co* will leave lists and the digest; its status becomes *exited*');
      expect(res.body).toBeUndefined();
      expect((await getClient(h.db, TEAM, await clientId('Liar Co')))?.status).toBe('active');
      expect(h.since(seq).filter((c) => c.method === 'chat.update')).toEqual([]);
      const ask = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'D0ALICE');
      expect(textOf(ask.params)).toContain('<@U0BOB> proposes for *Liar Co*: decision: start the exit (“They lied twice”)');
      const told = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postEphemeral' && c.params.user === 'U0BOB');
      expect(textOf(told.params)).toContain('I have asked <@U0ALICE> to approve your proposal');

      // Bob cannot answer his own proposal; Alice (the owner) declines it.
      const proposalId = ask.params.blocks.find((b: any) => b.type === 'actions').elements[0].value;
      const seq2 = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: 'proposal_approve', value: proposalId }, { channelId: 'D0BOB' });
      expect(textOf((await h.api.next('response_url', seq2)).params)).toContain(
        'only its owner <@U0ALICE> or a workspace admin can answer proposals about *Liar Co*',
      );
      const seq3 = h.api.lastSeq;
      await h.send.blockAction(ALICE, { action_id: 'proposal_decline', value: proposalId }, { channelId: 'D0ALICE' });
      expect(textOf((await h.api.next('response_url', seq3)).params)).toContain('You declined <@U0BOB>’s proposal');
      const toBob = await h.api.waitFor((c) => c.seq > seq3 && c.method === 'chat.postMessage' && c.params.channel === 'D0BOB');
      expect(textOf(toBob.params)).toContain('<@U0ALICE> declined your proposal for *Liar Co*');
      expect((await getClient(h.db, TEAM, await clientId('Liar Co')))?.status).toBe('active');
    });

    it('a member may propose prepayment too: approved by the owner, the client is on prepay terms and the message says so', async () => {
      const { modal, seq } = await decide(BOB, 'require_prepayment', 'Liar Co', 'Paid late three times');
      expect(modal.submit.text).toBe('Propose');
      const ask = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'D0ALICE');
      expect(textOf(ask.params)).toContain('<@U0BOB> proposes for *Liar Co*');
      expect((await getClient(h.db, TEAM, await clientId('Liar Co')))?.status).toBe('active');
      const proposalId = ask.params.blocks.find((b: any) => b.type === 'actions').elements[0].value;
      const seq2 = h.api.lastSeq;
      await h.send.blockAction(ALICE, { action_id: 'proposal_approve', value: proposalId }, { channelId: 'D0ALICE' });
      expect(textOf((await h.api.next('response_url', seq2)).params)).toContain('approved');
      await h.idle();
      expect((await getClient(h.db, TEAM, await clientId('Liar Co')))?.status).toBe('prepay_only');
      const update = h.since(seq2).find((c) => c.method === 'chat.update' && c.params.channel === CHANNEL);
      expect(textOf(update!.params)).toMatch(/prepay/i);
      // Back as it was for the other tests.
      await h.db
        .update(schema.clients)
        .set({ status: 'active' })
        .where(eq(schema.clients.id, await clientId('Liar Co')));
    });

    it('Keep asks for a reason in a form, then records it and updates the message', async () => {
      const { modal, res: empty } = await decide(ALICE, 'keep', 'Liar Co', '  ');
      expect(modal.submit.text).toBe('Keep');
      expect(empty.body).toEqual({ response_action: 'errors', errors: { reason: 'Keeping a client needs a reason.' } });
      // It asks when to review the decision: a month later unless another day is picked (not a day past).
      const review = modal.blocks.find((b: any) => b.block_id === 'review_on');
      expect(review.element).toMatchObject({ type: 'datepicker', initial_date: '2026-12-23' });
      const reason = { reason: { reason: { type: 'plain_text_input', value: 'Biggest account; CEO apologised' } } };
      const reviewOn = (day: string) => ({ review_on: { review_on: { type: 'datepicker', selected_date: day } } });
      const past = await h.send.viewSubmission(ALICE, { ...modal, id: 'V0KEEPPAST' }, { ...reason, ...reviewOn('2026-01-05') });
      expect(past.body).toMatchObject({ response_action: 'errors', errors: { review_on: expect.stringContaining('past') } });
      const seq2 = h.api.lastSeq;
      const ok = await h.send.viewSubmission(ALICE, { ...modal, id: 'V0KEEP' }, { ...reason, ...reviewOn('2026-12-14') });
      expect(ok.body).toBeUndefined();
      const liar = await findClientByName(h.db, TEAM, 'Liar Co');
      const [reviewStep] = await h.db.select().from(schema.nextSteps).where(eq(schema.nextSteps.clientId, liar.id));
      expect(reviewStep).toMatchObject({
        what: 'Review the decision to keep this client',
        dueOn: '2026-12-14',
        source: 'decision',
        assigneeUserId: liar.ownerUserId,
      });
      // Its owner's to-do names the client once, beside the step.
      const todo = textOf((await h.command(ALICE, '/rapport', 'todo')).reply.params);
      expect(todo).toContain('*Review the decision to keep this client* · Liar Co · due');
      expect(todo.split('Liar Co')).toHaveLength(2);
      expect(textOf((await h.api.next('chat.update', seq2)).params)).toContain('Kept by <@U0ALICE>');
      const keeps = await h.db
        .select()
        .from(schema.decisions)
        .where(and(eq(schema.decisions.kind, 'keep'), eq(schema.decisions.clientId, await clientId('Liar Co'))));
      expect(keeps).toContainEqual(expect.objectContaining({ reason: 'Biggest account; CEO apologised', decidedBy: 'U0ALICE' }));
      // Kept, a client with a red flag still opens the digest, with the decision beside it.
      const preview = textOf((await h.command(ALICE, '/rapport', 'digest preview')).reply.params);
      const first = preview.indexOf('*Liar Co*');
      expect(first).toBeGreaterThanOrEqual(0);
      expect(['*Sour Co*', '*Quiet Co*'].every((name) => preview.indexOf(name) === -1 || preview.indexOf(name) > first)).toBe(true);
      // Decided, it no longer needs a decision: the opening's owner line leaves it out.
      expect(preview).not.toMatch(/By owner:[^\n]*Liar Co/);
      expect(preview.indexOf('Kept by <@U0ALICE>', first)).toBeGreaterThan(first);
    });

    it('an admin may decide, each said before it is done: prepayment sets prepay only, exit sets exited and tells the owner', async () => {
      const prepay = await decide(ADMIN, 'require_prepayment', 'Sour Co');
      expect(prepay.modal.submit.text).toBe('Confirm');
      expect(textOf({ blocks: prepay.modal.blocks })).toContain('status becomes *prepay only*');
      // Slack says "(optional)" beside an optional input's label itself.
      expect(prepay.modal.blocks.find((b: any) => b.block_id === 'reason')).toMatchObject({ optional: true, label: { text: 'Note' } });
      expect(textOf((await h.api.next('chat.update', prepay.seq)).params)).toContain('Full prepayment required by <@U0ADMIN>');
      expect((await getClient(h.db, TEAM, await clientId('Sour Co')))?.status).toBe('prepay_only');
      const exit = await decide(ADMIN, 'start_exit', 'Quiet Co', 'No answer for months');
      await h.api.next('chat.update', exit.seq);
      expect(await getClient(h.db, TEAM, await clientId('Quiet Co'))).toMatchObject({ status: 'exited', exitedAt: expect.any(Date) });
      const toOwner = await h.api.waitFor((c) => c.seq > exit.seq && c.method === 'chat.postMessage' && c.params.channel === 'D0BOB');
      expect(textOf(toOwner.params)).toContain('<@U0ADMIN> changed your client *Quiet Co*: decision: start the exit');
      const audit = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'decision.start_exit'));
      expect(audit).toContainEqual(expect.objectContaining({ actor: 'U0ADMIN', entityId: await clientId('Quiet Co') }));
    });

    it('a later keep brings an exited client back: status active, listed again', async () => {
      const exit = await decide(ADMIN, 'start_exit', 'Quiet Co', 'No answer for months');
      await h.api.next('chat.update', exit.seq);
      const { modal } = await decide(ADMIN, 'keep', 'Quiet Co', 'They called back');
      expect(textOf({ blocks: modal.blocks })).toContain('Its status becomes *active* again');
      for (let i = 0; i < 50 && (await getClient(h.db, TEAM, await clientId('Quiet Co')))?.status !== 'active'; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await getClient(h.db, TEAM, await clientId('Quiet Co'))).toMatchObject({ status: 'active', exitedAt: null });
      expect(textOf((await h.command(ALICE, '/client', 'list')).reply.params)).toContain('Quiet Co');
    });

    it('History shows the client’s timeline, ephemerally, to anyone', async () => {
      // One after the other: each updates the digest message, and no update may arrive during the next test.
      const before = h.api.lastSeq;
      await click(ALICE, { action_id: 'digest_acknowledge', value: await clientId('Liar Co') });
      await h.api.next('chat.update', before);
      const { seq: decided } = await decide(ALICE, 'keep', 'Liar Co', 'Biggest account; CEO apologised');
      await h.api.waitFor((c) => c.seq > decided && c.method === 'chat.update' && JSON.stringify(c.params).includes('Kept by'));
      const seq = h.api.lastSeq;
      await click(BOB, { action_id: 'digest_history', value: await clientId('Liar Co') });
      const history = await h.api.next('response_url', seq);
      expect(history.params.response_type).toBe('ephemeral');
      const text = textOf(history.params);
      expect(text).toContain('History of Liar Co');
      expect(text).toContain('Kept by <@U0ALICE>');
      expect(text).toContain('Acknowledged by <@U0ALICE>');
      expect(text).toContain('🚩 Lying, logged by <@U0ALICE> — Said the report was sent');
    });

    it('Snooze holds the client back until new evidence arrives', async () => {
      const seq = h.api.lastSeq;
      await click(ALICE, { action_id: 'digest_snooze', value: await clientId('Sour Co') });
      expect(textOf((await h.api.next('chat.update', seq)).params)).toContain('Snoozed by <@U0ALICE>');
      const preview = async () => textOf((await h.command(ALICE, '/rapport', 'digest preview')).reply.params);
      expect(await preview()).not.toContain('Sour Co');
      await h.command(ALICE, '/call', 'sour co -attitude -etiquette Worse again');
      expect(await preview()).toContain('Sour Co');
    });
  });

  describe('exactly once', () => {
    beforeEach(async () => {
      await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
    });

    it('three instances ticking together post one digest', async () => {
      const seq = h.api.lastSeq;
      const instances = ['a', 'b', 'c'].map((id) => runner(clock, id));
      for (let round = 0; round < 3; round++) await Promise.all(instances.map((r) => r.tick()));
      expect(posts(seq)).toHaveLength(1);
      expect(await digestRows()).toMatchObject([{ status: 'posted' }]);
    });

    it.runIf(driver === 'postgres')('three instances with their own connection pools post one digest', async () => {
      const seq = h.api.lastSeq;
      const pools = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: h.databaseUrl!, logger: silentLogger, poolSize: 2 })));
      try {
        const instances = pools.map(
          (p, i) =>
            new DigestRunner({
              db: p.db,
              owner: p.owner,
              webFor: async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl }),
              logger: silentLogger,
              now: clock,
              instance: `pool-${i}`,
            }),
        );
        for (let round = 0; round < 5; round++) await Promise.all(instances.map((r) => r.tick()));
      } finally {
        await Promise.all(pools.map((p) => p.close()));
      }
      expect(posts(seq)).toHaveLength(1);
      expect(await digestRows()).toMatchObject([{ status: 'posted' }]);
    });

    it('a claim left by a crashed instance is finished by the next tick, without a duplicate', async () => {
      const week = slotWeek();
      await h.db.insert(schema.digests).values({ teamId: TEAM, week, channelId: CHANNEL, claimedBy: 'crashed', claimedAt: new Date(Date.now() - 10 * 60_000) });
      const seq = h.api.lastSeq;
      await runner(clock, 'survivor').tick();
      await runner(clock, 'other').tick();
      expect(posts(seq)).toHaveLength(1);
      expect(await digestRows()).toMatchObject([{ status: 'posted', claimedBy: 'survivor', week }]);
    });

    it('an instance that died after Slack took its post is not posted over: the next one finds it in the channel', async () => {
      const seq = h.api.lastSeq;
      h.api.holdNext('chat.postMessage', CHANNEL);
      void runner(clock, 'dies-mid-post').tick(); // its post reaches Slack, the answer never comes back
      await h.api.next('chat.postMessage', seq);
      await h.db
        .update(schema.digests)
        .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(schema.digests.teamId, TEAM));
      await runner(clock, 'survivor').tick();
      expect(posts(seq)).toHaveLength(1);
      expect(await digestRows()).toMatchObject([{ status: 'posted', claimedBy: 'survivor', messageTs: posts(seq)[0]!.response!.ts }]);
    });

    it('a fresh claim of another instance is left alone (it is posting right now)', async () => {
      const week = slotWeek();
      await h.db.insert(schema.digests).values({ teamId: TEAM, week, channelId: CHANNEL, claimedBy: 'busy' });
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      expect(posts(seq)).toEqual([]);
    });

    it('a Slack failure keeps the claim and is retried after the lease, once', async () => {
      h.api.failNext('chat.postMessage', 'not_in_channel', CHANNEL);
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      const [failed] = await digestRows();
      expect(failed).toMatchObject({ status: 'claimed', attempts: 1, lastError: 'not_in_channel' });
      await h.db
        .update(schema.digests)
        .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(schema.digests.id, failed!.id));
      await runner(clock).tick();
      await runner(clock).tick();
      expect(posts(seq).length).toBe(2); // the refused attempt, then the one that landed
      expect(await digestRows()).toMatchObject([{ status: 'posted' }]);
    });

    it('a refused digest is told once, with the remedy, to whoever set the channel; /rapport settings shows it', async () => {
      const seq = h.api.lastSeq;
      const lapse = () =>
        h.db
          .update(schema.digests)
          .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
          .where(eq(schema.digests.teamId, TEAM));
      h.api.failNext('chat.postMessage', 'not_in_channel', CHANNEL);
      await runner(clock).tick();
      await lapse();
      h.api.failNext('chat.postMessage', 'not_in_channel', CHANNEL);
      await runner(clock).tick();
      expect(await digestRows()).toMatchObject([{ status: 'claimed', attempts: 2, lastError: 'not_in_channel' }]);
      const opened = h.since(seq).filter((c) => c.method === 'conversations.open');
      expect(opened.map((c) => c.params.users)).toEqual(['U0ADMIN']); // set the channel in dueNow(); told once
      const dm = h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === opened[0]!.response!.channel?.id);
      expect(dm).toHaveLength(1);
      expect(textOf(dm[0]!.params)).toContain(`Rapport is not a member of <#${CHANNEL}>: invite it there`);

      const settings = await h.command(ALICE, '/rapport', 'settings');
      expect(textOf(settings.reply.params)).toContain(`week of ${slotWeek()}, *not posted* (2 attempts). Rapport is not a member of <#${CHANNEL}>`);

      await lapse();
      await runner(clock).tick();
      expect(await digestRows()).toMatchObject([{ status: 'posted' }]);
      const after = await h.command(ALICE, '/rapport', 'settings');
      expect(textOf(after.reply.params)).toContain(`Last digest: week of ${slotWeek()}, posted`);
    });

    it('a week missed while every instance was down is posted once when one comes back', async () => {
      // Three days after the slot, nothing posted: the next tick catches up that week, later ticks do nothing.
      const later = () => new Date(h.now().getTime() + 3 * 86_400_000);
      const seq = h.api.lastSeq;
      for (let i = 0; i < 5; i++) await runner(later).tick();
      expect(posts(seq)).toHaveLength(1);
      expect((await digestRows()).map((d) => d.week)).toEqual([slotWeek()]);
    });

    it('/rapport digest now posts at most once a week for admins, again only with --force (audited)', async () => {
      const seq = h.api.lastSeq;
      expect(textOf((await h.command(BOB, '/rapport', 'digest now')).reply.params)).toContain('Only workspace admins');
      h.api.failNext('chat.postMessage', 'is_archived', CHANNEL);
      expect(textOf((await h.command(ADMIN, '/rapport', 'digest now')).reply.params)).toContain(`Slack refused the digest. <#${CHANNEL}> is archived`);
      const again = textOf((await h.command(ADMIN, '/rapport', 'digest now')).reply.params);
      expect(again).toContain(`The last attempt failed. <#${CHANNEL}> is archived`);
      expect(again).toContain('tries again by itself');
      await h.db
        .update(schema.digests)
        .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
        .where(eq(schema.digests.teamId, TEAM));
      const posted = textOf((await h.command(ADMIN, '/rapport', 'digest now')).reply.params);
      expect(posted).toContain('Digest posted. It counts as the digest for the week of');
      expect(textOf((await h.command(ADMIN, '/rapport', 'digest now')).reply.params)).toContain('already posted');
      expect(textOf((await h.command(ADMIN, '/rapport', 'digest now --force')).reply.params)).toContain('Digest posted');
      expect(posts(seq).filter((c) => c.response?.ok)).toHaveLength(2);
      expect(await digestRows()).toHaveLength(1);
      const [forced] = await h.db
        .select({ n: count() })
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.action, 'digest.force'), eq(schema.auditLog.actor, 'U0ADMIN')));
      expect(forced!.n).toBe(1);
    });
  });

  describe('long digests and the scheduler', () => {
    /** A workspace whose digest names 40 clients (each meets a firing criterion): several messages long. */
    async function bigDigestTeam(team: string, channel: string) {
      for (let i = 0; i < 40; i++) {
        const by = { actor: 'U0ADMIN', at: h.now() };
        const c = await createClient(h.db, team, by, { name: `Big ${i}`, ownerUserId: 'U0ADMIN' });
        await logIncident(h.db, team, by, { clientId: c.id, occurredAt: h.now(), details: { kind: 'legal_exposure' } });
      }
      // Scheduled only once the data exists: the slot (next whole minute) then falls after all of it.
      await digestDueInAMinute(h, channel, team);
      const postsTo = (seq: number) => h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === channel && c.response?.ok);
      const namedIn = (messages: { params: Record<string, unknown> }[]) => messages.flatMap((m) => textOf(m.params).match(/\*Big \d+\*/g) ?? []);
      const stored = () => h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.teamId, team));
      /** Once Slack has answered the channel message (the thread's parent), `then` arranges what happens to the next post. */
      const afterFirstPost = (then: () => void) => {
        const off = h.api.onCall((c) => {
          if (c.method !== 'chat.postMessage' || c.params.channel !== channel || c.params.thread_ts) return;
          off();
          setImmediate(then); // listeners run as the call is recorded, before it is answered
        });
      };
      const lapseHold = () =>
        h.db
          .update(schema.digests)
          .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
          .where(eq(schema.digests.teamId, team));
      return { postsTo, namedIn, stored, afterFirstPost, lapseHold };
    }

    it('a digest too long for one message continues in its thread, naming every client', async () => {
      const team = 'T0BIGTEAM';
      const big = await bigDigestTeam(team, 'C0BIG');
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      const messages = big.postsTo(seq);
      expect(messages.length).toBeGreaterThan(1);
      const [first, ...thread] = messages;
      const [row] = await digestRows(team);
      expect(row!.messageTs).toBeTruthy();
      expect(thread.every((m) => m.params.thread_ts === row!.messageTs)).toBe(true);
      expect(first!.params.thread_ts).toBeUndefined();
      expect(new Set(big.namedIn(messages)).size).toBe(40);
      const stored = await big.stored();
      expect(stored).toHaveLength(messages.length);
      expect(stored.every((m) => m.ts)).toBe(true);
    });

    it('a thread page Slack keeps failing (past the quick retries) waits, and a later tick posts the rest of the thread in order, each page once', async () => {
      const team = 'T0BIGFAIL';
      const big = await bigDigestTeam(team, 'C0BIGFAIL');
      const seq = h.api.lastSeq;
      // The page's first try and each of its quick retries fail.
      big.afterFirstPost(() => {
        for (let i = 0; i <= QUICK_RETRY_DELAYS_MS.length; i++) h.api.failNext('chat.postMessage', 'fatal_error', 'C0BIGFAIL');
      });
      await runner(clock).tick();
      expect(big.postsTo(seq)).toHaveLength(1);
      expect(await digestRows(team)).toMatchObject([{ status: 'posted', attempts: 1, lastError: 'fatal_error' }]);
      const waiting = (await big.stored()).filter((m) => !m.ts);
      expect(waiting.length).toBeGreaterThan(0);

      await runner(clock, 'other').tick(); // the hold has not lapsed: nobody posts yet
      expect(big.postsTo(seq)).toHaveLength(1);

      await big.lapseHold();
      await runner(clock, 'other').tick();
      await runner(clock, 'third').tick();
      const [first, ...thread] = big.postsTo(seq);
      expect(thread).toHaveLength(waiting.length);
      expect(thread.every((m) => m.params.thread_ts === first!.response!.ts)).toBe(true);
      const named = big.namedIn([first!, ...thread]);
      expect(named).toHaveLength(40);
      expect(new Set(named).size).toBe(40);
      const pages = (await big.stored()).sort((a, b) => a.page - b.page);
      expect(pages.every((m) => m.ts)).toBe(true);
      expect(pages.map((m) => m.ts)).toEqual([first!, ...thread].map((m) => m.response!.ts));
    });

    it('an instance that dies mid-thread: the next one finishes the thread without posting again the page Slack took', async () => {
      const team = 'T0BIGDEAD';
      const big = await bigDigestTeam(team, 'C0BIGDEAD');
      const seq = h.api.lastSeq;
      big.afterFirstPost(() => h.api.holdNext('chat.postMessage', 'C0BIGDEAD'));
      void runner(clock, 'dies-mid-thread').tick(); // its first thread page reaches Slack, the answer never comes back
      const taken = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'C0BIGDEAD' && !!c.params.thread_ts);
      await big.lapseHold();
      await runner(clock, 'survivor').tick();
      const messages = big.postsTo(seq);
      const named = big.namedIn(messages);
      expect(new Set(named).size).toBe(40);
      expect(named).toHaveLength(40); // no page twice
      const pages = await big.stored();
      expect(pages).toHaveLength(messages.length);
      expect(pages.every((m) => m.ts)).toBe(true);
      expect(pages.find((m) => m.page === 1)?.ts).toBe(taken.response!.ts);
    });

    it('the node-cron scheduler ticks at start, so a due week is posted without waiting a minute', async () => {
      await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
      const seq = h.api.lastSeq;
      const scheduler = startDigestScheduler(runner(clock), silentLogger);
      try {
        await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === CHANNEL);
      } finally {
        await scheduler.stop();
      }
      await vi.waitFor(async () => expect(await digestRows()).toMatchObject([{ status: 'posted' }]), { timeout: 15_000, interval: 50 });
    });
  });

  describe('a schedule moved mid-week', () => {
    it('does not post a second digest days after this week’s one; the new day takes over next week', async () => {
      const teamId = 'T0MOVED';
      await updateWorkspaceSettings(h.db, teamId, 'U0ADMIN', { digestChannelId: 'C0MOVED', timeZone: 'UTC', digestDay: 1, digestTime: '09:00' });
      await h.db
        .update(schema.workspaces)
        .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
        .where(eq(schema.workspaces.teamId, teamId));
      const moved = (report: Awaited<ReturnType<DigestRunner['tick']>>) => report.filter((r) => r.teamId === teamId).map((r) => `${r.week} ${r.outcome}`);
      // Monday 2026-10-05 09:00 posts; the admin then moves the digest to Wednesday.
      await h.db
        .insert(schema.digests)
        .values({ teamId, week: '2026-09-28', channelId: 'C0MOVED', claimedBy: 'earlier', status: 'posted', postedAt: new Date('2026-09-28T09:00:00Z') });
      expect(moved(await runner(() => new Date('2026-10-05T09:00:00Z')).tick())).toEqual(['2026-10-05 posted']);
      await updateWorkspaceSettings(h.db, teamId, 'U0ADMIN', { digestDay: 3 });
      expect(moved(await runner(() => new Date('2026-10-07T09:00:00Z')).tick())).toEqual([]);
      expect(moved(await runner(() => new Date('2026-10-14T09:00:00Z')).tick())).toEqual(['2026-10-14 posted']);
    });
  });

  describe('a digest posted by hand before the slot', () => {
    it('counts as that week’s digest: the slot an hour later posts nothing, the next week posts as usual', async () => {
      const teamId = 'T0EARLY';
      await updateWorkspaceSettings(h.db, teamId, 'U0ADMIN', { digestChannelId: 'C0EARLY', timeZone: 'Europe/Istanbul', digestDay: 1, digestTime: '09:00' });
      const early = (report: Awaited<ReturnType<DigestRunner['tick']>>) => report.filter((r) => r.teamId === teamId).map((r) => `${r.week} ${r.outcome}`);
      // Monday 2026-11-30 08:00 in Istanbul (05:00Z), an hour before the slot, the workspace being a week old.
      await h.db
        .update(schema.workspaces)
        .set({ createdAt: new Date('2026-11-24T00:00:00Z') })
        .where(eq(schema.workspaces.teamId, teamId));
      // `/rapport digest now` runs within the request's workspace.
      const outcome = await inWorkspace(teamId, () => runner(() => new Date('2026-11-30T05:00:00Z')).postNow(teamId, 'U0ADMIN', false));
      expect(outcome).toMatchObject({ status: 'posted', week: '2026-11-30', early: true });
      expect(early(await runner(() => new Date('2026-11-30T06:01:00Z')).tick())).toEqual([]);
      expect(early(await runner(() => new Date('2026-12-07T06:00:00Z')).tick())).toEqual(['2026-12-07 posted']);
      // Tuesday by hand: last Monday's week, already posted.
      expect(await inWorkspace(teamId, () => runner(() => new Date('2026-12-08T10:00:00Z')).postNow(teamId, 'U0ADMIN', false))).toMatchObject({
        status: 'already_posted',
      });
      expect((await digestRows(teamId)).map((d) => d.week).sort()).toEqual(['2026-11-30', '2026-12-07']);
    });
  });

  describe('time zones across the November DST change', () => {
    it('New York and Istanbul each post at their own 09:00', async () => {
      const teams = { 'America/New_York': 'T0NEWYORK', 'Europe/Istanbul': 'T0ISTANBUL' } as const;
      for (const [timeZone, teamId] of Object.entries(teams)) {
        await updateWorkspaceSettings(h.db, teamId, 'U0ADMIN', { digestChannelId: 'C0TZ', timeZone, digestDay: 1, digestTime: '09:00' });
        await h.db
          .update(schema.workspaces)
          .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
          .where(eq(schema.workspaces.teamId, teamId));
        await h.db.insert(schema.digests).values({ teamId, week: '2026-10-19', channelId: 'C0TZ', claimedBy: 'earlier', status: 'posted' });
      }
      const postedAt: string[] = [];
      for (const instant of [
        '2026-10-26T05:59Z',
        '2026-10-26T06:00Z',
        '2026-10-26T12:59Z',
        '2026-10-26T13:00Z',
        '2026-11-02T05:59Z',
        '2026-11-02T06:00Z',
        '2026-11-02T13:59Z',
        '2026-11-02T14:00Z',
      ]) {
        const now = new Date(instant.replace('Z', ':00Z'));
        const report = await runner(() => now).tick();
        for (const r of report.filter((x) => Object.values(teams).includes(x.teamId as never) && x.outcome === 'posted'))
          postedAt.push(`${r.teamId} ${r.week} at ${instant}`);
      }
      expect(postedAt).toEqual([
        'T0ISTANBUL 2026-10-26 at 2026-10-26T06:00Z',
        'T0NEWYORK 2026-10-26 at 2026-10-26T13:00Z',
        'T0ISTANBUL 2026-11-02 at 2026-11-02T06:00Z',
        'T0NEWYORK 2026-11-02 at 2026-11-02T14:00Z',
      ]);
      const rows = await h.db
        .select({ n: count() })
        .from(schema.digests)
        .where(sql`${schema.digests.teamId} in ('T0NEWYORK', 'T0ISTANBUL')`);
      expect(rows[0]!.n).toBe(6);
      // Leave no other workspace due: workspaces post side by side, and the tests after it fail Slack's next call.
      for (const teamId of Object.values(teams)) await updateWorkspaceSettings(h.db, teamId, 'U0ADMIN', { digestChannelId: null });
    });
  });
});
