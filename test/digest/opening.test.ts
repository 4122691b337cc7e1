/**
 * The digest's opening through the receiver (issue 28): it counts the clients that still need a decision, and a
 * decision or a snooze given on the posted message counts again in place; an acknowledgement does not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { findClientByName } from '../../src/db/queries/clients.js';
import { createNextStep } from '../../src/db/queries/nextSteps.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import { TEST_DRIVERS } from '../support/database.js';
import { digestDueInAMinute } from '../support/digestDue.js';
import { ADMIN, ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const CHANNEL = 'C0OPENING';

describe.each(TEST_DRIVERS)('the digest’s opening, counted again as clients are answered, on %s', (driver) => {
  let h: Harness;
  let posted: Record<string, any>;
  const clientId = async (name: string) => (await findClientByName(h.db, { teamId: TEAM, name })).id;
  /** The opening of the digest's first message as Slack now shows it: the last update of it, or the post. */
  const openingNow = (since: number) => {
    const updates = h.since(since).filter((c) => c.method === 'chat.update' && c.params.ts === posted.ts);
    const blocks = (updates.at(-1)?.params ?? posted.params).blocks as any[];
    return blocks.find((b) => b.block_id?.startsWith('opening')).text.text as string;
  };
  const click = (action: Record<string, any>) =>
    h.send.blockAction(ALICE, { type: 'button', ...action } as never, { message: { ts: posted.ts, blocks: posted.params.blocks }, channelId: CHANNEL });

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Red Co <@U0ALICE|alice> 5k');
    await h.command(ALICE, '/client', 'add Sour Co <@U0ALICE|alice> 2k');
    await h.command(ALICE, '/client', 'add Other Co <@U0BOB|bob> 1k');
    await h.command(ALICE, '/incident', 'red co lie Said the report was sent');
    await h.command(ALICE, '/call', 'sour co -attitude -comms -planning Tense call');
    await h.command(ALICE, '/incident', 'other co lie Said it was paid');
    await digestDueInAMinute(h, CHANNEL);
    const seq = h.api.lastSeq;
    const runner = new DigestRunner({
      db: h.database.owner,
      owner: h.database.owner,
      webFor: async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl }),
      logger: silentLogger,
      now: () => new Date(h.now().getTime() + 120_000),
    });
    await runner.tick();
    const post = h.since(seq).find((c) => c.method === 'chat.postMessage' && c.params.channel === CHANNEL);
    expect(post).toBeDefined();
    posted = { ts: post!.response!.ts, params: post!.params };
  }, 60_000);
  afterAll(() => h?.close());

  it('opens with every client needing a decision and every owner with their count; then counts again as each is answered', async () => {
    const start = h.api.lastSeq;
    expect(openingNow(start)).toBe(
      '*3 clients need a decision* (🚩 2 with a red flag) · 8,000/month at risk\nBy owner: <@U0ALICE> 2: Red Co, Sour Co · <@U0BOB> 1: Other Co',
    );

    // Acknowledged: seen, not decided. The count stays.
    let seq = h.api.lastSeq;
    await click({ action_id: 'digest_acknowledge', value: await clientId('Red Co') });
    await h.api.next('chat.update', seq);
    await h.idle();
    expect(openingNow(start)).toContain('*3 clients need a decision*');

    // Kept with a reason: it leaves the count, its value leaves the revenue at risk, its name the owner line.
    seq = h.api.lastSeq;
    await click({ action_id: 'digest_decide', type: 'overflow', selected_option: { value: `keep:${await clientId('Red Co')}` } });
    const modal = (await h.api.next('views.open', seq)).params.view;
    const ok = await h.send.viewSubmission(
      ALICE,
      { ...modal, id: 'V0OPENKEEP' },
      { reason: { reason: { type: 'plain_text_input', value: 'Biggest account' } } },
    );
    expect(ok.body).toBeUndefined();
    await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.update' && JSON.stringify(c.params).includes('Kept by'));
    await h.idle();
    expect(openingNow(start)).toBe(
      '*2 clients need a decision* (🚩 1 with a red flag) · 3,000/month at risk\nBy owner: <@U0ALICE> 1: Sour Co · <@U0BOB> 1: Other Co',
    );

    // Snoozed: deferred, so no longer counted, but its revenue is still at risk.
    seq = h.api.lastSeq;
    await click({ action_id: 'digest_snooze', value: await clientId('Sour Co') });
    await h.api.next('chat.update', seq);
    await h.idle();
    expect(openingNow(start)).toBe('*1 client needs a decision* (🚩 1 with a red flag) · 3,000/month at risk\nBy owner: <@U0BOB> 1: Other Co');

    // An admin starts Other Co's exit: nothing is left to decide.
    seq = h.api.lastSeq;
    await h.send.blockAction(
      ADMIN,
      { type: 'overflow', action_id: 'digest_decide', selected_option: { value: `start_exit:${await clientId('Other Co')}` } } as never,
      {
        message: { ts: posted.ts, blocks: posted.params.blocks },
        channelId: CHANNEL,
      },
    );
    const exit = (await h.api.next('views.open', seq)).params.view;
    await h.send.viewSubmission(ADMIN, { ...exit, id: 'V0OPENEXIT' }, {});
    await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.update' && JSON.stringify(c.params).includes('Exit started'));
    await h.idle();
    expect(openingNow(start)).toBe('*No client needs a decision* · 2,000/month at risk');

    // The next digest counts the same way: Red Co is kept (its decision beside it), and the portfolio says so.
    const preview = textOf((await h.command(ALICE, '/rapport', 'digest preview')).reply.params);
    expect(preview).toContain('No client needs a decision');
    expect(preview).toContain('Kept by <@U0ALICE>');
    expect(preview).toContain('of which 5,000/month is kept by a decision');

    // Once the keep's review is overdue, the digest asks for a decision on Red Co again.
    const review = { clientId: await clientId('Red Co'), what: 'Review', assigneeUserId: 'U0ALICE', dueOn: '2026-11-20', source: 'decision' as const };
    await createNextStep(h.db, { teamId: TEAM, by: 'U0ALICE', input: review });
    const again = textOf((await h.command(ALICE, '/rapport', 'digest preview')).reply.params);
    expect(again).toContain('1 client needs a decision* (1 yours) (🚩 1 with a red flag) · 7,000/month at risk');
    expect(again).not.toContain('kept by a decision');
  }, 60_000);
});
