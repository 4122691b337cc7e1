/**
 * Decisions that learn from their outcomes, end to end (issue 30): a decision's reasons picked from the firing
 * criteria and stored; on its review day one DM to the client's owner (however many instances tick) with the
 * health then and now and the incidents since; the answer stored once (a second refused, saying by whom); and
 * `/rapport outcomes` counting it, with the clients that left while green.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { findClientByName } from '../../src/db/queries/clients.js';
import * as schema from '../../src/db/schema/index.js';
import { OutcomeReviews } from '../../src/digest/outcomeReviews.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { readerIn } from '../../src/i18n/reader.js';
import { monthlyOutcomes } from '../../src/services/outcomes.js';
import { outcomesDigestSection } from '../../src/slack/blocks/outcomes.js';
import { silentLogger } from '../../src/log.js';
import { PeopleDirectory } from '../../src/slack/people.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('decision outcomes on %s', (driver) => {
  let h: Harness;
  let forms = 0;
  const webFor = async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });
  const clientId = async (name: string) => (await findClientByName(h.db, { teamId: TEAM, name })).id;
  const decisionsOf = async (name: string) =>
    h.db
      .select()
      .from(schema.decisions)
      .where(eq(schema.decisions.clientId, await clientId(name)));
  const picked = (...values: string[]) => ({
    reasons: { reasons: { type: 'multi_static_select', selected_options: values.map((value) => ({ value, text: { type: 'plain_text', text: value } })) } },
  });
  const note = (value: string) => ({ reason: { reason: { type: 'plain_text_input', value } } });
  const reviewOn = (day: string) => ({ review_on: { review_on: { type: 'datepicker', selected_date: day } } });

  /** The admin (or `actor`) opens the decision form on the client (from a DM: a personal digest or an escalation). */
  const openForm = async (kind: string, name: string, actor = ADMIN) => {
    const seq = h.api.lastSeq;
    await h.send.blockAction(
      actor,
      { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `${kind}:${await clientId(name)}` } },
      { channelId: `D${actor.userId}` },
    );
    return (await h.api.next('views.open', seq)).response!.view;
  };
  const submit = (view: Record<string, any>, values: Record<string, Record<string, unknown>>, actor = ADMIN) =>
    h.send.viewSubmission(actor, { ...view, id: `V0OUTCOME${++forms}` }, values);

  /** Instances of the review sweep on the harness's database, with a clock the test sets. */
  let clock = new Date('2026-12-10T08:59:00Z');
  const sweeps = () =>
    [1, 2, 3].map(
      (i) =>
        new OutcomeReviews({
          db: h.database.db,
          owner: h.database.owner,
          webFor,
          people: new PeopleDirectory(),
          logger: silentLogger,
          now: () => clock,
          instance: `i${i}`,
        }),
    );

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Form Co <@U0BOB|bob>');
    await h.command(ALICE, '/incident', 'form co lie Said the brief was approved');
    await h.command(ALICE, '/client', 'add Late Co vip <@U0BOB|bob>');
    await h.command(ALICE, '/call', 'late co +comms +positive Good kick-off');
    await h.command(ALICE, '/incident', 'late co dispute Disputed the October invoice');
    await h.command(ALICE, '/client', 'add Green Co <@U0ALICE|alice>');
    await h.command(ALICE, '/call', 'green co +comms +positive +opinions Great workshop');
    await h.command(ALICE, '/client', 'add Other Co employee <@U0BOB|bob>');
    await h.command(ALICE, '/client', 'add Guest Co <@U0BOB|bob>');
    await h.command(ALICE, '/client', 'add Proposal Co <@U0BOB|bob>');
    await h.idle();
  });
  afterAll(() => h?.close());

  it('the form offers the ten criteria (those met picked) and Other, and a review day a month on; prepayment needs a reason, Other needs words', async () => {
    const form = await openForm('require_prepayment', 'Form Co');
    const reasons = form.blocks.find((b: any) => b.block_id === 'reasons');
    expect(reasons.element.type).toBe('multi_static_select');
    expect(reasons.element.options.map((o: any) => o.value)).toEqual([
      'physical_abuse',
      'mental_abuse',
      'lying',
      'unreasonable_demands',
      'slow_payment',
      'invoice_dispute',
      'changes_mind',
      'ignores_advice',
      'competitor_play',
      'legal_exposure',
      'other',
    ]);
    expect(reasons.element.options.find((o: any) => o.value === 'slow_payment').text.text).toBe('Late payment');
    // The criteria the client meets are picked already.
    expect(reasons.element.initial_options.map((o: any) => o.value)).toEqual(['lying']);
    expect(form.blocks.find((b: any) => b.block_id === 'review_on').element).toMatchObject({ type: 'datepicker', initial_date: '2026-12-23' });

    const none = await submit(form, picked());
    expect(none.body).toEqual({ response_action: 'errors', errors: { reasons: 'Pick at least one reason: a firing criterion, or Other.' } });
    const other = await submit(form, picked('slow_payment', 'other'));
    expect(other.body).toEqual({ response_action: 'errors', errors: { reason: 'Say in the note what the other reason is.' } });
    expect(await decisionsOf('Form Co')).toEqual([]);
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'Form Co' })).status).toBe('active');
  });

  it('a decision with reasons is stored; on its review day its owner gets one DM; the answer is stored once; `/rapport outcomes` counts it', async () => {
    // Decided, with reasons picked from the criteria, a note and a review day.
    const form = await openForm('require_prepayment', 'Late Co');
    const ok = await submit(form, { ...picked('invoice_dispute', 'slow_payment', 'other'), ...note('Asked for 90-day terms'), ...reviewOn('2026-12-10') });
    expect(ok.body).toBeUndefined();
    await h.idle();
    const [decision] = await decisionsOf('Late Co');
    expect(decision).toMatchObject({
      kind: 'require_prepayment',
      decidedBy: 'U0ADMIN',
      reasons: ['slow_payment', 'invoice_dispute', 'other'],
      reason: 'Asked for 90-day terms',
      reviewOn: '2026-12-10',
      outcome: null,
    });
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'Late Co' })).status).toBe('prepay_only');

    // What happened since: a red flag and a bad call.
    await h.command(ALICE, '/incident', 'late co lie Said the payment was sent');
    await h.command(ALICE, '/call', 'late co -negative -comms Tense call about terms');
    await h.idle();

    // Its review day, from nine in Bob's zone (UTC): one DM, whichever of three instances ticks, and never again.
    const seq = h.api.lastSeq;
    const instances = sweeps();
    const tickAll = async () => (await Promise.all(instances.map((s) => s.tick()))).flat().filter((sent) => sent.decisionId === decision!.id);
    clock = new Date('2026-12-10T08:59:00Z');
    expect(await tickAll()).toEqual([]);
    clock = new Date('2026-12-10T09:01:00Z');
    expect(await tickAll()).toEqual([{ teamId: TEAM, decisionId: decision!.id, userId: 'U0BOB' }]);
    expect(await tickAll()).toEqual([]);
    clock = new Date('2026-12-11T10:00:00Z');
    expect(await tickAll()).toEqual([]);
    const dms = h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0BOB' && textOf(c.params).includes('Late Co'));
    expect(dms).toHaveLength(1);
    const text = textOf(dms[0]!.params);
    expect(text).toContain('<@U0ADMIN> required full prepayment from *Late Co*. What came of it?');
    expect(text).toContain('Reasons: Late payment, Invoice dispute, Other');
    expect(text).toContain('Note: “Asked for 90-day terms”');
    expect(text).toMatch(/Health then: \*\d+\* 🟢 healthy · now: \*\d+\* /);
    expect(text).toContain('1 incident logged since:');
    expect(text).toContain('🚩 Lying · Said the payment was sent');
    expect(text).not.toContain('Disputed the October invoice');
    expect(buttonsOf(dms[0]!.params)).toEqual({
      outcome_better: decision!.id,
      outcome_same: decision!.id,
      outcome_worse: decision!.id,
      outcome_left: decision!.id,
    });
    expect((await decisionsOf('Late Co'))[0]).toMatchObject({ reviewSentTo: 'U0BOB' });

    // Bob answers: stored, and the question gives way to the answer.
    const seq2 = h.api.lastSeq;
    await h.send.blockAction(BOB, { type: 'button', action_id: 'outcome_worse', value: decision!.id }, { channelId: 'D0BOB' });
    await h.idle();
    const answered = h.since(seq2).find((c) => c.method === 'response_url');
    expect(textOf(answered!.params)).toContain('Noted for *Late Co*: worse.');
    expect(answered!.params.replace_original).toBe(true);
    expect((await decisionsOf('Late Co'))[0]).toMatchObject({ outcome: 'worse', outcomeBy: 'U0BOB' });

    // A second answer (an admin, another button) is refused, saying who answered and what.
    const seq3 = h.api.lastSeq;
    await h.send.blockAction(ADMIN, { type: 'button', action_id: 'outcome_better', value: decision!.id }, { channelId: 'D0ADMIN' });
    await h.idle();
    expect(
      h
        .since(seq3)
        .map((c) => textOf(c.params))
        .join('\n'),
    ).toMatch(/<@U0BOB> already answered for \*Late Co\* on .*2026: worse\./);
    expect((await decisionsOf('Late Co'))[0]).toMatchObject({ outcome: 'worse', outcomeBy: 'U0BOB' });

    // Counted: per decision, per category (Late Co is a VIP), its reasons.
    const report = textOf((await h.command(ALICE, '/rapport', 'outcomes')).reply.params);
    expect(report).toContain('*Prepayment required*: 1 decision · better 0 (0%) · same 0 (0%) · worse 1 (100%) · left 0 (0%)');
    expect(report).toContain('*VIP / critical*: 1 decision · better 0 (0%) · same 0 (0%) · worse 1 (100%) · left 0 (0%)');
    expect(report).toContain('*Invoice dispute*: 1 (no exits, 1 prepayment, none kept)');
    expect(report).not.toMatch(/• \*Late Co\*/);
    // The monthly digest section's data: last month's answers (November's, on 3 December), and its blocks.
    const monthly = await monthlyOutcomes(h.db, { teamId: TEAM, catalogue: DEFAULT_CATALOGUE, timeZone: 'UTC' }, '2026-12-03');
    expect(monthly.window).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthly.statistics.byKind.require_prepayment).toMatchObject({ decisions: 1, worse: 1, unanswered: 0 });
    expect(textOf({ blocks: outcomesDigestSection(monthly, readerIn('en')) })).toContain('*What came of decisions* · Sun, 1 Nov 2026 to Mon, 30 Nov 2026');
    // A window before any of it counts nothing; words it cannot read are refused.
    expect(textOf((await h.command(ALICE, '/rapport', 'outcomes 2026-q1')).reply.params)).toContain('Nobody kept a client');
    expect(textOf((await h.command(ALICE, '/rapport', 'outcomes lately')).reply.params)).toContain('“lately” is not a window I know');
  });

  it('someone who is neither asked, the owner nor an admin cannot answer; the owner’s answer to a keep is its review', async () => {
    const form = await openForm('keep', 'Other Co');
    await submit(form, { ...note('Strategic account'), ...reviewOn('2027-01-20') });
    await h.idle();
    const [decision] = await decisionsOf('Other Co');
    const seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, { type: 'button', action_id: 'outcome_better', value: decision!.id });
    await h.idle();
    expect(
      h
        .since(seq)
        .map((c) => textOf(c.params))
        .join('\n'),
    ).toContain('only <@U0BOB> (who was asked), the client’s owner or a workspace admin can say what came of the decision about *Other Co*');
    expect((await decisionsOf('Other Co'))[0]!.outcome).toBeNull();

    // Its owner answers: that is the keep's review, so the review step it set is done too.
    const reviewStep = () => h.db.select().from(schema.nextSteps).where(eq(schema.nextSteps.clientId, decision!.clientId));
    expect(await reviewStep()).toEqual([expect.objectContaining({ source: 'decision', dueOn: '2027-01-20', doneAt: null })]);
    await h.send.blockAction(BOB, { type: 'button', action_id: 'outcome_same', value: decision!.id }, { channelId: 'D0BOB' });
    await h.idle();
    expect((await decisionsOf('Other Co'))[0]).toMatchObject({ outcome: 'same', outcomeBy: 'U0BOB' });
    expect(await reviewStep()).toEqual([expect.objectContaining({ doneBy: 'U0BOB', doneAt: expect.any(Date) })]);
  });

  it('`/rapport outcomes` lists a client exited while its health was green, and counts the reason', async () => {
    const form = await openForm('start_exit', 'Green Co');
    await submit(form, { ...picked('competitor_play'), ...reviewOn('2027-01-20') });
    await h.idle();
    // The last 30 days, typed in Persian digits (read as any others).
    const { reply } = await h.command(ALICE, '/rapport', 'outcomes ۳۰d');
    const report = textOf(reply.params);
    expect(report).toContain('*Played us against a competitor*: 1 (1 exit, no prepayment, none kept)');
    // Then, privately, the reasons as a picture (uploaded shared nowhere), its alt text saying the same.
    const picture = await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === reply.responseUrlId && c.seq > reply.seq, 30_000);
    const [image] = picture.params.blocks as { type: string; slack_file: { id: string }; alt_text: string }[];
    expect(image!.type).toBe('image');
    expect(image!.alt_text).toMatch(/^Reasons given for decisions from .* to .*: .*Played us against a competitor: 1/);
    expect(h.api.files.get(image!.slack_file.id)!.bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(h.api.files.get(image!.slack_file.id)!.channel).toBeUndefined();
    expect(report).toMatch(/Left while green.*\n(• .*\n)*• \*Green Co\* · exit started Mon, 23 Nov 2026 · health \*\d+\* 🟢 healthy/);
  });

  it('a member’s proposal carries its reasons; approved, the decision has them, and its review a month after the approval', async () => {
    const form = await openForm('start_exit', 'Proposal Co', ALICE);
    expect(form.blocks.find((b: any) => b.block_id === 'review_on')).toBeUndefined();
    const seq = h.api.lastSeq;
    await submit(form, { ...picked('ignores_advice'), ...note('Third rescue this year') }, ALICE);
    const ask = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'D0BOB');
    const proposalId = ask.params.blocks.find((b: any) => b.type === 'actions').elements[0].value;
    await h.idle();
    expect(await decisionsOf('Proposal Co')).toEqual([]);
    await h.send.blockAction(BOB, { type: 'button', action_id: 'proposal_approve', value: proposalId }, { channelId: 'D0BOB' });
    await h.idle();
    expect((await decisionsOf('Proposal Co'))[0]).toMatchObject({
      kind: 'start_exit',
      decidedBy: 'U0BOB',
      reasons: ['ignores_advice'],
      reason: 'Third rescue this year',
      reviewOn: '2026-12-23',
    });
  });

  it('a review whose owner is now a guest goes to whoever decided instead, never to the guest', async () => {
    const form = await openForm('start_exit', 'Guest Co');
    await submit(form, { ...picked('legal_exposure'), ...reviewOn('2027-02-01') });
    await h.idle();
    h.api.users.set('U0GUEST', { id: 'U0GUEST', name: 'guest', teamId: TEAM, isRestricted: true });
    await h.db
      .update(schema.clients)
      .set({ ownerUserId: 'U0GUEST' })
      .where(and(eq(schema.clients.teamId, TEAM), eq(schema.clients.id, await clientId('Guest Co'))));
    clock = new Date('2027-02-01T12:00:00Z');
    const seq = h.api.lastSeq;
    const [decision] = await decisionsOf('Guest Co');
    expect((await sweeps()[0]!.tick()).filter((s) => s.decisionId === decision!.id)).toEqual([{ teamId: TEAM, decisionId: decision!.id, userId: 'U0ADMIN' }]);
    const opened = h
      .since(seq)
      .filter((c) => c.method === 'conversations.open')
      .map((c) => c.params.users);
    expect(opened).not.toContain('U0GUEST');
    expect(opened).toContain('U0ADMIN');
  });
});
