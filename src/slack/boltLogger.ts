/**
 * Bolt's and the Web API client's lines, into our logger: message contents never kept, and a flood of forged
 * requests said once a minute.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../log.js';

/** Bolt warns once per forged request: a flood of them is one line a minute, with how many were left out. */
const VERIFICATION_FAILED = /^Request verification failed/;
const QUIET_MS = 60_000;

/** The Web API client logs what it sends and receives at debug level (message texts, client names, tokens): never kept. */
const CONTENTS = /^(http (?:request|response) (?:body|headers|result)):/;
const withoutContents = (parts: unknown[]) => {
  const message = parts.map(String).join(' ');
  const contents = CONTENTS.exec(message);
  return contents ? `${contents[1]}: (not logged)` : message;
};

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let quietUntil = 0;
  let suppressed = 0;
  const warn = (message: string) => {
    if (VERIFICATION_FAILED.test(message)) {
      const at = Date.now();
      if (at < quietUntil) {
        suppressed++;
        return;
      }
      quietUntil = at + QUIET_MS;
      if (suppressed > 0) message += ` (and ${suppressed} more in the last minute)`;
      suppressed = 0;
    }
    logger.warn(`bolt: ${message}`);
  };
  return {
    debug: (...m: unknown[]) => logger.debug(`bolt: ${withoutContents(m)}`),
    info: (...m: unknown[]) => logger.info(`bolt: ${withoutContents(m)}`),
    warn: (...m: unknown[]) => warn(withoutContents(m)),
    error: (...m: unknown[]) => logger.error(`bolt: ${withoutContents(m)}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
