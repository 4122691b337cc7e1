/**
 * The observations disagreements are judged on, read from the database: a workspace's disputed clients for the
 * digest (only clients not exited, only two different people, only within the window), and what a call makes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { DAY_MS } from '../../src/domain/types.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { logCall } from '../../src/db/queries/activity.js';
import { createClient, updateClient } from '../../src/db/queries/clients.js';
import { readAroundCall } from '../../src/db/queries/aroundCall.js';
import { loadDisputes } from '../../src/db/queries/disagreements.js';
import { disagreementsMadeBy, disputeShownDays } from '../../src/domain/disagreements.js';
import { digestDisputeBlocks } from '../../src/slack/blocks/cadence.js';
import { ENGLISH } from '../../src/i18n/reader.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const TEAM = 'T0DISPUTE';
const OTHER = 'T0ELSEWHERE';
/** A client one person logs often: its own workspace, so the digest's disputes above stay as they are. */
const BUSY = 'T0BUSY';
const NOW = new Date('2026-11-23T09:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const catalogue = DEFAULT_CATALOGUE;

describe.each(TEST_DRIVERS)('observers who disagree, read on %s', (driver) => {
  let handle: DatabaseHandle;
  const ids: Record<string, string> = {};
  const log = async (team: string, client: string, actor: string, days: number, traits: string[]) =>
    (
      await logCall(handle.owner, {
        teamId: team,
        by: { actor, at: daysAgo(days) },
        catalogue,
        input: { clientId: ids[client]!, occurredAt: daysAgo(days), traits },
      })
    ).entry;

  type Logged = Awaited<ReturnType<typeof log>>;
  /** What a call's confirmation reads to judge its disagreements (beside its weights and criteria). */
  const disputing = async (teamId: string, call: Logged) =>
    (await readAroundCall(handle.owner, { teamId, catalogue, call, at: NOW, disputes: true })).disputing;
  const madeBy = async (teamId: string, call: Logged) => disagreementsMadeBy(catalogue, await disputing(teamId, call), call.id);

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    for (const [team, name] of [
      [TEAM, 'Torn Co'],
      [TEAM, 'Self Co'],
      [TEAM, 'Far Co'],
      [TEAM, 'Gone Co'],
      [TEAM, 'Later Co'],
      [OTHER, 'Elsewhere Co'],
      [BUSY, 'Busy Co'],
    ] as const)
      ids[name] = (await createClient(handle.owner, { teamId: team, by: { actor: 'U0ANA', at: daysAgo(100) }, input: { name, ownerUserId: 'U0OWN' } })).id;
    await log(TEAM, 'Torn Co', 'U0ANA', 9, ['excellent_communication', 'positive_attitude']);
    await log(TEAM, 'Torn Co', 'U0BOB', 4, ['terrible_communication', 'positive_attitude']);
    await log(TEAM, 'Later Co', 'U0ANA', 9, ['positive_attitude']);
    await log(TEAM, 'Later Co', 'U0BOB', 4, ['positive_attitude']);
    await log(TEAM, 'Self Co', 'U0ANA', 9, ['shares_information']);
    await log(TEAM, 'Self Co', 'U0ANA', 4, ['no_data_sharing']);
    await log(TEAM, 'Far Co', 'U0ANA', 25, ['shares_opinions']);
    await log(TEAM, 'Far Co', 'U0BOB', 3, ['withholds_opinions']);
    await log(TEAM, 'Gone Co', 'U0ANA', 6, ['positive_attitude']);
    await log(TEAM, 'Gone Co', 'U0BOB', 5, ['negative_attitude']);
    await updateClient(handle.owner, { teamId: TEAM, by: 'U0OWN', clientId: ids['Gone Co']!, patch: { status: 'exited' } });
    await log(OTHER, 'Elsewhere Co', 'U0ANA', 6, ['positive_attitude']);
    await log(OTHER, 'Elsewhere Co', 'U0BOB', 5, ['negative_attitude']);
  });
  afterAll(() => handle?.close());

  it('the digest’s disputed clients: two people, opposite traits, within the window, not exited, this workspace only', async () => {
    const disputes = (await loadDisputes(handle.owner, { teamId: TEAM, catalogue, at: NOW, shownDays: disputeShownDays(catalogue) })).filter(
      (d) => d.client.name !== 'Later Co',
    );
    expect(disputes.map((d) => [d.client.name, d.disputed.map((x) => [x.dimension, x.good.loggedBy, x.bad.loggedBy])])).toEqual([
      ['Torn Co', [['communication', 'U0ANA', 'U0BOB']]],
    ]);
    const [block] = digestDisputeBlocks(ENGLISH, catalogue, disputes);
    const text = (block as { text: { text: string } }).text.text;
    expect(text).toContain('⚖️ *Observers disagree* (1): the scores weigh both views; compare notes.');
    expect(text).toMatch(/\*Torn Co\* · Communication: <@U0ANA> saw Excellent communication on .+; <@U0BOB> saw Terrible communication on/);
    expect(digestDisputeBlocks(ENGLISH, catalogue, [])).toEqual([]);
    // A month later the views no longer weigh enough to be named.
    expect(
      await loadDisputes(handle.owner, { teamId: TEAM, catalogue, at: new Date(NOW.getTime() + 40 * DAY_MS), shownDays: disputeShownDays(catalogue) }),
    ).toEqual([]);
  });

  it('a call makes the disagreements with what others logged before it, and none with its own author', async () => {
    const call = await log(TEAM, 'Later Co', 'U0CEM', 1, ['negative_attitude']);
    const made = await madeBy(TEAM, call);
    expect(made.map((d) => [d.dimension, d.good.loggedBy, d.bad.loggedBy]).sort()).toEqual([
      ['attitude', 'U0ANA', 'U0CEM'],
      ['attitude', 'U0BOB', 'U0CEM'],
    ]);
    const own = await log(TEAM, 'Self Co', 'U0ANA', 1, ['shares_information']);
    expect(await madeBy(TEAM, own)).toEqual([]);
    // A call with no trait that can be disputed reads nothing to judge.
    expect(await disputing(TEAM, await log(TEAM, 'Self Co', 'U0BOB', 1, ['no_strategic_planning']))).toEqual([]);
  });

  it('what a call is judged on is its own observations and other people’s opposite ones: not all its client’s lately', async () => {
    for (let i = 0; i < 12; i++) await log(BUSY, 'Busy Co', 'U0ANA', 2 + i / 10, ['positive_attitude', 'shares_information', 'negative_attitude']);
    await log(BUSY, 'Busy Co', 'U0BOB', 3, ['positive_attitude', 'excellent_communication']);
    const call = await log(BUSY, 'Busy Co', 'U0ANA', 1, ['negative_attitude', 'shares_information']);
    const read = await disputing(BUSY, call);
    expect(read.map((o) => [o.loggedBy, o.trait]).sort()).toEqual([
      ['U0ANA', 'negative_attitude'],
      ['U0ANA', 'shares_information'],
      ['U0BOB', 'positive_attitude'],
    ]);
    const made = await madeBy(BUSY, call);
    expect(made.map((d) => [d.dimension, d.good.loggedBy, d.bad.loggedBy])).toEqual([['attitude', 'U0BOB', 'U0ANA']]);
  });
});
