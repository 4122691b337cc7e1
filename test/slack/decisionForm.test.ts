/**
 * The decision form answers Slack at once and tells whoever the decision concerns afterwards, once: a slow Slack
 * never delays the form's answer, and the owner of a client an admin decided about gets one DM, not one per run
 * of the submission (a form is checked before its ack and worked again after it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClientByName } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('the decision form, on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h?.close());

  it('an admin’s decision is acknowledged before its DMs, and the owner is told once', async () => {
    await h.command(ALICE, '/client', 'add Sour Co <@U0BOB|bob>');
    const sour = await findClientByName(h.db, { teamId: TEAM, name: 'sour co' });
    const arrived = new Map<number, number>();
    h.api.onCall((c) => arrived.set(c.seq, performance.now()));
    const opened = h.api.lastSeq;
    // Decided from a DM (a personal digest or an escalation): no digest message to update.
    await h.send.blockAction(
      ADMIN,
      { action_id: 'digest_decide', type: 'overflow', selected_option: { value: `require_prepayment:${sour.id}` } },
      { channelId: 'D0ADMIN' },
    );
    const modal = (await h.api.next('views.open', opened)).response!.view;

    const seq = h.api.lastSeq;
    h.api.slowNext('conversations.open', 3_000);
    const res = await h.send.viewSubmission(ADMIN, modal, {});
    const acked = performance.now();
    expect(res.status).toBe(200);
    expect(res.body).toBeUndefined();
    const toOwner = await h.api.waitFor((c) => c.seq > seq && c.method === 'conversations.open' && c.params.users === 'U0BOB', 10_000);
    // Had the DM gone before the ack, the ack would have waited for Slack's slow answer (or given it up, at 2 s).
    // After the ack, it may still reach Slack a moment before the test reads the ack (a worker starts at once):
    // the margin leaves a busy machine room, short of the 2 s that would mean it went first.
    expect(acked - arrived.get(toOwner.seq)!).toBeLessThan(1_500);
    await h.api.waitFor((c) => c.seq > toOwner.seq && c.method === 'chat.postMessage' && c.params.channel === 'D0BOB', 10_000);
    await h.idle();
    expect(h.since(seq).filter((c) => c.method === 'conversations.open' && c.params.users === 'U0BOB')).toHaveLength(1);
    const dms = h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0BOB');
    expect(dms.map((c) => textOf(c.params))).toEqual([expect.stringContaining('<@U0ADMIN> changed your client *Sour Co*')]);
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'sour co' })).status).toBe('prepay_only');
  });
});
