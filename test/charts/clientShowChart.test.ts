/**
 * `/client show` end to end through the signed receiver: after the text answer, the client's health chart is
 * uploaded with files.uploadV2 (getUploadURLExternal, the bytes, completeUploadExternal), shared in no channel,
 * and shown privately in an image block that refers to the file, with alt text in the reader's language. The same
 * picture asked for again is not drawn or uploaded again.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalSlackWebApi, type SlackApiCall } from '../../src/local/slackWebApi.js';
import { speaking } from '../support/languages.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, startHarness, type Harness } from '../support/slackHarness.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each(TEST_DRIVERS)('/client show draws the health chart, on %s', (driver) => {
  let h: Harness;

  /** `/client show` by `actor`: its text answer, and the answer after it on the same response URL (the picture). */
  async function show(actor: typeof ALICE, name: string): Promise<{ text: SlackApiCall; picture: SlackApiCall; uploads: SlackApiCall[] }> {
    const { reply: text } = await h.command(actor, '/client', `show ${name}`);
    const picture = await h.api.waitFor((c) => c.method === 'response_url' && c.responseUrlId === text.responseUrlId && c.seq > text.seq, 30_000);
    await h.idle();
    const uploads = h.since(text.seq - 1).filter((c) => c.method.startsWith('files.'));
    return { text, picture, uploads };
  }

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Northwind Traders vip long-term <@U0ALICE|alice>');
    await h.command(ALICE, '/call', 'northwind traders +communication +attitude Weekly sync');
    await h.command(ALICE, '/incident', 'northwind traders lie sent the export late');
  }, 60_000);
  afterAll(() => h?.close());
  beforeEach(() => speaking(h, { U0ALICE: 'fa' }));

  it('uploads the picture shared nowhere and shows it after the text, with alt text in the reader’s words', async () => {
    const { text, picture, uploads } = await show(BOB, 'northwind traders');
    expect(text.params.text).toContain('Northwind Traders');
    expect(uploads.map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
    const [block] = picture.params.blocks as { type: string; slack_file: { id: string }; alt_text: string }[];
    expect(block!.type).toBe('image');
    const file = h.api.files.get(block!.slack_file.id)!;
    expect(file.bytes.subarray(0, 8)).toEqual(PNG);
    expect(file.completed).toBe(true);
    expect(file.channel).toBeUndefined();
    expect(block!.alt_text).toMatch(
      /^Health of Northwind Traders over 12 weeks: from \d+ \((healthy|watch|at risk)\) to \d+ \((healthy|watch|at risk)\), 1 incident, no decisions$/,
    );
    expect(picture.params.text).toBe(block!.alt_text);
    expect(picture.params.response_type).toBe('ephemeral');
    // The local page loads it from the stand-in, as Slack's client loads a file.
    const served = await fetch(`${h.api.apiUrl.replace(/api\/$/, '')}files-pri/${block!.slack_file.id}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(file.bytes);
  }, 60_000);

  it('speaks the reader’s language in the alt text, and draws a picture once: asked again, the same file is shown', async () => {
    const first = await show(ALICE, 'northwind traders');
    const [block] = first.picture.params.blocks as { slack_file: { id: string }; alt_text: string }[];
    expect(block!.alt_text).toContain('سلامت');
    expect(block!.alt_text).toContain('۱ رویداد');
    const again = await show(ALICE, 'northwind traders');
    expect(again.uploads).toEqual([]);
    expect(again.picture.params.blocks[0].slack_file.id).toBe(block!.slack_file.id);
  }, 60_000);
});

describe('the stand-in Web API, like Slack', () => {
  it('refuses an image block referring to a file that was never uploaded', async () => {
    const api = await new LocalSlackWebApi().start();
    try {
      const res = await fetch(`${api.apiUrl}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-test' },
        body: JSON.stringify({ channel: 'C0SALES', text: 'chart', blocks: [{ type: 'image', slack_file: { id: 'F0NOPE' }, alt_text: 'chart' }] }),
      });
      expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_blocks' });
    } finally {
      await api.stop();
    }
  });
});
