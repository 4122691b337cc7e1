/**
 * node-cron wiring only. A tick every minute asks the runner which workspace-weeks are due: each workspace
 * keeps its own day, time and zone (slots.ts), settings changes need no rescheduling, and a tick at startup
 * catches up a week missed while the app was down. node-cron itself keeps nothing across restarts. The same
 * tick runs the other jobs it is given, each on its own (next step reminders, purging uninstalled workspaces).
 */
import cron from 'node-cron';
import { errorText, type Logger } from '../log.js';
import type { DigestRunner } from './run.js';

export interface DigestScheduler {
  stop(): Promise<void>;
}

export function startDigestScheduler(runner: DigestRunner, logger: Logger, jobs: Record<string, () => Promise<unknown>> = {}): DigestScheduler {
  const postDigests = async () => {
    try {
      const report = await runner.tick();
      if (report.length > 0) logger.info('digest tick', { report });
    } catch (error) {
      logger.error('digest tick failed', { error: errorText(error) });
    }
  };
  const runJobs = async () => {
    for (const [name, job] of Object.entries(jobs)) {
      try {
        await job();
      } catch (error) {
        logger.error(`${name} failed`, { error: errorText(error) });
      }
    }
  };
  let jobsRunning: Promise<void> | undefined;
  const tick = () => {
    // Digests may outlast their minute (a thread of hundreds of pages goes at Slack's 1 message/s per channel):
    // the next minute's digests start all the same, the runner leaving alone a workspace it is still posting.
    void postDigests();
    // The other jobs run one round at a time: a round still going skips the minute.
    jobsRunning ??= runJobs().finally(() => (jobsRunning = undefined));
  };
  const task = cron.schedule('* * * * *', tick, { name: 'rapport-digest' });
  tick();
  return {
    async stop() {
      await task.stop();
    },
  };
}
