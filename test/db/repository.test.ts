import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scheduleOf } from '../../src/digest/run.js';
import { count, eq } from 'drizzle-orm';
import { DEFAULT_CATALOGUE, resolveCatalogue } from '../../src/domain/catalogue.js';
import { clientWeekOf } from '../../src/domain/clientWeek.js';
import { selectDigest } from '../../src/domain/digestSelection.js';
import type { Database, DatabaseHandle } from '../../src/db/client.js';
import { createClient, findClientByName, listClients, updateClient, getClient, searchClients } from '../../src/db/queries/clients.js';
import { loadClientRecord, logCall, logIncident, recordWarning } from '../../src/db/queries/activity.js';
import { recordDecision, snoozeClient } from '../../src/db/queries/decisions.js';
import { loadDigestEvidence } from '../../src/db/queries/portfolio/evidence.js';
import { weekFlips } from '../../src/db/queries/portfolio/flips.js';
import { loadDigestWeek } from '../../src/db/queries/portfolio/weekRows.js';
import { weightedBaselines } from '../../src/db/queries/portfolio/weights.js';
import { weekFlipsOf } from '../../src/domain/turnedBad.js';
import { catalogueOf, ensureWorkspace, updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import * as schema from '../../src/db/schema/index.js';
import { DAY_MS } from '../../src/domain/types.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

/** Each test has workspaces of its own (tests stand alone and run in any order): T1 and T2, fresh per test. */
let T1 = '';
let T2 = '';
let teams = 0;
const U = 'U0ALICE';
const cat = DEFAULT_CATALOGUE;
/**
 * The database stamps rows (a client's createdAt, an entry's loggedAt) with its own clock, so these tests
 * look at the data from just after the real now, never from a fixed date that the real clock will pass.
 */
const NOW = new Date(Date.now() + 60_000);
const daysAgo = (days: number, from: Date = NOW) => new Date(from.getTime() - days * DAY_MS);

async function rows(db: Database, table: 'calls' | 'traitObservations' | 'incidents' | 'auditLog' | 'clientCategoryChanges' | 'decisions') {
  const [r] = await db.select({ n: count() }).from(schema[table]);
  return r!.n;
}

describe.each(TEST_DRIVERS)('repository on %s', (driver) => {
  let handle: DatabaseHandle;
  let db: Database;
  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    db = handle.owner;
  });
  afterAll(() => handle?.close());
  beforeEach(() => {
    T1 = `T0ONE${++teams}`;
    T2 = `T0TWO${teams}`;
  });
  /** The clients most tests start from: Acme Corp (VIP, 1,200/month), Globex and Hooli in T1, Acme Corp in T2. */
  const seed = async () => ({
    acme: await createClient(db, { teamId: T1, by: U, input: { name: 'Acme Corp', category: 'vip', monthlyValue: 1200 } }),
    globex: await createClient(db, { teamId: T1, by: U, input: { name: 'Globex' } }),
    hooli: await createClient(db, { teamId: T1, by: U, input: { name: 'Hooli' } }),
    theirAcme: await createClient(db, { teamId: T2, by: 'U0BOB', input: { name: 'Acme Corp' } }),
  });

  describe('clients', () => {
    it('creates a client with defaults and finds it by name, ignoring case and spaces', async () => {
      const acme = await createClient(db, { teamId: T1, by: U, input: { name: 'Acme Corp', category: 'vip', monthlyValue: 1200 } });
      expect(acme).toMatchObject({ name: 'Acme Corp', category: 'vip', relationship: 'unknown', status: 'active', monthlyValue: 1200 });
      expect((await findClientByName(db, { teamId: T1, name: '  acme CORP ' })).id).toBe(acme.id);
    });

    it('refuses a second client with the same name in any case, and stores nothing', async () => {
      await seed();
      const before = await rows(db, 'auditLog');
      await expect(createClient(db, { teamId: T1, by: U, input: { name: 'ACME corp' } })).rejects.toMatchObject({ code: 'conflict' });
      expect(await rows(db, 'auditLog')).toBe(before);
    });

    it('suggests close names instead of picking one', async () => {
      await seed();
      await expect(findClientByName(db, { teamId: T1, name: 'acm' })).rejects.toMatchObject({ code: 'not_found', detail: { suggestions: ['Acme Corp'] } });
      await expect(findClientByName(db, { teamId: T1, name: 'Glbex' })).rejects.toThrow('Did you mean “Globex”?');
      await expect(findClientByName(db, { teamId: T1, name: 'Zzyzx' })).rejects.toMatchObject({ code: 'not_found', detail: { suggestions: [] } });
    });

    it('treats LIKE wildcards and SQL-looking names as plain text', async () => {
      const odd = await createClient(db, { teamId: T1, by: U, input: { name: "O'Brien % Sons; drop table clients;--" } });
      expect((await findClientByName(db, { teamId: T1, name: "o'brien % sons; DROP TABLE clients;--" })).id).toBe(odd.id);
      expect((await searchClients(db, { teamId: T1, typed: '%' })).map((c) => c.name)).toEqual([odd.name]);
    });

    it('rejects invalid input with the field named', async () => {
      await expect(createClient(db, { teamId: T1, by: U, input: { name: '' } })).rejects.toMatchObject({ code: 'invalid_input', detail: { field: 'name' } });
      await expect(createClient(db, { teamId: T1, by: U, input: { name: 'x'.repeat(81) } })).rejects.toThrow(/at most 80/);
      await expect(createClient(db, { teamId: T1, by: U, input: { name: 'a\nb' } })).rejects.toThrow(/control characters/);
    });

    it('keeps category history and stamps the exit; a failed update leaves no history behind', async () => {
      await seed();
      const c = await createClient(db, { teamId: T1, by: U, input: { name: 'Initech' } });
      await updateClient(db, { teamId: T1, by: U, clientId: c.id, patch: { category: 'problem' } });
      const exited = await updateClient(db, { teamId: T1, by: U, clientId: c.id, patch: { status: 'exited' } });
      expect(exited.exitedAt).toBeInstanceOf(Date);
      const history = await db.select().from(schema.clientCategoryChanges).where(eq(schema.clientCategoryChanges.clientId, c.id));
      expect(history).toMatchObject([{ fromCategory: 'regular', toCategory: 'problem', changedBy: U }]);

      // Renaming onto an existing name fails after the history row was written: the transaction takes both back.
      const changes = await rows(db, 'clientCategoryChanges');
      await expect(updateClient(db, { teamId: T1, by: U, clientId: c.id, patch: { category: 'vip', name: 'globex' } })).rejects.toMatchObject({
        code: 'conflict',
      });
      expect(await rows(db, 'clientCategoryChanges')).toBe(changes);
      expect((await getClient(db, { teamId: T1, clientId: c.id }))?.category).toBe('problem');
    });
  });

  describe('tenant isolation', () => {
    it('never returns or changes another workspace’s data', async () => {
      const { acme: theirs, theirAcme: mine } = await seed(); // same name, other workspace: allowed
      expect(mine.id).not.toBe(theirs.id);
      expect((await listClients(db, { teamId: T2 })).map((c) => c.name)).toEqual(['Acme Corp']);
      expect(await getClient(db, { teamId: T2, clientId: theirs.id })).toBeUndefined();
      expect(await searchClients(db, { teamId: T2, typed: 'glob' })).toEqual([]);
      await expect(findClientByName(db, { teamId: T2, name: 'Globex' })).rejects.toMatchObject({ code: 'not_found', detail: { suggestions: [] } });

      // Writes naming another workspace's client are refused and store nothing.
      const calls = await rows(db, 'calls');
      await expect(logCall(db, { teamId: T2, by: 'U0BOB', catalogue: cat, input: { clientId: theirs.id, occurredAt: NOW } })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(
        logIncident(db, { teamId: T2, by: 'U0BOB', input: { clientId: theirs.id, occurredAt: NOW, details: { kind: 'lying' } } }),
      ).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(updateClient(db, { teamId: T2, by: 'U0BOB', clientId: theirs.id, patch: { status: 'exited' } })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(recordDecision(db, { teamId: T2, by: 'U0BOB', input: { clientId: theirs.id, kind: 'start_exit' } })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(snoozeClient(db, { teamId: T2, by: 'U0BOB', input: { clientId: theirs.id, days: 14 } })).rejects.toMatchObject({ code: 'not_found' });
      expect(await rows(db, 'calls')).toBe(calls);
      expect((await getClient(db, { teamId: T1, clientId: theirs.id }))?.status).toBe('active');

      await logCall(db, { teamId: T1, by: U, catalogue: cat, input: { clientId: theirs.id, occurredAt: daysAgo(1), traits: ['positive_attitude'] } });
      expect((await loadClientRecord(db, { teamId: T2, clientId: theirs.id })).observations).toEqual([]);
      expect((await loadDigestWeek(db, { teamId: T2, catalogue: cat, weekEnd: NOW })).map((w) => w.client.id)).toEqual([mine.id]);
    });

    it('the database itself refuses a row pointing at another workspace’s client', async () => {
      const { globex: theirs } = await seed();
      await expect(db.insert(schema.calls).values({ teamId: T2, clientId: theirs.id, occurredAt: NOW, loggedBy: 'U0BOB' })).rejects.toThrow();
    });
  });

  describe('calls and incidents', () => {
    it('stores a call with its observations and an audit row', async () => {
      const { hooli: c } = await seed();
      const logged = await logCall(db, {
        teamId: T1,
        by: U,
        catalogue: cat,
        input: {
          clientId: c.id,
          occurredAt: daysAgo(2),
          traits: ['excellent_communication', 'no_data_sharing', 'no_data_sharing'],
          notes: '  Weekly sync, still no usage data  ',
          ourSide: ['clarity'],
        },
      });
      expect(logged.duplicate).toBe(false);
      expect(logged.entry).toMatchObject({
        notes: 'Weekly sync, still no usage data',
        ourSide: ['clarity'],
        traits: ['excellent_communication', 'no_data_sharing'],
      });
      const record = await loadClientRecord(db, { teamId: T1, clientId: c.id });
      expect(record.observations.map((o) => o.trait).sort()).toEqual(['excellent_communication', 'no_data_sharing']);
      expect(record.observations[0]).toMatchObject({ loggedBy: U, observedAt: daysAgo(2) });
      expect(record.lastCallAt).toEqual(daysAgo(2));
      // Without an order Postgres may return rows in any order (it did, once, in CI).
      const audit = await db.select().from(schema.auditLog).where(eq(schema.auditLog.entityId, c.id)).orderBy(schema.auditLog.id);
      expect(audit.map((a) => a.action)).toEqual(['client.create', 'call.log']);
    });

    it('a client’s record holds its latest 20 calls, newest first, as stored, and when it was last called', async () => {
      const { hooli: c } = await seed();
      expect(await loadClientRecord(db, { teamId: T1, clientId: c.id })).toEqual({
        observations: [],
        incidents: [],
        warnings: [],
        calls: [],
        lastCallAt: null,
      });
      for (let day = 25; day >= 1; day--)
        await logCall(db, {
          teamId: T1,
          by: { actor: U, requestKey: `rec:${day}` },
          catalogue: cat,
          input: { clientId: c.id, occurredAt: daysAgo(day), traits: [], notes: `day ${day}`, ourSide: day === 1 ? ['clarity'] : [] },
        });
      const record = await loadClientRecord(db, { teamId: T1, clientId: c.id });
      expect(record.calls).toHaveLength(20);
      expect(record.calls.map((call) => call.notes)).toEqual(Array.from({ length: 20 }, (_, i) => `day ${i + 1}`));
      const [stored] = await db.select().from(schema.calls).where(eq(schema.calls.requestKey, 'rec:1'));
      expect(record.calls[0]).toEqual(stored);
      expect(record.calls[0]!.ourSide).toEqual(['clarity']);
      expect(record.lastCallAt).toEqual(daysAgo(1));
    });

    it('a retried request key stores the call once and returns the stored one', async () => {
      const { hooli: c, theirAcme: other } = await seed();
      const input = { clientId: c.id, occurredAt: NOW, traits: ['positive_attitude'] };
      const by = { actor: U, requestKey: 'cmd:abc' };
      const before = { calls: await rows(db, 'calls'), obs: await rows(db, 'traitObservations') };
      const results = await Promise.all([1, 2, 3].map(() => logCall(db, { teamId: T1, by, catalogue: cat, input }).catch((e) => e)));
      expect(results.filter((r) => r.duplicate === false)).toHaveLength(1);
      expect(await rows(db, 'calls')).toBe(before.calls + 1);
      expect(await rows(db, 'traitObservations')).toBe(before.obs + 1);
      const again = await logCall(db, { teamId: T1, by, catalogue: cat, input });
      expect(again).toMatchObject({ duplicate: true, entry: { traits: ['positive_attitude'] } });
      // The same key in another workspace is another request.
      expect(
        (await logCall(db, { teamId: T2, by: { actor: 'U0BOB', requestKey: 'cmd:abc' }, catalogue: cat, input: { ...input, clientId: other.id } })).duplicate,
      ).toBe(false);
    });

    it('refuses unknown traits and oversize notes before writing anything', async () => {
      const { hooli: c } = await seed();
      const before = await rows(db, 'calls');
      await expect(logCall(db, { teamId: T1, by: U, catalogue: cat, input: { clientId: c.id, occurredAt: NOW, traits: ['charm'] } })).rejects.toThrow(
        'Unknown trait: charm.',
      );
      await expect(logCall(db, { teamId: T1, by: U, catalogue: cat, input: { clientId: c.id, occurredAt: NOW, notes: 'x'.repeat(10_000) } })).rejects.toThrow(
        /at most 3000/,
      );
      expect(await rows(db, 'calls')).toBe(before);
    });

    it('stores incidents with kind-specific fields, idempotently', async () => {
      const { hooli: c } = await seed();
      const input = {
        clientId: c.id,
        occurredAt: daysAgo(1),
        description: 'INV-7 paid late',
        details: { kind: 'slow_payment', daysLate: 65, invoiceRef: 'INV-7', amount: 1200 } as const,
      };
      const by = { actor: U, requestKey: 'view:1' };
      const first = await logIncident(db, { teamId: T1, by, input });
      expect(first.entry.details).toEqual({ kind: 'slow_payment', daysLate: 65, invoiceRef: 'INV-7', amount: 1200 });
      expect((await logIncident(db, { teamId: T1, by, input })).duplicate).toBe(true);
      await expect(logIncident(db, { teamId: T1, by: U, input: { ...input, details: { kind: 'slow_payment' } as never } })).rejects.toMatchObject({
        code: 'invalid_input',
      });
      expect((await loadClientRecord(db, { teamId: T1, clientId: c.id })).incidents).toHaveLength(1);
    });

    it('records warnings for criterion 2, only for an incident of the same client', async () => {
      const { hooli: c, globex } = await seed();
      const abuse = await logIncident(db, { teamId: T1, by: U, input: { clientId: c.id, occurredAt: daysAgo(3), details: { kind: 'mental_abuse' } } });
      const w = await recordWarning(db, { teamId: T1, by: U, input: { clientId: c.id, givenAt: daysAgo(3), incidentId: abuse.entry.id } });
      expect(w).toMatchObject({ kind: 'mental_abuse', givenBy: U });
      await expect(recordWarning(db, { teamId: T1, by: U, input: { clientId: globex.id, givenAt: NOW, incidentId: abuse.entry.id } })).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });

  describe('decisions', () => {
    it('require prepayment and start exit set the status; keep needs a reason', async () => {
      const c = await createClient(db, { teamId: T1, by: U, input: { name: 'Umbrella' } });
      await recordDecision(db, { teamId: T1, by: U, input: { clientId: c.id, kind: 'require_prepayment' } });
      expect((await getClient(db, { teamId: T1, clientId: c.id }))?.status).toBe('prepay_only');
      await expect(recordDecision(db, { teamId: T1, by: U, input: { clientId: c.id, kind: 'keep', reason: '  ' } })).rejects.toMatchObject({
        code: 'invalid_input',
        detail: { field: 'reason' },
      });
      await recordDecision(db, { teamId: T1, by: U, input: { clientId: c.id, kind: 'keep', reason: 'Biggest account' } });
      await recordDecision(db, { teamId: T1, by: U, input: { clientId: c.id, kind: 'start_exit' } });
      expect(await getClient(db, { teamId: T1, clientId: c.id })).toMatchObject({ status: 'exited', exitedAt: expect.any(Date) });
      const { snooze, created } = await snoozeClient(db, { teamId: T1, by: U, input: { clientId: c.id, days: 14 } });
      expect(created).toBe(true);
      expect(snooze.until.getTime() - snooze.snoozedAt.getTime()).toBe(14 * 86_400_000);
      // Snoozed again while the first runs: the first one stands, nothing new is stored.
      expect(await snoozeClient(db, { teamId: T1, by: 'U0BOB', input: { clientId: c.id, days: 7 } })).toEqual({ snooze, created: false });
    });
  });

  describe('workspaces', () => {
    it('creates a workspace with the default schedule and validates settings', async () => {
      const w = await ensureWorkspace(db, { teamId: T1 });
      expect(w).toMatchObject({ digestDay: null, digestTime: '09:00', timeZone: 'UTC', digestChannelId: null, language: null, currency: null });
      expect(scheduleOf(w).day).toBe(1);
      await expect(updateWorkspaceSettings(db, { teamId: T1, by: U, patch: { timeZone: 'Mars/Olympus' } })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(updateWorkspaceSettings(db, { teamId: T1, by: U, patch: { digestTime: '9am' } })).rejects.toThrow(/HH:MM/);
      await expect(updateWorkspaceSettings(db, { teamId: T1, by: U, patch: { settings: { thresholds: { cadenceDays: { vip: 0 } } } } })).rejects.toThrow(
        /cadenceDays/,
      );
      const updated = await updateWorkspaceSettings(db, {
        teamId: T1,
        by: U,
        patch: {
          timeZone: 'Europe/Istanbul',
          digestChannelId: 'C0DIGEST',
          settings: { thresholds: { cadenceDays: { regular: 21 } } },
        },
      });
      expect(updated).toMatchObject({ timeZone: 'Europe/Istanbul', digestChannelId: 'C0DIGEST' });
      expect(catalogueOf(await ensureWorkspace(db, { teamId: T1 })).thresholds.cadenceDays.regular).toBe(21);
    });
  });

  describe('digest week', () => {
    it('folds old observations in SQL exactly as the engine does, and selects the same digest', async () => {
      const c = await createClient(db, { teamId: T1, by: U, input: { name: 'Stark', relationship: 'long_term' } });
      const ages = [400, 200, 120, 90, 82, 81.5, 60, 30, 10, 3, 1];
      for (const [i, age] of ages.entries()) {
        await logCall(db, {
          teamId: T1,
          by: U,
          catalogue: cat,
          input: {
            clientId: c.id,
            occurredAt: daysAgo(age),
            traits: i % 3 === 0 ? ['positive_attitude'] : ['no_data_sharing', 'terrible_communication'],
          },
        });
      }
      await logIncident(db, { teamId: T1, by: U, input: { clientId: c.id, occurredAt: daysAgo(2), details: { kind: 'lying' } } });
      await logIncident(db, { teamId: T1, by: U, input: { clientId: c.id, occurredAt: daysAgo(1000), details: { kind: 'legal_exposure' } } });
      await logIncident(db, { teamId: T1, by: U, input: { clientId: c.id, occurredAt: daysAgo(1000), details: { kind: 'changes_mind' } } });

      const [week] = await loadDigestWeek(db, { teamId: T1, catalogue: cat, weekEnd: NOW });
      const record = await loadClientRecord(db, { teamId: T1, clientId: c.id });
      const rowsOf = (client: typeof c) => ({
        client,
        history: { observations: record.observations },
        incidents: record.incidents,
        warnings: record.warnings,
        snoozes: [],
        decisions: [],
        lastCallAt: record.lastCallAt,
        loggedThisWeek: week!.loggedThisWeek,
      });
      const reference = clientWeekOf(cat, rowsOf(c), NOW);
      for (const end of ['atStart', 'atEnd'] as const) {
        expect(week!.weighted[end]!.good).toBeCloseTo(reference.weighted[end]!.good, 9);
        expect(week!.weighted[end]!.bad).toBeCloseTo(reference.weighted[end]!.bad, 9);
      }
      expect(week!.weekBad).toEqual(reference.weekBad);
      expect(week!.weekBad.count).toBe(2); // the call a day ago: two bad traits (the one 3 days ago was good)
      expect(week!.criteria).toEqual(reference.criteria);
      expect(week!.latePayments).toEqual(reference.latePayments);

      // Weights in SQL follow the client's own weights over the workspace's, as the engine does.
      const heavier = resolveCatalogue({ traitWeights: { positive_attitude: 2.5 } });
      const weighted = await updateClient(db, { teamId: T1, by: U, clientId: c.id, patch: { traitWeights: { no_data_sharing: 3 } } });
      const [reweighted] = await loadDigestWeek(db, { teamId: T1, catalogue: heavier, weekEnd: NOW });
      const expected = clientWeekOf(heavier, rowsOf(weighted), NOW);
      expect(reweighted!.weighted.atEnd!.good).toBeCloseTo(expected.weighted.atEnd!.good, 9);
      expect(reweighted!.weighted.atEnd!.bad).toBeCloseTo(expected.weighted.atEnd!.bad, 9);
      // Windowless criteria count incidents of any age; windowed ones only inside their window.
      expect(Object.keys(week!.criteria).sort()).toEqual(['legal_exposure', 'lying']);
      expect(week!.lastCallAt).toEqual(daysAgo(1));
      // "Logged this week" goes by when rows were written (the real clock), not by when the call happened.
      const [justNow] = await loadDigestWeek(db, { teamId: T1, catalogue: cat, weekEnd: new Date(Date.now() + 60_000) });
      expect(justNow!.loggedThisWeek).toEqual({ calls: ages.length, incidents: 3 });
      const [later] = await loadDigestWeek(db, { teamId: T1, catalogue: cat, weekEnd: new Date(Date.now() + 8 * 86_400_000) });
      expect(later!.loggedThisWeek).toEqual({ calls: 0, incidents: 0 });

      const selection = selectDigest(cat, [week!], NOW);
      const evidence = await loadDigestEvidence(db, { teamId: T1, catalogue: cat, weekEnd: NOW, clientIds: [c.id] });
      expect(evidence.get(c.id)!.criteria.map((m) => m.incidents.map((i) => i.kind))).toEqual([['lying'], ['legal_exposure']]);
      expect(evidence.get(c.id)!.weekBad).toHaveLength(2);
      expect(selection.sections.firing.map((e) => e.criteria.map((m) => m.criterion.number))).toEqual([[3, 10]]);
    });

    it('counts dimension flips in SQL exactly as the engine does from raw observations, at both ends of the week', async () => {
      const stories: [string, [number, string][]][] = [
        [
          'Flips now',
          [
            [40, 'shares_information'],
            [30, 'shares_information'],
            [3, 'no_data_sharing'],
            [1, 'no_data_sharing'],
          ],
        ],
        [
          'Flipped last week',
          [
            [50, 'positive_attitude'],
            [45, 'positive_attitude'],
            [12, 'negative_attitude'],
            [9, 'negative_attitude'],
          ],
        ],
        [
          'Tie before',
          [
            [30, 'shares_opinions'],
            [29, 'withholds_opinions'],
            [2, 'withholds_opinions'],
            [1, 'withholds_opinions'],
          ],
        ],
        [
          'Only one bad',
          [
            [30, 'excellent_communication'],
            [1, 'terrible_communication'],
          ],
        ],
        [
          'Prior too old',
          [
            [80, 'exceeds_expectations'],
            [78, 'exceeds_expectations'],
            [2, 'hoards_knowledge'],
            [1, 'hoards_knowledge'],
          ],
        ],
      ];
      const weekEnd = NOW;
      for (const [name, obs] of stories) {
        const c = await createClient(db, { teamId: T1, by: U, input: { name } });
        for (const [age, trait] of obs)
          await logCall(db, { teamId: T1, by: U, catalogue: cat, input: { clientId: c.id, occurredAt: daysAgo(age), traits: [trait] } });
      }
      const sqlFlips = await weekFlips(db, { teamId: T1, catalogue: cat, weekStart: daysAgo(7, weekEnd), weekEnd });
      for (const [name] of stories) {
        const c = await findClientByName(db, { teamId: T1, name });
        const raw = (await loadClientRecord(db, { teamId: T1, clientId: c.id })).observations;
        expect(sqlFlips.get(c.id) ?? [], name).toEqual(weekFlipsOf(cat, raw, weekEnd));
      }
      // Only the flip of this week is new: the one standing since last week is not.
      expect(sqlFlips.get((await findClientByName(db, { teamId: T1, name: 'Flips now' })).id)?.map((f) => f.dimension)).toEqual(['information']);
      expect(sqlFlips.has((await findClientByName(db, { teamId: T1, name: 'Flipped last week' })).id)).toBe(false);
    });

    it('weights decay to zero for very old observations without a database error', async () => {
      const c = await createClient(db, { teamId: T1, by: U, input: { name: 'Ancient' } });
      await logCall(db, {
        teamId: T1,
        by: U,
        catalogue: cat,
        input: { clientId: c.id, occurredAt: new Date('1900-01-01T00:00:00Z'), traits: ['positive_attitude'] },
      });
      const baselines = await weightedBaselines(db, { teamId: T1, catalogue: cat, at: NOW });
      expect(baselines.get(c.id)?.good).toBeLessThan(1e-200);
    });
  });
});
