import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { createClient, findClientByName, keyUnkeyedClientNames, type NamedClient } from '../../src/db/queries/clients.js';
import { setPersonSettings } from '../../src/db/queries/personal.js';
import { clientFromWords } from '../../src/services/clients.js';
import { workspaceContextNaming } from '../../src/services/workspace.js';
import { ensureWorkspace } from '../../src/db/queries/workspaces.js';
import * as schema from '../../src/db/schema/index.js';
import { silentLogger } from '../../src/log.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const TEAM = 'T0UPGRADE';

describe.each(TEST_DRIVERS)('names stored before keys existed, on %s', (driver) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(driver);
  });
  afterAll(() => handle?.close());

  it('get their keys at startup; a second name with the same key is renamed, audited, and both stay reachable', async () => {
    const { owner: db } = handle;
    await ensureWorkspace(db, { teamId: TEAM });
    // As migration 0003 leaves them: a placeholder key per row.
    for (const [name, minutesAgo] of [
      ['İstanbul Ltd', 3],
      ['ıstanbul ltd', 2],
      ['Cafe\u0301', 1],
    ] as const) {
      await db.execute(
        sql`insert into clients (team_id, name, name_key, created_at) values (${TEAM}, ${name}, chr(1) || gen_random_uuid()::text, now() - make_interval(mins => ${minutesAgo}))`,
      );
    }
    await keyUnkeyedClientNames(db, silentLogger);
    const rows = await db
      .select({ name: schema.clients.name, nameKey: schema.clients.nameKey })
      .from(schema.clients)
      .where(eq(schema.clients.teamId, TEAM))
      .orderBy(schema.clients.createdAt);
    expect(rows).toEqual([
      { name: 'İstanbul Ltd', nameKey: 'istanbul ltd' },
      { name: 'ıstanbul ltd (2)', nameKey: 'istanbul ltd (2)' },
      { name: 'Café', nameKey: 'café' },
    ]);
    expect((await findClientByName(db, { teamId: TEAM, name: 'ISTANBUL LTD' })).name).toBe('İstanbul Ltd');
    expect((await findClientByName(db, { teamId: TEAM, name: 'istanbul ltd (2)' })).name).toBe('ıstanbul ltd (2)');
    const renames = await db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, TEAM), eq(schema.auditLog.action, 'client.rename')));
    expect(renames).toHaveLength(1);
    // Run again (every startup): nothing left to do, nothing changes.
    await keyUnkeyedClientNames(db, silentLogger);
    expect(await db.select({ name: schema.clients.name }).from(schema.clients).where(eq(schema.clients.teamId, TEAM))).toHaveLength(3);
  });
});

describe.each(TEST_DRIVERS)('a command naming a client reads the workspace and the candidates together, on %s', (driver) => {
  const NAMING = 'T0NAMING';
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openTestDatabase(driver);
    for (const name of ['Acme', 'Northwind Traders', 'Northwind Logistics', 'İstanbul Ltd'])
      await createClient(handle.owner, { teamId: NAMING, by: 'U0ANA', input: { name } });
    await setPersonSettings(handle.owner, { teamId: NAMING, userId: 'U0ANA', change: { language: 'tr' } });
  });
  afterAll(() => handle?.close());

  const now = new Date('2026-12-04T09:00:00Z');
  /** The client the words name (or the refusal's code), read together with the workspace and read apart. */
  const named = async (teamId: string, words: string[]) => {
    const together = await workspaceContextNaming(handle.owner, { teamId, now, userId: 'U0ANA', words });
    const outcome = (named?: readonly NamedClient[]) =>
      clientFromWords(handle.owner, { teamId }, words, words.length, named).then(
        ({ client, used, match }) => `${client.name} (${used}, ${match})`,
        (error: { code?: string }) => error.code,
      );
    const [withWorkspace, apart] = [await outcome(together.named), await outcome()];
    expect(withWorkspace).toBe(apart);
    return { context: together.context, outcome: withWorkspace };
  };

  it('names the same client as reading it apart, with the workspace and the person’s own settings', async () => {
    const { context, outcome } = await named(NAMING, ['acme', '+communication']);
    expect(outcome).toBe('Acme (1, exact)');
    expect(context.workspace.teamId).toBe(NAMING);
    expect(context.actor).toEqual({ userId: 'U0ANA', settings: { language: 'tr', calendar: null } });
    expect((await named(NAMING, ['ISTANBUL', 'ltd', 'called'])).outcome).toBe('İstanbul Ltd (2, exact)');
    expect((await named(NAMING, ['northwind', 'traders'])).outcome).toBe('Northwind Traders (2, exact)');
    expect((await named(NAMING, ['northwind', 'called'])).outcome).toBe('conflict'); // which Northwind: asked
    expect((await named(NAMING, ['nobody', 'here'])).outcome).toBe('not_found');
  });

  it('a workspace seen for the first time is created, and its (no) clients read apart', async () => {
    const { context, outcome } = await named('T0NAMINGNEW', ['acme']);
    expect(context.workspace.teamId).toBe('T0NAMINGNEW');
    expect(outcome).toBe('not_found');
  });
});
