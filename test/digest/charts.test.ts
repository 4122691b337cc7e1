/**
 * The digest's pictures end to end: uploaded with files.uploadV2 (shared in no channel), shown at the top of the
 * digest's thread in image blocks that refer to the files, with alt text that says what they show; a thread
 * finished later posts the stored pictures without drawing or uploading them again; a picture that cannot be
 * uploaded is left out and the digest still posts; in the workspace's language.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import * as schema from '../../src/db/schema/index.js';
import type { SlackApiCall } from '../../src/local/slackWebApi.js';
import { QUICK_RETRY_DELAYS_MS } from '../../src/slack/slackError.js';
import { TEST_DRIVERS } from '../support/database.js';
import { DIGEST_CHANNEL, digestTools, seedDigestPortfolio } from '../support/digestBench.js';
import { speaking } from '../support/languages.js';
import { startHarness, TEAM, textOf, type Harness } from '../support/slackHarness.js';

type Image = { type: 'image'; slack_file: { id: string }; alt_text: string; title?: { text: string }; block_id?: string };
const imagesOf = (messages: SlackApiCall[]) => messages.flatMap((m) => ((m.params.blocks ?? []) as Image[]).filter((b) => b.type === 'image'));

describe.each(TEST_DRIVERS)('weekly digest: its pictures on %s', (driver) => {
  let h: Harness;
  const { runner, clock, postAfresh } = digestTools(() => h);
  /** Replies in TEAM's digest channel since `seq` that Slack took. */
  const posts = (seq: number) => h.since(seq).filter((c) => c.method === 'chat.postMessage' && c.params.channel === DIGEST_CHANNEL && c.response?.ok);

  /** This week's digest posted afresh: its channel message, its thread replies, and the files.* calls it made. */
  async function digestNow() {
    const seq = h.api.lastSeq;
    const first = await postAfresh();
    await h.idle();
    const [row] = await h.db.select().from(schema.digests).where(eq(schema.digests.teamId, TEAM));
    const thread = posts(seq).filter((m) => m.params.thread_ts === row!.messageTs && m.response?.ok);
    return { first, thread, uploads: h.since(seq).filter((c) => c.method.startsWith('files.')) };
  }

  beforeAll(async () => {
    h = await startHarness(driver);
    await seedDigestPortfolio(h);
  }, 60_000);
  afterAll(() => h?.close());
  // Each test draws afresh: uploaded pictures are otherwise kept (and reused) in the database.
  beforeEach(async () => {
    await h.db.delete(schema.chartFiles).where(eq(schema.chartFiles.teamId, TEAM));
    await speaking(h);
  });

  it('uploads the portfolio’s pictures and the health of the client that fell, and shows them at the top of the thread with alt text', async () => {
    const { first, thread, uploads } = await digestNow();
    expect(uploads.filter((c) => c.method === 'files.getUploadURLExternal')).toHaveLength(3);
    expect(uploads.filter((c) => c.method === 'files.completeUploadExternal')).toHaveLength(3);
    const images = imagesOf(thread);
    expect(images).toHaveLength(3);
    for (const image of images) {
      const file = h.api.files.get(image.slack_file.id)!;
      expect(file.completed).toBe(true);
      expect(file.channel).toBeUndefined(); // shared in no channel: the image block shows it
      expect(file.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    const [bands, money, sour] = images;
    // Quiet Co was registered 40 days ago, the others this week: the weeks before count nobody.
    expect(bands!.alt_text).toMatch(
      /^Clients by health band over 12 weeks: in the week ending .+, 0 healthy, 0 watch, 0 at risk and 0 not yet known; in the week ending .+, 1 healthy, 0 watch, 1 at risk and 2 not yet known$/,
    );
    // Liar Co (4,000 a month) lied this week.
    expect(money!.alt_text).toMatch(
      /^Monthly value at risk \(clients at risk or meeting a firing criterion\) over 12 weeks: 0 in the week ending .+, 4,000 in the week ending .+, at most 4,000 in the week ending .+$/,
    );
    expect(sour!.alt_text).toMatch(/^Health of Sour Co over 12 weeks: from \d+ \(at risk\) to \d+ \(at risk\), no incidents, no decisions$/);
    expect(sour!.title?.text).toBe('Sour Co');
    // The thread opens with them, and their words are the message's text too.
    expect(thread[0]!.params.blocks.filter((b: Image) => b.type === 'image')).toHaveLength(3);
    expect(thread[0]!.params.text).toContain('Clients by health band over 12 weeks');
    expect(textOf(first)).toContain('In the thread: health bands and monthly value at risk over the last 12 weeks, and the health of 1 client that fell.');
  }, 120_000);

  it('the same pictures next time are the files uploaded before: nothing drawn or uploaded again', async () => {
    const first = await digestNow();
    const again = await digestNow();
    expect(first.uploads.filter((c) => c.method === 'files.completeUploadExternal')).toHaveLength(3);
    expect(again.uploads).toEqual([]);
    expect(imagesOf(again.thread).map((i) => i.slack_file.id)).toEqual(imagesOf(first.thread).map((i) => i.slack_file.id));
  }, 120_000);

  it('a thread cut short is finished by a later tick from what was stored: no picture drawn, uploaded or posted twice', async () => {
    const seq = h.api.lastSeq;
    await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
    // The pictures' page (the thread's first) fails, past the quick retries.
    const off = h.api.onCall((c) => {
      if (c.method !== 'chat.postMessage' || c.params.channel !== DIGEST_CHANNEL || c.params.thread_ts) return;
      off();
      setImmediate(() => {
        for (let i = 0; i <= QUICK_RETRY_DELAYS_MS.length; i++) h.api.failNext('chat.postMessage', 'fatal_error', DIGEST_CHANNEL);
      });
    });
    await runner(clock, 'cut-short').tick();
    const [row] = await h.db.select().from(schema.digests).where(eq(schema.digests.teamId, TEAM));
    expect(row).toMatchObject({ status: 'posted', lastError: 'fatal_error' });
    const uploaded = h.since(seq).filter((c) => c.method === 'files.completeUploadExternal');
    expect(uploaded).toHaveLength(3);

    const resumed = h.api.lastSeq;
    await h.db
      .update(schema.digests)
      .set({ claimedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(schema.digests.teamId, TEAM));
    await runner(clock, 'another-instance').tick();
    await runner(clock, 'a-third').tick();
    expect(h.since(resumed).filter((c) => c.method.startsWith('files.'))).toEqual([]);
    const thread = posts(seq).filter((m) => m.params.thread_ts === row!.messageTs && m.response?.ok);
    const images = imagesOf(thread);
    expect(images).toHaveLength(3);
    expect(images.map((i) => i.slack_file.id).sort()).toEqual(
      uploaded.flatMap((c) => (typeof c.params.files === 'string' ? JSON.parse(c.params.files) : c.params.files).map((f: { id: string }) => f.id)).sort(),
    );
    const stored = await h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.digestId, row!.id));
    expect(stored.every((m) => m.ts)).toBe(true);
  }, 120_000);

  it('a picture Slack will not take is left out, and the digest posts its text and the other pictures', async () => {
    h.api.failNext('files.getUploadURLExternal', 'fatal_error');
    const { first, thread } = await digestNow();
    expect(textOf(first)).toContain('Liar Co');
    expect(imagesOf(thread)).toHaveLength(2);
  }, 120_000);

  it('a picture Slack never answers is waited for a while only: the digest posts without it', async () => {
    await h.db.delete(schema.digests).where(eq(schema.digests.teamId, TEAM));
    h.api.holdNext('files.getUploadURLExternal');
    const seq = h.api.lastSeq;
    const impatient = new DigestRunner({
      db: h.database.owner,
      owner: h.database.owner,
      webFor: async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl }),
      logger: silentLogger,
      now: clock,
      instance: 'impatient',
      picturesWithinMs: 15_000,
    });
    await impatient.tick();
    const [row] = await h.db.select().from(schema.digests).where(eq(schema.digests.teamId, TEAM));
    expect(row).toMatchObject({ status: 'posted' });
    const thread = posts(seq).filter((m) => m.params.thread_ts === row!.messageTs);
    expect(imagesOf(thread)).toHaveLength(2);
    expect(await h.db.select().from(schema.digestMessages).where(eq(schema.digestMessages.digestId, row!.id))).toSatisfy((pages: { ts: string | null }[]) =>
      pages.every((p) => p.ts),
    );
  }, 120_000);

  it('speaks the workspace’s language: Persian words and digits in the alt text', async () => {
    await h.db.update(schema.workspaces).set({ language: 'fa' }).where(eq(schema.workspaces.teamId, TEAM));
    const { thread } = await digestNow();
    const [bands, money, sour] = imagesOf(thread);
    expect(bands!.alt_text).toContain('مشتریان بر پایهٔ بازهٔ سلامت');
    expect(bands!.alt_text).toContain('۱۲');
    expect(money!.alt_text).toContain('۴٬۰۰۰');
    expect(sour!.alt_text).toMatch(/^\u200Fسلامت \u2068Sour Co\u2069 در ۱۲ هفته/);
  }, 120_000);
});
