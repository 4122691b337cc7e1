/** The week's digest as the channel sees it: its sections in order, recorded once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DRIVERS } from '../support/database.js';
import { DIGEST_CHANNEL as CHANNEL, digestTools, seedDigestPortfolio } from '../support/digestBench.js';
import { startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('weekly digest: the week’s post on %s', (driver) => {
  let h: Harness;
  const { runner, posts, digestRows, clock, postAfresh } = digestTools(() => h);

  beforeAll(async () => {
    h = await startHarness(driver);
    await seedDigestPortfolio(h);
  });
  afterAll(() => h?.close());

  describe('the week’s post', () => {
    let digest: Record<string, any>;
    beforeAll(async () => {
      digest = await postAfresh();
    });
    it('names the right clients in the right sections, in order, with a summary', () => {
      const full = textOf(digest);
      expect(full).toContain('2 clients need a decision* (🚩 1 with a red flag) · 4,000/month at risk · 1 overdue for contact');
      expect(full).toContain('By owner: <@U0ALICE> 2: Liar Co, Sour Co · <@U0BOB> 1: Quiet Co');
      const text = full.slice(full.indexOf('Meet firing criteria'));
      const order = ['Meet firing criteria', 'Liar Co', 'Turned bad this week', 'Sour Co', 'Overdue for contact', 'Quiet Co', 'Portfolio this week'].map((s) =>
        text.indexOf(s),
      );
      expect(order.every((i) => i >= 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
      expect(text).not.toContain('Fine Co');
      expect(text).toContain('Revenue at risk: 4,000/month');
      expect(text).toContain('No contact in the 40 days since the client was added, due every 14 days');
    });

    it('is recorded with its ts, once', async () => {
      const rows = await digestRows();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'posted', channelId: CHANNEL, messageTs: expect.stringMatching(/^\d+\.\d+$/) });
      const seq = h.api.lastSeq;
      await runner(clock).tick();
      await runner(() => new Date(h.now().getTime() + 3 * 86_400_000)).tick(); // later in the same week
      expect(posts(seq)).toEqual([]);
    });
  });
});
