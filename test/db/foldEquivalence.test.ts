/**
 * The SQL folds production runs (db/queries/portfolio/) equal the pure rules they implement (domain/), over random
 * histories: many clients, traits of both polarities with per-client weights, observations from years ago to
 * today, incidents of every kind with warnings, judged at random moments. The sums behind the weights and the
 * last calls are kept at write time (schema/decay.ts): they must stay equal through logs, edits, undos, erasure
 * and a client's own weights changing, and after a half-life or weight change or a new epoch.
 * Seeded, so a failure names its seed (FOLD_SEED reruns it).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_KINDS, resolveCatalogue, type Catalogue, type IncidentDetails, type IncidentKind } from '../../src/domain/catalogue.js';
import { clientWeekOf, type ClientWeek } from '../../src/domain/clientWeek.js';
import { CATEGORIES } from '../../src/domain/catalogue.js';
import { lastContactOf, overdueForContact } from '../../src/domain/cadence.js';
import { criteriaTallies } from '../../src/domain/firingCriteria.js';
import { foldObservations, health } from '../../src/domain/health.js';
import { weekFlipsOf } from '../../src/domain/turnedBad.js';
import { DAY_MS, type ClientProfile } from '../../src/domain/types.js';
import type { DatabaseHandle } from '../../src/db/client.js';
import { calls, clientRollups, decayBases } from '../../src/db/schema/index.js';
import { editCall, editIncident, loadClientRecord, logCall, logIncident, recordWarning, undoEntry } from '../../src/db/queries/activity.js';
import { createClient, updateClient } from '../../src/db/queries/clients.js';
import { rebuildDecaySums } from '../../src/db/queries/decay.js';
import { weekFlips } from '../../src/db/queries/portfolio/flips.js';
import { loadStandingInputs } from '../../src/db/queries/portfolio/standings.js';
import { loadDigestWeek } from '../../src/db/queries/portfolio/weekRows.js';
import { weightedBaselines } from '../../src/db/queries/portfolio/weights.js';
import { readAroundCall } from '../../src/db/queries/aroundCall.js';
import { eraseClient } from '../../src/db/queries/erasure.js';
import { digestPageWithout } from '../../src/slack/blocks/digest.js';
import { seededRandom } from '../../src/local/seededRandom.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const SEED = Number(process.env.FOLD_SEED ?? 20261123);
const TEAM = 'T0FOLDS';
const NOW = new Date('2026-11-23T09:00:00Z');
const catalogue = resolveCatalogue({ traitWeights: { negative_attitude: 2.5, shares_information: 0.5 } });
/** Moments the weeks are judged at: this week, weeks ago (a digest caught up late), and far back. */
const WEEK_ENDS_AGO = [0, 3.5, 10, 40, 200];

describe.each(TEST_DRIVERS)('SQL folds equal the pure rules over random histories on %s', (driver) => {
  let handle: DatabaseHandle;
  const clients: ClientProfile[] = [];
  const rand = seededRandom(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;
  const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

  /** Details of an incident of `kind`, with the fields the rules look at spread around their thresholds. */
  const detailsOf = (kind: IncidentKind): IncidentDetails => {
    if (kind === 'slow_payment') return { kind, daysLate: pick([5, 30, 59, 60, 90]) };
    if (kind === 'competitor_play') return { kind, onAgreedWork: rand() < 0.6 };
    return { kind } as IncidentDetails;
  };

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    const keys = catalogue.traits.map((t) => t.key);
    for (let c = 0; c < 12; c++) {
      let client = await createClient(handle.owner, {
        teamId: TEAM,
        by: { actor: 'U0SEED', at: daysAgo(800) },
        input: { name: `Random ${c}`, relationship: pick(['long_term', 'stepping_stone', 'unknown'] as const) },
      });
      if (rand() < 0.4)
        client = await updateClient(handle.owner, {
          teamId: TEAM,
          by: 'U0SEED',
          clientId: client.id,
          patch: { traitWeights: { [pick(keys)]: 1 + Math.round(rand() * 30) / 10 } },
        });
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
          await logCall(handle.owner, {
            teamId: TEAM,
            by: 'U0SEED',
            catalogue,
            input: { clientId: client.id, occurredAt: daysAgo(age + rand()), traits: [trait] },
          });
        }
      }
      const calls = Math.floor(rand() * 25);
      for (let i = 0; i < calls; i++) {
        // Mostly recent, some years old (where decay reaches the far tail), a few on the exact judging moments.
        const age = rand() < 0.1 ? 400 + rand() * 900 : rand() < 0.1 ? 7 : rand() * 90;
        const traits = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(keys));
        await logCall(handle.owner, { teamId: TEAM, by: 'U0SEED', catalogue, input: { clientId: client.id, occurredAt: daysAgo(age), traits } });
      }
      // Incidents of every kind, from years ago to today, logged up to two days after they happened.
      const incidents = Math.floor(rand() * 8);
      for (let i = 0; i < incidents; i++) {
        const kind = pick(INCIDENT_KINDS);
        const occurredAt = daysAgo(rand() < 0.2 ? 200 + rand() * 800 : rand() * 200);
        const by = { actor: 'U0SEED', at: new Date(Math.min(NOW.getTime(), occurredAt.getTime() + rand() * 2 * DAY_MS)) };
        await logIncident(handle.owner, { teamId: TEAM, by, input: { clientId: client.id, occurredAt, details: detailsOf(kind) } });
      }
      if (rand() < 0.5) await recordWarning(handle.owner, { teamId: TEAM, by: 'U0SEED', input: { clientId: client.id, givenAt: daysAgo(rand() * 300) } });
    }
    // Stay in touch (its own random, so the histories above stay as they were): every category, some clients with
    // a cadence of their own, and calls without traits by other people, some logged from a Slack message.
    const touch = seededRandom(SEED + 29);
    for (let c = 0; c < clients.length; c++) {
      const own = touch() < 0.35 ? 2 + Math.floor(touch() * 60) : null;
      clients[c] = await updateClient(handle.owner, {
        teamId: TEAM,
        by: 'U0SEED',
        clientId: clients[c]!.id,
        patch: { category: CATEGORIES[c % 4]!, cadenceDays: own },
      });
      for (let i = Math.floor(touch() * 3); i > 0; i--) {
        const occurredAt = daysAgo(Math.floor(touch() * 70) + (touch() < 0.5 ? 0 : 0.5));
        const by = { actor: touch() < 0.5 ? 'U0ANA' : 'U0BOB', at: new Date(occurredAt.getTime() + touch() * DAY_MS) };
        const evidenceUrl = touch() < 0.4 ? `https://acme.slack.com/archives/C0SALES/p${c}${i}` : null;
        await logCall(handle.owner, { teamId: TEAM, by, catalogue, input: { clientId: clients[c]!.id, occurredAt, traits: [], evidenceUrl } });
      }
    }
  });
  afterAll(() => handle?.close());

  const rowsOf = async (h: DatabaseHandle) =>
    new Map((await h.owner.select().from(clientRollups).where(eq(clientRollups.teamId, TEAM))).map((r) => [r.clientId, r]));
  const basisOf = async (h: DatabaseHandle) => (await h.owner.select().from(decayBases).where(eq(decayBases.teamId, TEAM)))[0]!;
  const within = (got: number, want: number, what: string) =>
    // Relative to the sums' size: far-past moments subtract many later observations from the kept sums.
    expect(Math.abs(got - want), what).toBeLessThan(1e-9 * Math.max(1, want));

  /** Every client's SQL weights at each moment equal the pure fold of its raw observations under `judged`. */
  async function expectWeightsEqualReference(judged: Catalogue, what: string) {
    for (const ageDays of [0, 3.5, 7, 30, 200]) {
      const at = daysAgo(ageDays);
      const folded = await weightedBaselines(handle.owner, { teamId: TEAM, catalogue: judged, at });
      for (const client of clients) {
        const raw = (await loadClientRecord(handle.owner, { teamId: TEAM, clientId: client.id })).observations;
        const reference = health(judged, client, foldObservations(judged, raw, at), at);
        const sql = folded.get(client.id) ?? { good: 0, bad: 0 };
        within(sql.good, reference.good, `${what}: ${client.name} good at −${ageDays} d`);
        within(sql.bad, reference.bad, `${what}: ${client.name} bad at −${ageDays} d`);
        expect(folded.has(client.id), `${what}: ${client.name} has a baseline at −${ageDays} d`).toBe(raw.some((o) => o.observedAt <= at));
      }
    }
  }

  /** The digest's week of every client, as SQL gathers it, equals `clientWeekOf` its rows, at each week end. */
  async function expectWeeksEqualReference(judged: Catalogue, what: string) {
    let judgedOn = { criteria: 0, lateAtEnd: 0, weekBad: 0, overdueWithWho: 0 };
    for (const endAgo of WEEK_ENDS_AGO) {
      const weekEnd = daysAgo(endAgo);
      const weeks = new Map((await loadDigestWeek(handle.owner, { teamId: TEAM, catalogue: judged, weekEnd })).map((w) => [w.client.id, w]));
      for (const client of clients) {
        const record = await loadClientRecord(handle.owner, { teamId: TEAM, clientId: client.id });
        const got = weeks.get(client.id)!;
        const rows = { ...got, history: { observations: record.observations }, incidents: record.incidents, warnings: record.warnings };
        const want: ClientWeek = clientWeekOf(judged, { ...rows, lastCallAt: await lastCallBy(client.id, weekEnd) }, weekEnd);
        const at = `${what}: ${client.name}, week ending −${endAgo} d`;
        for (const end of ['atStart', 'atEnd'] as const) {
          expect(got.weighted[end] === undefined, `${at}: ${end} unknown`).toBe(want.weighted[end] === undefined);
          within(got.weighted[end]?.good ?? 0, want.weighted[end]?.good ?? 0, `${at}: ${end} good`);
          within(got.weighted[end]?.bad ?? 0, want.weighted[end]?.bad ?? 0, `${at}: ${end} bad`);
        }
        expect(got.flips, `${at}: flips`).toEqual(want.flips);
        expect(got.weekBad, `${at}: the week's bad observations`).toEqual(want.weekBad);
        expect(got.criteria, `${at}: criteria`).toEqual(want.criteria);
        expect(got.latePayments, `${at}: late payments`).toEqual(want.latePayments);
        expect(got.lastCallAt, `${at}: last call`).toEqual(want.lastCallAt);
        // Overdue for contact, and who was last in touch and how, as the pure rule says from all the client's calls.
        expect(got.client.cadenceDays ?? null, `${at}: own cadence`).toBe(client.cadenceDays ?? null);
        const wantOverdue = overdueForContact(judged, client, want.lastCallAt, weekEnd, 'UTC', lastContactOf(await callsOf(client.id), weekEnd));
        expect(overdueForContact(judged, got.client, got.lastCallAt, weekEnd, 'UTC', got.lastContact), `${at}: overdue for contact`).toEqual(wantOverdue);
        if (wantOverdue?.lastContact) judgedOn.overdueWithWho++;
        judgedOn = {
          ...judgedOn,
          criteria: judgedOn.criteria + Object.keys(got.criteria).length,
          lateAtEnd: judgedOn.lateAtEnd + got.latePayments.atEnd.count,
          weekBad: judgedOn.weekBad + got.weekBad.count,
        };
      }
    }
    // The histories must exercise the rules, not only their absence.
    expect(judgedOn.criteria).toBeGreaterThan(10);
    expect(judgedOn.lateAtEnd).toBeGreaterThan(0);
    expect(judgedOn.weekBad).toBeGreaterThan(0);
    expect(judgedOn.overdueWithWho).toBeGreaterThan(0);
  }

  /** All the client's calls: who logged each, when, and whether from a Slack message. */
  const callsOf = (clientId: string) =>
    handle.owner
      .select({ id: calls.id, occurredAt: calls.occurredAt, loggedAt: calls.loggedAt, loggedBy: calls.loggedBy, evidenceUrl: calls.evidenceUrl })
      .from(calls)
      .where(and(eq(calls.teamId, TEAM), eq(calls.clientId, clientId)));

  /** The client's last call at or before `by`, from all its calls. */
  const lastCallBy = async (clientId: string, by: Date) => {
    const rows = await handle.owner
      .select({ at: calls.occurredAt })
      .from(calls)
      .where(and(eq(calls.teamId, TEAM), eq(calls.clientId, clientId)));
    return (
      rows
        .map((r) => r.at)
        .filter((at) => at <= by)
        .sort((a, b) => b.getTime() - a.getTime())[0] ?? null
    );
  };

  it(`decayed weights (seed ${SEED})`, async () => {
    await expectWeightsEqualReference(catalogue, 'first read');
  });

  it(`a call's confirmation: weights now with and without the call, and at the previous call without it (seed ${SEED})`, async () => {
    let withPrevious = 0;
    for (const client of clients) {
      // The latest logged call, judged a minute after it was logged (as its confirmation is).
      const own = (await callsOf(client.id)).sort((a, b) => a.loggedAt.getTime() - b.loggedAt.getTime() || a.id.localeCompare(b.id));
      const call = own.at(-1);
      if (!call) continue;
      const at = new Date(call.loggedAt.getTime() + 60_000);
      const raw = (await loadClientRecord(handle.owner, { teamId: TEAM, clientId: client.id })).observations;
      const others = raw.filter((o) => o.callId !== call.id);
      const { weights: got } = await readAroundCall(handle.owner, {
        teamId: TEAM,
        catalogue,
        call: { ...call, clientId: client.id, traits: [] },
        at,
        disputes: false,
      });
      const reference = (observations: typeof raw, at: Date) => health(catalogue, client, foldObservations(catalogue, observations, at), at);
      const what = `${client.name}, call ${call.id}`;
      for (const [name, totals, want] of [
        ['with', got.withCall, reference(raw, at)],
        ['without', got.withoutCall, reference(others, at)],
      ] as const) {
        within(totals.good, want.good, `${what}: ${name} good`);
        within(totals.bad, want.bad, `${what}: ${name} bad`);
      }
      const previousAt = own
        .filter((c) => c.id !== call.id)
        .map((c) => c.loggedAt)
        .reduce<Date | undefined>((latest, at) => (!latest || at > latest ? at : latest), undefined);
      expect(got.previous?.at.getTime(), `${what}: previous call`).toBe(previousAt && previousAt < at ? previousAt.getTime() : undefined);
      if (got.previous) {
        withPrevious++;
        const want = reference(others, got.previous.at);
        within(got.previous.totals.good, want.good, `${what}: previous good`);
        within(got.previous.totals.bad, want.bad, `${what}: previous bad`);
      }
    }
    expect(withPrevious).toBeGreaterThan(3);
  });

  it(`a client's week: weights at both ends, the week's bad observations, criteria, late payments, last call, overdue for contact (seed ${SEED})`, async () => {
    await expectWeeksEqualReference(catalogue, 'first read');
  });

  it(`the standings of /client list and the Home tab count criteria as the rules do (seed ${SEED})`, async () => {
    for (const ageDays of [0, 30, 200]) {
      const at = daysAgo(ageDays);
      const standings = new Map((await loadStandingInputs(handle.owner, { teamId: TEAM, catalogue, at })).map((s) => [s.client.id, s]));
      for (const client of clients) {
        const record = await loadClientRecord(handle.owner, { teamId: TEAM, clientId: client.id });
        expect(standings.get(client.id)!.criteria, `${client.name} at −${ageDays} d`).toEqual(
          criteriaTallies(catalogue, record.incidents, record.warnings, at),
        );
      }
    }
  });

  it(`sums and last calls kept at write time through logs, edits, undos, weight changes and erasure (seed ${SEED})`, async () => {
    await weightedBaselines(handle.owner, { teamId: TEAM, catalogue, at: NOW }); // the sums are kept from here on
    const keys = catalogue.traits.map((t) => t.key);
    const logged: { callId: string; clientId: string }[] = [];
    for (const client of clients.slice(0, 6)) {
      for (let i = 0; i < 4; i++) {
        const traits = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(keys));
        const occurredAt = daysAgo(rand() * 120);
        const { entry } = await logCall(handle.owner, { teamId: TEAM, by: 'U0EDIT', catalogue, input: { clientId: client.id, occurredAt, traits } });
        logged.push({ callId: entry.id, clientId: client.id });
      }
    }
    // Edits move calls in time and change their traits (or clear them); undos remove calls (the latest, some of
    // them, so a last call moves back); clients' own weights change; one client is erased.
    for (const { callId, clientId } of logged.slice(0, 10)) {
      const traits = rand() < 0.2 ? [] : Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(keys));
      await editCall(handle.owner, { teamId: TEAM, by: 'U0EDIT', catalogue, callId, input: { clientId, occurredAt: daysAgo(rand() * 400), traits } });
    }
    for (const { callId } of logged.slice(10, 16)) await undoEntry(handle.owner, { teamId: TEAM, by: 'U0EDIT', entry: { kind: 'call', id: callId } });
    // Incidents are logged, edited (another kind, moment or details) and undone: their tallies follow.
    const incidents: { id: string; clientId: string }[] = [];
    for (const client of clients.slice(0, 8)) {
      for (let i = 0; i < 3; i++) {
        const { entry } = await logIncident(handle.owner, {
          teamId: TEAM,
          by: 'U0EDIT',
          input: {
            clientId: client.id,
            occurredAt: daysAgo(rand() * 300),
            details: detailsOf(pick(INCIDENT_KINDS)),
          },
        });
        incidents.push({ id: entry.id, clientId: client.id });
      }
    }
    for (const { id, clientId } of incidents.slice(0, 8)) {
      await editIncident(handle.owner, {
        teamId: TEAM,
        by: 'U0EDIT',
        incidentId: id,
        input: { clientId, occurredAt: daysAgo(rand() * 300), details: detailsOf(pick(INCIDENT_KINDS)) },
      });
    }
    for (const { id } of incidents.slice(8, 14)) await undoEntry(handle.owner, { teamId: TEAM, by: 'U0EDIT', entry: { kind: 'incident', id } });
    for (const i of [1, 2, 4]) {
      clients[i] = await updateClient(handle.owner, {
        teamId: TEAM,
        by: 'U0EDIT',
        clientId: clients[i]!.id,
        patch: { traitWeights: { [pick(keys)]: 0.5 + Math.round(rand() * 40) / 10 } },
      });
    }
    const erased = clients.pop()!;
    await eraseClient(handle.owner, { teamId: TEAM, by: 'U0EDIT', clientId: erased.id, pageWithout: digestPageWithout });
    await expectWeightsEqualReference(catalogue, 'kept through writes');
    await expectWeeksEqualReference(catalogue, 'kept through writes');
    // What was kept equals a rebuild from scratch, row for row.
    const kept = await rowsOf(handle);
    expect(kept.has(erased.id)).toBe(false);
    await rebuildDecaySums(handle.owner, { teamId: TEAM, catalogue, epoch: (await basisOf(handle)).epoch });
    const rebuilt = await rowsOf(handle);
    expect([...kept.keys()].sort()).toEqual([...rebuilt.keys()].sort());
    for (const [clientId, row] of rebuilt) {
      const k = kept.get(clientId)!;
      expect(k.observations, clientId).toBe(row.observations);
      expect(k.lastCallAt, clientId).toEqual(row.lastCallAt);
      expect(k.incidentTallies, clientId).toEqual(row.incidentTallies);
      within(k.goodMass, row.goodMass, `${clientId} good`);
      within(k.badMass, row.badMass, `${clientId} bad`);
    }
  });

  it(`sums rebuilt after a half-life change, a weight change and on a new epoch (seed ${SEED})`, async () => {
    const slower = resolveCatalogue({ traitWeights: { negative_attitude: 2.5, shares_information: 0.5 }, thresholds: { health: { halfLifeDays: 45 } } });
    await expectWeightsEqualReference(slower, 'half-life 45 d');
    expect((await basisOf(handle)).halfLifeDays).toBe(45);
    // Other windows: rules counted from the tallies (windowless) and from the rows (with a window) trade places.
    const rewindowed = resolveCatalogue({
      thresholds: {
        criteria: {
          physical_abuse: { count: 1, windowDays: 365 },
          mental_abuse: { count: 1, windowDays: 120 },
          competitor_play: { count: 1, windowDays: null },
          invoice_dispute: { count: 2, windowDays: null },
          slow_payment: { count: 2, windowDays: null, severeDaysLate: 30 },
        },
        cadenceDays: { vip: 3, regular: 9, problem: 45, employee: 20 },
      },
    });
    await expectWeeksEqualReference(rewindowed, 'windows changed');
    const reweighed = resolveCatalogue({ traitWeights: { negative_attitude: 1, poor_etiquette: 4 } });
    await expectWeightsEqualReference(reweighed, 'weights changed');
    await expectWeeksEqualReference(reweighed, 'weights changed');
    expect((await basisOf(handle)).traits!.poor_etiquette).toEqual({ polarity: 'bad', weight: 4 });
    // An epoch 250 half-lives back (as after years of use): terms near 2^250, still exact once scaled.
    await rebuildDecaySums(handle.owner, { teamId: TEAM, catalogue, epoch: new Date(NOW.getTime() - 250 * 30 * DAY_MS) });
    await logCall(handle.owner, { teamId: TEAM, by: 'U0EDIT', catalogue, input: { clientId: clients[0]!.id, occurredAt: NOW, traits: ['positive_attitude'] } });
    await expectWeightsEqualReference(catalogue, 'old epoch');
    // Past the re-basing point the next read moves the epoch to its own moment.
    await rebuildDecaySums(handle.owner, { teamId: TEAM, catalogue, epoch: new Date(NOW.getTime() - 300 * 30 * DAY_MS) });
    await expectWeightsEqualReference(catalogue, 're-based');
    expect(Math.abs((await basisOf(handle)).epoch.getTime() - NOW.getTime())).toBeLessThan(250 * DAY_MS);
  });

  it(`dimensions flipped during a week (seed ${SEED})`, async () => {
    let flipsSeen = 0;
    for (const endAgo of [0, 10, 40]) {
      const weekEnd = daysAgo(endAgo);
      const flips = await weekFlips(handle.owner, { teamId: TEAM, catalogue, weekStart: new Date(weekEnd.getTime() - 7 * DAY_MS), weekEnd });
      for (const client of clients) {
        const raw = (await loadClientRecord(handle.owner, { teamId: TEAM, clientId: client.id })).observations;
        const want = weekFlipsOf(catalogue, raw, weekEnd);
        expect(flips.get(client.id) ?? [], `${client.name} −${endAgo} d`).toEqual(want);
        flipsSeen += want.length;
      }
    }
    // The histories must exercise the rule, not only its absence.
    expect(flipsSeen).toBeGreaterThan(0);
  });

  it('a catalogue without good traits has nothing to flip from', async () => {
    const badOnly = { ...catalogue, traits: catalogue.traits.filter((t) => t.polarity === 'bad') };
    const weekEnd = daysAgo(0);
    const flips = await weekFlips(handle.owner, { teamId: TEAM, catalogue: badOnly, weekStart: new Date(weekEnd.getTime() - 7 * DAY_MS), weekEnd });
    expect(flips.size).toBe(0);
    for (const client of clients)
      expect(weekFlipsOf(badOnly, (await loadClientRecord(handle.owner, { teamId: TEAM, clientId: client.id })).observations, weekEnd)).toEqual([]);
  });
});
