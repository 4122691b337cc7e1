/** The Postgres routes in the environment (DATABASE_POOLER, DATABASE_DIRECT_URL, DATABASE_READ_URL): what is refused, and what openDatabase is given. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, postgresRoutes } from '../../src/config/env.js';

const URL = 'postgres://rapport@127.0.0.1:6432/rapport';
const DIRECT = 'postgres://rapport@127.0.0.1:5432/rapport';

describe('the database routes', () => {
  it('behind a transaction pooler, need the server itself for migrations and LISTEN', () => {
    expect(() => loadConfig({ DATABASE_URL: URL, DATABASE_POOLER: 'transaction' })).toThrow(
      /DATABASE_DIRECT_URL: is required with DATABASE_POOLER=transaction/,
    );
    expect(postgresRoutes(loadConfig({ DATABASE_URL: URL, DATABASE_POOLER: 'transaction', DATABASE_DIRECT_URL: DIRECT }))).toEqual({
      pooler: 'transaction',
      directUrl: DIRECT,
      readUrl: undefined,
    });
  });

  it('refuse any other pooler mode (session pooling needs no setting: leave it unset)', () => {
    expect(() => loadConfig({ DATABASE_URL: URL, DATABASE_POOLER: 'session' })).toThrow(ConfigError);
  });

  it('mean nothing without DATABASE_URL, and say so', () => {
    expect(() => loadConfig({ DATABASE_READ_URL: DIRECT })).toThrow(/DATABASE_READ_URL: needs DATABASE_URL/);
  });

  it('leave everything on DATABASE_URL when unset (empty counts as unset)', () => {
    expect(postgresRoutes(loadConfig({ DATABASE_URL: URL, DATABASE_POOLER: '', DATABASE_READ_URL: ' ' }))).toEqual({
      pooler: undefined,
      directUrl: undefined,
      readUrl: undefined,
    });
  });
});
