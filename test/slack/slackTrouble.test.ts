/**
 * When Slack is slow or says "not now": a request Slack rate-limits waits in the inbox for Slack's Retry-After,
 * holding no worker and using up none of its attempts, while other requests are worked; and a worker that lost
 * its lease on a request (it stalled, and another worker took it over) sends nothing to anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import * as schema from '../../src/db/schema/index.js';
import { claimRequests, storeRequest } from '../../src/db/queries/requests.js';
import { LocalSlackWebApi } from '../../src/local/slackWebApi.js';
import { silentLogger } from '../../src/log.js';
import { Metrics } from '../../src/metrics.js';
import { Handlers, onCommand, workRequest, type SlackDeps } from '../../src/slack/frame.js';
import { RequestWorkers } from '../../src/slack/workers.js';
import { PeopleDirectory } from '../../src/slack/people.js';
import { singleWorkspace } from '../../src/slack/installations.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';
import { ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import type { App } from '@slack/bolt';

describe.each(TEST_DRIVERS)('when Slack says not now, on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h?.close());

  it('a request Slack rate-limits waits for the Retry-After in the inbox, while others are answered; its attempts are not used up', async () => {
    const newcomer = { ...ALICE, userId: 'U0NEWCOMER' };
    h.api.users.set('U0NEWCOMER', { id: 'U0NEWCOMER', name: 'newcomer', teamId: TEAM });
    await h.command(ALICE, '/client', 'list'); // Alice is known: her requests ask Slack nothing more
    h.api.rateLimit('xoxb-test-token', 2, 'users.info');
    const seq = h.api.lastSeq;
    const sent = performance.now();
    const waiting = h.command(newcomer, '/client', 'list');
    await h.api.waitFor((c) => c.seq > seq && c.method === 'users.info' && c.response?.error === 'ratelimited');
    // It waits in the inbox, not in a worker.
    await expect
      .poll(async () => (await h.db.select().from(schema.slackRequests).where(eq(schema.slackRequests.teamId, TEAM))).filter((r) => r.state !== 'done'), {
        timeout: 5_000,
      })
      .toEqual([expect.objectContaining({ state: 'waiting', attempts: 0 })]);
    // Meanwhile another person's request is worked at once.
    expect(textOf((await h.command(ALICE, '/client', 'add Meanwhile Co')).reply.params)).toContain('Meanwhile Co');
    const { reply } = await waiting;
    expect(performance.now() - sent).toBeGreaterThanOrEqual(1_500); // it waited for Slack, not for nothing
    expect(textOf(reply.params)).not.toContain('Something went wrong');
    const inbox = await h.db.select().from(schema.slackRequests).where(eq(schema.slackRequests.teamId, TEAM));
    expect(inbox.filter((r) => r.state === 'done').every((r) => r.attempts === 1)).toBe(true);
  });
});

describe.each(TEST_DRIVERS)('a worker that lost its lease, on %s', (driver) => {
  let handle: DatabaseHandle;
  let api: LocalSlackWebApi;
  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    api = await new LocalSlackWebApi([{ id: 'U0ALICE', name: 'alice', teamId: TEAM }], TEAM).start();
  });
  afterAll(async () => {
    await handle?.close();
    await api?.stop();
  });

  function depsWith(handlers: Handlers): SlackDeps {
    return {
      db: handle.db,
      owner: handle.owner,
      logger: silentLogger,
      now: () => new Date(),
      people: new PeopleDirectory(),
      handlers,
      metrics: new Metrics(),
      installations: singleWorkspace('xoxb-test-token'),
      isResponseUrl: () => true,
      wakeWorkers: () => {},
      workersId: 'test',
    } as unknown as SlackDeps;
  }
  const app = { command: () => {} } as unknown as App;
  /** What was answered at one response URL (the tests share the Slack stand-in, in any order). */
  const answersTo = (id: string) => api.callsTo('response_url').flatMap((c) => (c.responseUrlId === id ? [c.params.text] : []));

  it('sends nothing once another worker has taken the request over: the confirmation goes once, from the new holder', async () => {
    const deps = depsWith(new Handlers());
    onCommand(app, deps, '/fenced', { run: (turn, text) => turn.reply({ text: `Done: ${text}` }) });
    const web = new WebClient('xoxb-test-token', { slackApiUrl: api.apiUrl });
    const body = { command: '/fenced', text: 'once', team_id: TEAM, user_id: 'U0ALICE', channel_id: 'C0SALES', response_url: api.responseUrl('R-fenced') };
    await storeRequest(handle.owner, {
      request: { teamId: TEAM, requestKey: 'cmd:fenced', signature: null, entry: 'command /fenced', body, receivedAt: new Date() },
    });
    const [stalled] = await claimRequests(handle.owner, { worker: 'stalled', leaseSeconds: 1, limit: 1 });
    await new Promise((r) => setTimeout(r, 1_100));
    const [taker] = await claimRequests(handle.owner, { worker: 'taker', leaseSeconds: 60, limit: 1 });
    expect(taker?.id).toBe(stalled!.id);

    expect(await workRequest(deps, web, stalled!)).toEqual({ outcome: 'lost' });
    expect(answersTo('R-fenced')).toEqual([]);
    expect(await workRequest(deps, web, taker!)).toEqual({ outcome: 'done' });
    expect(answersTo('R-fenced')).toEqual(['Done: once']);
  });

  it('answers once when Slack goes away after the answer: the request put back for later is not answered again when worked again', async () => {
    const deps = depsWith(new Handlers());
    let runs = 0;
    onCommand(app, deps, '/answered', {
      run: async (turn, text) => {
        runs++;
        await turn.reply({ text: `Answered: ${text}` });
        // What follows the answer fails the first time as a Slack outage does (the worker puts the request back).
        if (runs === 1) throw Object.assign(new Error('Slack went away'), { code: 'slack_webapi_request_error' });
      },
    });
    const web = new WebClient('xoxb-test-token', { slackApiUrl: api.apiUrl });
    const body = { command: '/answered', text: 'once', team_id: TEAM, user_id: 'U0ALICE', channel_id: 'C0SALES', response_url: api.responseUrl('R-answered') };
    await storeRequest(handle.owner, {
      request: { teamId: TEAM, requestKey: 'cmd:answered', signature: null, entry: 'command /answered', body, receivedAt: new Date() },
    });
    const workers = new RequestWorkers({
      id: 'answering',
      db: handle.owner,
      logger: silentLogger,
      concurrency: 1,
      leaseSeconds: 60,
      work: (request, lease) => workRequest(deps, web, request, lease),
    });
    await workers.start();
    try {
      const done = async () => (await handle.owner.select().from(schema.slackRequests).where(eq(schema.slackRequests.requestKey, 'cmd:answered')))[0]?.state;
      await expect.poll(done, { timeout: 20_000, interval: 100 }).toBe('done');
    } finally {
      await workers.stop(0);
    }
    expect(runs).toBe(2);
    expect(answersTo('R-answered')).toEqual(['Answered: once']);
  }, 30_000);
});
