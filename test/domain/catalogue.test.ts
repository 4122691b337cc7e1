import { describe, expect, it } from 'vitest';
import { CRITERIA, DEFAULT_CATALOGUE, DEFAULT_TRAITS, INCIDENT_KINDS, resolveCatalogue, resolveTraitWord } from '../../src/domain/catalogue.js';
import { readFileSync } from 'node:fs';
import { ConfigError, envSchema, loadConfig } from '../../src/config/env.js';

describe('catalogue', () => {
  it('has the ten firing criteria, numbered, four red flags', () => {
    expect(CRITERIA.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(CRITERIA.map((c) => c.kind)).toEqual([...INCIDENT_KINDS]);
    expect(CRITERIA.filter((c) => c.class === 'red_flag').map((c) => c.number)).toEqual([1, 2, 3, 4]);
  });

  it('has five good and eight bad traits, weight 1 by default', () => {
    expect(DEFAULT_TRAITS.filter((t) => t.polarity === 'good')).toHaveLength(5);
    expect(DEFAULT_TRAITS.filter((t) => t.polarity === 'bad')).toHaveLength(8);
    expect(DEFAULT_TRAITS.every((t) => t.weight === 1)).toBe(true);
  });

  it('resolves `+word` / `-word` aliases by polarity', () => {
    expect(resolveTraitWord(DEFAULT_CATALOGUE, 'good', 'communication')?.key).toBe('excellent_communication');
    expect(resolveTraitWord(DEFAULT_CATALOGUE, 'bad', 'Reporting')?.key).toBe('no_data_sharing');
    expect(resolveTraitWord(DEFAULT_CATALOGUE, 'good', 'etiquette')).toBeUndefined();
  });

  it('merges valid workspace overrides', () => {
    const c = resolveCatalogue({
      thresholds: { health: { halfLifeDays: 14 }, cadenceDays: { vip: 10 } },
      extraTraits: [{ key: 'pays_on_time', dimension: 'payment', polarity: 'good', label: 'Pays on time' }],
      traitWeights: { negative_attitude: 2 },
    });
    expect(c.thresholds.health).toEqual({ halfLifeDays: 14, healthyFrom: 70, atRiskBelow: 40 });
    expect(c.thresholds.cadenceDays).toEqual({ vip: 10, regular: 30, problem: 30, employee: 60 });
    expect(c.traits.find((t) => t.key === 'pays_on_time')).toMatchObject({ weight: 1, aliases: [] });
    expect(c.traits.find((t) => t.key === 'negative_attitude')?.weight).toBe(2);
    expect(DEFAULT_CATALOGUE.thresholds.cadenceDays.vip).toBe(14); // defaults untouched
  });

  it.each([
    [{ thresholds: { health: { halfLifeDays: -1 } } }, /halfLifeDays/],
    [{ thresholds: { health: { atRiskBelow: 80 } } }, /at-risk band/],
    [{ thresholds: { criteria: { lying: { count: 0 } } } }, /criteria\.lying\.count/],
    [{ traitWeights: { nonsense: 2 } }, /unknown trait "nonsense"/],
    [{ extraTraits: [{ ...DEFAULT_TRAITS[0] }] }, /defined twice/],
    [{ colour: 'red' }, 'These settings cannot be used: 1 setting not known: colour.'],
  ])('rejects invalid overrides with a readable message (%j)', (overrides, message) => {
    expect(() => resolveCatalogue(overrides)).toThrow(message);
  });
});

describe('configuration', () => {
  it('needs nothing for a first run', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      dataDir: './data',
      logLevel: 'info',
      slack: null,
      port: 3000,
      workers: { concurrency: 8, leaseSeconds: 30 },
      uninstallGraceDays: 7,
    });
    expect(loadConfig({ WORKERS: '0', REQUEST_LEASE_SECONDS: '5' }).workers).toEqual({ concurrency: 0, leaseSeconds: 5 });
    expect(() => loadConfig({ REQUEST_LEASE_SECONDS: '1' })).toThrow(/REQUEST_LEASE_SECONDS/);
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user' })).toThrow(/SLACK_BOT_TOKEN: must be a bot token/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: is required/);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT: must be one of json, pretty/);
    expect(loadConfig({ LOG_FORMAT: 'json', METRICS_PORT: '9464' })).toMatchObject({ logFormat: 'json', metricsPort: 9464 });
  });

  it('OAuth mode needs all its settings and a 32-byte key, and no single bot token', () => {
    const key = 'q3Bf0cJX2m7Lw9VhZt4yR1sN8kPaE6uGoD5iTnHxWbM=';
    const oauth = {
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_CLIENT_ID: '111.222',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret-0123456789',
    };
    expect(loadConfig({ ...oauth, TOKEN_ENCRYPTION_KEY: key }).slack).toMatchObject({ botToken: undefined, oauth: { clientId: '111.222' } });
    expect(() => loadConfig(oauth)).toThrow(/TOKEN_ENCRYPTION_KEYS: is required with SLACK_CLIENT_ID/);
    expect(() => loadConfig({ ...oauth, TOKEN_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 random bytes/);
    expect(() => loadConfig({ ...oauth, TOKEN_ENCRYPTION_KEY: key, SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_BOT_TOKEN: leave it unset/);
  });

  it('.env.example documents every variable Rapport reads, and nothing else', () => {
    const documented = [...readFileSync(new URL('../../.env.example', import.meta.url), 'utf8').matchAll(/^# ([A-Z][A-Z_]+)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('reads the Slack credentials and port', () => {
    const config = loadConfig({ SLACK_SIGNING_SECRET: 'secret-123', SLACK_BOT_TOKEN: 'xoxb-1', PORT: '8080' });
    expect(config.slack).toEqual({ signingSecret: 'secret-123', botToken: 'xoxb-1', appToken: undefined, apiUrl: undefined });
    expect(config.port).toBe(8080);
  });
});
