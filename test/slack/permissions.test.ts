/**
 * One rule for everything that changes a client's fate (owner, status, category, decisions, warnings): its owner
 * or an admin changes it; a member proposes, and the owner answers from a DM. Whoever the change concerns is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const SAM = { ...ALICE, userId: 'U0SAM' };

describe.each(TEST_DRIVERS)('who may change a client’s fate, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  const client = (name: string) => findClientByName(h.db, { teamId: TEAM, name });
  /** The DMs `user` got since `seq`, once the requests worked: those concerned are told after the reply. */
  const dmsTo = async (user: string, seq: number) => {
    await h.idle();
    return h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === `D${user.slice(1)}`);
  };

  let n = 0;
  /** A client of Alice's of its own for each test (tests stand alone and run in any order). */
  const initech = async () => {
    // Words, not numbers: a trailing number of `/client add` is the monthly value.
    const name = `Initech ${['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliett', 'Kilo', 'Lima'][n++]}`;
    await say(ALICE, '/client', `add ${name} regular`);
    return name;
  };

  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h?.close());

  it.each([
    ['owner', 'owner <@U0SAM|sam>', { ownerUserId: 'U0ALICE' }, 'owner → <@U0SAM>'],
    // An exit opens the exit form instead (clientChanges.test.ts).
    ['status', 'status prepay_only', { status: 'active' }, 'status → prepay only'],
    ['category', 'category problem', { category: 'regular' }, 'category → Problem (full prepayment only)'],
  ])('a member’s /client set %s is a proposal to the owner; nothing changes until approved', async (_field, words, unchanged, change) => {
    const name = await initech();
    await h.idle(); // a DM an earlier test sent after its reply is not this test's
    const seq = h.api.lastSeq;
    const answer = await say(SAM, '/client', `set ${name} ${words}`);
    expect(answer).toContain(`I have asked <@U0ALICE> to approve your proposal for *${name}*: ${change}`);
    expect(await client(name)).toMatchObject(unchanged);
    const [ask] = await dmsTo('U0ALICE', seq);
    expect(textOf(ask!.params)).toContain(`<@U0SAM> proposes for *${name}*: ${change}`);
    const proposals = (await h.db.select({ n: count() }).from(schema.proposals).where(eq(schema.proposals.status, 'open')))[0]!.n;
    expect(proposals).toBeGreaterThan(0);
  });

  it('the owner approves a proposal from the DM: the change is made as theirs, the proposer and the new owner are told', async () => {
    const name = await initech();
    const seq = h.api.lastSeq;
    await say(SAM, '/client', `set ${name} owner <@U0BOB|bob>`);
    const ask = (await dmsTo('U0ALICE', seq)).at(-1)!;
    const proposalId = ask.params.blocks.find((b: any) => b.type === 'actions').elements[0].value;
    const seq2 = h.api.lastSeq;
    await h.send.blockAction(ALICE, { action_id: 'proposal_approve', value: proposalId }, { channelId: 'D0ALICE' });
    const answered = await h.api.next('response_url', seq2);
    expect(answered.params.replace_original).toBe(true);
    expect(textOf(answered.params)).toContain(`You approved <@U0SAM>’s proposal for *${name}*: owner → <@U0BOB>`);
    expect((await client(name)).ownerUserId).toBe('U0BOB');
    await h.api.waitFor((c) => c.seq > seq2 && c.params.channel === 'D0BOB');
    expect(textOf((await dmsTo('U0SAM', seq2))[0]!.params)).toContain('<@U0ALICE> approved your proposal');
    expect(textOf((await dmsTo('U0BOB', seq2))[0]!.params)).toContain(`<@U0ALICE> made you the owner of *${name}*`);
    // Answered once: a second click is told who answered.
    const seq3 = h.api.lastSeq;
    await h.send.blockAction(ALICE, { action_id: 'proposal_decline', value: proposalId }, { channelId: 'D0ALICE' });
    expect(textOf((await h.api.next('response_url', seq3)).params)).toContain('<@U0ALICE> already approved this proposal');
  });

  it('an admin reassigns at once, and the previous owner is told by DM', async () => {
    const name = await initech();
    const seq = h.api.lastSeq;
    expect(await say(ADMIN, '/client', `set ${name} owner <@U0BOB|bob>`)).toContain('owner is now <@U0BOB>');
    await h.api.waitFor((c) => c.seq > seq && c.params.channel === 'D0ALICE');
    expect(textOf((await dmsTo('U0ALICE', seq))[0]!.params)).toContain(`<@U0ADMIN> reassigned *${name}* from you to <@U0BOB>`);
  });

  it('the owner changes status and category at once; nobody else is messaged', async () => {
    const name = await initech();
    const seq = h.api.lastSeq;
    expect(await say(ALICE, '/client', `set ${name} category vip`)).toContain('category is now VIP / critical');
    expect(await say(ALICE, '/client', `set ${name} status prepay_only`)).toContain('status is now prepay only');
    expect(h.since(seq).filter((c) => c.method === 'conversations.open')).toEqual([]);
    // An admin changing the owner's client tells the owner.
    const seq2 = h.api.lastSeq;
    await say(ADMIN, '/client', `set ${name} status active`);
    await h.api.waitFor((c) => c.seq > seq2 && c.params.channel === 'D0ALICE');
    expect(textOf((await dmsTo('U0ALICE', seq2))[0]!.params)).toContain(`<@U0ADMIN> changed your client *${name}*: status → active`);
  });

  it('name, relationship and value stay anyone’s to correct', async () => {
    const name = await initech();
    expect(await say(SAM, '/client', `set ${name} value 2400`)).toContain('value is now 2,400/month');
    expect(await say(SAM, '/client', `set ${name} relationship long-term`)).toContain('relationship is now long-term');
  });

  it('a client nobody owns can be taken on by anyone; other changes to it wait for an admin', async () => {
    await say(ADMIN, '/client', 'add Orphan Ltd').catch(() => '');
    await say(ADMIN, '/client', 'set Orphan Ltd owner none');
    expect(await say(SAM, '/client', 'set Orphan Ltd status exited')).toContain('*Orphan Ltd* has no owner, so only a workspace admin can change this');
    expect(await say(SAM, '/client', 'set Orphan Ltd owner <@U0SAM|sam>')).toContain('owner is now <@U0SAM>');
  });

  it('Acknowledge and Snooze on the digest are the owner’s or an admin’s, and say so by name', async () => {
    const name = await initech();
    const id = (await client(name)).id;
    const decisions = (await h.db.select({ n: count() }).from(schema.decisions))[0]!.n;
    for (const action of ['digest_acknowledge', 'digest_snooze']) {
      const seq = h.api.lastSeq;
      await h.send.blockAction(BOB, { action_id: action, value: id });
      const word = action === 'digest_acknowledge' ? 'acknowledge' : 'snooze';
      expect(textOf((await h.api.next('response_url', seq)).params)).toContain(`only its owner <@U0ALICE> or a workspace admin can ${word} *${name}*`);
    }
    expect((await h.db.select({ n: count() }).from(schema.decisions))[0]!.n).toBe(decisions);
  });
});
