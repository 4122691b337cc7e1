/**
 * Promises kept when logging and deciding (issue 28), through the receiver: a client on prepay only is named as
 * such to everyone who logs for it; a call cannot observe a trait and its opposite; a typed or picked day is that
 * calendar day in the workspace's zone, from UTC−12 to UTC+14; and a decision DMs each person it concerns once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { localDate } from '../../src/domain/calendar.js';
import { TEST_DRIVERS } from '../support/database.js';
import { speaking } from '../support/languages.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const TIMEOUT = 60_000;

describe.each(TEST_DRIVERS)('promises kept when logging and deciding, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  const rows = async (table: 'calls' | 'traitObservations') => (await h.db.select({ n: count() }).from(schema[table]))[0]!.n;
  const pick = (id: string) => ({ client: { client: { type: 'external_select', selected_option: { value: id } } } });
  const date = (day: string) => ({ date: { date: { type: 'datepicker', selected_date: day } } });
  const checks = (blockId: string, values: string[]) => ({
    [blockId]: { [blockId]: { type: 'checkboxes', selected_options: values.map((value) => ({ value })) } },
  });
  const clientId = async (name: string) => (await findClientByName(h.db, { teamId: TEAM, name })).id;
  const inZone = (timeZone: string) => say(ADMIN, '/rapport', `settings timezone ${timeZone}`);

  let forms = 0;
  /** Submits the call form for `actor` and returns the ack and the confirmation that followed it. */
  async function submitCallForm(actor: typeof ALICE, values: Record<string, Record<string, unknown>>) {
    const { reply } = await h.command(actor, '/call', '');
    const seq = h.api.lastSeq;
    // Each form is its own view (its id keys the entry: the same id again is Slack delivering it twice).
    const res = await h.send.viewSubmission(actor, { ...reply.params.view, id: `V0CALL${++forms}` }, values);
    if (res.body) return { res, confirmation: undefined };
    const confirmation = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postEphemeral' && c.params.user === actor.userId, 10_000);
    await h.idle();
    return { res, confirmation: textOf(confirmation.params) };
  }

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Kiwi Co <@U0ALICE|alice>');
    await say(ALICE, '/client', 'add Paid First <@U0ALICE|alice>');
    await say(ALICE, '/client', 'add Sour Co <@U0BOB|bob>');
  }, TIMEOUT);
  afterAll(() => h?.close());

  describe('prepay only', () => {
    it(
      'once an admin requires prepayment, every call and incident logged for the client reminds its logger, in their language',
      async () => {
        await speaking(h, { U0BOB: 'tr' });
        await inZone('UTC');
        const id = await clientId('Paid First');
        const seq = h.api.lastSeq;
        await h.send.blockAction(
          ADMIN,
          { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `require_prepayment:${id}` } },
          { channelId: 'D0ADMIN' },
        );
        const modal = (await h.api.next('views.open', seq)).params.view;
        expect(textOf({ blocks: modal.blocks })).toContain('everyone who logs a call or incident for it is reminded');
        await h.send.viewSubmission(ADMIN, { ...modal, id: 'V0PREPAY' }, {});
        await h.idle();
        expect((await findClientByName(h.db, { teamId: TEAM, name: 'Paid First' })).status).toBe('prepay_only');

        const reminder = '💰 *Paid First* is on *prepay only*: work with them only on *full prepayment*.';
        expect(await say(ALICE, '/call', 'paid first +communication Agreed the next phase')).toContain(reminder);
        expect(await say(ALICE, '/incident', 'paid first late 12')).toContain(reminder);
        const { confirmation } = await submitCallForm(ALICE, { ...pick(id), ...checks('traits_good', ['positive_attitude']) });
        expect(confirmation).toContain(reminder);
        // Bob reads Turkish: the same reminder, in his words.
        expect(await say(BOB, '/call', 'paid first +iletişim')).toContain('💰 *Paid First* *yalnızca ön ödemeli* çalışıyor');
        const { confirmation: his } = await submitCallForm(BOB, { ...pick(id) });
        expect(his).toContain('*yalnızca ön ödemeli* çalışıyor');
        await speaking(h);
        // A client on ordinary terms is not reminded of anything.
        expect(await say(ALICE, '/call', 'kiwi co +communication')).not.toContain('💰');
      },
      TIMEOUT,
    );
  });

  describe('contradictory traits', () => {
    it(
      'a call cannot observe a trait and its opposite: refused naming both, by the command and by the form, storing nothing',
      async () => {
        await speaking(h);
        const before = { calls: await rows('calls'), observations: await rows('traitObservations') };
        const refused = await say(ALICE, '/call', 'Kiwi Co -communication +communication Talked past each other');
        expect(refused).toContain('Excellent communication and Terrible communication contradict each other, so nothing was saved');
        expect(await say(ALICE, '/call', 'Kiwi Co +info -reporting')).toContain('Shares information and No data sharing or reporting contradict each other');
        const { res } = await submitCallForm(ALICE, {
          ...pick(await clientId('Kiwi Co')),
          ...checks('traits_good', ['excellent_communication', 'positive_attitude']),
          ...checks('traits_bad', ['terrible_communication']),
        });
        expect(res.body).toMatchObject({
          response_action: 'errors',
          errors: { traits_good: expect.stringContaining('Excellent communication and Terrible communication contradict each other') },
        });
        expect({ calls: await rows('calls'), observations: await rows('traitObservations') }).toEqual(before);
        // Different dimensions are no contradiction.
        expect(await say(ALICE, '/call', 'Kiwi Co +communication -reporting')).toContain('Call with *Kiwi Co*');
      },
      TIMEOUT,
    );
  });

  describe('dates in every zone', () => {
    // The harness's clock: Monday 2026-11-23 10:00 UTC, so 22:00 on the 22nd at UTC−12, 23:00 on the 23rd at
    // UTC+13 and midnight starting the 24th at UTC+14.
    it.each([
      ['UTC−12', 'Etc/GMT+12'],
      ['UTC+13', 'Pacific/Auckland'],
      ['UTC+14', 'Pacific/Kiritimati'],
    ])(
      'at %s a typed or picked 20 November is logged, stored and shown as 20 November',
      async (_offset, timeZone) => {
        await speaking(h);
        await inZone(timeZone);
        const typed = await say(ALICE, '/call', 'Kiwi Co 2026-11-20 +communication Dated by hand');
        expect(typed).toContain('on Fri, 20 Nov 2026 logged');
        const { confirmation } = await submitCallForm(ALICE, {
          ...pick(await clientId('Kiwi Co')),
          ...date('2026-11-20'),
          ...checks('traits_good', ['shares_opinions']),
        });
        expect(confirmation).toContain('on Fri, 20 Nov 2026 logged');
        const incident = await say(ALICE, '/incident', 'Kiwi Co 20.11.2026 late 30');
        expect(incident).toContain('on Fri, 20 Nov 2026 logged');
        const kiwi = await clientId('Kiwi Co');
        const latest = await h.db.select().from(schema.calls).where(eq(schema.calls.clientId, kiwi)).orderBy(desc(schema.calls.loggedAt)).limit(2);
        expect(latest.map((c) => localDate(c.occurredAt, timeZone))).toEqual(['2026-11-20', '2026-11-20']);
        const [late] = await h.db.select().from(schema.incidents).where(eq(schema.incidents.clientId, kiwi));
        expect(localDate(late!.occurredAt, timeZone)).toBe('2026-11-20');
        await h.db.delete(schema.incidents).where(eq(schema.incidents.clientId, kiwi));
        await inZone('UTC');
      },
      TIMEOUT,
    );
  });

  describe('one DM per decision per person', () => {
    it(
      'an admin’s prepay decision DMs the owner once, even when the admin’s own answer fails and the work is tried again',
      async () => {
        await speaking(h);
        const id = await clientId('Sour Co');
        const seq = h.api.lastSeq;
        await h.send.blockAction(
          ADMIN,
          { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `require_prepayment:${id}` } },
          { channelId: 'D0ADMIN' },
        );
        const modal = (await h.api.next('views.open', seq)).params.view;
        // The admin is answered by DM (the form was opened in one); Slack fails that answer once, so the work is tried again.
        h.api.failNext('chat.postMessage', 'internal_error', 'D0ADMIN');
        h.api.failNext('chat.postMessage', 'internal_error', 'D0ADMIN');
        const submitted = h.api.lastSeq;
        await h.send.viewSubmission(ADMIN, { ...modal, id: 'V0SOURPREPAY' }, {});
        const answered = await h.api.waitFor(
          (c) =>
            c.seq > submitted && c.method === 'chat.postMessage' && c.params.channel === 'D0ADMIN' && textOf(c.params).includes('Full prepayment required'),
          20_000,
        );
        await h.api.waitFor((c) => c.seq > answered.seq && c.method === 'chat.postMessage' && c.params.channel === 'D0BOB', 20_000);
        await h.idle();
        const toOwner = h.since(submitted).filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0BOB');
        expect(toOwner.map((c) => c.params.text)).toEqual(['<@U0ADMIN> changed your client *Sour Co*: decision: require full prepayment.']);
        // The admin, who decided, is told nothing about it but the answer to their form.
        expect(
          h.since(submitted).filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0ADMIN' && c.params.text.includes('changed')),
        ).toEqual([]);
      },
      TIMEOUT,
    );
  });
});
