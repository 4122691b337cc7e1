/**
 * Staying in touch and observers who disagree, end to end: `/client show` says the cadence and who was last in
 * touch, when and how; `/client set … cadence` and `/rapport settings cadence` change it; two people logging
 * opposite traits for one client are told, with its owner, one DM each in their own language, once even when
 * Slack retries the request; one person changing their mind tells nobody.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { logCall } from '../../src/db/queries/activity.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { TEST_DRIVERS } from '../support/database.js';
import { speaking } from '../support/languages.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';
import type { SlackActor } from '../../src/local/slackRequests.js';

describe.each(TEST_DRIVERS)('stay in touch and observers who disagree, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: SlackActor, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  /** Every DM the app sent `user` since `seq` (conversations.open with them, then a post to that channel). */
  const dmsTo = (user: string, seq: number) => {
    const opened = new Set(h.since(seq).flatMap((c) => (c.method === 'conversations.open' && c.params.users === user ? [c.response?.channel?.id] : [])));
    return h.since(seq).filter((c) => c.method === 'chat.postMessage' && opened.has(c.params.channel));
  };
  const disputeDmsTo = (user: string, seq: number) => dmsTo(user, seq).filter((c) => /⚖️/.test(textOf(c.params)));
  const registeredDaysAgo = async (name: string, days: number) => {
    const client = await findClientByName(h.db, { teamId: TEAM, name });
    await h.db
      .update(schema.clients)
      .set({ createdAt: new Date(h.now().getTime() - days * 86_400_000) })
      .where(eq(schema.clients.id, client.id));
  };

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Dispute Co vip <@U0ADMIN|admin>');
    await say(ALICE, '/client', 'add Silent Co vip <@U0ALICE|alice>');
    await say(ALICE, '/client', 'add Own Co vip <@U0ALICE|alice>');
    await say(ALICE, '/client', 'add Shown Co vip <@U0ADMIN|admin>');
    await say(ALICE, '/client', 'add Mind Co <@U0ADMIN|admin>');
    await registeredDaysAgo('Silent Co', 20);
    await registeredDaysAgo('Own Co', 20);
    await say(ALICE, '/call', 'shown co +comms Good call');
    await say(BOB, '/call', 'shown co -comms Bad call');
  });
  afterAll(() => h?.close());
  beforeEach(() => speaking(h));

  it('a client never called is overdue from when it was added, at its category’s cadence (VIP: 14 days)', async () => {
    const shown = await say(ALICE, '/client', 'show silent co');
    expect(shown).toContain('Stay in touch* every 14 days, as with every VIP / critical client.');
    expect(shown).toContain('No contact logged yet: the days are counted from when the client was added.');
    expect(shown).toContain('Overdue for contact: no call for 20 days.');
    expect(shown).toContain('Past due* by 6 days.');
  });

  it('a client’s own cadence is set, shown and cleared; a logged call resets the count and names who and how', async () => {
    expect(await say(ALICE, '/client', 'set own co cadence 30')).toContain('stay in touch every 30 days');
    let shown = await say(ALICE, '/client', 'show own co');
    expect(shown).toContain('every 30 days, set for this client (VIP / critical clients: every 14 days)');
    expect(shown).toContain('Next contact due in 10 days.');
    expect(await say(ALICE, '/client', 'set own co cadence soon')).toContain('`soon` is not a number of days');
    expect(await say(ALICE, '/client', 'set own co cadence default')).toContain('as with every VIP / critical client, every 14 days');
    await say(BOB, '/call', 'own co +positive Caught up at last');
    shown = await say(ALICE, '/client', 'show own co');
    expect(shown).toContain('Last contact: a call logged by <@U0BOB>');
    expect(shown).toContain('Next contact due in 14 days.');
    expect(shown).not.toContain('Overdue for contact');
  });

  it('a Slack message logged as a call is the last contact, said so; a newer incident is named but does not reset the count', async () => {
    await say(ALICE, '/client', 'add Message Co vip <@U0ALICE|alice>');
    await registeredDaysAgo('Message Co', 30);
    const client = await findClientByName(h.db, { teamId: TEAM, name: 'Message Co' });
    // As "Log to Rapport" stores it: a call with the message's permalink as its evidence.
    await logCall(h.db, {
      teamId: TEAM,
      by: { actor: 'U0BOB', at: h.now() },
      catalogue: DEFAULT_CATALOGUE,
      input: {
        clientId: client.id,
        occurredAt: new Date(h.now().getTime() - 20 * 86_400_000),
        evidenceUrl: 'https://acme.slack.com/archives/C0SALES/p1700000000000100',
      },
    });
    await say(ALICE, '/incident', 'message co late days=10 Paid the October invoice late');
    const shown = await say(ALICE, '/client', 'show message co');
    expect(shown).toContain('Last contact: a Slack message logged as a call by <@U0BOB>');
    expect(shown).toContain('An incident logged by <@U0ALICE>');
    expect(shown).toContain('it leaves the cadence as it was');
    expect(shown).toContain('Past due* by 6 days.');
    // The digest's overdue entry says the same: how long, against which cadence, who was last in touch and how.
    const preview = await say(ALICE, '/rapport', 'digest preview');
    expect(preview).toMatch(/Message Co[\s\S]*🔕 No contact for 20 days, due every 14 days \(last a Slack message logged by <@U0BOB> on [^)]+\)/);
  });

  it('an admin sets a category’s cadence in /rapport settings', async () => {
    const answer = await say(ADMIN, '/rapport', 'settings cadence employee 45');
    expect(answer).toContain('Employee (special prices) 45 d');
    expect(await say(ADMIN, '/rapport', 'settings cadence nobody 45')).toContain('Say a category and a number of days');
    expect(await say(BOB, '/rapport', 'settings cadence vip 7')).toContain('Only workspace admins');
  });

  it('two people logging opposite traits: both and the owner are told once, each in their language, even when Slack retries', async () => {
    await speaking(h, { U0BOB: 'tr' });
    await say(ALICE, '/call', 'dispute co +comms Great weekly sync');
    const seq = h.api.lastSeq;
    // Bob's call, delivered twice (Slack's retry of the same request).
    const body = h.send.commandBody(BOB, '/call', 'dispute co -comms Tense call, nothing answered', {
      triggerId: 'trigger-dispute-1',
      responseId: 'R-dispute-1',
    });
    const now = Math.floor(Date.now() / 1000);
    const first = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now });
    const retry = await h.send.send(body, 'application/x-www-form-urlencoded', { timestamp: now + 1, headers: { 'x-slack-retry-num': '1' } });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === 'R-dispute-1');
    await h.idle();
    for (const user of ['U0ALICE', 'U0BOB', 'U0ADMIN']) expect(disputeDmsTo(user, seq), user).toHaveLength(1);
    const [toAlice] = disputeDmsTo('U0ALICE', seq);
    expect(textOf(toAlice!.params)).toContain('Two people see Dispute Co differently.* Never assume: compare notes');
    expect(textOf(toAlice!.params)).toContain('Communication: <@U0ALICE> saw Excellent communication');
    expect(textOf(disputeDmsTo('U0BOB', seq)[0]!.params)).toContain('İki kişi Dispute Co müşterisini farklı görüyor');
  });

  it('/client show names the dispute beside the score, and a call no one sees oppositely tells nobody', async () => {
    const shown = await say(ADMIN, '/client', 'show shown co');
    expect(shown).toContain('Observers disagree*');
    expect(shown).toMatch(/Communication: <@U0ALICE> saw Excellent communication on .+; <@U0BOB> saw Terrible communication on/);
    expect(shown).toContain('this dimension is disputed, not settled');
    const seq = h.api.lastSeq;
    await say(ALICE, '/call', 'shown co +attitude Fine today');
    for (const user of ['U0ALICE', 'U0BOB', 'U0ADMIN']) expect(disputeDmsTo(user, seq), user).toEqual([]);
  });

  it('one person changing their own mind is no disagreement: nobody is told', async () => {
    const seq = h.api.lastSeq;
    await say(ALICE, '/call', 'mind co +comms Good start');
    await say(ALICE, '/call', 'mind co -comms Went quiet on us');
    for (const user of ['U0ALICE', 'U0ADMIN']) expect(disputeDmsTo(user, seq), user).toEqual([]);
    expect(await say(ADMIN, '/client', 'show mind co')).not.toContain('Observers disagree');
  });
});
