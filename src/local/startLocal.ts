/**
 * `npm start` with no Slack credentials: the real Bolt app, unchanged, beside the local workspace page that
 * plays Slack for it (the page's server is also the app's Web API).
 */
import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../db/client.js';
import type { Logger } from '../log.js';
import { createSlackApp, type SlackApp } from '../slack/app.js';
import { seedDemoPortfolio } from './demoSeed.js';
import { LocalSlackWebApi } from './slackWebApi.js';
import { LOCAL_USERS, LocalWorkspace } from './workspace.js';

export interface LocalRun {
  slack: SlackApp;
  url: string;
  /** The app's own /healthz (its receiver listens on a port of its own, beside the page). */
  health: string;
  stop(): Promise<void>;
}

export async function startLocalWorkspace(
  database: Pick<DatabaseHandle, 'db' | 'owner' | 'listen'>,
  logger: Logger,
  port: number,
  now: () => Date = () => new Date(),
): Promise<LocalRun> {
  const api = await new LocalSlackWebApi().start(port, '127.0.0.1');
  const signingSecret = randomBytes(16).toString('hex');
  const slack = createSlackApp({
    slack: { signingSecret, botToken: 'xoxb-local-workspace', appToken: undefined, apiUrl: api.apiUrl },
    database,
    logger,
    now,
  });
  const receiverPort = await slack.start(0, '127.0.0.1');
  new LocalWorkspace({
    api,
    receiverUrl: `http://127.0.0.1:${receiverPort}/slack/events`,
    signingSecret,
    logger,
    seed: async (team, admin) => {
      const owners = LOCAL_USERS.filter((u) => u.teamId === team.id && !u.isAdmin).map((u) => u.id);
      const done = await seedDemoPortfolio(database.db, { teamId: team.id, channelId: team.channelId, owners: owners.length ? owners : [admin], admin }, now());
      return `Loaded ${done.clients} clients, ${done.calls} calls and ${done.incidents} incidents. Try “Post digest now”.`;
    },
  });
  const url = api.apiUrl.replace(/api\/$/, '');
  return {
    slack,
    url,
    health: `http://127.0.0.1:${receiverPort}/healthz`,
    async stop() {
      await slack.stop();
      await api.stop();
    },
  };
}
