/**
 * The rough edges a careful user hit (issue 13), one test each, named after what the user now sees. Through the
 * real receiver; the digest-week and calendar-day ones live beside their subjects (digest.test, turnedBad.test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { getWorkspace } from '../../src/db/queries/workspaces.js';
import { createLogger } from '../../src/log.js';
import { slackSignature } from '../../src/local/slackRequests.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const CAROL = { ...ALICE, userId: 'U0CAROL' };

describe.each(TEST_DRIVERS)('rough edges, fixed, on %s', (driver) => {
  let h: Harness;
  const logLines: string[] = [];
  const rows = async (table: 'calls' | 'incidents' | 'warnings' | 'snoozes' | 'clients' | 'slackRequests') =>
    (await h.db.select({ n: count() }).from(schema[table]))[0]!.n;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);

  beforeAll(async () => {
    h = await startHarness(driver, undefined, createLogger({ level: 'warn', format: 'json', write: (line) => logLines.push(line) }));
    await say(ALICE, '/client', 'add Stark Industries vip long-term');
    await say(ALICE, '/client', 'add Ownerless Co');
    await h.db.update(schema.clients).set({ ownerUserId: null }).where(eq(schema.clients.name, 'Ownerless Co'));
  });
  afterAll(() => h?.close());

  it('an unknown threshold name is refused with the valid names listed, and nothing is stored', async () => {
    const answer = await say(ADMIN, '/rapport', 'settings threshold cadenceDays.vips 21');
    expect(answer).toContain('`cadenceDays.vips` is not a threshold. Did you mean `cadenceDays.vip`?');
    expect(answer).toContain('`criteria.slow_payment.severeDaysLate`');
    expect(answer).not.toContain('Saved');
    expect((await getWorkspace(h.db, TEAM))?.settings).toEqual({});
  });

  it('a mental-abuse incident with no warning is confirmed as mental abuse, not as the criterion it may later meet', async () => {
    const answer = await say(ALICE, '/incident', 'stark industries abuse Shouted at Dana');
    expect(answer).toContain(': 🚩 Mental abuse.');
    expect(answer).not.toContain('after being told it is unacceptable.');
  });

  it('only the person who logged the incident, the owner or an admin can record that the client was told', async () => {
    const logged = await h.command(BOB, '/incident', 'stark industries abuse Insulted the designer');
    const value = buttonsOf(logged.reply.params).incident_client_was_told!;
    const press = async (actor: typeof ALICE) => {
      const seq = h.api.lastSeq;
      await h.send.blockAction(actor, { action_id: 'incident_client_was_told', value });
      return textOf((await h.api.next('response_url', seq)).params);
    };
    expect(await press(CAROL)).toContain(
      'only <@U0BOB> (who logged the incident), its owner <@U0ALICE> or a workspace admin can record that they told *Stark Industries*',
    );
    expect(await rows('warnings')).toBe(0);
    expect(await press(BOB)).toContain('Recorded: <@U0BOB> told *Stark Industries*');
    expect(await rows('warnings')).toBe(1);
  });

  it('a red flag on a client with no owner tells the person who logged it that nobody was notified', async () => {
    const seq = h.api.lastSeq;
    const answer = await say(BOB, '/incident', 'ownerless co lie Said the invoice was paid');
    expect(answer).toContain('*Ownerless Co* has no owner: nobody was told. Name one with `/client set Ownerless Co owner @someone`');
    expect(h.since(seq).filter((c) => c.method === 'conversations.open')).toEqual([]);
  });

  it('a red flag logged by the owner is not DMed back to them, and the confirmation says so', async () => {
    const seq = h.api.lastSeq;
    expect(await say(ALICE, '/incident', 'stark lie Said the export was sent')).toContain('you own this client');
    expect(h.since(seq).filter((c) => c.method === 'conversations.open')).toEqual([]);
  });

  it('refusals are sentences about the input, never a validator’s words', async () => {
    const before = await rows('incidents');
    const answers = [
      await say(ALICE, '/incident', 'stark late days=0'),
      await say(ALICE, '/incident', `stark dispute invoice=${'X'.repeat(101)}`),
      await say(ADMIN, '/rapport', 'settings threshold cadenceDays.vip 0'),
      await say(ADMIN, '/rapport', 'settings threshold health.halfLifeDays 99999'),
    ];
    expect(answers[0]).toContain('Days late must be at least 1.');
    expect(answers[1]).toContain('The invoice reference can be at most 100 characters.');
    expect(answers[2]).toContain('`cadenceDays.vip` must be at least 1.');
    expect(answers[3]).toContain('`health.halfLifeDays` can be at most 3650.');
    for (const a of answers) expect(a).not.toMatch(/Too small|Too big|expected number|Invalid input/);
    expect(await rows('incidents')).toBe(before);
  });

  it('a call dated 1 Jan 1900 (or any day more than five years back) is refused on its date field', async () => {
    const { reply } = await h.command(ALICE, '/call', '');
    const stark = await findClientByName(h.db, { teamId: TEAM, name: 'Stark Industries' });
    const before = await rows('calls');
    const res = await h.send.viewSubmission(ALICE, reply.params.view, {
      client: { client: { type: 'external_select', selected_option: { value: stark.id, text: { type: 'plain_text', text: stark.name } } } },
      date: { date: { type: 'datepicker', selected_date: '1900-01-01' } },
    });
    expect(res.body).toMatchObject({ response_action: 'errors', errors: { date: expect.stringContaining('at most 5 years back') } });
    expect(await rows('calls')).toBe(before);
  });

  it('forged requests are not stored, and their warning is logged once a minute, not once each', async () => {
    const warningsBefore = logLines.filter((l) => l.includes('verification failed')).length;
    const now = Math.floor(Date.now() / 1000);
    const statuses = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const body = h.send.commandBody(ALICE, '/client', `add Forged ${i}`);
      statuses.add(
        (await h.send.send(body, 'application/x-www-form-urlencoded', { signature: slackSignature('wrong-secret', now, body), timestamp: now })).status,
      );
    }
    expect([...statuses]).toEqual([401]);
    expect(logLines.filter((l) => l.includes('verification failed')).length - warningsBefore).toBeLessThanOrEqual(1);
    const stored = await rows('slackRequests');
    await say(ALICE, '/client', 'show stark');
    expect(await rows('slackRequests')).toBe(stored + 1);
  });

  it('a second Snooze says the client is already snoozed until when, and stores nothing', async () => {
    const stark = await findClientByName(h.db, { teamId: TEAM, name: 'Stark Industries' });
    const press = () => h.send.blockAction(ALICE, { action_id: 'digest_snooze', value: stark.id });
    const first = h.api.lastSeq;
    await press();
    // Clicked outside a digest message, the snooze is confirmed where it was clicked.
    expect(textOf((await h.api.next('response_url', first)).params)).toMatch(/^Recorded\. 😴 Snoozed by <@U0ALICE>/);
    expect(await rows('snoozes')).toBe(1);
    const seq = h.api.lastSeq;
    await press();
    expect(textOf((await h.api.next('response_url', seq)).params)).toMatch(
      /\*Stark Industries\* is already snoozed by <@U0ALICE> until \w{3}, \d+ \w{3} \d{4}/,
    );
    expect(await rows('snoozes')).toBe(1);
  });

  it('/rapport with an unknown word says so before the help; /rapport digest alone asks which', async () => {
    expect(await say(ALICE, '/rapport', 'foo')).toContain("I don't know `/rapport foo`. Here is what I do:");
    const digest = await say(ALICE, '/rapport', 'digest');
    expect(digest).toContain('Say which: `preview` (just for you) or `now`');
    expect(digest).not.toContain('`/rapport digest `');
  });

  it('settings spell criterion 5 whole, and relationships read long-term', async () => {
    expect(await say(ALICE, '/rapport', 'settings')).toContain('Chronically slow payment (`slow_payment`): 3 in 180 d or one 60+ days late');
    const show = await say(ALICE, '/client', 'show stark');
    expect(show).toContain('long-term');
    expect(show).not.toContain('long_term');
  });

  it('a quoted name is stored without its outer quotes; * and _ in names cannot break the formatting', async () => {
    expect(await say(ALICE, '/client', 'add "Quoted "Inner" Co"')).toContain('*Quoted "Inner" Co* added');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'quoted "inner" co' })).name).toBe('Quoted "Inner" Co');
    const added = await say(ALICE, '/client', 'add *NSYNC_Fan_Club*');
    expect(added).toContain('*\u2217NSYNC\u02CDFan\u02CDClub\u2217* added');
    // The name as shown, copied back into a command, still finds the client.
    expect(await say(ALICE, '/call', '\u2217NSYNC\u02CDFan\u02CDClub\u2217 +comms')).toContain('Call with *\u2217NSYNC');
  });

  it('a second late payment of a long-term client says it now pays like a stepping-stone client', async () => {
    expect(await say(ALICE, '/incident', 'stark late 10')).not.toContain('stepping-stone');
    expect(await say(ALICE, '/incident', 'stark late 20')).toContain('*Stark Industries* now pays like a stepping-stone client: 2 late payments in 180 days');
  });
});
