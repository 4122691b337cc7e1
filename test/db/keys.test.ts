/**
 * Every key carries its workspace (issue 32): each primary key, foreign key (on both sides) and unique key of a
 * table holding workspace data starts with `team_id`, so a distributed Postgres can keep a workspace's rows, and
 * the rows they reference, on one shard (README, "Sharding by workspace"). Read from the database itself, so a
 * table or key added later without it fails here; the row-level security test makes sure every table but the
 * proof's secret has `team_id`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client.js';
import { openTestDatabase, TEST_DRIVERS } from '../support/database.js';

const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as Record<string, unknown>[];

/**
 * Tables with no primary key: each row is identified by a unique key of the workspace's (checked below like any
 * other) and nothing references it, so an `id` would be a column nobody reads.
 */
const WITHOUT_PRIMARY_KEY = {
  channel_links: 'a channel is linked once per workspace: (team_id, channel_id)',
  personal_sends: 'one send per person, kind and day or week: (team_id, user_id, kind, key)',
  personal_digest_subscribers: 'a person subscribes once: (team_id, user_id)',
  person_settings: "a person's one row: (team_id, user_id)",
  chart_files: 'a picture once per client it shows, or none: (team_id, picture_key, client_id), client_id may be null',
};

/**
 * Indexes that do not lead with team_id: each serves a sweep that reads every workspace's rows in one order.
 * Anything a workspace looks up by its own rows (a client's, a call's) leads with team_id, like the keys.
 */
const ACROSS_WORKSPACES = {
  audit_at: 'the retention sweep: the oldest audit lines',
  digest_messages_posted: 'the retention sweep: messages posted longest ago',
  digests_status: 'recovery: digests claimed but never posted',
  personal_sends_claimed: 'the retention sweep: the oldest sends',
  slack_requests_finished: 'the retention sweep: requests finished longest ago',
  snoozes_until: 'the retention sweep: snoozes that ended longest ago',
};

describe.each(TEST_DRIVERS)('keys on %s', (driver) => {
  let handle: DatabaseHandle;
  const query = async (statement: ReturnType<typeof sql>) => rowsOf(await handle.owner.execute(statement));

  beforeAll(async () => {
    handle = await openTestDatabase(driver);
  }, 60_000);
  afterAll(() => handle?.close());

  /** The tables with a team_id column. */
  const workspaceTables = sql`
    select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind = 'r' and n.nspname = current_schema()
      and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'team_id' and not a.attisdropped)`;

  it('every primary, foreign and unique key starts with team_id, and a foreign key names the parent by its team_id first', async () => {
    const keys = await query(sql`
      with t as (${workspaceTables})
      select t.relname as "table", k.conname as name, k.contype as type,
             (select array_agg(a.attname order by u.n) from unnest(k.conkey) with ordinality u(attnum, n)
                join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum) as columns,
             (select array_agg(a.attname order by u.n) from unnest(k.confkey) with ordinality u(attnum, n)
                join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.attnum) as "parentColumns"
      from t join pg_constraint k on k.conrelid = t.oid
      where k.contype in ('p', 'f', 'u')
      order by 1, 2`);
    // Unique indexes that back no constraint (drizzle's uniqueIndex) are unique keys too.
    const uniqueIndexes = await query(sql`
      with t as (${workspaceTables})
      select t.relname as "table", i.relname as name, 'u' as type,
             (select array_agg(coalesce(a.attname, '(expression)') order by u.n) from unnest(x.indkey::int2[]) with ordinality u(attnum, n)
                left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.attnum) as columns,
             null as "parentColumns"
      from t join pg_index x on x.indrelid = t.oid join pg_class i on i.oid = x.indexrelid
      where x.indisunique and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid and k.conrelid = t.oid)
      order by 1, 2`);
    const all = [...keys, ...uniqueIndexes];
    expect(all.length).toBeGreaterThan(40);
    const teamFirst = (columns: unknown) => Array.isArray(columns) && columns[0] === 'team_id';
    const wrong = all.filter((k) => !teamFirst(k.columns) || (k.type === 'f' && !teamFirst(k.parentColumns)));
    expect(wrong).toEqual([]);
  });

  it('every index leads with team_id but those that serve a sweep across workspaces', async () => {
    const indexes = await query(sql`
      with t as (${workspaceTables})
      select i.relname as name,
             (select array_agg(coalesce(a.attname, '(expression)') order by u.n) from unnest(x.indkey::int2[]) with ordinality u(attnum, n)
                left join pg_attribute a on a.attrelid = x.indrelid and a.attnum = u.attnum) as columns
      from t join pg_index x on x.indrelid = t.oid join pg_class i on i.oid = x.indexrelid`);
    expect(indexes.length).toBeGreaterThan(40);
    const acrossWorkspaces = indexes
      .filter((i) => (i.columns as string[])[0] !== 'team_id')
      .map((i) => String(i.name))
      .sort();
    expect(acrossWorkspaces).toEqual(Object.keys(ACROSS_WORKSPACES).sort());
  });

  it('every table holding workspace data has a primary key, but those identified by a unique key only', async () => {
    const unkeyed = await query(sql`
      with t as (${workspaceTables})
      select t.relname as name from t where not exists (select 1 from pg_constraint k where k.conrelid = t.oid and k.contype = 'p')
      order by 1`);
    expect(unkeyed.map((t) => t.name)).toEqual(Object.keys(WITHOUT_PRIMARY_KEY).sort());
  });

  it('a foreign key that forgets its parent nulls the reference only: team_id stays', async () => {
    // Postgres nulls every column of the key unless told which (`ON DELETE SET NULL (column)`, which drizzle-kit
    // cannot write): team_id is not null, so deleting the parent would fail.
    const setNull = await query(sql`
      with t as (${workspaceTables})
      select t.relname as "table", k.conname as name,
             (select array_agg(a.attname order by a.attname) from unnest(k.confdelsetcols) u(attnum)
                join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.attnum) as nulled
      from t join pg_constraint k on k.conrelid = t.oid
      where k.contype = 'f' and k.confdeltype in ('n', 'd')
      order by 1, 2`);
    expect(setNull.map((k) => [k.table, k.nulled])).toEqual([
      ['decisions', ['digest_id']],
      ['snoozes', ['digest_id']],
      ['warnings', ['incident_id']],
    ]);
  });

  it('deleting an incident or a digest forgets it in warnings and decisions; a row cannot name another workspace’s', async () => {
    const A = 'T0KEYSA';
    const B = 'T0KEYSB';
    await handle.owner.execute(sql`insert into workspaces (team_id) values (${A}), (${B})`);
    const [client] = await query(sql`insert into clients (team_id, name, name_key) values (${A}, 'Acme', 'acme') returning id`);
    const [incident] = await query(sql`
      insert into incidents (team_id, client_id, kind, occurred_at, logged_by, details)
      values (${A}, ${client!.id}, 'mental_abuse', now(), 'U0A', '{}') returning id`);
    const [digest] = await query(sql`insert into digests (team_id, week, channel_id, claimed_by) values (${A}, '2026-11-30', 'C0A', 'test') returning id`);
    await handle.owner.execute(sql`
      insert into warnings (team_id, client_id, kind, given_at, given_by, incident_id) values (${A}, ${client!.id}, 'mental_abuse', now(), 'U0A', ${incident!.id})`);
    await handle.owner.execute(sql`
      insert into decisions (team_id, client_id, kind, reason, decided_by, digest_id) values (${A}, ${client!.id}, 'keep', 'why', 'U0A', ${digest!.id})`);

    await handle.owner.execute(sql`delete from incidents where team_id = ${A} and id = ${incident!.id}`);
    await handle.owner.execute(sql`delete from digests where team_id = ${A} and id = ${digest!.id}`);
    expect(await query(sql`select team_id, incident_id from warnings where client_id = ${client!.id}`)).toEqual([{ team_id: A, incident_id: null }]);
    expect(await query(sql`select team_id, digest_id from decisions where client_id = ${client!.id}`)).toEqual([{ team_id: A, digest_id: null }]);

    const [call] = await query(sql`insert into calls (team_id, client_id, occurred_at, logged_by) values (${A}, ${client!.id}, now(), 'U0A') returning id`);
    const foreign = handle.owner.execute(sql`
      insert into trait_observations (team_id, client_id, call_id, trait, observed_at) values (${B}, ${client!.id}, ${call!.id}, 'pays_on_time', now())`);
    await expect(foreign).rejects.toSatisfy((error: unknown) => /foreign key/.test(String((error as { cause?: Error }).cause?.message)));
  });
});
