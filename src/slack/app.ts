/**
 * The Bolt app: HTTP receiver at /slack/events (with /healthz and replay protection), or Socket Mode when an
 * app token is configured. Listeners are registered with their dependencies passed in.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel, SocketModeReceiver, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import express from 'express';
import { sql } from 'drizzle-orm';
import type { SlackConfig } from '../config/env.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../log.js';
import { WebClient } from '@slack/web-api';
import { DigestRunner } from '../digest/run.js';
import { AdminDirectory } from './admins.js';
import type { SlackDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { replayGuard } from './replayGuard.js';

export interface SlackAppOptions {
  slack: SlackConfig;
  db: Database;
  logger: Logger;
  now?: () => Date;
}

export interface SlackApp {
  app: App;
  /** Posts digests with the bot token (the scheduler ticks it). */
  digest: DigestRunner;
  /** Starts listening; returns the HTTP port (0 with Socket Mode). */
  start(port: number, host?: string): Promise<number>;
  /** Stops taking requests and waits for the ones in flight (including their work after the ack). */
  stop(): Promise<void>;
}

function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => logger.debug(`bolt: ${m.map(String).join(' ')}`),
    info: (...m: unknown[]) => logger.info(`bolt: ${m.map(String).join(' ')}`),
    warn: (...m: unknown[]) => logger.warn(`bolt: ${m.map(String).join(' ')}`),
    error: (...m: unknown[]) => logger.error(`bolt: ${m.map(String).join(' ')}`),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { slack, db, logger } = options;
  const now = options.now ?? (() => new Date());
  const web = new WebClient(slack.botToken, { logger: boltLogger(logger), ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}) });
  const digest = new DigestRunner({ db, web, logger, now });
  const deps: SlackDeps = { db, logger, now, admins: new AdminDirectory(), digest };
  const boltLog = boltLogger(logger);

  let receiver: Receiver;
  let server: Server | undefined;
  if (slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: boltLog,
      // apps.connections.open goes to the same Web API as everything else (the local stand-in, in tests).
      ...(slack.apiUrl ? { installerOptions: { clientOptions: { slackApiUrl: slack.apiUrl } } } : {}),
    });
  } else {
    const web = express();
    web.get('/healthz', async (_req, res) => {
      try {
        await db.execute(sql`select 1`);
        res.json({ ok: true });
      } catch {
        res.status(503).json({ ok: false, error: 'database unavailable' });
      }
    });
    web.post('/slack/events', replayGuard());
    receiver = new ExpressReceiver({
      signingSecret: slack.signingSecret,
      app: web,
      logger: boltLog,
      // Slack retries what we don't answer in 3 s; every handler acks first, so this is the safe default.
      processBeforeResponse: false,
    });
  }

  const app = new App({
    receiver,
    logger: boltLog,
    // One bot token from the environment serves the workspace(s) it was installed in. Giving `authorize`
    // instead of `token` keeps Bolt from calling auth.test at construction (stack-notes: an unreachable
    // Slack would crash the process).
    authorize: async () => ({ botToken: slack.botToken }),
    ...(slack.apiUrl ? { clientOptions: { slackApiUrl: slack.apiUrl } } : {}),
  });

  const inFlight = new Set<Promise<unknown>>();
  app.use(async ({ next }) => {
    const work = next();
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error('unhandled error in a Slack listener', { error: String(error) });
  });

  return {
    app,
    digest,
    async start(port, host = '0.0.0.0') {
      if (slack.appToken) {
        await app.start();
        return 0;
      }
      server = (await (receiver as ExpressReceiver).start({ port, host })) as Server;
      return (server.address() as AddressInfo).port;
    },
    async stop() {
      await app.stop();
      await Promise.allSettled([...inFlight]);
    },
  };
}
