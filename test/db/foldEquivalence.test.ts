/**
 * The SQL folds production runs (digestWeek.ts) equal the pure rules they implement (domain/), over random
 * histories: many clients, traits of both polarities with per-client weights, observations from years ago to
 * today, judged at random moments. Seeded, so a failure names its seed (FOLD_SEED reruns it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCatalogue } from '../../src/domain/catalogue.js';
import { foldObservations, health } from '../../src/domain/health.js';
import { dimensionFlips } from '../../src/domain/turnedBad.js';
import { DAY_MS } from '../../src/domain/types.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { loadClientRecord, logCall } from '../../src/db/queries/activity.js';
import { createClient, updateClient } from '../../src/db/queries/clients.js';
import { weekFlips, weightedBaselines } from '../../src/db/queries/digestWeek.js';
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

  it(`decayed weights (seed ${SEED})`, async () => {
    for (const ageDays of [0, 3.5, 7, 30, 200]) {
      const at = new Date(NOW.getTime() - ageDays * DAY_MS);
      const folded = await weightedBaselines(handle.owner, TEAM, catalogue, at);
      for (const client of clients) {
        const raw = (await loadClientRecord(handle.owner, TEAM, client.id)).observations;
        const reference = health(catalogue, client, foldObservations(catalogue, raw, at), at);
        const sql = folded.get(client.id) ?? { good: 0, bad: 0 };
        expect(sql.good, `${client.name} good at −${ageDays} d`).toBeCloseTo(reference.good, 9);
        expect(sql.bad, `${client.name} bad at −${ageDays} d`).toBeCloseTo(reference.bad, 9);
      }
    }
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
