import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { getWorkspace } from '../../src/db/queries/workspaces.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, MALLORY, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('slash commands on %s', (driver) => {
  let h: Harness;
  const rows = async (table: 'calls' | 'incidents' | 'clients' | 'traitObservations' | 'warnings') => {
    const [r] = await h.db.select({ n: count() }).from(schema[table]);
    return r!.n;
  };
  /** Runs a command and returns the text of the ephemeral reply. */
  const say = async (actor: typeof ALICE, command: string, text: string) => {
    const { reply } = await h.command(actor, command, text);
    expect(reply.method === 'ack' || reply.params.response_type === 'ephemeral').toBe(true);
    return textOf(reply.params);
  };

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Acme Corp vip long-term <@U0ALICE|alice> 12k');
    await say(ALICE, '/client', 'add Globex problem <@U0BOB|bob>');
    await say(ALICE, '/client', 'add "Legal Eagles" regular');
  });
  afterAll(() => h?.close());

  describe('/client', () => {
    it('adds a client with category, relationship, owner and value', async () => {
      const acme = await findClientByName(h.db, { teamId: TEAM, name: 'ACME corp' });
      expect(acme).toMatchObject({ category: 'vip', relationship: 'long_term', ownerUserId: 'U0ALICE', monthlyValue: 12000 });
    });

    it('refuses a duplicate name in any case and an owner that is not a mention', async () => {
      expect(await say(BOB, '/client', 'add acme corp')).toContain('already a client called “Acme Corp”');
      const before = await rows('clients');
      expect(await say(BOB, '/client', 'add acme corp')).toContain('already a client called “Acme Corp”');
      expect(await say(BOB, '/client', 'add Initech @dana')).toContain('Mention the owner');
      expect(await rows('clients')).toBe(before);
    });

    it('shows a client with health, trend, signals and history', async () => {
      const text = await say(BOB, '/client', 'show acme corp');
      expect(text).toContain('Acme Corp');
      expect(text).toContain('8-week trend');
      expect(text).toContain('VIP / critical');
      expect(text).toMatch(/No firing criteria met|Gone quiet/);
      expect(text).toContain('Stay in touch* every 14 days, as with every VIP / critical client.');
    });

    it('says "did you mean" for a near miss and never picks a client silently', async () => {
      expect(await say(BOB, '/client', 'show acm')).toContain('No client called “acm”. Did you mean “Acme Corp”?');
      expect(await say(BOB, '/client', 'show Glbex')).toContain('Did you mean “Globex”?');
    });

    it('lists by category and by band', async () => {
      const vip = await say(BOB, '/client', 'list vip');
      expect(vip).toContain('Acme Corp');
      expect(vip).not.toContain('Globex');
      expect(await say(BOB, '/client', 'list purple')).toContain('`purple` is not something I can list by');
    });

    it('sets fields, keeping the category history', async () => {
      await say(ALICE, '/client', 'add Settable Co regular');
      expect(await say(ALICE, '/client', 'set Settable Co category employee')).toContain('category is now Employee');
      expect(await say(ALICE, '/client', 'set Settable Co owner <@U0BOB|bob>')).toContain('owner is now <@U0BOB>');
      expect(await say(ALICE, '/client', 'set Settable Co value lots')).toContain('not a monthly value');
      expect(await say(ALICE, '/client', 'set Settable Co colour red')).toContain('Say which field');
      // The renewal day (the digest names clients in trouble renewing soon), shown with the client.
      expect(await say(ALICE, '/client', 'set Settable Co renews 2027-03-31')).toContain('renews is now Wed, 31 Mar 2027');
      expect(await say(ALICE, '/client', 'set Settable Co renews soon')).toContain('not a renewal day');
      expect(await say(BOB, '/client', 'show settable co')).toContain('*Renews*\nWed, 31 Mar 2027');
      const settable = await findClientByName(h.db, { teamId: TEAM, name: 'Settable Co' });
      const changes = await h.db.select().from(schema.clientCategoryChanges).where(eq(schema.clientCategoryChanges.clientId, settable.id));
      expect(changes).toMatchObject([{ fromCategory: 'regular', toCategory: 'employee', changedBy: 'U0ALICE' }]);
    });

    it('answers help privately, in the person’s language (English here)', async () => {
      expect(await say(BOB, '/client', 'help')).toContain('/client add <name>');
    });
  });

  describe('/call', () => {
    it('logs a call in one line and confirms what was stored, the new health, Undo and Edit', async () => {
      await say(ALICE, '/client', 'add Oneline Co vip');
      const { reply } = await h.command(ALICE, '/call', 'oneline co +communication -reporting Weekly sync, still no usage data');
      const text = textOf(reply.params);
      expect(text).toContain('Call with *Oneline Co*');
      expect(text).toContain('Excellent communication');
      expect(text).toContain('No data sharing or reporting');
      expect(text).toContain('Weekly sync, still no usage data');
      expect(text).toMatch(/Health now: \*50\*/);
      expect(Object.keys(buttonsOf(reply.params))).toEqual(['call_undo', 'call_edit']);
      const [call] = await h.db.select().from(schema.calls).where(eq(schema.calls.notes, 'Weekly sync, still no usage data'));
      expect(call).toMatchObject({ teamId: TEAM, loggedBy: 'U0ALICE' });
    });

    it('shows the health before and after the call it confirms', async () => {
      // One good and one bad observation (50). A bad one today: 100 × 2 / 5 = 40.
      await say(ALICE, '/client', 'add Before After Co');
      await say(ALICE, '/call', 'before after co +communication -reporting');
      expect(await say(ALICE, '/call', 'before after co -attitude')).toMatch(
        /Health now: \*40\* 🟡 watch \(50 after the previous call on [^:]+: −10 from this call\)/,
      );
    });

    it('accepts quoted names and names containing command words', async () => {
      expect(await say(BOB, '/call', '"Legal Eagles" +positive')).toContain('Call with *Legal Eagles*');
    });

    it('reminds of the prepayment rule for a problem client', async () => {
      expect(await say(BOB, '/call', 'globex -attitude')).toContain('full prepayment');
    });

    it('a retried delivery (same trigger id, signed anew) stores the call once and confirms it once', async () => {
      const before = await rows('calls');
      const body = h.send.commandBody(ALICE, '/call', 'globex +comms retry me', { triggerId: 'trigger-retry-1', responseId: 'R-retry-1' });
      const now = Math.floor(Date.now() / 1000);
      const first = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now });
      const retry = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now + 1, headers: { 'x-slack-retry-num': '1' } });
      expect([first.status, retry.status]).toEqual([200, 200]);
      expect(retry.body).toBeUndefined();
      const confirmed = await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'R-retry-1');
      expect(textOf(confirmed.params)).toContain('logged');
      // Every request worked: a second confirmation, had there been one, is in by now.
      await h.idle();
      expect(h.api.calls.filter((c) => c.method === 'response_url' && c.responseUrlId === 'R-retry-1')).toHaveLength(1);
      expect(await rows('calls')).toBe(before + 1);
    });

    it.each([
      ['unknown client', 'acm +communication', 'Did you mean “Acme Corp”?'],
      ['unknown trait', 'globex +charm', "I don't know the trait `+charm`"],
      ['a good-only trait used as bad', 'globex -positive', "I don't know the trait `-positive`"],
      ['emoji name', '🦄🦄 +comms', 'No client called “🦄🦄”'],
      ['quotes', '"Acme +comms', 'No client called'],
      ['SQL-looking text', "x'; drop table calls;-- +comms", 'No client called'],
      ['10 kB of notes', `globex +comms ${'x'.repeat(10_000)}`, 'at most 3000'],
    ])('%s gets a clear ephemeral answer and stores nothing', async (_what, text, answer) => {
      const before = { calls: await rows('calls'), obs: await rows('traitObservations') };
      expect(await say(BOB, '/call', text)).toContain(answer);
      expect({ calls: await rows('calls'), obs: await rows('traitObservations') }).toEqual(before);
    });

    it('with no arguments opens the modal; with only a name, the modal for that client', async () => {
      const empty = await h.command(ALICE, '/call', '');
      expect(empty.reply.method).toBe('views.open');
      expect(empty.reply.params.view.callback_id).toBe('call_modal');
      const named = await h.command(ALICE, '/call', 'Acme Corp');
      expect(named.reply.params.view.blocks[0].element.initial_option.text.text).toBe('Acme Corp');
    });

    it('help lists the traits with their aliases', async () => {
      const help = await say(BOB, '/call', 'help');
      expect(help).toContain('`-reporting`');
      expect(help).toContain('`+communication` Excellent communication');
    });
  });

  describe('/incident', () => {
    it('logs a late payment with its fields', async () => {
      const text = await say(BOB, '/incident', 'globex late 45 days invoice=INV-7 amount=1,200 Paid after three reminders');
      expect(text).toContain('Late payment (45 days late, invoice INV-7, amount 1,200)');
      expect(text).toContain('full prepayment');
      const [incident] = await h.db.select().from(schema.incidents).where(eq(schema.incidents.description, 'Paid after three reminders'));
      expect(incident).toMatchObject({
        kind: 'slow_payment',
        description: 'Paid after three reminders',
        details: { kind: 'slow_payment', daysLate: 45, invoiceRef: 'INV-7', amount: 1200 },
      });
    });

    it('asks for the days late, and for a known kind, storing nothing', async () => {
      const before = await rows('incidents');
      expect(await say(BOB, '/incident', 'globex late')).toContain('How many days late?');
      expect(await say(BOB, '/incident', 'globex grumpy')).toContain('`grumpy` is not an incident kind');
      expect(await rows('incidents')).toBe(before);
    });

    it('a red flag DMs the client’s owner at once', async () => {
      await say(ALICE, '/client', 'add Red Flag Co');
      const seq = h.api.lastSeq;
      const text = await say(BOB, '/incident', 'red flag co lie Claimed the data was sent');
      expect(text).toContain('3. Lying');
      const open = await h.api.next('conversations.open', seq);
      expect(open.params.users).toBe('U0ALICE');
      const dm = await h.api.next('chat.postMessage', seq);
      expect(dm.params.channel).toBe('D0ALICE');
      expect(textOf(dm.params)).toContain('Red Flag Co* now meets a red-flag firing criterion (logged by <@U0BOB>)');
    });

    it('mental abuse counts only after the client was told: the button records the warning', async () => {
      await say(ALICE, '/client', 'add Shouting Co');
      const warnings = await rows('warnings');
      const first = await h.command(BOB, '/incident', 'shouting co abuse Shouted at the team');
      const buttons = buttonsOf(first.reply.params);
      expect(textOf(first.reply.params)).not.toContain('2. Mental abuse');
      expect(buttons.incident_client_was_told).toBeTruthy();
      const seq = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: 'incident_client_was_told', value: buttons.incident_client_was_told! });
      const told = await h.api.next('response_url', seq);
      expect(textOf(told.params)).toContain('told *Shouting Co*');
      expect(await rows('warnings')).toBe(warnings + 1);

      const seq2 = h.api.lastSeq;
      const again = await h.command(BOB, '/incident', 'shouting co abuse Again');
      expect(textOf(again.reply.params)).toContain('2. Mental abuse after being told it is unacceptable');
      const dm = await h.api.next('chat.postMessage', seq2);
      expect(textOf(dm.params)).toContain('Mental abuse after being told');
    });
  });

  describe('/rapport', () => {
    beforeEach(async () => {
      await h.db
        .update(schema.workspaces)
        .set({ timeZone: 'UTC', digestDay: 1, digestTime: '09:00', digestChannelId: 'C0DIGEST', settings: {} })
        .where(eq(schema.workspaces.teamId, TEAM));
    });

    it('shows settings to anyone, and lets only admins change them', async () => {
      expect(await say(BOB, '/rapport', 'settings')).toContain('Monday 09:00 (UTC)');
      expect(await say(BOB, '/rapport', 'settings timezone Europe/Istanbul')).toContain('Only workspace admins');
      expect(await say(ADMIN, '/rapport', 'settings timezone Mars/Olympus')).toContain('not a time zone');
      expect(await say(ADMIN, '/rapport', 'settings timezone Europe/Istanbul')).toContain('(Europe/Istanbul)');
      expect(await say(ADMIN, '/rapport', 'settings channel <#C0DIGEST|digest>')).toContain('<#C0DIGEST>');
      expect(await say(ADMIN, '/rapport', 'settings cadence regular 21')).toContain('Stay in touch: Regular 21 d');
      expect(await say(ADMIN, '/rapport', 'settings threshold health.halfLifeDays -3')).toContain('halfLifeDays');
      expect(await getWorkspace(h.db, TEAM)).toMatchObject({
        timeZone: 'Europe/Istanbul',
        digestChannelId: 'C0DIGEST',
        settings: { thresholds: { cadenceDays: { regular: 21 } } },
      });
    });

    it('answers unknown settings and digest words with the usage line, changing nothing', async () => {
      expect(await say(ADMIN, '/rapport', 'settings day blursday')).toContain('`blursday` is not a day of the week.\nUsage: `/rapport settings');
      expect(await say(ADMIN, '/rapport', 'settings colour red')).toContain("I can't change `colour`.");
      expect(await say(ADMIN, '/rapport', 'settings channel general')).toContain('Mention the channel with #');
      expect(await say(BOB, '/rapport', 'digest frobnicate')).toContain(
        "I don't know `/rapport digest frobnicate`.\nUsage: `/rapport digest preview | /rapport digest now [--force]`",
      );
      expect(await getWorkspace(h.db, TEAM)).toMatchObject({ digestDay: 1, digestChannelId: 'C0DIGEST' });
    });

    it('help names every command', async () => {
      expect(await say(BOB, '/rapport', 'help')).toContain('/call help');
    });
  });

  describe('workspaces are isolated', () => {
    it('another workspace sees none of these clients', async () => {
      expect(await say(MALLORY, '/client', 'show Acme Corp')).toContain('No client called “Acme Corp”');
      expect(await say(MALLORY, '/client', 'list')).toContain('no clients');
      expect(await say(MALLORY, '/call', 'Acme Corp +comms')).toContain('No client called');
    });
  });
});
