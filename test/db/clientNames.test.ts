import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { findClientByName, keyUnkeyedClientNames } from '../../src/db/queries/clients.js';
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
