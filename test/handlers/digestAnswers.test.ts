/**
 * The digest's answers as their workers run them, clicked where no digest message is to rewrite (a personal
 * digest, an escalation DM): a snooze, and a decision said in its form before it is done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName, getClient } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { startHandlerBench, type HandlerBench } from '../support/handlerBench.js';
import { ADMIN, ALICE, TEAM, textOf } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('answering the digest (handler) on %s', (driver) => {
  let bench: HandlerBench;
  beforeAll(async () => {
    bench = await startHandlerBench(driver);
  });
  afterAll(() => bench?.close());

  /** A client of Alice's, new to this test (tests run in any order). */
  const names = ['Umbrella', 'Cyberdyne', 'Tyrell'];
  const aliceClient = async () => {
    const name = names.shift()!; // a number after a name would be read as its monthly value
    await bench.run('command /client', ALICE, { text: `add ${name} <@U0ALICE|alice>` });
    return findClientByName(bench.db, { teamId: TEAM, name });
  };
  const click = (actor: typeof ALICE, action: Record<string, unknown>) =>
    bench.run(`action ${String(action.action_id)}`, actor, { actions: [{ type: 'button', ...action }] });

  it('Snooze holds the client back for the workspace’s snooze days, once: a second snooze says whose it is', async () => {
    const client = await aliceClient();
    const calls = await click(ALICE, { action_id: 'digest_snooze', value: client.id });
    const [snooze] = await bench.db.select().from(schema.snoozes).where(eq(schema.snoozes.clientId, client.id));
    expect(snooze).toMatchObject({ snoozedBy: 'U0ALICE', digestId: null });
    // 14 days (the default snoozeDays) from the click.
    expect(Math.round((snooze!.until.getTime() - snooze!.snoozedAt.getTime()) / 86_400_000)).toBe(14);
    expect(textOf(calls.find((c) => c.method === 'response_url')!.params)).toContain('Snoozed by <@U0ALICE>');
    await expect(click(ALICE, { action_id: 'digest_snooze', value: client.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('an admin’s exit is said in a form, then done: status exited, the decision stored, the owner told', async () => {
    const client = await aliceClient();
    const opened = await click(ADMIN, { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `start_exit:${client.id}` } });
    const modal = opened.find((c) => c.method === 'views.open')!.params.view;
    expect(textOf({ blocks: modal.blocks })).toContain('its status becomes *exited*');
    // Nothing is done by opening the form.
    expect((await getClient(bench.db, { teamId: TEAM, clientId: client.id }))?.status).toBe('active');

    const reason = { reason: { reason: { type: 'plain_text_input', value: 'No answer for months' } } };
    const submitted = await bench.run('view decision_modal', ADMIN, { view: { ...modal, id: 'V0HANDLEREXIT', state: { values: reason } } });
    expect(await getClient(bench.db, { teamId: TEAM, clientId: client.id })).toMatchObject({ status: 'exited', exitedAt: expect.any(Date) });
    const [decision] = await bench.db.select().from(schema.decisions).where(eq(schema.decisions.clientId, client.id));
    expect(decision).toMatchObject({ kind: 'start_exit', reason: 'No answer for months', decidedBy: 'U0ADMIN' });
    const toOwner = submitted.find((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0ALICE');
    expect(textOf(toOwner!.params)).toContain(`<@U0ADMIN> changed your client *${client.name}*: decision: start the exit`);
  });
});
