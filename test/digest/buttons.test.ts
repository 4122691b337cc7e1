/** The digest's buttons, clicked on the posted message: Acknowledge, Decide (or propose), History, Snooze; the message rewritten in place. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName, getClient } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { DIGEST_CHANNEL as CHANNEL, digestTools, seedDigestPortfolio } from '../support/digestBench.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('weekly digest: buttons on %s', (driver) => {
  let h: Harness;
  const { digestRows, postAfresh } = digestTools(() => h);

  beforeAll(async () => {
    h = await startHarness(driver);
    await seedDigestPortfolio(h);
  });
  afterAll(() => h?.close());

  describe('the week’s post', () => {
    let digest: Record<string, any>;
    beforeAll(async () => {
      digest = await postAfresh();
    });
    // Each click's work (and its update of the message) is done before the next test looks for its own.
    afterEach(() => h.idle());

    const ts = async () => (await digestRows())[0]!.messageTs!;
    const click = async (actor: typeof ALICE, action: Record<string, any>) =>
      h.send.blockAction(actor, { type: 'button', ...action } as never, { message: { ts: await ts(), blocks: digest.blocks }, channelId: CHANNEL });
    const clientId = async (name: string) => (await findClientByName(h.db, { teamId: TEAM, name })).id;

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
      expect((await getClient(h.db, { teamId: TEAM, clientId: await clientId('Liar Co') }))?.status).toBe('active');
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
      expect((await getClient(h.db, { teamId: TEAM, clientId: await clientId('Liar Co') }))?.status).toBe('active');
    });

    it('a member may propose prepayment too: approved by the owner, the client is on prepay terms and the message says so', async () => {
      const { modal, seq } = await decide(BOB, 'require_prepayment', 'Liar Co', 'Paid late three times');
      expect(modal.submit.text).toBe('Propose');
      const ask = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'D0ALICE');
      expect(textOf(ask.params)).toContain('<@U0BOB> proposes for *Liar Co*');
      expect((await getClient(h.db, { teamId: TEAM, clientId: await clientId('Liar Co') }))?.status).toBe('active');
      const proposalId = ask.params.blocks.find((b: any) => b.type === 'actions').elements[0].value;
      const seq2 = h.api.lastSeq;
      await h.send.blockAction(ALICE, { action_id: 'proposal_approve', value: proposalId }, { channelId: 'D0ALICE' });
      expect(textOf((await h.api.next('response_url', seq2)).params)).toContain('approved');
      await h.idle();
      expect((await getClient(h.db, { teamId: TEAM, clientId: await clientId('Liar Co') }))?.status).toBe('prepay_only');
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
      const liar = await findClientByName(h.db, { teamId: TEAM, name: 'Liar Co' });
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
      expect((await getClient(h.db, { teamId: TEAM, clientId: await clientId('Sour Co') }))?.status).toBe('prepay_only');
      const exit = await decide(ADMIN, 'start_exit', 'Quiet Co', 'No answer for months');
      await h.api.next('chat.update', exit.seq);
      expect(await getClient(h.db, { teamId: TEAM, clientId: await clientId('Quiet Co') })).toMatchObject({ status: 'exited', exitedAt: expect.any(Date) });
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
      // The keep is worked after the form's ack: waited for, however long a busy machine takes.
      await expect
        .poll(async () => getClient(h.db, { teamId: TEAM, clientId: await clientId('Quiet Co') }))
        .toMatchObject({ status: 'active', exitedAt: null });
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
});
