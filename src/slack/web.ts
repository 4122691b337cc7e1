/**
 * Rapport's side of Slack's Web API, shared by the Slack app and the scheduled jobs: who Rapport is in each
 * workspace (its installation), one Web API client per bot token, and who people are there.
 */
import { WebClient } from '@slack/web-api';
import type { Logger as BoltLogger } from '@slack/bolt';
import type { SlackConfig } from '../config/env.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../log.js';
import { boltLogger } from './boltLogger.js';
import { installedWorkspaces, singleWorkspace, type Installations } from './installations.js';
import { PeopleDirectory } from './people.js';

/** A request, or work, for a workspace Rapport holds no installation for. */
export class NotInstalled extends Error {
  constructor(readonly teamId: string) {
    super(`Rapport is not installed in workspace ${teamId}`);
  }
}

export interface SlackWeb {
  installations: Installations;
  /** The client that speaks as Rapport in a workspace (its own installation's token). */
  webFor(teamId: string): Promise<WebClient>;
  people: PeopleDirectory;
  /** Where Bolt and the Web API clients log. */
  boltLogger: BoltLogger;
}

/**
 * The Web API clients keep @slack/web-api's retry policy: a 429 pauses the client's queue for Slack's
 * Retry-After, then the call is tried again (up to 10 times over about 30 minutes), so a digest thread posted
 * faster than a channel takes is slowed, not cut short.
 */
export function createSlackWeb(slack: SlackConfig, owner: Database, { now, logger }: { now: () => Date; logger: Logger }): SlackWeb {
  const log = boltLogger(logger);
  const clientOptions = { logger: log, ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}) };
  const installations = slack.oauth
    ? installedWorkspaces(owner, slack.oauth, { apiUrl: slack.apiUrl, now, logger: log })
    : singleWorkspace(slack.botToken ?? '');
  // One Web API client per bot token: every workspace is answered with its own installation's token.
  const clients = new Map<string, WebClient>();
  return {
    installations,
    async webFor(teamId) {
      const credentials = await installations.credentialsFor(teamId);
      if (!credentials) throw new NotInstalled(teamId);
      let client = clients.get(credentials.botToken);
      if (!client) clients.set(credentials.botToken, (client = new WebClient(credentials.botToken, clientOptions)));
      return client;
    },
    people: new PeopleDirectory(),
    boltLogger: log,
  };
}
