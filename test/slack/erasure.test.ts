/**
 * `/client delete <name>`: its owner or an admin, after confirming, erases a client and everything about it in
 * every table (listed from the schema, so a new table cannot be forgotten); one audit line remains, naming who
 * and when but not the client; other clients are untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, getTableColumns, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { workspaceTables } from '../../src/db/queries/export.js';
import { TEST_DRIVERS } from '../support/database.js';
import { rowsByTable } from '../support/rows.js';
import { speaking } from '../support/languages.js';
import { ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('/client delete on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);

  /** Rows about `clientId` in every table that records something about a client. */
  const rowsAbout = (clientId: string) =>
    rowsByTable(h.db, workspaceTables(), (table) => {
      const columns = getTableColumns(table) as Record<string, PgColumn>;
      const about = columns.clientId ? eq(columns.clientId, clientId) : table === (schema.clients as unknown) ? eq(columns.id!, clientId) : undefined;
      return about && and(eq(table.teamId, TEAM), about);
    });

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Doomed Co regular');
    await say(ALICE, '/client', 'add Survivor Co');
    await say(ALICE, '/client', 'add Guarded Co');
    await say(ALICE, '/call', 'doomed co +communication -reporting Confidential roadmap talk');
    await say(ALICE, '/incident', 'doomed co late 30 invoice=INV-9');
    await say(ALICE, '/client', 'set doomed co category problem');
    await say(ALICE, '/call', 'survivor co +communication Fine');
  });
  afterAll(() => h?.close());

  it('is its owner’s or an admin’s: a member is refused, and nothing opens', async () => {
    const seq = h.api.lastSeq;
    expect(await say(BOB, '/client', 'delete guarded co')).toContain('only its owner <@U0ALICE> or a workspace admin can delete *Guarded Co*');
    expect(h.since(seq).filter((c) => c.method === 'views.open')).toEqual([]);
  });

  it('a confirmation submitted by someone who may not delete closes, says so where it was asked, and deletes nothing', async () => {
    const { reply } = await h.command(ALICE, '/client', 'delete guarded co');
    const seq = h.api.lastSeq;
    const res = await h.send.viewSubmission(BOB, { ...reply.params.view, id: 'V0ERASEBOB' }, {});
    expect(res.body).toBeUndefined(); // the form closes: it has no field to show a refusal on
    const told = await h.api.waitFor((c) => c.seq > seq && textOf(c.params).includes('Nothing was deleted'), 20_000);
    expect(textOf(told.params)).toContain('only its owner <@U0ALICE> or a workspace admin can delete *Guarded Co*');
    expect(told.params).toMatchObject({ user: BOB.userId, channel: ALICE.channelId });
    await h.idle();
    expect(await say(ALICE, '/client', 'show guarded co')).toContain('Guarded Co');
  });

  it('says which client is meant when none or no such one is named, and opens nothing', async () => {
    const seq = h.api.lastSeq;
    expect(await say(ALICE, '/client', 'delete')).toContain('Which client?');
    expect(await say(ALICE, '/client', 'delete İstanbul Nowhere')).toMatch(/No client called “İstanbul Nowhere”/);
    expect(h.since(seq).filter((c) => c.method === 'views.open')).toEqual([]);
  });

  it('says what went in the reader’s language, counted in its words', async () => {
    await speaking(h, { [ALICE.userId]: 'fi' });
    try {
      await say(ALICE, '/client', 'add Kuopion Konepaja Oy');
      await say(ALICE, '/call', 'kuopion konepaja oy +communication Hyvä puhelu');
      const { reply } = await h.command(ALICE, '/client', 'delete kuopion konepaja oy');
      const seq = h.api.lastSeq;
      await h.send.viewSubmission(ALICE, { ...reply.params.view, id: 'V0ERASEFI' }, {});
      const told = await h.api.waitFor((c) => c.seq > seq && textOf(c.params).includes('*Kuopion Konepaja Oy*'), 20_000);
      expect(textOf(told.params)).toContain('poistettiin: 1 puhelu, 1 piirre');
      expect(textOf(told.params)).not.toMatch(/Deleted|call|trait/);
      await h.idle();
    } finally {
      await speaking(h);
    }
  });

  it('asks first, then erases the client and everything about it; one audit line remains; other clients untouched', async () => {
    const doomed = await findClientByName(h.db, { teamId: TEAM, name: 'doomed co' });
    const survivor = await findClientByName(h.db, { teamId: TEAM, name: 'survivor co' });
    const before = await rowsAbout(doomed.id);
    expect(before).toMatchObject({ clients: 1, calls: 1, trait_observations: 2, incidents: 1, client_category_changes: 1 });
    const survivorBefore = await rowsAbout(survivor.id);

    const { reply } = await h.command(ALICE, '/client', 'delete doomed co');
    expect(reply.method).toBe('views.open');
    const view = reply.params.view;
    expect(textOf({ blocks: view.blocks })).toContain('This cannot be undone');
    const seq = h.api.lastSeq;
    const res = await h.send.viewSubmission(ALICE, { ...view, id: 'V0ERASE1' }, {});
    expect(res.body).toBeUndefined(); // the modal closes
    const told = await h.api.waitFor((c) => c.seq > seq && textOf(c.params).includes('Deleted *Doomed Co*'));
    expect(textOf(told.params)).toContain('1 call, 2 traits, 1 incident');
    await h.idle();

    const after = await rowsAbout(doomed.id);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const audit = await h.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, TEAM), eq(schema.auditLog.entityId, doomed.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'client.erase', actor: 'U0ALICE', entityType: 'client' });
    const [mentions] = await h.db
      .select({ n: count() })
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, TEAM), sql`${schema.auditLog.details}::text ilike '%doomed%'`));
    expect(mentions!.n).toBe(0);
    expect(await rowsAbout(survivor.id)).toEqual(survivorBefore);

    // The same form again (Slack retrying it): nothing more happens, and nothing fails.
    const seq2 = h.api.lastSeq;
    const again = await h.send.viewSubmission(ALICE, { ...view, id: 'V0ERASE1' }, {});
    expect(again.body).toBeUndefined();
    await h.idle();
    expect(h.since(seq2).some((c) => /went wrong/i.test(textOf(c.params)))).toBe(false);
    expect(await say(ALICE, '/client', 'show doomed co')).toMatch(/No client|Did you mean/);
  });
});
