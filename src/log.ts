/**
 * The logger: pino underneath (JSON lines an operator's log stack parses; readable lines in a terminal), with
 * the app's own call shape `log.info(message, context)`. Every line logged while a Slack request or a digest
 * run is worked carries its id (`withLogContext`), however deep the call, Bolt's and the Web API's lines too.
 *
 * Never pass tokens, secrets, or message texts: known secret-bearing keys are redacted anyway, as a backstop.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import pino, { type DestinationStream } from 'pino';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

const context = new AsyncLocalStorage<Record<string, string>>();

/** Runs `fn` with `fields` (a request id, a digest run) on every line logged inside it, across awaits. */
export function withLogContext<T>(fields: Record<string, string>, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

/** Keys whose values are never written, wherever they appear in a line's context (one level deep). */
const SECRET_KEYS = ['token', 'botToken', 'bot_token', 'appToken', 'signingSecret', 'signing_secret', 'authorization', 'text', 'password'];

export interface LoggerOptions {
  level: LogLevel;
  /** `pretty`: coloured lines for a terminal; `json`: one object per line. Default: pretty on a terminal. */
  format?: LogFormat | undefined;
  /** Where lines go (default standard error); tests collect them. */
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions): Logger {
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json');
  const destination: DestinationStream = options.write
    ? { write: (line: string) => options.write!(line.endsWith('\n') ? line.slice(0, -1) : line) }
    : pino.destination({ dest: 2, sync: true });
  const log = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        // A backstop for call sites that passed an error's text as it was.
        log: (fields) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v.replace(QUERY_PARAMS, '') : v])),
      },
      mixin: () => context.getStore() ?? {},
      redact: { paths: SECRET_KEYS.flatMap((k) => [k, `*.${k}`]), censor: '[redacted]' },
    },
    format === 'pretty' ? prettyStream(destination) : destination,
  );
  const at =
    (level: LogLevel) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (fields) log[level](fields, message);
      else log[level](message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** pino-pretty in this thread (no transport worker), loaded only when asked for: production never pays for it. */
function prettyStream(destination: DestinationStream): DestinationStream {
  const pretty = createRequire(import.meta.url)('pino-pretty') as (options: object) => DestinationStream;
  return pretty({ destination, sync: true, colorize: process.stderr.isTTY === true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
}

/** A failed query's message holds its parameters (client names, message texts): never logged. */
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/g;

/**
 * An error as a log line may hold it: its name and message (with `stack`, its stack), and its causes (a failed
 * query's cause is what Postgres said), never a query's parameters.
 */
export function errorText(error: unknown, withStack = false): string {
  if (!(error instanceof Error)) return String(error);
  const own = (withStack && error.stack ? error.stack : `${error.name}: ${error.message}`).replace(QUERY_PARAMS, '');
  return error.cause === undefined ? own : `${own}; cause: ${errorText(error.cause)}`;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
