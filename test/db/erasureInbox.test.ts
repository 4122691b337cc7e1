/**
 * Erasing a client empties the body of each request in its workspace's inbox that named it (db/queries/erasure.ts):
 * by its name however typed, by its id or a record's anywhere in the payload, or by having written one of its
 * rows; never a request being worked, one that only begins like its name, another client's, or another
 * workspace's. Run as the app runs it, under row-level security.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { logCall } from '../../src/db/queries/activity.js';
import { createClient } from '../../src/db/queries/clients.js';
import { eraseClient } from '../../src/db/queries/erasure.js';
import { slackRequests, type RequestState } from '../../src/db/schema/index.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { digestPageWithout } from '../../src/slack/blocks/digest.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const TEAM = 'T0ERASE';
const OTHER_TEAM = 'T0ELSEWHERE';

describe.each(TEST_DRIVERS)('erasing a client empties the inbox requests that named it, on %s', (driver) => {
  let handle: DatabaseHandle;
  let seq = 0;
  /** A request in the inbox, as stored (a waiting one is due later: put back after its database went away). */
  const stored = async (teamId: string, state: RequestState, body: Record<string, unknown>, requestKey = `cmd:t${++seq}`) => {
    const [row] = await handle.owner
      .insert(slackRequests)
      .values({ teamId, requestKey, entry: 'command /call', body, receivedAt: new Date(), state, dueAt: sql`now() + interval '1 hour'` })
      .returning({ id: slackRequests.id });
    return row!.id;
  };
  const bodyOf = async (id: number) => (await handle.owner.select({ body: slackRequests.body }).from(slackRequests).where(eq(slackRequests.id, id)))[0]!.body;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
  });
  afterAll(() => handle?.close());

  it('empties every request that named it, however, and nothing else', async () => {
    const leak = await createClient(handle.owner, TEAM, 'U0ALICE', { name: 'Leak İş Co' });
    await createClient(handle.owner, TEAM, 'U0ALICE', { name: 'Steady Ltd' });
    await createClient(handle.owner, OTHER_TEAM, 'U0MALLORY', { name: 'Leak İş Co' });
    const by = { actor: 'U0ALICE', requestKey: 'cmd:first-word-only' };
    const call = await logCall(handle.owner, TEAM, by, DEFAULT_CATALOGUE, {
      clientId: leak.id,
      occurredAt: new Date(),
      notes: 'Chased the unpaid invoice again',
    });
    const named = {
      typed: await stored(TEAM, 'done', { command: '/call', text: 'LEAK İŞ CO +communication Said the invoice was paid' }),
      inFormMetadata: await stored(TEAM, 'waiting', { view: { private_metadata: JSON.stringify({ clientId: leak.id, name: leak.name }) } }),
      byRecordId: await stored(TEAM, 'failed', { actions: [{ action_id: 'undo', value: `call:${call.entry.id}` }] }),
      byWhatItWrote: await stored(TEAM, 'done', { command: '/call', text: 'leak -reporting Chased the unpaid invoice again' }, by.requestKey),
      inAMessage: await stored(TEAM, 'done', { message: { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Leak İş Co* · VIP' } }] } }),
    };
    const kept = {
      beingWorked: await stored(TEAM, 'working', { command: '/call', text: 'leak iş co +communication' }),
      longerWord: await stored(TEAM, 'done', { command: '/call', text: 'leak iş company' }),
      anotherClient: await stored(TEAM, 'done', { command: '/call', text: 'steady ltd +communication' }),
      anotherWorkspace: await stored(OTHER_TEAM, 'done', { command: '/call', text: 'leak iş co +communication' }),
    };
    const keptBodies = await Promise.all(Object.values(kept).map(bodyOf));

    const erasure = await inWorkspace(TEAM, () => eraseClient(handle.db, TEAM, 'U0ALICE', leak.id, digestPageWithout));
    expect(await Promise.all(Object.values(named).map(bodyOf))).toEqual(Object.values(named).map(() => ({})));
    expect(await Promise.all(Object.values(kept).map(bodyOf))).toEqual(keptBodies);
    expect(erasure.rewritten).toEqual({ digest_messages: 0, slack_requests: Object.keys(named).length });
  });
});
