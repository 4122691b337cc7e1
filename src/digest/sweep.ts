/**
 * What every scheduled job shares: a name for this instance in its claims, and a sweep over the installed
 * workspaces (each within its own scope, a bounded number at once) and over people, where one failure is
 * logged and costs no one else.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Database } from '../db/client.js';
import { inWorkspace } from '../db/workspaceScope.js';
import { listWorkspaces, type Workspace } from '../db/queries/workspaces.js';
import { errorText, type Logger } from '../log.js';
import { limitConcurrency, type Limit } from '../limit.js';
import type { PeopleDirectory } from '../slack/people.js';
import type { Clock } from '../slack/deps.js';

/** What a job sending people DMs on a schedule (reminders, personal digests) is given. */
export interface ScheduledDmDeps {
  /** Each workspace's data (each is worked within its own scope). */
  db: Database;
  /** Lists the workspaces, across all of them. */
  owner: Database;
  webFor: (teamId: string) => Promise<WebClient>;
  /** Each person's time zone (Slack's `tz`). */
  people: PeopleDirectory;
  logger: Logger;
  now: Clock;
  instance?: string;
  /** How long a claimed but unsent DM waits before another instance sends it. */
  leaseSeconds?: number;
}

/** Names this app instance in claims (diagnostics). */
export const instanceName = () => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/**
 * `work` for every workspace Rapport is installed in, within its scope, as many at once as `limit` lets
 * (default: one after another); a workspace that fails is logged as `what`. Results come in the workspaces' order.
 */
export async function sweepWorkspaces<T>(
  owner: Database,
  logger: Logger,
  what: string,
  work: (workspace: Workspace) => Promise<T[]>,
  limit: Limit = limitConcurrency(1),
): Promise<T[]> {
  const installed = (await listWorkspaces(owner)).filter((workspace) => !workspace.uninstalledAt);
  const done = await Promise.all(
    installed.map((workspace) =>
      limit(async () => {
        try {
          return await inWorkspace(workspace.teamId, () => work(workspace));
        } catch (error) {
          logger.error(`${what} failed for a workspace`, { team: workspace.teamId, error: errorText(error) });
          return [];
        }
      }),
    ),
  );
  return done.flat();
}

/** `work` for each person (someone Slack cannot describe, who left, say): one who fails is logged as `what`. */
export async function sweepPeople<T>(
  teamId: string,
  userIds: readonly string[],
  logger: Logger,
  what: string,
  work: (userId: string) => Promise<T | undefined>,
): Promise<T[]> {
  const done: T[] = [];
  for (const userId of userIds) {
    try {
      const result = await work(userId);
      if (result !== undefined) done.push(result);
    } catch (error) {
      logger.warn(`could not ${what}`, { team: teamId, user: userId, error: errorText(error) });
    }
  }
  return done;
}
