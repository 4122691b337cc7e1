/**
 * The one frame every entry point goes through: when a use case fails unexpectedly, the person is still
 * answered (privately, where that kind of request allows) and the failure is logged once, with its context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { createLogger } from '../../src/log.js';
import { callModal } from '../../src/slack/blocks/modals.js';
import { ENGLISH } from '../../src/i18n/reader.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const UNEXPECTED = 'Something went wrong on our side, and nothing was stored.';

describe.each(TEST_DRIVERS)('failures at every entry point on %s', (driver) => {
  let h: Harness;
  const lines: string[] = [];
  const unexpectedLogged = () => lines.filter((l) => l.includes('unexpected error handling a Slack request'));

  beforeAll(async () => {
    h = await startHarness(driver, undefined, createLogger({ level: 'debug', format: 'json', write: (line) => lines.push(line) }));
    view = { ...callModal({ reader: ENGLISH, catalogue: DEFAULT_CATALOGUE, metadata: { channelId: ALICE.channelId }, today: '2026-11-23' }), id: 'V0FRAME' };
    // The tables every use case reads are gone: each request below fails in its use case, unexpectedly.
    await h.db.execute(sql`alter table clients rename to clients_gone`);
    await h.db.execute(sql`alter table workspaces rename to workspaces_gone`);
  });
  afterAll(async () => {
    await h.db.execute(sql`alter table clients_gone rename to clients`);
    await h.db.execute(sql`alter table workspaces_gone rename to workspaces`);
    await h?.close();
  });
  let view: Record<string, any>;

  /** Runs one request, and returns what the person was answered and how many unexpected-error lines it logged. */
  const failing = async (send: () => Promise<unknown>, answered: (seq: number) => Promise<string>) => {
    const logged = unexpectedLogged().length;
    const seq = h.api.lastSeq;
    await send();
    const answer = await answered(seq);
    await h.idle(); // the request's work is over: a second error line, had there been one, is logged by now
    return { answer, logged: unexpectedLogged().length - logged };
  };
  const onResponseUrl = async (seq: number) => textOf((await h.api.next('response_url', seq)).params);
  const byDm = async (seq: number) =>
    textOf((await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === 'D0ALICE')).params);

  it('a command', async () => {
    expect(await failing(() => h.send.command(ALICE, '/client', 'list'), onResponseUrl)).toEqual({ answer: expect.stringContaining(UNEXPECTED), logged: 1 });
  });

  it('a button', async () => {
    expect(
      await failing(() => h.send.blockAction(ALICE, { action_id: 'digest_history', value: '00000000-0000-4000-8000-000000000000' }), onResponseUrl),
    ).toEqual({ answer: expect.stringContaining(UNEXPECTED), logged: 1 });
  });

  it('a form submission: the answer is on the form', async () => {
    let body: any;
    const result = await failing(
      async () => (body = (await h.send.viewSubmission(ALICE, view, {})).body),
      async () => JSON.stringify(body),
    );
    expect(result.logged).toBe(1);
    expect(body).toMatchObject({ response_action: 'errors', errors: { client: expect.stringContaining(UNEXPECTED) } });
  });

  it('a shortcut: the answer comes by DM', async () => {
    expect(await failing(() => h.send.interaction(ALICE, { type: 'shortcut', callback_id: 'log_call', action_ts: '1.2' }), byDm)).toEqual({
      answer: expect.stringContaining(UNEXPECTED),
      logged: 1,
    });
  });

  it('an event: the answer comes by DM', async () => {
    expect(await failing(() => h.send.event(TEAM, { type: 'app_home_opened', user: 'U0ALICE', channel: 'D0ALICE', tab: 'home' }), byDm)).toEqual({
      answer: expect.stringContaining(UNEXPECTED),
      logged: 1,
    });
  });

  it('an options load: no options rather than an error, logged once', async () => {
    let body: any;
    const result = await failing(
      async () => (body = (await h.send.options(ALICE, { action_id: 'client', block_id: 'client', value: 'acme' })).body),
      async () => '',
    );
    expect(body).toEqual({ options: [] });
    expect(result.logged).toBe(1);
  });
});
