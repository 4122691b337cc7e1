import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, MALLORY, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('modals, buttons and App Home on %s', (driver) => {
  let h: Harness;
  const today = () => h.now().toISOString().slice(0, 10);
  let acmeId: string;
  const rows = async (table: 'calls' | 'incidents' | 'traitObservations') => {
    const [r] = await h.db.select({ n: count() }).from(schema[table]);
    return r!.n;
  };
  const pick = (id: string, name = 'Acme') => ({
    client: { client: { type: 'external_select', selected_option: { value: id, text: { type: 'plain_text', text: name } } } },
  });
  const date = (day: string) => ({ date: { date: { type: 'datepicker', selected_date: day } } });
  const checks = (blockId: string, values: string[]) => ({
    [blockId]: { [blockId]: { type: 'checkboxes', selected_options: values.map((value) => ({ value })) } },
  });
  const textInput = (blockId: string, value: string | null, type = 'plain_text_input') => ({ [blockId]: { [blockId]: { type, value } } });

  async function openCallModal() {
    const { reply } = await h.command(ALICE, '/call', '');
    expect(reply.method).toBe('views.open');
    return reply.params.view as Record<string, any>;
  }

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Acme <@U0ALICE|alice> long-term');
    // "Acme" begins its name: asked first (names never steal one-liners), then confirmed as another client.
    const widgets = await h.command(ALICE, '/client', 'add Acme Widgets <@U0BOB|bob>');
    await h.send.blockAction(ALICE, { action_id: 'client_confirm_look_alike', value: buttonsOf(widgets.reply.params).client_confirm_look_alike });
    await h.idle();
    await h.command(MALLORY, '/client', 'add Acme Secret');
    acmeId = (await findClientByName(h.db, { teamId: TEAM, name: 'Acme' })).id;
  });
  afterAll(() => h?.close());
  // A form's work after its ack (its confirmation) is queued: it is done before the next test looks for its own.
  afterEach(() => h.idle());

  describe('call modal', () => {
    it('opens with good and bad trait checkboxes, today’s date and the our-side checklist', async () => {
      const view = await openCallModal();
      const ids = view.blocks.map((b: any) => b.block_id);
      expect(ids).toEqual(['client', 'date', 'traits_good', 'traits_bad', 'notes', 'our_side', 'next_step', 'next_step_due']);
      // A next step is optional, due a week later unless another day is picked.
      expect(view.blocks[7].element.initial_date).toBe(new Date(Date.parse(`${today()}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10));
      expect(view.blocks[1].element.initial_date).toBe(today());
      expect(view.blocks[2].element.options).toHaveLength(5);
      expect(view.blocks[3].element.options).toHaveLength(8);
      expect(view.title.text.length).toBeLessThanOrEqual(24);
    });

    it('the client picker type-ahead offers this workspace’s clients only', async () => {
      const res = await h.send.options(ALICE, { action_id: 'client', block_id: 'client', value: 'acme' });
      expect(res.body.options.map((o: any) => o.text.text)).toEqual(['Acme', 'Acme Widgets']);
      const theirs = await h.send.options(MALLORY, { action_id: 'client', block_id: 'client', value: 'acme' });
      expect(theirs.body.options.map((o: any) => o.text.text)).toEqual(['Acme Secret']);
    });

    it('stores a submission once, even when Slack delivers it twice, and confirms in the channel', async () => {
      const view = await openCallModal();
      const values = {
        ...pick(acmeId),
        ...date(today()),
        ...checks('traits_good', ['positive_attitude']),
        ...checks('traits_bad', ['no_strategic_planning']),
        ...textInput('notes', 'QBR prep'),
        ...checks('our_side', ['clarity']),
        ...textInput('next_step', 'Send the QBR deck'),
        next_step_due: { next_step_due: { type: 'datepicker', selected_date: '2026-12-04' } },
      };
      const before = await rows('calls');
      const seq = h.api.lastSeq;
      const first = await h.send.viewSubmission(ALICE, view, values);
      const second = await h.send.viewSubmission(ALICE, view, values);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.body).toBeUndefined();
      expect(await rows('calls')).toBe(before + 1);
      const confirmation = await h.api.next('chat.postEphemeral', seq);
      expect(confirmation.params).toMatchObject({ channel: 'C0SALES', user: 'U0ALICE' });
      expect(textOf(confirmation.params)).toContain('No strategic planning');
      const [call] = await h.db.select().from(schema.calls).where(eq(schema.calls.notes, 'QBR prep'));
      expect(call!.ourSide).toEqual(['clarity']);
      // Its next step, set once for the client's owner.
      expect(await h.db.select().from(schema.nextSteps).where(eq(schema.nextSteps.what, 'Send the QBR deck'))).toMatchObject([
        { clientId: acmeId, assigneeUserId: 'U0ALICE', dueOn: '2026-12-04', source: 'call' },
      ]);
    });

    it('puts validation errors on the right field and stores nothing', async () => {
      const view = await openCallModal();
      const before = await rows('calls');
      const noClient = await h.send.viewSubmission(ALICE, view, { ...date(today()) });
      expect(noClient.body).toEqual({ response_action: 'errors', errors: { client: 'Pick a client from the list.' } });
      const future = await h.send.viewSubmission(ALICE, view, { ...pick(acmeId), ...date('2999-01-01') });
      expect(future.body.errors).toEqual({ date: 'The date cannot be in the future.' });
      // A next step due in the past is refused on its own field, and neither the call nor the step is stored.
      const pastStep = await h.send.viewSubmission(ALICE, view, {
        ...pick(acmeId),
        ...textInput('next_step', 'Çağrı İlknur’u ara'),
        next_step_due: { next_step_due: { type: 'datepicker', selected_date: '2020-01-01' } },
      });
      expect(pastStep.body.errors).toEqual({ next_step_due: 'A next step cannot be due in the past (2020-01-01).' });
      expect(await h.db.select().from(schema.nextSteps).where(eq(schema.nextSteps.what, 'Çağrı İlknur’u ara'))).toEqual([]);
      const unknownTrait = await h.send.viewSubmission(ALICE, view, { ...pick(acmeId), ...checks('traits_good', ['charm']) });
      expect(unknownTrait.body.errors).toEqual({ traits_good: 'Unknown trait: charm.' });
      // A client id of another workspace, pasted into the payload, is not found here.
      const secret = (await findClientByName(h.db, { teamId: 'T0OTHER', name: 'Acme Secret' })).id;
      const tampered = await h.send.viewSubmission(ALICE, view, { ...pick(secret) });
      expect(tampered.body.errors).toEqual({ client: 'That client no longer exists in this workspace.' });
      const garbage = await h.send.viewSubmission(ALICE, view, { client: { client: { type: 'external_select', selected_option: 42 } } } as never);
      expect(garbage.body.errors.client).toContain('could not be read');
      expect(await rows('calls')).toBe(before);
    });
  });

  describe('incident modal', () => {
    it('shows the fields of the chosen kind, and requires days late for a late payment', async () => {
      const { reply } = await h.command(ALICE, '/incident', '');
      const view = reply.params.view;
      expect(view.blocks.map((b: any) => b.block_id)).toEqual(['client', 'kind', 'date', 'description', 'next_step', 'next_step_due']);
      const seq = h.api.lastSeq;
      const opened = { ...view, id: 'V0INCIDENT', hash: 'h1', state: { values: { ...pick(acmeId) } } };
      await h.send.blockAction(
        ALICE,
        { action_id: 'kind', block_id: 'kind', type: 'static_select', selected_option: { value: 'slow_payment' } },
        { view: opened },
      );
      const update = await h.api.next('views.update', seq);
      const updated = update.params.view;
      expect(update.params.view_id).toBe('V0INCIDENT');
      expect(updated.blocks.map((b: any) => b.block_id)).toEqual([
        'client',
        'kind',
        'date',
        'days_late',
        'invoice_ref',
        'amount',
        'description',
        'next_step',
        'next_step_due',
      ]);
      expect(updated.blocks[0].element.initial_option).toMatchObject({ value: acmeId });

      const kind = { kind: { kind: { type: 'static_select', selected_option: { value: 'slow_payment' } } } };
      const before = await rows('incidents');
      const missing = await h.send.viewSubmission(ALICE, { ...updated, id: 'V0INCIDENT' }, { ...pick(acmeId), ...kind, ...date(today()) });
      expect(missing.body.errors).toEqual({ days_late: 'How many days late was the payment?' });
      expect(await rows('incidents')).toBe(before);
      const ok = await h.send.viewSubmission(
        ALICE,
        { ...updated, id: 'V0INCIDENT' },
        {
          ...pick(acmeId),
          ...kind,
          ...date(today()),
          ...textInput('days_late', '61', 'number_input'),
          ...textInput('invoice_ref', 'INV-1'),
          ...textInput('amount', '300.5', 'number_input'),
        },
      );
      expect(ok.body).toBeUndefined();
      const [incident] = await h.db.select().from(schema.incidents).where(eq(schema.incidents.clientId, acmeId));
      expect(incident!.details).toEqual({ kind: 'slow_payment', daysLate: 61, invoiceRef: 'INV-1', amount: 300.5 });
    });
  });

  describe('Undo and Edit', () => {
    it('Undo removes the call for its author and replaces the confirmation', async () => {
      const { reply } = await h.command(BOB, '/call', 'acme widgets +comms undo me');
      const callId = buttonsOf(reply.params).call_undo!;
      const seq = h.api.lastSeq;
      await h.send.blockAction(ALICE, { action_id: 'call_undo', value: callId });
      expect(textOf((await h.api.next('response_url', seq)).params)).toContain('Only <@U0BOB>, who logged this call, can change it.');
      const seq2 = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: 'call_undo', value: callId });
      const undone = await h.api.next('response_url', seq2);
      expect(undone.params).toMatchObject({ replace_original: true });
      expect(textOf(undone.params)).toContain('Call with *Acme Widgets* undone');
      expect(await h.db.select().from(schema.calls).where(eq(schema.calls.id, callId))).toEqual([]);
      const seq3 = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: 'call_undo', value: callId });
      expect(textOf((await h.api.next('response_url', seq3)).params)).toContain('no longer there');
      // Past the undo window the call stays, and its author is pointed to Edit; nothing is audited as undone.
      const older = buttonsOf((await h.command(BOB, '/call', 'acme widgets +comms logged a while ago')).reply.params).call_undo!;
      await h.db
        .update(schema.calls)
        .set({ loggedAt: new Date(h.now().getTime() - 11 * 60_000) })
        .where(eq(schema.calls.id, older));
      const seq4 = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: 'call_undo', value: older });
      expect(textOf((await h.api.next('response_url', seq4)).params)).toContain('Undo works for 10 minutes after logging; use Edit instead.');
      expect(await h.db.select().from(schema.calls).where(eq(schema.calls.id, older))).toHaveLength(1);
      const undos = await h.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'call.undo'));
      expect(undos.map((a) => a.details)).toEqual([{ callId }]);
    });

    it('Edit opens the modal filled in; its submission changes the call and replaces the confirmation in place', async () => {
      const { reply } = await h.command(BOB, '/call', 'acme widgets +comms -etiquette first notes');
      const callId = buttonsOf(reply.params).call_edit!;
      const seq = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: 'call_edit', value: callId });
      const opened = (await h.api.next('views.open', seq)).params.view;
      expect(opened.title.text).toBe('Edit call');
      expect(opened.blocks[2].element.initial_options.map((o: any) => o.value)).toEqual(['excellent_communication']);
      expect(opened.blocks[4].element.initial_value).toBe('first notes');
      const widgets = (await findClientByName(h.db, { teamId: TEAM, name: 'Acme Widgets' })).id;
      const seq2 = h.api.lastSeq;
      const res = await h.send.viewSubmission(
        BOB,
        { ...opened, id: 'V0EDIT' },
        {
          ...pick(widgets, 'Acme Widgets'),
          ...date(today()),
          ...checks('traits_bad', ['poor_etiquette', 'negative_attitude']),
          ...textInput('notes', 'second notes'),
        },
      );
      expect(res.body).toBeUndefined();
      const replaced = await h.api.next('response_url', seq2);
      expect(replaced.params.replace_original).toBe(true);
      expect(textOf(replaced.params)).toContain('Call with *Acme Widgets*');
      expect(textOf(replaced.params)).toContain('updated');
      expect(h.since(seq2).filter((c) => c.method === 'chat.postEphemeral' || c.method === 'chat.postMessage')).toEqual([]);
      const traits = await h.db
        .select({ trait: schema.traitObservations.trait })
        .from(schema.traitObservations)
        .where(eq(schema.traitObservations.callId, callId));
      expect(traits.map((t) => t.trait).sort()).toEqual(['negative_attitude', 'poor_etiquette']);
      const [call] = await h.db.select().from(schema.calls).where(eq(schema.calls.id, callId));
      expect(call!.notes).toBe('second notes');
    });

    it('incident Edit opens the modal with the kind’s fields filled in; Undo removes it', async () => {
      const { reply } = await h.command(BOB, '/incident', 'acme widgets dispute invoice=INV-3 amount=99 Contested the hours');
      const buttons = buttonsOf(reply.params);
      const seq = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: 'incident_edit', value: buttons.incident_edit! });
      const opened = (await h.api.next('views.open', seq)).params.view;
      expect(opened.blocks.map((b: any) => b.block_id)).toEqual(['client', 'kind', 'date', 'invoice_ref', 'amount_disputed', 'description']);
      expect(opened.blocks[3].element.initial_value).toBe('INV-3');
      expect(opened.blocks[4].element.initial_value).toBe('99');
      expect(opened.blocks[5].element.initial_value).toBe('Contested the hours');
      const seq2 = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: 'incident_undo', value: buttons.incident_undo! });
      expect(textOf((await h.api.next('response_url', seq2)).params)).toContain('Incident for *Acme Widgets* undone');
      expect(await h.db.select().from(schema.incidents).where(eq(schema.incidents.id, buttons.incident_undo!))).toEqual([]);
    });

    it('a button naming another workspace’s entry reads and changes nothing', async () => {
      const { reply } = await h.command(MALLORY, '/call', 'acme secret +comms');
      const theirs = buttonsOf(reply.params).call_undo!;
      const seq = h.api.lastSeq;
      await h.send.blockAction(ALICE, { action_id: 'call_undo', value: theirs });
      expect(textOf((await h.api.next('response_url', seq)).params)).toContain('no longer there');
      await h.send.blockAction(ALICE, { action_id: 'call_edit', value: theirs });
      expect(textOf((await h.api.next('response_url', seq + 1)).params)).toContain('no longer there');
      expect(await h.db.select().from(schema.calls).where(eq(schema.calls.id, theirs))).toHaveLength(1);
    });
  });

  describe('App Home', () => {
    it('publishes the user’s own clients by band, worst first', async () => {
      await h.command(ALICE, '/client', 'add Zenith <@U0ALICE|alice>');
      await h.command(ALICE, '/call', 'zenith -attitude -comms -planning');
      const seq = h.api.lastSeq;
      const res = await h.send.event(TEAM, { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' });
      expect(res.status).toBe(200);
      const publish = await h.api.next('views.publish', seq);
      expect(publish.params.user_id).toBe('U0ALICE');
      const text = textOf({ blocks: publish.params.view.blocks });
      expect(text).toContain('Your clients');
      expect(text.indexOf('Zenith')).toBeLessThan(text.indexOf('*Acme*'));
      expect(text).not.toContain('Acme Widgets'); // Bob's
      expect(text).not.toContain('Acme Secret'); // other workspace
    });

    it('its buttons open the logging modals', async () => {
      const seq = h.api.lastSeq;
      await h.send.blockAction(ALICE, { action_id: 'home_log_incident', value: 'home' }, { view: { id: 'VHOME', type: 'home' } });
      expect((await h.api.next('views.open', seq)).params.view.callback_id).toBe('incident_modal');
    });
  });
});
