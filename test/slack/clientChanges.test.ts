/**
 * Client records through the real receiver: a new name never steals a colleague's one-liners, leading words that
 * begin several names ask which, a change to someone else's client is heard by its owner (with Undo) and is in
 * History, an exit from `/client set` is confirmed like every other, a renewal long past is refused, and the form's
 * client list is ranked for the reader. The app's day is Monday 2026-11-23 (TEST_EPOCH).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, MALLORY, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';
import type { SlackActor } from '../../src/local/slackRequests.js';

const WAIT = 10_000;

describe.each(TEST_DRIVERS)('client records on %s', (driver) => {
  let h: Harness;
  const say = async (actor: SlackActor, command: string, text: string) => (await h.command(actor, command, text)).reply.params;
  const rows = async (table: 'calls' | 'incidents' | 'clients') => (await h.db.select({ n: count() }).from(schema[table]))[0]!.n;
  const dmsTo = (userId: string, seq: number) =>
    h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === `D${userId.replace(/^U/, '')}`);
  const nextDm = (userId: string, seq: number) =>
    h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === `D${userId.replace(/^U/, '')}`, WAIT);
  /** Clicks a button, and returns what replaced or answered it. */
  const click = async (actor: SlackActor, action_id: string, value: string | undefined, channelId?: string) => {
    const seq = h.api.lastSeq;
    await h.send.blockAction(actor, { action_id, ...(value === undefined ? {} : { value }) }, channelId ? { channelId } : {});
    return (await h.api.next('response_url', seq, WAIT)).params;
  };

  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h?.close());

  it('a new name that begins, or is begun by, an existing one is asked about first, and one-liners keep going to the client they meant', async () => {
    await say(ALICE, '/client', 'add Northwind Traders vip');
    const clients = await rows('clients');
    const shorter = await say(BOB, '/client', 'add Northwind');
    expect(textOf(shorter)).toContain('“Northwind” and the existing client “Northwind Traders” begin with the same words');
    expect(buttonsOf(shorter).client_confirm_look_alike).toBeDefined();
    expect(textOf(await say(BOB, '/client', 'add Northwind Traders Ltd'))).toContain(
      '“Northwind Traders Ltd” and the existing client “Northwind Traders” begin with the same words',
    );
    expect(await rows('clients')).toBe(clients);
    expect(textOf(await say(BOB, '/call', 'northwind +comms Weekly sync'))).toContain('Call with *Northwind Traders*');

    await say(BOB, '/client', 'add Southwind Co');
    const rename = await say(BOB, '/client', 'set Southwind Co name Northwind');
    expect(textOf(rename)).toContain('“Northwind” and the existing client “Northwind Traders” begin with the same words');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'southwind co' })).name).toBe('Southwind Co');
  });

  it('leading words that begin two names ask which, and nothing is logged', async () => {
    await say(ALICE, '/client', 'add Delta Labs Oy');
    await say(ALICE, '/client', 'add Delta Labs Inc');
    const [calls, incidents] = [await rows('calls'), await rows('incidents')];
    const which = '“delta labs” could be more than one client: “Delta Labs Inc” or “Delta Labs Oy”. Nothing was done: type more of the name.';
    expect(textOf(await say(BOB, '/call', 'delta labs +comms Weekly sync'))).toContain(which);
    expect(textOf(await say(BOB, '/incident', 'delta labs late 10'))).toContain(which);
    expect([await rows('calls'), await rows('incidents')]).toEqual([calls, incidents]);
    expect(textOf(await say(BOB, '/call', 'delta labs oy +comms'))).toContain('Call with *Delta Labs Oy*');
  });

  it('an unknown client is named as typed, without the words that follow it', async () => {
    const answer = textOf(await say(BOB, '/incident', 'Nonexistent Co lie Said the export was sent'));
    expect(answer).toContain('No client called “Nonexistent Co”');
    expect(answer).not.toContain('Co lie');
    // A day after the name is the one-liner's date, not part of the name.
    expect(textOf(await say(BOB, '/call', 'Nonexistent Co yesterday +comms Sent the deck'))).toContain('No client called “Nonexistent Co”');
    expect(textOf(await say(BOB, '/call', 'Nonexistent Co 28.11.2026 +comms'))).toContain('No client called “Nonexistent Co”');
  });

  it('a colleague’s change to a client’s value reaches its owner in one DM with Undo; Undo restores it once, and History shows both', async () => {
    await say(ALICE, '/client', 'add Vip Value Co vip 15000');
    const vip = await findClientByName(h.db, { teamId: TEAM, name: 'vip value co' });
    const seq = h.api.lastSeq;
    expect(textOf(await say(BOB, '/client', 'set Vip Value Co value 1'))).toContain('*Vip Value Co*: value is now 1/month');
    const dm = await nextDm('U0ALICE', seq);
    expect(textOf(dm.params)).toContain('✏️ <@U0BOB> changed your client *Vip Value Co*: monthly value 15,000/month → 1/month.');
    await h.idle();
    expect(dmsTo('U0ALICE', seq)).toHaveLength(1);
    const undo = buttonsOf(dm.params).client_undo_correction;
    expect(undo).toBeDefined();

    const undone = await click(ALICE, 'client_undo_correction', undo, 'D0ALICE');
    expect(undone.replace_original).toBe(true);
    expect(textOf(undone)).toContain('Undone: the monthly value of *Vip Value Co* is 15,000/month again.');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'vip value co' })).monthlyValue).toBe(15000);
    expect(textOf((await nextDm('U0BOB', seq)).params)).toContain('<@U0ALICE> undid your change to *Vip Value Co*');
    // A second click (or Slack's retry) changes nothing more.
    expect(textOf(await click(ALICE, 'client_undo_correction', undo, 'D0ALICE'))).toContain('Undone already');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'vip value co' })).monthlyValue).toBe(15000);

    const history = textOf(await click(ALICE, 'digest_history', vip.id));
    expect(history).toContain('monthly value 15,000/month → 1/month by <@U0BOB>');
    expect(history).toContain('monthly value 1/month → 15,000/month by <@U0ALICE>');
  });

  it('a relationship set where none was known reads “not known → long-term”, never naming the relationship twice', async () => {
    await say(ALICE, '/client', 'add Unsure Rel Co');
    const seq = h.api.lastSeq;
    await say(BOB, '/client', 'set Unsure Rel Co relationship long-term');
    expect(textOf((await nextDm('U0ALICE', seq)).params)).toContain('changed your client *Unsure Rel Co*: relationship not known → long-term.');
  });

  it('the owner’s own change tells nobody; Undo leaves alone a value changed again since', async () => {
    await say(ALICE, '/client', 'add Twice Changed Co 500');
    let seq = h.api.lastSeq;
    await say(ALICE, '/client', 'set Twice Changed Co value 600');
    await h.idle();
    expect(dmsTo('U0ALICE', seq)).toHaveLength(0);

    seq = h.api.lastSeq;
    await say(BOB, '/client', 'set Twice Changed Co value 2');
    const first = buttonsOf((await nextDm('U0ALICE', seq)).params).client_undo_correction;
    seq = h.api.lastSeq;
    await say(BOB, '/client', 'set Twice Changed Co value 3');
    await nextDm('U0ALICE', seq);
    const refused = await click(ALICE, 'client_undo_correction', first, 'D0ALICE');
    expect(textOf(refused)).toContain('Not undone: the monthly value of *Twice Changed Co* has changed again since, and is now 3/month.');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'twice changed co' })).monthlyValue).toBe(3);
  });

  it('a colleague’s rename and renewal are heard too, and a member may not undo someone else’s client', async () => {
    await say(ALICE, '/client', 'add Renamed Here Co');
    const seq = h.api.lastSeq;
    await say(BOB, '/client', 'set Renamed Here Co name Renamed There Co');
    const dm = await nextDm('U0ALICE', seq);
    expect(textOf(dm.params)).toContain('changed your client *Renamed There Co*: name Renamed Here Co → Renamed There Co.');
    expect(textOf(await click(BOB, 'client_undo_correction', buttonsOf(dm.params).client_undo_correction))).toContain(
      'only its owner <@U0ALICE> or a workspace admin',
    );
    expect(textOf(await click(ALICE, 'client_undo_correction', buttonsOf(dm.params).client_undo_correction, 'D0ALICE'))).toContain(
      'Undone: the name of *Renamed Here Co* is Renamed Here Co again.',
    );
    const later = h.api.lastSeq;
    await say(BOB, '/client', 'set Renamed Here Co renews 2027-03-01');
    expect(textOf((await nextDm('U0ALICE', later)).params)).toContain('changed your client *Renamed Here Co*: renewal date not known →');
  });

  it('a renewal more than a year back is refused; one that lapsed lately is recorded', async () => {
    await say(ALICE, '/client', 'add Renewing Co');
    expect(textOf(await say(ALICE, '/client', 'set Renewing Co renews 2024-11-01'))).toContain('A renewal on 2024-11-01 is more than a year ago.');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'renewing co' })).renewsOn).toBeNull();
    expect(textOf(await say(ALICE, '/client', 'set Renewing Co renews 2026-10-01'))).toContain('*Renewing Co*: renews is now');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'renewing co' })).renewsOn).toBe('2026-10-01');
  });

  it('`/client set … status exited` opens the exit form, and the client leaves only once it is confirmed', async () => {
    await say(ALICE, '/client', 'add Leaving Soon Co');
    const opened = await h.command(ALICE, '/client', 'set Leaving Soon Co status exited');
    expect(opened.reply.method).toBe('views.open');
    const view = opened.reply.params.view;
    expect(view.callback_id).toBe('decision_modal');
    expect(textOf(view)).toContain('its status becomes *exited*');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'leaving soon co' })).status).toBe('active');
    const seq = h.api.lastSeq;
    await h.send.viewSubmission(ALICE, view, {});
    await h.api.waitFor((c) => c.seq > seq && /Exit started/.test(textOf(c.params)), WAIT);
    const [left] = await h.db.select({ status: schema.clients.status }).from(schema.clients).where(eq(schema.clients.nameKey, 'leaving soon co'));
    expect(left!.status).toBe('exited');
  });

  it('the form’s client list: the most relevant first, then alphabetically; with nothing typed, the most recently active first', async () => {
    // Another workspace: its own clients, whatever the other tests add.
    for (const name of ['Acme Zeta', 'Acmeworks', 'Acme Alpha Long Name', 'Beta Acme', 'Zulu']) await say(MALLORY, '/client', `add ${name}`);
    await say(MALLORY, '/call', 'Acme Zeta +comms Weekly sync');
    const offered = async (typed: string) =>
      (await h.send.options(MALLORY, { action_id: 'client', block_id: 'client', value: typed })).body.options.map((o: any) => o.text.text);
    expect(await offered('acme')).toEqual(['Acme Alpha Long Name', 'Acme Zeta', 'Acmeworks', 'Beta Acme']);
    const all = await offered('');
    expect(all[0]).toBe('Acme Zeta');
    expect([...all].sort()).toEqual(['Acme Alpha Long Name', 'Acme Zeta', 'Acmeworks', 'Beta Acme', 'Zulu']);
  });
});
