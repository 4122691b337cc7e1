/**
 * The SQL folds production runs (digestWeek.ts) equal the pure rules they implement (domain/), over random
 * histories: many clients, traits of both polarities with per-client weights, observations from years ago to
 * today, judged at random moments. The decayed sums behind the weights are kept at write time (schema/decay.ts):
 * they must stay equal through logs, edits, undos and erasure, and after a half-life change or a new epoch.
 * Seeded, so a failure names its seed (FOLD_SEED reruns it).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCatalogue, type Catalogue } from '../../src/domain/catalogue.js';
import { foldObservations, health } from '../../src/domain/health.js';
import { dimensionFlips } from '../../src/domain/turnedBad.js';
import { DAY_MS } from '../../src/domain/types.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { decayBases, traitDecaySums } from '../../src/db/schema/index.js';
import { editCall, loadClientRecord, logCall, undoCall } from '../../src/db/queries/activity.js';
import { createClient, updateClient } from '../../src/db/queries/clients.js';
import { rebuildDecaySums } from '../../src/db/queries/decay.js';
import { weekFlips, weightedBaselines } from '../../src/db/queries/digestWeek.js';
import { eraseClient } from '../../src/db/queries/erasure.js';
import { seededRandom } from '../../src/local/seededRandom.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const SEED = Number(process.env.FOLD_SEED ?? 20261123);
const TEAM = 'T0FOLDS';
const NOW = new Date('2026-11-23T09:00:00Z');
const catalogue = resolveCatalogue({ traitWeights: { negative_attitude: 2.5, shares_information: 0.5 } });

describe.each(TEST_DRIVERS)('SQL folds equal the pure rules over random histories on %s', (driver) => {
  let handle: DatabaseHandle;
  const clients: { id: string; name: string; traitWeights: Record<string, number> }[] = [];
  const rand = seededRandom(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    const keys = catalogue.traits.map((t) => t.key);
    for (let c = 0; c < 12; c++) {
      let client = await createClient(handle.owner, TEAM, { actor: 'U0SEED', at: new Date(NOW.getTime() - 800 * DAY_MS) }, { name: `Random ${c}` });
      if (rand() < 0.4)
        client = await updateClient(handle.owner, TEAM, 'U0SEED', client.id, { traitWeights: { [pick(keys)]: 1 + Math.round(rand() * 30) / 10 } });
      clients.push(client);
      // Every third client turns: good on its dimensions for two months, then bad in the last three weeks.
      if (c % 3 === 0) {
        for (const [age, trait] of [
          [50, 'shares_information'],
          [40, 'shares_information'],
          [30, 'positive_attitude'],
          [12, 'no_data_sharing'],
          [9, 'no_data_sharing'],
          [2, 'negative_attitude'],
          [1, 'negative_attitude'],
        ] as const) {
          await logCall(handle.owner, TEAM, 'U0SEED', catalogue, {
            clientId: client.id,
            occurredAt: new Date(NOW.getTime() - (age + rand()) * DAY_MS),
            traits: [trait],
          });
        }
      }
      const calls = Math.floor(rand() * 25);
      for (let i = 0; i < calls; i++) {
        // Mostly recent, some years old (where decay reaches the far tail), a few on the exact judging moments.
        const age = rand() < 0.1 ? 400 + rand() * 900 : rand() < 0.1 ? 7 : rand() * 90;
        const traits = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(keys));
        await logCall(handle.owner, TEAM, 'U0SEED', catalogue, { clientId: client.id, occurredAt: new Date(NOW.getTime() - age * DAY_MS), traits });
      }
    }
  });
  afterAll(() => handle?.close());

  const sumsOf = async (h: DatabaseHandle) =>
    new Map((await h.owner.select().from(traitDecaySums).where(eq(traitDecaySums.teamId, TEAM))).map((r) => [`${r.clientId} ${r.trait}`, r]));
  const basisOf = async (h: DatabaseHandle) => (await h.owner.select().from(decayBases).where(eq(decayBases.teamId, TEAM)))[0]!;

  /** Every client's SQL weights at each moment equal the pure fold of its raw observations under `judged`. */
  async function expectWeightsEqualReference(judged: Catalogue, what: string) {
    for (const ageDays of [0, 3.5, 7, 30, 200]) {
      const at = new Date(NOW.getTime() - ageDays * DAY_MS);
      const folded = await weightedBaselines(handle.owner, TEAM, judged, at);
      for (const client of clients) {
        const raw = (await loadClientRecord(handle.owner, TEAM, client.id)).observations;
        const reference = health(judged, client, foldObservations(judged, raw, at), at);
        const sql = folded.get(client.id) ?? { good: 0, bad: 0 };
        // Relative to the sums' size: far-past moments subtract many later observations from the kept sums.
        const tolerance = 1e-9 * Math.max(1, reference.good + reference.bad);
        expect(Math.abs(sql.good - reference.good), `${what}: ${client.name} good at −${ageDays} d`).toBeLessThan(tolerance);
        expect(Math.abs(sql.bad - reference.bad), `${what}: ${client.name} bad at −${ageDays} d`).toBeLessThan(tolerance);
        expect(folded.has(client.id), `${what}: ${client.name} has a baseline at −${ageDays} d`).toBe(raw.some((o) => o.observedAt <= at));
      }
    }
  }

  it(`decayed weights (seed ${SEED})`, async () => {
    await expectWeightsEqualReference(catalogue, 'first read');
  });

  it(`decayed sums kept at write time through logs, edits, undos and erasure (seed ${SEED})`, async () => {
    await weightedBaselines(handle.owner, TEAM, catalogue, NOW); // the sums are kept from here on
    const keys = catalogue.traits.map((t) => t.key);
    const logged: { callId: string; clientId: string }[] = [];
    for (const client of clients.slice(0, 6)) {
      for (let i = 0; i < 4; i++) {
        const traits = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(keys));
        const occurredAt = new Date(NOW.getTime() - rand() * 120 * DAY_MS);
        const { entry } = await logCall(handle.owner, TEAM, 'U0EDIT', catalogue, { clientId: client.id, occurredAt, traits });
        logged.push({ callId: entry.id, clientId: client.id });
      }
    }
    // Edits move calls in time and change their traits (or clear them); undos remove calls; one client is erased.
    for (const { callId, clientId } of logged.slice(0, 10)) {
      const traits = rand() < 0.2 ? [] : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(keys));
      await editCall(handle.owner, TEAM, 'U0EDIT', catalogue, callId, { clientId, occurredAt: new Date(NOW.getTime() - rand() * 400 * DAY_MS), traits });
    }
    for (const { callId } of logged.slice(10, 16)) await undoCall(handle.owner, TEAM, 'U0EDIT', callId);
    const erased = clients.pop()!;
    await eraseClient(handle.owner, TEAM, 'U0EDIT', erased.id);
    await expectWeightsEqualReference(catalogue, 'kept through writes');
    // What was kept equals a rebuild from scratch, row for row.
    const kept = await sumsOf(handle);
    const basis = await basisOf(handle);
    await rebuildDecaySums(handle.owner, TEAM, basis.halfLifeDays!, basis.epoch);
    const rebuilt = await sumsOf(handle);
    expect([...kept.keys()].sort()).toEqual([...rebuilt.keys()].sort());
    for (const [key, row] of rebuilt) {
      expect(kept.get(key)!.observations, key).toBe(row.observations);
      expect(Math.abs(kept.get(key)!.mass - row.mass), key).toBeLessThan(1e-9 * row.mass);
    }
  });

  it(`decayed sums rebuilt after a half-life change and on a new epoch (seed ${SEED})`, async () => {
    const slower = resolveCatalogue({ traitWeights: { negative_attitude: 2.5, shares_information: 0.5 }, thresholds: { health: { halfLifeDays: 45 } } });
    await expectWeightsEqualReference(slower, 'half-life 45 d');
    expect((await basisOf(handle)).halfLifeDays).toBe(45);
    // An epoch 250 half-lives back (as after years of use): terms near 2^250, still exact once scaled.
    await rebuildDecaySums(handle.owner, TEAM, 30, new Date(NOW.getTime() - 250 * 30 * DAY_MS));
    await logCall(handle.owner, TEAM, 'U0EDIT', catalogue, { clientId: clients[0]!.id, occurredAt: NOW, traits: ['positive_attitude'] });
    await expectWeightsEqualReference(catalogue, 'old epoch');
    // Past the re-basing point the next read moves the epoch to its own moment.
    await rebuildDecaySums(handle.owner, TEAM, 30, new Date(NOW.getTime() - 300 * 30 * DAY_MS));
    await expectWeightsEqualReference(catalogue, 're-based');
    expect(Math.abs((await basisOf(handle)).epoch.getTime() - NOW.getTime())).toBeLessThan(250 * DAY_MS);
  });

  it(`dimension flips at both ends of a week (seed ${SEED})`, async () => {
    let flipsSeen = 0;
    for (const endAgo of [0, 10, 40]) {
      const weekEnd = new Date(NOW.getTime() - endAgo * DAY_MS);
      const weekStart = new Date(weekEnd.getTime() - 7 * DAY_MS);
      const flips = await weekFlips(handle.owner, TEAM, catalogue, weekStart, weekEnd);
      for (const client of clients) {
        const raw = (await loadClientRecord(handle.owner, TEAM, client.id)).observations;
        const got = flips.get(client.id) ?? { atStart: [], atEnd: [] };
        const shape = (f: ReturnType<typeof dimensionFlips>) => f.map((x) => ({ ...x, recentBad: x.recentBad.map((o) => o.id) }));
        expect(shape(got.atStart), `${client.name} start −${endAgo} d`).toEqual(shape(dimensionFlips(catalogue, raw, weekStart)));
        expect(shape(got.atEnd), `${client.name} end −${endAgo} d`).toEqual(shape(dimensionFlips(catalogue, raw, weekEnd)));
        flipsSeen += got.atStart.length + got.atEnd.length;
      }
    }
    // The histories must exercise the rule, not only its absence.
    expect(flipsSeen).toBeGreaterThan(0);
  });
});
