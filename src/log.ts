/** A minimal levelled logger. Context goes in as an object; never pass tokens or whole Slack payloads. */
import type { Config } from './config/env.js';

const ORDER = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof ORDER;

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export function createLogger(level: Config['logLevel'], write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (lvl: Level) => (message: string, context?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const extra = context && Object.keys(context).length > 0 ? ' ' + JSON.stringify(context) : '';
    write(`${new Date().toISOString()} ${lvl.toUpperCase().padEnd(5)} ${message}${extra}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
