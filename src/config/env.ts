/** The only module that reads the environment: one zod schema, parsed once at startup and passed down. */
import { z } from 'zod';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from '../log.js';
import { parseTokenKeys, SINGLE_KEY_ID, type TokenKeys } from './tokenKeys.js';

/**
 * Eight requests at once per process: most of a request's time is spent waiting on the database and Slack, and a
 * request that finds a worker free is handed straight over (no claim, no NOTIFY). Ten people logging calls at once
 * were answered at 12–20 % more a second with eight than with four, and no faster with ten (measured, bench 1's
 * reply loop, 2026-12-04). A request whose worker died is taken over 30 s after its last renewal.
 */
export const DEFAULT_WORKERS = { concurrency: 8, leaseSeconds: 30 };

/** An unset variable and an empty one mean the same: use the default. */
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const envSchema = z.object({
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL, e.g. postgres://user@127.0.0.1:5432/rapport')),
  DATABASE_APP_PASSWORD: optional(z.string()),
  DATABASE_POOLER: optional(z.enum(['transaction'], { message: 'must be "transaction" (DATABASE_URL goes through PgBouncer in transaction mode), or unset' })),
  DATABASE_DIRECT_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL, e.g. postgres://user@127.0.0.1:5432/rapport'),
  ),
  DATABASE_READ_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL, e.g. postgres://user@127.0.0.1:5432/rapport'),
  ),
  DATA_DIR: optional(z.string()),
  SLACK_SIGNING_SECRET: optional(z.string().min(8, 'looks too short: copy it from Basic Information → App Credentials')),
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-/, 'must be a bot token (xoxb-…) from OAuth & Permissions')),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-/, 'must be an app-level token (xapp-…) with connections:write')),
  SLACK_API_URL: optional(z.url({ message: 'must be a URL ending in /api/' })),
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  LOG_LEVEL: optional(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })),
  LOG_FORMAT: optional(z.enum(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` })),
  METRICS_PORT: optional(z.coerce.number().int().min(0).max(65535)),
  WORKERS: optional(z.coerce.number().int().min(0).max(64)),
  REQUEST_LEASE_SECONDS: optional(z.coerce.number().int().min(2).max(3600)),
  UNINSTALL_GRACE_DAYS: optional(z.coerce.number().int().min(0).max(365)),
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, 'must be the app’s Client ID (digits.digits) from Basic Information')),
  SLACK_CLIENT_SECRET: optional(z.string().min(8, 'looks too short: copy it from Basic Information → App Credentials')),
  SLACK_STATE_SECRET: optional(z.string().min(16, 'must be at least 16 random characters (it signs the install state)')),
  TOKEN_ENCRYPTION_KEY: optional(z.string()),
  TOKEN_ENCRYPTION_KEYS: optional(z.string()),
});

export interface Config {
  /** Real Postgres when set; otherwise the embedded PGlite database under `dataDir`. */
  databaseUrl: string | undefined;
  /** With `databaseUrl`: the password Rapport gives the role `rapport_app`, which its workspace connections log in as. */
  databaseAppPassword: string | undefined;
  /**
   * `transaction`: DATABASE_URL reaches Postgres through a pooler in transaction mode (PgBouncer), so no statement
   * is prepared on the server and nothing is kept on a session; `directUrl` is then required (migrations and LISTEN).
   */
  databasePooler: 'transaction' | undefined;
  /** The server itself, not the pooler: migrations (a session-level lock) and LISTEN run on it. */
  databaseDirectUrl: string | undefined;
  /** A read replica for the heavy reads that may lag a moment (Home, export); unset: the primary serves them. */
  databaseReadUrl: string | undefined;
  dataDir: string;
  logLevel: LogLevel;
  /** Unset: readable lines on a terminal, JSON lines otherwise. */
  logFormat: LogFormat | undefined;
  /** A port of its own for `/metrics` and `/healthz` (Socket Mode and worker processes have no HTTP receiver). */
  metricsPort: number | undefined;
  /** Null until both the signing secret and the bot token are set. */
  slack: SlackConfig | null;
  /** HTTP port of the receiver (`/slack/events`, `/healthz`). */
  port: number;
  /** Requests this process works at once (0: it only receives), and how long a dead worker's request waits. */
  workers: { concurrency: number; leaseSeconds: number };
  /** Days a workspace's data is kept after Rapport is uninstalled from it (a re-install within them keeps it). */
  uninstallGraceDays: number;
}

export interface SlackConfig {
  signingSecret: string;
  /** Single-workspace mode: the one bot token from the environment (unset with OAuth). */
  botToken?: string | undefined;
  /** OAuth mode ("Add to Slack"): any workspace installs Rapport, each with its own bot token, stored encrypted. */
  oauth?: OAuthConfig | undefined;
  /** Set: Socket Mode instead of the HTTP receiver. */
  appToken: string | undefined;
  /** Web API base; only changed to talk to a local stand-in for Slack. */
  apiUrl: string | undefined;
}

export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** AES-256-GCM keys for the bot tokens at rest, newest first: the first encrypts, every one decrypts. */
  tokenKeys: TokenKeys;
}

export class ConfigError extends Error {
  readonly code = 'invalid_config';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const invalid = (name: string, why: string) => new ConfigError(`Invalid configuration (see .env.example):\n  ${name}: ${why}`);
  const oauth = e.SLACK_CLIENT_ID ? oauthConfig(e, invalid) : undefined;
  if (oauth && e.SLACK_BOT_TOKEN) throw invalid('SLACK_BOT_TOKEN', 'leave it unset with SLACK_CLIENT_ID: each workspace installs Rapport with its own token');
  if (e.DATABASE_URL === undefined) {
    for (const name of ['DATABASE_POOLER', 'DATABASE_DIRECT_URL', 'DATABASE_READ_URL'] as const) {
      if (e[name] !== undefined) throw invalid(name, 'needs DATABASE_URL (Postgres); the embedded database has no pooler or replica');
    }
  }
  if (e.DATABASE_POOLER === 'transaction' && !e.DATABASE_DIRECT_URL) {
    throw invalid(
      'DATABASE_DIRECT_URL',
      'is required with DATABASE_POOLER=transaction: migrations and LISTEN need a session of their own, on the server itself',
    );
  }
  if (!oauth && Boolean(e.SLACK_SIGNING_SECRET) !== Boolean(e.SLACK_BOT_TOKEN)) {
    throw invalid(e.SLACK_SIGNING_SECRET ? 'SLACK_BOT_TOKEN' : 'SLACK_SIGNING_SECRET', 'is required with the other Slack credential');
  }
  return {
    databaseUrl: e.DATABASE_URL,
    databaseAppPassword: e.DATABASE_APP_PASSWORD,
    databasePooler: e.DATABASE_POOLER,
    databaseDirectUrl: e.DATABASE_DIRECT_URL,
    databaseReadUrl: e.DATABASE_READ_URL,
    dataDir: e.DATA_DIR ?? './data',
    logLevel: e.LOG_LEVEL ?? 'info',
    logFormat: e.LOG_FORMAT,
    metricsPort: e.METRICS_PORT,
    slack:
      e.SLACK_SIGNING_SECRET && (e.SLACK_BOT_TOKEN || oauth)
        ? { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN, oauth, appToken: e.SLACK_APP_TOKEN, apiUrl: e.SLACK_API_URL }
        : null,
    port: e.PORT ?? 3000,
    workers: { concurrency: e.WORKERS ?? DEFAULT_WORKERS.concurrency, leaseSeconds: e.REQUEST_LEASE_SECONDS ?? DEFAULT_WORKERS.leaseSeconds },
    uninstallGraceDays: e.UNINSTALL_GRACE_DAYS ?? 7,
  };
}

/** Where the Postgres connections go besides DATABASE_URL, as `openDatabase` takes it. */
export const postgresRoutes = (config: Config) => ({ pooler: config.databasePooler, directUrl: config.databaseDirectUrl, readUrl: config.databaseReadUrl });

/** OAuth mode's settings, all required together; a missing, malformed or weak key stops the app (never plaintext tokens). */
function oauthConfig(e: z.infer<typeof envSchema>, invalid: (name: string, why: string) => ConfigError): OAuthConfig {
  for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const) {
    if (!e[name]) throw invalid(name, 'is required with SLACK_CLIENT_ID (OAuth: "Add to Slack")');
  }
  return { clientId: e.SLACK_CLIENT_ID!, clientSecret: e.SLACK_CLIENT_SECRET!, stateSecret: e.SLACK_STATE_SECRET!, tokenKeys: tokenKeys(e, invalid) };
}

/** TOKEN_ENCRYPTION_KEYS (a list, newest first), or TOKEN_ENCRYPTION_KEY (one key, id `default`): one of them. */
function tokenKeys(e: z.infer<typeof envSchema>, invalid: (name: string, why: string) => ConfigError): TokenKeys {
  if (e.TOKEN_ENCRYPTION_KEYS && e.TOKEN_ENCRYPTION_KEY) {
    throw invalid(
      'TOKEN_ENCRYPTION_KEY',
      `leave it unset with TOKEN_ENCRYPTION_KEYS, and list it there as ${SINGLE_KEY_ID}:<that key> while tokens encrypted with it remain`,
    );
  }
  const [name, format] = e.TOKEN_ENCRYPTION_KEYS ? (['TOKEN_ENCRYPTION_KEYS', 'list'] as const) : (['TOKEN_ENCRYPTION_KEY', 'single'] as const);
  const text = e[name];
  if (!text) throw invalid('TOKEN_ENCRYPTION_KEYS', 'is required with SLACK_CLIENT_ID (OAuth: "Add to Slack"), or TOKEN_ENCRYPTION_KEY for a single key');
  const parsed = parseTokenKeys(text, format);
  if ('refused' in parsed) throw invalid(name, parsed.refused);
  return parsed.keys;
}
