/**
 * A notification's text (what Slack shows in a banner, on a phone, to a screen reader) escapes user text as the
 * blocks do: a client named with Slack's escaped `@channel` (`<!channel>`), a link or a mention never reaches
 * anyone's notification as one, in replies, DMs or the digest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, startHarness, type Harness } from '../support/slackHarness.js';

const NAME = 'Leak <!channel> <https://evil.example|Co>';

describe.each(TEST_DRIVERS)('notification text, on %s', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(driver);
  });
  afterAll(() => h?.close());

  it('carries no broadcast, link or mention out of a client’s name or notes', async () => {
    const seq = h.api.lastSeq;
    await h.command(ALICE, '/client', `add ${NAME} <@U0BOB|bob>`);
    await h.command(ALICE, '/call', `leak +communication Said <!here> at the meeting`);
    await h.command(ALICE, '/incident', `leak lie Said <!everyone> was told`);
    await h.command(BOB, '/client', `show leak`);
    await h.command(ALICE, '/client', `next leak Send the deck <!channel> today`);
    await h.command(ALICE, '/client', `set leak category vip`);
    await h.command(ADMIN, '/rapport', 'settings channel <#C0DIGEST|account-health>');
    await h.command(ADMIN, '/rapport', 'digest now');
    await h.idle();
    expect(h.since(seq).some((c) => c.method === 'chat.postMessage' && c.params.channel === 'C0DIGEST')).toBe(true);
    const texts = h
      .since(seq)
      .filter((c) => typeof c.params.text === 'string')
      .map((c) => `${c.method}: ${c.params.text}`);
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.filter((t) => /<!|<https?:/.test(t))).toEqual([]);
    // The red flag reached its owner, named as typed (escaped).
    expect(texts.some((t) => t.startsWith('chat.postMessage: Red flag for Leak &lt;!channel&gt;'))).toBe(true);
  });
});
