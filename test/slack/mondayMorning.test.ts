/** What an account manager acting on the digest every Monday relies on (issue 17), through the real receiver. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { localDate } from '../../src/domain/calendar.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const DAY = 86_400_000;

describe.each(TEST_DRIVERS)('one-line logging, lists and the Home tab on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  const latestCall = async (name: string) => {
    const client = await findClientByName(h.db, { teamId: TEAM, name });
    const rows = await h.db.select().from(schema.calls).where(eq(schema.calls.clientId, client.id));
    return rows.sort((a, b) => b.loggedAt.getTime() - a.loggedAt.getTime())[0]!;
  };

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Stark Industries vip long-term');
    await say(ALICE, '/client', 'add Wayne Enterprises');
    await say(BOB, '/client', 'add Bob Co');
  });
  afterAll(() => h?.close());

  it('`/call stark industries yesterday +info Sent the report` stores yesterday, the trait, and the notes alone', async () => {
    const answer = await say(ALICE, '/call', 'stark industries yesterday +info Sent the report');
    expect(answer).toContain('👍 Shares information');
    const call = await latestCall('Stark Industries');
    expect(call.notes).toBe('Sent the report');
    expect(localDate(call.occurredAt, 'UTC')).toBe(localDate(new Date(h.now().getTime() - DAY), 'UTC'));
  });

  it('weekday names and ISO dates date the call; a future date or one years back is refused', async () => {
    const iso = localDate(new Date(h.now().getTime() - 3 * DAY), 'UTC');
    await say(ALICE, '/call', `stark ${iso} -comms Tense`);
    expect(localDate((await latestCall('Stark Industries')).occurredAt, 'UTC')).toBe(iso);
    await say(ALICE, '/call', 'stark last monday +comms');
    const lastMonday = (await latestCall('Stark Industries')).occurredAt;
    expect(lastMonday.getUTCDay()).toBe(1);
    expect(h.now().getTime() - lastMonday.getTime()).toBeGreaterThan(6 * DAY);
    expect(await say(ALICE, '/call', `stark ${localDate(new Date(h.now().getTime() + 3 * DAY), 'UTC')} +comms`)).toContain('The date cannot be in the future.');
    expect(await say(ALICE, '/call', 'stark 1900-01-01 +comms')).toContain('at most 5 years back');
  });

  it('±words after the notes began are reported as read into the notes', async () => {
    const answer = await say(ALICE, '/call', 'stark Sent the report +info -comms');
    expect(answer).toContain('`+info`, `-comms` were read as notes');
    expect((await latestCall('Stark Industries')).notes).toBe('Sent the report +info -comms');
  });

  it('/client list mine, @owner, exited and prepay; /client find finds exited clients too', async () => {
    // An exit is confirmed in its form.
    await h.send.viewSubmission(ALICE, (await h.command(ALICE, '/client', 'set Wayne Enterprises status exited')).reply.params.view, {});
    await h.idle();
    await say(BOB, '/client', 'set Bob Co status prepay_only');
    const mine = await say(ALICE, '/client', 'list mine');
    expect(mine).toContain('Your clients');
    expect(mine).toContain('Stark Industries');
    expect(mine).not.toContain('Bob Co');
    expect(mine).not.toContain('Wayne'); // exited: off the books
    expect(await say(ALICE, '/client', 'list <@U0BOB|bob>')).toContain('Clients of <@U0BOB>');
    const exited = await say(ALICE, '/client', 'list exited');
    expect(exited).toContain('Wayne Enterprises');
    expect(exited).not.toContain('Stark');
    expect(await say(ALICE, '/client', 'list prepay')).toContain('Bob Co');
    const found = await say(BOB, '/client', 'find enterpr');
    expect(found).toContain('Wayne Enterprises');
    expect(found).toContain('_exited_');
  });

  it('a client meeting a red flag leads the Home tab whatever was decided about it', async () => {
    await say(ALICE, '/client', 'add Calm Co');
    await say(ALICE, '/call', 'calm co -comms -attitude -planning -etiquette');
    await say(ALICE, '/incident', 'stark physical Pushed a designer');
    await say(ALICE, '/client', 'set Stark Industries status prepay_only');
    const seq = h.api.lastSeq;
    await h.send.event(TEAM, { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' });
    const text = textOf({ blocks: (await h.api.next('views.publish', seq)).params.view.blocks });
    expect(text.indexOf('🚩 Meet a red-flag criterion')).toBeGreaterThan(-1);
    expect(text.indexOf('Stark Industries')).toBeLessThan(text.indexOf('Calm Co'));
    expect(text).toContain('_prepay only_');
  });
});
