/**
 * What erasing a client rewrites rather than deletes (db/queries/erasure.ts), run as the app runs it, under
 * row-level security: the body of each request in its workspace's inbox that named it (by its name however
 * typed, by its id or a record's anywhere in the payload, or by having written one of its rows; never a request
 * being worked, one that only begins like its name, another client's, or another workspace's), and each stored
 * digest page that shows it, in whatever part of the digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { logCall } from '../../src/db/queries/activity.js';
import { createClient } from '../../src/db/queries/clients.js';
import { claimDigestWeek, markDigestPosted } from '../../src/db/queries/digests.js';
import { eraseClient } from '../../src/db/queries/erasure.js';
import { digestMessages, slackRequests, type RequestState } from '../../src/db/schema/index.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { composeDigest, digestPageWithout } from '../../src/slack/blocks/digest.js';
import { aClient, aClientWeek, daysAgo, evidenceOfRows, incident, NOW, selectFromRows } from '../support/builders.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const TEAM = 'T0ERASE';
const OTHER_TEAM = 'T0ELSEWHERE';

describe.each(TEST_DRIVERS)('what erasing a client rewrites, on %s', (driver) => {
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

  it('empties every finished inbox request that named it, however, and nothing else', async () => {
    const leak = await createClient(handle.owner, { teamId: TEAM, by: 'U0ALICE', input: { name: 'Leak İş Co' } });
    await createClient(handle.owner, { teamId: TEAM, by: 'U0ALICE', input: { name: 'Steady Ltd' } });
    await createClient(handle.owner, { teamId: OTHER_TEAM, by: 'U0MALLORY', input: { name: 'Leak İş Co' } });
    const by = { actor: 'U0ALICE', requestKey: 'cmd:first-word-only' };
    const call = await logCall(handle.owner, {
      teamId: TEAM,
      by,
      catalogue: DEFAULT_CATALOGUE,
      input: {
        clientId: leak.id,
        occurredAt: new Date(),
        notes: 'Chased the unpaid invoice again',
      },
    });
    const named = {
      typed: await stored(TEAM, 'done', { command: '/call', text: 'LEAK İŞ CO +communication Said the invoice was paid' }),
      inFormMetadata: await stored(TEAM, 'done', { view: { private_metadata: JSON.stringify({ clientId: leak.id, name: leak.name }) } }),
      byRecordId: await stored(TEAM, 'failed', { actions: [{ action_id: 'undo', value: `call:${call.entry.id}` }] }),
      byWhatItWrote: await stored(TEAM, 'done', { command: '/call', text: 'leak -reporting Chased the unpaid invoice again' }, by.requestKey),
      inAMessage: await stored(TEAM, 'done', { message: { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Leak İş Co* · VIP' } }] } }),
    };
    const kept = {
      beingWorked: await stored(TEAM, 'working', { command: '/call', text: 'leak iş co +communication' }),
      // Someone's work still to do (it may be about another client named the same way at first): kept until worked.
      stillToWork: await stored(TEAM, 'waiting', { command: '/call', text: 'leak iş co holdings +communication' }),
      longerWord: await stored(TEAM, 'done', { command: '/call', text: 'leak iş company' }),
      anotherClient: await stored(TEAM, 'done', { command: '/call', text: 'steady ltd +communication' }),
      anotherWorkspace: await stored(OTHER_TEAM, 'done', { command: '/call', text: 'leak iş co +communication' }),
    };
    const keptBodies = await Promise.all(Object.values(kept).map(bodyOf));

    const erasure = await inWorkspace(TEAM, () => eraseClient(handle.db, { teamId: TEAM, by: 'U0ALICE', clientId: leak.id, pageWithout: digestPageWithout }));
    expect(await Promise.all(Object.values(named).map(bodyOf))).toEqual(Object.values(named).map(() => ({})));
    expect(await Promise.all(Object.values(kept).map(bodyOf))).toEqual(keptBodies);
    expect(erasure.rewritten).toEqual({ digest_messages: 0, slack_requests: Object.keys(named).length });
  });

  it('rewrites each stored page that shows it (its entry in the thread, its name in the first message’s owner line), and no other', async () => {
    const leak = await createClient(handle.owner, { teamId: TEAM, by: 'U0ALICE', input: { name: 'Zeta "İş" Leak' } });
    const others = Array.from({ length: 14 }, (_, i) => aClient({ id: randomUUID(), name: `Client ${String(i).padStart(2, '0')}`, ownerUserId: 'U0BOB' }));
    const weeks = [...others, aClient({ ...leak, ownerUserId: 'U0ALICE' })].map((client) =>
      aClientWeek(client, { loggedThisWeek: { calls: 1, incidents: 0 }, incidents: [incident('lying', daysAgo(2))] }),
    );
    const [first, ...thread] = composeDigest(DEFAULT_CATALOGUE, selectFromRows(DEFAULT_CATALOGUE, weeks, NOW), evidenceOfRows(DEFAULT_CATALOGUE, weeks, NOW), {
      timeZone: 'UTC',
      interactive: true,
    });
    // Its entry is in the thread; the first message names it only in its owner line (and counts it in its opening).
    expect(thread.length).toBeGreaterThanOrEqual(2);
    expect(first!.blocks.some((b) => b.block_id?.startsWith(`client:${leak.id}`))).toBe(false);
    expect(JSON.stringify(first!.blocks)).toContain('<@U0ALICE> 1: Zeta \\"İş\\" Leak');
    const { digest } = (await claimDigestWeek(handle.owner, { teamId: TEAM, week: '2026-11-23', channelId: 'C0DIGEST', instance: 'test' }))!;
    await markDigestPosted(handle.owner, { digest, first: { ...first!, channelId: 'C0DIGEST', ts: '1.000001' }, thread });
    const pages = async () => handle.owner.select().from(digestMessages).where(eq(digestMessages.digestId, digest.id)).orderBy(digestMessages.page);
    const before = await pages();
    const showing = before.filter((p) => JSON.stringify(p).includes(leak.id) || JSON.stringify(p).includes('Zeta'));
    expect(showing.map((p) => p.page)).toEqual([0, thread.findIndex((p) => p.clientIds.includes(leak.id)) + 1]);

    const erasure = await inWorkspace(TEAM, () => eraseClient(handle.db, { teamId: TEAM, by: 'U0ALICE', clientId: leak.id, pageWithout: digestPageWithout }));
    const after = await pages();
    expect(JSON.stringify(after)).not.toMatch(new RegExp(`${leak.id}|Zeta`));
    expect(after.filter((p, i) => JSON.stringify(p) !== JSON.stringify(before[i])).map((p) => p.page)).toEqual(showing.map((p) => p.page));
    expect(erasure.rewritten.digest_messages).toBe(2);
    // Only the first message is in Slack yet: the thread page waits to be posted, and goes out rewritten.
    expect(erasure.rewrittenPosts).toEqual([showing[0]!.id]);
    expect(JSON.stringify(after[0]!.blocks)).toContain('By owner: <@U0BOB> 14: Client 00, Client 01, Client 02, Client 03, …');
  });
});
