/**
 * What the week's digest adds from the issues on trust and money: two people who see a client oppositely are named
 * (never averaged away), and a client's payment terms show beside its name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { digestTools, seedDigestPortfolio } from '../support/digestBench.js';
import { BOB, startHarness, TEAM, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('weekly digest: disagreements and terms on %s', (driver) => {
  let h: Harness;
  const { postAfresh } = digestTools(() => h);

  beforeAll(async () => {
    h = await startHarness(driver);
    await seedDigestPortfolio(h);
    // Alice saw excellent communication at Fine Co this week; Bob sees the opposite.
    await h.command(BOB, '/call', 'fine co -comms Could not reach anyone');
    const liar = await findClientByName(h.db, { teamId: TEAM, name: 'Liar Co' });
    await h.db.update(schema.clients).set({ paymentTerms: 'shorter' }).where(eq(schema.clients.id, liar.id));
  }, 120_000);
  afterAll(() => h?.close());

  it('names the client two people see oppositely, who saw what, and asks them to compare notes', async () => {
    const text = textOf(await postAfresh());
    expect(text).toContain('Observers disagree* (1): the scores weigh both views; compare notes.');
    expect(text).toMatch(/\*Fine Co\* · Communication: <@U0ALICE> saw Excellent communication on .+; <@U0BOB> saw Terrible communication on/);
    // Before the portfolio's figures, after the clients to decide on.
    expect(text.indexOf('Observers disagree')).toBeGreaterThan(text.indexOf('Liar Co'));
    expect(text.indexOf('Observers disagree')).toBeLessThan(text.indexOf('Portfolio this week'));
  }, 60_000);

  it('shows a client’s shorter payment terms beside its name', async () => {
    const text = textOf(await postAfresh());
    expect(text).toMatch(/\*Liar Co\* · Regular · <@U0ALICE> · 4,000\/month · _[^_\n]*shorter[^_\n]*_/i);
  }, 60_000);
});
