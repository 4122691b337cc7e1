/**
 * Rapport assembled, for main.ts, worker.ts, the local workspace and the tests: Slack's Web API side, the
 * digest runner and the scheduled DM jobs, and the Slack app, handed the runner (slack/ never imports digest/:
 * the digest decides when and once; Slack renders and talks to Slack).
 */
import { DigestRunner } from './digest/run.js';
import { Escalations } from './digest/escalations.js';
import { PersonalDigests } from './digest/personal.js';
import { NextStepReminders } from './digest/reminders.js';
import { OutcomeReviews } from './digest/outcomeReviews.js';
import { Metrics } from './metrics.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from './slack/app.js';
import { createSlackWeb } from './slack/web.js';

export interface Rapport extends SlackApp {
  /** Posts digests with each workspace's bot token (the scheduler ticks it); Slack's entry points preview and post through it. */
  digest: DigestRunner;
  /** Reminds people of their next steps on the morning they are due (the scheduler ticks it). */
  reminders: NextStepReminders;
  /** Sends those who asked their own clients' part of the digest by DM (the scheduler ticks it). */
  personalDigests: PersonalDigests;
  /** Names clients nobody answered for two digests to the admins (the scheduler ticks it). */
  escalations: Escalations;
  /** Asks owners what came of decisions on their review day (the scheduler ticks it). */
  outcomeReviews: OutcomeReviews;
}

export function createRapport(options: SlackAppOptions): Rapport {
  const { logger } = options;
  const { db, owner } = options.database;
  const now = options.now ?? (() => new Date());
  const metrics = options.metrics ?? new Metrics();
  const web = createSlackWeb(options.slack, owner, { now, logger });
  const digest = new DigestRunner({ db, reader: options.database.reader, owner, webFor: web.webFor, logger, now, metrics, people: web.people });
  const scheduled = { db, owner, webFor: web.webFor, people: web.people, logger, now };
  return {
    ...createSlackApp({ ...options, now, metrics, web, digest }),
    digest,
    reminders: new NextStepReminders(scheduled),
    personalDigests: new PersonalDigests({ ...scheduled, digest }),
    escalations: new Escalations({ ...scheduled, digest }),
    outcomeReviews: new OutcomeReviews(scheduled),
  };
}
