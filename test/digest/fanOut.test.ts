/**
 * Workspaces' digests go side by side: a workspace whose digest Slack slows down (a thread posted faster than its
 * channel takes) holds back no other workspace's digest, and the app's own Web API client waits out Slack's
 * Retry-After, so every page is still posted, in order, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIncident } from '../../src/db/queries/activity.js';
import { createClient } from '../../src/db/queries/clients.js';
import * as schema from '../../src/db/schema/index.js';
import { TEST_DRIVERS } from '../support/database.js';
import { startHarness, type Harness } from '../support/slackHarness.js';

// Listed in this order, so a runner going one workspace after another would post the slow one first.
const SLOW = { teamId: 'T0FAN1SLOW', channel: 'C0FANSLOW' };
const QUICK = { teamId: 'T0FAN2QUICK', channel: 'C0FANQUICK' };

describe.each(TEST_DRIVERS)('digests of several workspaces on %s', (driver) => {
  let h: Harness;
  let week = '';

  beforeAll(async () => {
    h = await startHarness(driver);
    // Both due this minute by the app's clock, and installed long before.
    const now = h.now();
    week = now.toISOString().slice(0, 10);
    await h.db.insert(schema.workspaces).values(
      [SLOW, QUICK].map(({ teamId, channel }) => ({
        teamId,
        digestChannelId: channel,
        timeZone: 'UTC',
        digestDay: now.getUTCDay(),
        digestTime: now.toISOString().slice(11, 16),
        createdAt: new Date('2026-01-01T00:00:00Z'),
      })),
    );
    // Twelve clients with a legal exposure yesterday: two messages (nine clients fit one), the second in the thread.
    const by = { actor: 'U0ADMIN', at: new Date(now.getTime() - 86_400_000) };
    for (let i = 0; i < 12; i++) {
      const client = await createClient(h.db, { teamId: SLOW.teamId, by, input: { name: `Exposed ${i}`, ownerUserId: 'U0ADMIN' } });
      await logIncident(h.db, { teamId: SLOW.teamId, by, input: { clientId: client.id, occurredAt: by.at, details: { kind: 'legal_exposure' } } });
    }
  });
  afterAll(() => h?.close());

  it('a workspace whose thread Slack rate-limits holds back no other; its pages follow once Slack’s Retry-After has passed', async () => {
    // One message at a time per channel: the slow workspace's thread page, right after its first message, is refused.
    h.api.channelPostLimit = { perSecond: 1, burst: 1 };
    try {
      const seq = h.api.lastSeq;
      const postsTo = (channel: string) => h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === channel);
      const ticking = h.slack.digest.tick();
      const quick = await h.api.waitFor((c) => c.seq > seq && c.method === 'chat.postMessage' && c.params.channel === QUICK.channel && !!c.response?.ok);
      // The next minute's tick, while the slow workspace still waits out Slack: it leaves that one to the first.
      expect(await h.slack.digest.tick()).toEqual([]);
      expect(await ticking).toEqual([
        { teamId: SLOW.teamId, week, outcome: 'posted' },
        { teamId: QUICK.teamId, week, outcome: 'posted' },
      ]);

      const slow = postsTo(SLOW.channel);
      const said = slow.map((c) => c.response?.error ?? (c.params.thread_ts ? 'thread page' : 'first message'));
      expect(said.slice(0, 3)).toEqual(['first message', 'ratelimited', 'thread page']);
      expect(said.filter((s) => s === 'thread page')).toHaveLength(2); // the digest's pictures, then the rest of its text
      expect(slow[2]!.params.thread_ts).toBe(slow[0]!.response!.ts);
      expect(postsTo(QUICK.channel).map((c) => c.response?.ok)).toEqual([true]);
      expect(quick.seq).toBeLessThan(slow[2]!.seq);
    } finally {
      h.api.channelPostLimit = undefined;
    }
  });
});
