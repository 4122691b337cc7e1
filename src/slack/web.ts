/**
 * Rapport's side of Slack's Web API, shared by the Slack app and the scheduled jobs: who Rapport is in each
 * workspace (its installation), one Web API client per bot token, and who people are there.
 */
import { WebClient, type RetryOptions, type WebClientOptions } from '@slack/web-api';
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
  /**
   * The client that speaks as Rapport in a workspace (its own installation's token) for scheduled work: digests,
   * reminders. It waits out Slack's rate limits (a digest thread goes at Slack's pace, each page once).
   */
  webFor(teamId: string): Promise<WebClient>;
  /**
   * The client a request's work speaks with in a workspace: a call Slack rate-limits fails at once (the request
   * waits in the inbox for Slack's Retry-After, holding no worker), and a call Slack does not answer gives up soon.
   */
  requestWebFor(teamId: string): Promise<WebClient>;
  people: PeopleDirectory;
  /** Where Bolt and the Web API clients log. */
  boltLogger: BoltLogger;
}

/** A Web API call Slack has not answered in this long is given up: no workspace's trouble holds a worker for long. */
export const REQUEST_CALL_TIMEOUT_MS = 10_000;
const SCHEDULED_CALL_TIMEOUT_MS = 20_000;

/** What a request's work is given: one quick retry of a call that failed on the way, then the request is tried later. */
const REQUEST_RETRIES: RetryOptions = { retries: 1, factor: 1, minTimeout: 250, maxTimeout: 250 };

/**
 * How each kind of client talks to Slack. Request work (`request`) never waits on Slack: rate-limited calls are
 * rejected at once and put back in the inbox, calls time out. Scheduled work keeps @slack/web-api's own retry
 * policy: a 429 pauses that token's client for Slack's Retry-After and the call is tried again (up to 10 times over
 * about 30 minutes), so a digest thread posted faster than a channel takes is slowed, not cut short; each call
 * still times out. The receiver's clients (Bolt's, before an ack) are `receiver`: one try, within the ack's 3 s.
 */
export function webClientOptions(kind: 'request' | 'scheduled' | 'receiver', log: BoltLogger, apiUrl: string | undefined): WebClientOptions {
  const common = { logger: log, ...(apiUrl ? { slackApiUrl: apiUrl } : {}) };
  if (kind === 'scheduled') return { ...common, timeout: SCHEDULED_CALL_TIMEOUT_MS };
  if (kind === 'receiver') return { ...common, timeout: 2_000, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } };
  return { ...common, timeout: REQUEST_CALL_TIMEOUT_MS, rejectRateLimitedCalls: true, retryConfig: REQUEST_RETRIES };
}

export function createSlackWeb(slack: SlackConfig, owner: Database, { now, logger }: { now: () => Date; logger: Logger }): SlackWeb {
  const log = boltLogger(logger);
  const installations = slack.oauth
    ? installedWorkspaces(owner, slack.oauth, { apiUrl: slack.apiUrl, now, logger: log })
    : singleWorkspace(slack.botToken ?? '');
  // One Web API client per bot token and kind: every workspace is answered with its own installation's token.
  const clients = new Map<string, WebClient>();
  const clientFor = async (teamId: string, kind: 'request' | 'scheduled') => {
    const credentials = await installations.credentialsFor(teamId);
    if (!credentials) throw new NotInstalled(teamId);
    const key = `${kind}:${credentials.botToken}`;
    let client = clients.get(key);
    if (!client) clients.set(key, (client = new WebClient(credentials.botToken, webClientOptions(kind, log, slack.apiUrl))));
    return client;
  };
  return {
    installations,
    webFor: (teamId) => clientFor(teamId, 'scheduled'),
    requestWebFor: (teamId) => clientFor(teamId, 'request'),
    people: new PeopleDirectory(),
    boltLogger: log,
  };
}
