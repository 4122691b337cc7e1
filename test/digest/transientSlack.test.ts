/**
 * Slack failing for a moment (an `internal_error`, a timeout, a 5xx) while a digest goes out is not Slack saying
 * no: the channel is refused only when Slack describes it as shared, nobody is told a client could read it, the
 * digest is finished later with each page once and in order, and whoever posted it by hand is told how far it got.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { logIncident } from '../../src/db/queries/activity.js';
import { createClient } from '../../src/db/queries/clients.js';
import { getWorkspace } from '../../src/db/queries/workspaces.js';
import * as schema from '../../src/db/schema/index.js';
import { QUICK_RETRY_DELAYS_MS } from '../../src/slack/slackError.js';
import { TEST_DRIVERS } from '../support/database.js';
import { scheduleDigestAt } from '../support/digestDue.js';
import { ADMIN, ALICE, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const CHANNEL = 'C0HEALTH';
/** 30 clients meeting a firing criterion: a first message and three thread pages (nine clients fit one). */
const CLIENTS = 30;

describe.each(TEST_DRIVERS)('a digest through Slack’s momentary failures on %s', (driver) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(driver);
    // Due this minute by the app's clock (its runner ticks it), installed long before, the evidence from yesterday.
    const now = h.now();
    await scheduleDigestAt(h, CHANNEL, now);
    const by = { actor: 'U0ADMIN', at: new Date(now.getTime() - 86_400_000) };
    for (let i = 0; i < CLIENTS; i++) {
      const client = await createClient(h.db, { teamId: TEAM, by, input: { name: `Exposed ${i}`, ownerUserId: 'U0ADMIN' } });
      await logIncident(h.db, { teamId: TEAM, by, input: { clientId: client.id, occurredAt: by.at, details: { kind: 'legal_exposure' } } });
    }
  });
  afterAll(() => h?.close());
  beforeEach(async () => {
    // Each test posts this week's digest afresh, to an internal channel nobody refused.
    h.api.channels.delete(CHANNEL);
    await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
    await h.db
      .update(schema.workspaces)
      .set({ digestChannelId: CHANNEL, digestChannelRefusal: null, digestChannelRefusedAt: null })
      .where(eq(schema.workspaces.teamId, TEAM));
  });

  const say = async (text: string) => textOf((await h.command(ADMIN, '/rapport', text)).reply.params);
  const settings = async () => textOf((await h.command(ALICE, '/rapport', 'settings')).reply.params);
  /** What Slack holds in the digest channel since `seq`, in the order it took it. */
  const posts = (seq: number) => h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === CHANNEL && c.response?.ok);
  const stored = () => h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.teamId, TEAM));
  /** `times` failures of `method` in the digest channel, injected once Slack has taken the digest's first message. */
  const failAfterFirstPost = (method: string, error: string, times = 1) => {
    const off = h.api.onCall((c) => {
      if (c.method !== 'chat.postMessage' || c.params.channel !== CHANNEL || c.params.thread_ts || !c.response?.ok) return;
      off();
      for (let i = 0; i < times; i++) h.api.failNext(method, error, CHANNEL); // before the call is answered
    });
  };
  /** More failures in a row than the quick retries absorb. */
  const persistent = QUICK_RETRY_DELAYS_MS.length + 1;
  /** The poster's claim or hold on the week lapses (as two minutes later). */
  const lapse = () =>
    h.db
      .update(schema.digests)
      .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(schema.digests.teamId, TEAM));
  const failed = (seq: number, method: string) => h.since(seq).filter((c) => c.method === method && (c.response?.error ?? c.failedWith));

  /** The whole digest is in the channel: every page once, in order, the thread under the first message. */
  async function expectWholeDigestOnce(seq: number): Promise<void> {
    const messages = posts(seq);
    const [first, ...thread] = messages;
    expect(first!.params.thread_ts).toBeUndefined();
    expect(thread.length).toBeGreaterThanOrEqual(3);
    expect(thread.every((m) => m.params.thread_ts === first!.response!.ts)).toBe(true);
    const named = messages.flatMap((m) => textOf(m.params).match(/\*Exposed \d+\*/g) ?? []);
    expect(named).toHaveLength(CLIENTS);
    expect(new Set(named).size).toBe(CLIENTS);
    const pages = (await stored()).sort((a, b) => a.page - b.page);
    expect(pages.map((p) => p.ts)).toEqual(messages.map((m) => m.response!.ts));
  }

  /** Nothing refused the channel, and nobody was told anything by DM (least of all that a client could read it). */
  async function expectNobodyAlarmed(seq: number): Promise<void> {
    expect((await getWorkspace(h.db, TEAM))?.digestChannelRefusal).toBeNull();
    const said = h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel !== CHANNEL);
    expect(said.map((c) => textOf(c.params))).toEqual([]);
    expect(JSON.stringify(h.since(seq).map((c) => c.params))).not.toContain('a client could read it');
  }

  it('one failure checking the channel between the first message and its thread: checked again at once, the whole digest posted', async () => {
    const seq = h.api.lastSeq;
    failAfterFirstPost('conversations.info', 'internal_error');
    expect(await say('digest now')).toContain('✅ Digest posted');
    expect(failed(seq, 'conversations.info')).toHaveLength(1);
    await expectWholeDigestOnce(seq);
    await expectNobodyAlarmed(seq);
  });

  it('Slack failing to describe the channel until after the first message: the thread waits, the asker is told so, a later tick finishes it', async () => {
    const seq = h.api.lastSeq;
    failAfterFirstPost('conversations.info', 'service_unavailable', persistent);
    const reply = await say('digest now');
    const threadPages = (await stored()).length - 1;
    expect(reply).not.toContain('Digest posted');
    expect(reply).toContain(`The digest’s first message is in <#${CHANNEL}>, but ${threadPages} of the ${threadPages} pages of its thread are still to come.`);
    expect(reply).toContain('Slack could not be reached or failed for a moment (`service_unavailable`).');
    expect(reply).toContain(
      'Rapport keeps posting the rest of the thread within minutes, each page once and in order. `/rapport settings` shows how far it got.',
    );
    expect(posts(seq)).toHaveLength(1);
    await expectNobodyAlarmed(seq);
    expect(await settings()).toContain(`first message posted`);
    expect(await settings()).toContain(`${threadPages} pages of its thread are still to come`);
    expect(await say('digest now')).toContain(`is posted, but ${threadPages} pages of its thread are still to come.`);

    await h.slack.digest.tick(); // its poster's hold has not lapsed: nothing yet
    expect(posts(seq)).toHaveLength(1);
    await lapse();
    await h.slack.digest.tick();
    await h.slack.digest.tick();
    await expectWholeDigestOnce(seq);
    await expectNobodyAlarmed(seq);
    expect(await settings()).not.toContain('still to come');
    expect(await say('digest now')).toContain('was already posted');
  });

  it('Slack failing at the very first check: nothing posted, nobody told, the digest posted on a later tick', async () => {
    const seq = h.api.lastSeq;
    for (let i = 0; i < persistent; i++) h.api.failNext('conversations.info', 'internal_error', CHANNEL);
    const report = await h.slack.digest.tick();
    expect(report.filter((r) => r.teamId === TEAM).map((r) => r.outcome)).toEqual(['delayed']);
    expect(posts(seq)).toEqual([]);
    await expectNobodyAlarmed(seq);
    expect(await settings()).toContain('*not posted yet* (1 attempt). Slack could not be reached or failed for a moment (`internal_error`).');
    const asked = await say('digest now');
    expect(asked).toContain('The last attempt did not get through. Slack could not be reached or failed for a moment (`internal_error`).');
    expect(asked).not.toContain('refused');

    await h.slack.digest.tick(); // the claim has not lapsed: nothing yet
    expect(posts(seq)).toEqual([]);
    await lapse();
    expect((await h.slack.digest.tick()).filter((r) => r.teamId === TEAM).map((r) => r.outcome)).toEqual(['posted']);
    await expectWholeDigestOnce(seq);
    await expectNobodyAlarmed(seq);
  });

  it('posted by hand while Slack fails at the first check: told it is not posted yet, and posted by hand again later', async () => {
    const seq = h.api.lastSeq;
    for (let i = 0; i < persistent; i++) h.api.failNext('conversations.info', 'fatal_error', CHANNEL);
    const reply = await say('digest now');
    expect(reply).toContain('The digest is not posted yet. Slack could not be reached or failed for a moment (`fatal_error`).');
    expect(reply).toContain('Rapport tries again by itself within a couple of minutes');
    await expectNobodyAlarmed(seq);
    await lapse();
    expect(await say('digest now')).toContain('✅ Digest posted');
    await expectWholeDigestOnce(seq);
  });

  it('a thread page Slack took but answered with an error is not posted twice when tried again at once', async () => {
    const seq = h.api.lastSeq;
    const off = h.api.onCall((c) => {
      if (c.method !== 'chat.postMessage' || c.params.channel !== CHANNEL || c.params.thread_ts || !c.response?.ok) return;
      off();
      h.api.failNext('chat.postMessage', 'fatal_error', CHANNEL, { carriedOut: true });
    });
    expect(await say('digest now')).toContain('✅ Digest posted');
    expect(failed(seq, 'chat.postMessage')).toHaveLength(1);
    await expectWholeDigestOnce(seq);
  });

  it('Slack definitely refusing to describe the channel mid-digest is not read as shared either: the asker gets the remedy', async () => {
    const seq = h.api.lastSeq;
    failAfterFirstPost('conversations.info', 'channel_not_found');
    const reply = await say('digest now');
    expect(reply).toContain(`The digest’s first message is in <#${CHANNEL}>, but`);
    expect(reply).toContain(`<#${CHANNEL}> was not found`);
    expect(failed(seq, 'conversations.info')).toHaveLength(1); // a refusal is not tried again at once
    await expectNobodyAlarmed(seq);
    await lapse();
    await h.slack.digest.tick();
    await expectWholeDigestOnce(seq);
  });

  it('a channel Slack says became shared between the first message and its thread is refused at once, and the asker told', async () => {
    const seq = h.api.lastSeq;
    const off = h.api.onCall((c) => {
      if (c.method !== 'chat.postMessage' || c.params.channel !== CHANNEL || c.params.thread_ts || !c.response?.ok) return;
      off();
      h.api.channels.set(CHANNEL, { name: 'health', isExtShared: true });
    });
    expect(await say('digest now')).toContain(`Rapport stopped posting the digest to <#${CHANNEL}>: it is shared with another organisation`);
    expect(posts(seq)).toHaveLength(1);
    expect((await getWorkspace(h.db, TEAM))?.digestChannelRefusal).toBe('ext_shared');
    const told = h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === 'D0ADMIN');
    expect(told.map((c) => textOf(c.params))).toEqual([expect.stringContaining('so a client could read it there')]);
  });
});
