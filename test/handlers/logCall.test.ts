/** `/call` as its worker runs it: the call and its traits stored, the confirmation saying how the health moved. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { startHandlerBench, type HandlerBench } from '../support/handlerBench.js';
import { ALICE, TEAM, textOf } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('logging a call (handler) on %s', (driver) => {
  let bench: HandlerBench;
  beforeAll(async () => {
    bench = await startHandlerBench(driver);
  });
  afterAll(() => bench?.close());

  /** The reply a command's work sent on its response URL. */
  const reply = async (text: string) => {
    const [answer] = (await bench.run('command /call', ALICE, { text })).filter((c) => c.method === 'response_url');
    return textOf(answer!.params);
  };

  it('stores the call with its traits and confirms it with the client’s health', async () => {
    await bench.run('command /client', ALICE, { text: 'add Initech <@U0BOB|bob>' });
    const text = await reply('initech +communication -reporting Weekly sync, still no usage data');
    expect(text).toContain('Call with *Initech* on Mon, 23 Nov 2026 logged.');
    expect(text).toContain('👍 Excellent communication · 👎 No data sharing or reporting');
    expect(text).toContain('Health now: *50* 🟡 watch');
    const initech = await findClientByName(bench.db, { teamId: TEAM, name: 'initech' });
    const [call] = await bench.db.select().from(schema.calls).where(eq(schema.calls.clientId, initech.id));
    expect(call).toMatchObject({ loggedBy: 'U0ALICE', notes: 'Weekly sync, still no usage data' });
    const traits = await bench.db.select().from(schema.traitObservations).where(eq(schema.traitObservations.callId, call!.id));
    expect(traits.map((t) => t.trait).sort()).toEqual(['excellent_communication', 'no_data_sharing']);
  });

  it('a later call says what it changed since the previous one', async () => {
    await bench.run('command /client', ALICE, { text: 'add Hooli <@U0BOB|bob>' });
    await reply('hooli +communication -reporting');
    const text = await reply('hooli -reporting -attitude Worse');
    expect(text).toMatch(/Health now: \*33\* 🔴 at risk \(50 after the previous call on Mon, 23 Nov 2026: −17 from this call\)/);
  });
});
