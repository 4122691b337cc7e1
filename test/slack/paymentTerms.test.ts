/**
 * Payment behaviour and the terms ladder (issue 30) through the real receiver: late payments logged by a colleague
 * bring the owner one proposal DM with its evidence (in the workspace's currency); approved, the terms show on
 * /client show and /client list and every log reminds the person; payments on time (one line, never an incident)
 * bring a proposal back up; an owner-less client's proposal goes to the admins. The app's day is Monday 2026-11-23.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';
import type { SlackActor } from '../../src/local/slackRequests.js';

const WAIT = 15_000;

describe.each(TEST_DRIVERS)('payment terms on %s', (driver) => {
  let h: Harness;
  const say = async (actor: SlackActor, command: string, text: string) => (await h.command(actor, command, text)).reply.params;
  const rows = async (table: 'incidents' | 'payments' | 'proposals') => (await h.db.select({ n: count() }).from(schema[table]))[0]!.n;
  const dmsTo = (userId: string, seq: number) =>
    h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === `D${userId.replace(/^U/, '')}`);
  const termsDms = (userId: string, seq: number) => dmsTo(userId, seq).filter((c) => textOf(c.params).includes('Rapport proposes'));
  const approveButton = (params: Record<string, any>) =>
    params.blocks.find((b: any) => b.type === 'actions').elements.find((e: any) => e.action_id === 'proposal_approve').value as string;

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ADMIN, '/rapport', 'settings currency EUR');
  });
  afterAll(() => h?.close());

  it('three late payments bring the owner one proposal with the evidence; approved, the terms show and every log reminds; four payments on time propose a step back up', async () => {
    await say(ALICE, '/client', 'add Slowpay Ltd');
    await h.idle();
    const seq = h.api.lastSeq;
    expect(textOf(await say(BOB, '/incident', 'Slowpay Ltd 2026-09-01 late 30 amount=1000'))).not.toContain('Rapport asked');
    expect(textOf(await say(BOB, '/incident', 'Slowpay Ltd 2026-10-01 late 30 amount=1000'))).not.toContain('Rapport asked');
    await h.idle();
    expect(termsDms('U0ALICE', seq)).toHaveLength(0);
    const third = textOf(await say(BOB, '/incident', 'Slowpay Ltd 2026-11-02 late 30 amount=1000 invoice=INV-3'));
    expect(third).toContain('Rapport asked <@U0ALICE> whether to move *Slowpay Ltd* to *shorter terms*');
    await h.api.waitFor((c) => c.seq > seq && c.params.channel === 'D0ALICE' && textOf(c.params).includes('Rapport proposes'), WAIT);
    await h.idle();
    const [ask] = termsDms('U0ALICE', seq);
    const asked = textOf(ask!.params);
    expect(asked).toContain('Rapport proposes *shorter terms* for *Slowpay Ltd* (now standard terms)');
    expect(asked).toContain('3 late payments in 180 days weigh as much as 3 typical late payments (a typical invoice of €1,000, 30 days late)');
    expect(asked).toContain('€1,000, 30 days late (invoice INV-3)');
    expect(asked.match(/30 days late/g)!.length).toBeGreaterThanOrEqual(3);

    // A fourth late payment while the proposal waits asks nobody again.
    const seq2 = h.api.lastSeq;
    expect(textOf(await say(BOB, '/incident', 'Slowpay Ltd 2026-11-09 late 10 amount=500'))).not.toContain('Rapport asked');
    await h.idle();
    expect(termsDms('U0ALICE', seq2)).toHaveLength(0);
    expect(termsDms('U0ALICE', seq)).toHaveLength(1);

    const seq3 = h.api.lastSeq;
    await h.send.blockAction(ALICE, { action_id: 'proposal_approve', value: approveButton(ask!.params) }, { channelId: 'D0ALICE' });
    expect(textOf((await h.api.next('response_url', seq3, WAIT)).params)).toContain('You approved *shorter terms* for *Slowpay Ltd*');
    await h.idle();
    // Rapport proposed it, not Bob: Bob is not told "your proposal".
    expect(dmsTo('U0BOB', seq3)).toHaveLength(0);
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'slowpay ltd' })).paymentTerms).toBe('shorter');

    const shown = textOf(await say(BOB, '/client', 'show Slowpay Ltd'));
    expect(shown).toContain('*Payment terms*\nshorter terms');
    expect(textOf(await say(BOB, '/client', 'list'))).toMatch(/Slowpay Ltd.*terms: shorter terms/);
    const call = await say(BOB, '/call', 'Slowpay Ltd +comms Weekly sync');
    expect(textOf(call)).toContain('*Slowpay Ltd* is on *shorter payment terms*');
    expect(JSON.stringify(call.blocks)).toContain('payment_paid_on_time');

    // Payments on time: good behaviour, never an incident; the fourth in a row proposes standard terms again.
    const incidents = await rows('incidents');
    const seq4 = h.api.lastSeq;
    for (const n of [1, 2, 3]) {
      const paid = textOf(await say(BOB, '/incident', 'Slowpay Ltd paid on time 1200'));
      expect(paid, `payment ${n}`).toContain('*Slowpay Ltd* paid €1,200 on time');
      expect(paid).not.toContain('Rapport asked');
    }
    expect(textOf(await say(BOB, '/incident', 'Slowpay Ltd paid on time 1200'))).toContain(
      'Rapport asked <@U0ALICE> whether to move *Slowpay Ltd* to *standard terms*',
    );
    await h.api.waitFor((c) => c.seq > seq4 && c.params.channel === 'D0ALICE' && textOf(c.params).includes('Rapport proposes'), WAIT);
    const up = textOf(termsDms('U0ALICE', seq4)[0]!.params);
    expect(up).toContain('Rapport proposes *standard terms* for *Slowpay Ltd* (now shorter terms): 4 payments on time in a row');
    expect(up.match(/€1,200 paid on time/g)).toHaveLength(4);
    expect(await rows('incidents')).toBe(incidents);
    // Shown with the payments, not among the incidents.
    const after = textOf(await say(BOB, '/client', 'show Slowpay Ltd'));
    expect(after).toContain('💶 Payments in 180 days: 4 late (€3,500, 100 days late in all) · 4 on time (€4,800)');
    expect(after.split('*Last incidents*')[1]!.split('💶')[0]).not.toContain('on time');
  });

  it('an amount that reads two ways is asked about, and a word that is no amount refused: nothing is stored; Undo takes a payment back', async () => {
    await say(ALICE, '/client', 'add Careful Co');
    const before = await rows('payments');
    expect(textOf(await say(BOB, '/incident', 'Careful Co paid on time 12.500'))).toContain('12.500');
    expect(textOf(await say(BOB, '/incident', 'Careful Co paid on time soon'))).toContain('`soon` is not an amount');
    expect(await rows('payments')).toBe(before);
    const logged = await say(BOB, '/incident', 'Careful Co paid on time 12,500');
    expect(textOf(logged)).toContain('paid €12,500 on time');
    expect(await rows('payments')).toBe(before + 1);
    // Undo is its author's, as a call's or an incident's.
    const undo = { action_id: 'payment_undo', value: logged.blocks.find((b: any) => b.type === 'actions').elements[0].value };
    let seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, undo);
    expect(textOf((await h.api.next('response_url', seq, WAIT)).params)).toContain('Only <@U0BOB>, who logged this payment, can undo it');
    seq = h.api.lastSeq;
    await h.send.blockAction(BOB, undo);
    expect(textOf((await h.api.next('response_url', seq, WAIT)).params)).toContain('The payment on time from Careful Co was undone');
    expect(await rows('payments')).toBe(before);
    // Its author's one undo is audited once, naming the payment; the refused click left no line.
    const undos = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'payment.undo'));
    expect(undos.map((u) => [u.actor, u.details])).toEqual([['U0BOB', { paymentId: undo.value }]]);
    // A second click finds it gone.
    seq = h.api.lastSeq;
    await h.send.blockAction(BOB, undo);
    expect(textOf((await h.api.next('response_url', seq, WAIT)).params)).toContain('That payment on time is no longer there.');
  });

  it('two small invoices a day late propose nothing; one large invoice a year late does, and with no owner every admin is asked', async () => {
    await say(BOB, '/client', 'add Ownerless Co');
    await say(BOB, '/client', 'set Ownerless Co owner none');
    const proposals = await rows('proposals');
    await say(BOB, '/incident', 'Ownerless Co 2026-11-10 late 1 amount=100');
    await say(BOB, '/incident', 'Ownerless Co 2026-11-16 late 1 amount=100');
    await h.idle();
    expect(await rows('proposals')).toBe(proposals);
    const seq = h.api.lastSeq;
    const answer = textOf(await say(BOB, '/incident', 'Ownerless Co 2026-11-20 late 365 amount=20000'));
    expect(answer).toContain('*Ownerless Co* has no owner: Rapport asked the workspace admins whether to move it to *shorter terms*');
    await h.api.waitFor((c) => c.seq > seq && c.params.channel === 'D0ADMIN' && textOf(c.params).includes('Rapport proposes'), WAIT);
    const asked = textOf(termsDms('U0ADMIN', seq)[0]!.params);
    expect(asked).toContain('Ownerless Co has no owner, so every workspace admin was asked');
    expect(asked).toContain('€20,000, 365 days late');

    // Put on prepay only by hand meanwhile: the proposal of shorter terms no longer fits, and is declined instead.
    expect(textOf(await say(ADMIN, '/client', 'set Ownerless Co status prepay_only'))).toContain('prepay only');
    const proposal = termsDms('U0ADMIN', seq)[0]!.params.blocks.find((b: any) => b.type === 'actions').elements;
    let seq2 = h.api.lastSeq;
    await h.send.blockAction(ADMIN, { action_id: 'proposal_approve', value: proposal[0].value }, { channelId: 'D0ADMIN' });
    expect(textOf((await h.api.next('response_url', seq2, WAIT)).params)).toContain(
      'The payment terms of Ownerless Co changed since Rapport proposed this (now full prepayment)',
    );
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'ownerless co' })).status).toBe('prepay_only');
    seq2 = h.api.lastSeq;
    await h.send.blockAction(ADMIN, { action_id: 'proposal_decline', value: proposal[1].value }, { channelId: 'D0ADMIN' });
    expect(textOf((await h.api.next('response_url', seq2, WAIT)).params)).toContain(
      'You declined *shorter terms* for *Ownerless Co*: it stays on full prepayment',
    );
  });

  it('admins set the ladder in /rapport settings, which lists it in the workspace’s currency', async () => {
    expect(textOf(await say(ADMIN, '/rapport', 'settings'))).toContain('a step back up after 4 payments on time in a row');
    await say(ADMIN, '/rapport', 'settings threshold paymentTerms.stepUpOnTime 2');
    const shown = textOf(await say(ADMIN, '/rapport', 'settings'));
    expect(shown).toContain('a step back up after 2 payments on time in a row');
    expect(shown).toContain('the typical invoice is the client’s monthly value, else €1,000');
    // Zero payments on time is no ladder: refused, and nothing changes.
    await say(ADMIN, '/rapport', 'settings threshold paymentTerms.stepUpOnTime 0');
    expect(textOf(await say(ADMIN, '/rapport', 'settings'))).toContain('a step back up after 2 payments on time in a row');
    await say(ADMIN, '/rapport', 'settings threshold paymentTerms.stepUpOnTime 4');
    expect(textOf(await say(ADMIN, '/rapport', 'settings'))).toContain('a step back up after 4 payments on time in a row');
  });

  it('a problem client’s log reminds of full prepayment, and its Paid on time button logs a payment on time, no incident', async () => {
    await say(ALICE, '/client', 'add Problem Prepay Co problem');
    const call = await say(BOB, '/call', 'Problem Prepay Co +comms');
    expect(textOf(call)).toContain('work with them only on *full prepayment*');
    const button = call.blocks.find((b: any) => b.accessory?.action_id === 'payment_paid_on_time').accessory;
    const [payments, incidents] = [await rows('payments'), await rows('incidents')];
    const seq = h.api.lastSeq;
    await h.send.blockAction(BOB, { action_id: button.action_id, value: button.value });
    expect(textOf((await h.api.next('response_url', seq, WAIT)).params)).toContain('*Problem Prepay Co* paid on time (Mon, 23 Nov 2026)');
    expect([await rows('payments'), await rows('incidents')]).toEqual([payments + 1, incidents]);
    expect(textOf(await say(BOB, '/client', 'show Problem Prepay Co'))).toContain('*Payment terms*\nfull prepayment (problem client)');
  });
});
