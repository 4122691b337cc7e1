/**
 * How a process of Rapport stops on SIGINT or SIGTERM (main.ts, worker.ts): once, and within STOP_MS whatever
 * Slack or the database does. Its own steps fit inside (the workers drain for DRAIN_MS, then hand back what is
 * unfinished); past it the process exits all the same, and what it still held is taken over once its lease runs
 * out, by another worker or the next start.
 */
import { errorText, type Logger } from './log.js';

/** The README's promise. */
export const STOP_MS = 10_000;

export function stopOnSignals(logger: Logger, said: string, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(said, { signal });
    setTimeout(() => {
      logger.error(`stopping took longer than ${STOP_MS / 1000} s: exiting; what was unfinished is taken over when its lease runs out`);
      process.exit(1);
    }, STOP_MS).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('stopping failed', { error: errorText(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
