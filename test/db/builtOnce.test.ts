/**
 * A statement built once binds each value once: the uses of one placeholder cast alike share a parameter, so the
 * confirmation's read sends its moment once, not twenty times. Pure: the rendering only.
 */
import { describe, expect, it } from 'vitest';
import { fillPlaceholders, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sharingPlaceholders } from '../../src/db/builtOnce.js';

const dialect = new PgDialect();
const at = sql.placeholder('at');
const team = sql.placeholder('team');

describe('a statement built once', () => {
  it('binds a value used in several places once, per cast', () => {
    const query = sharingPlaceholders(
      dialect.sqlToQuery(sql`select ${at}::timestamptz, ${team}, ${at}::timestamptz, ${at}, ${team} = "team_id", ${'good'}, ${'good'}, ${at}::timestamptz`),
    );
    expect(query.sql).toBe('select $1::timestamptz, $2, $1::timestamptz, $3, $2 = "team_id", $4, $5, $1::timestamptz');
    expect(fillPlaceholders(query.params, { at: '2026-12-04', team: 'T0' })).toEqual(['2026-12-04', 'T0', '2026-12-04', 'good', 'good']);
  });

  it('leaves a dollar and a number inside a quoted literal or identifier alone', () => {
    const query = sharingPlaceholders(dialect.sqlToQuery(sql`select '$1 it''s $2', "a$1", ${team}, ${team}`));
    expect(query.sql).toBe(`select '$1 it''s $2', "a$1", $1, $1`);
    expect(fillPlaceholders(query.params, { team: 'T0' })).toEqual(['T0']);
  });
});
