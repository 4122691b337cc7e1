/**
 * A workspace's life with Rapport: Slack says Rapport was uninstalled (or its bot token revoked), the workspace
 * is marked at once, and its data is purged once the grace period has passed, unless Rapport hears from the
 * workspace again before then (installed again: the mark is cleared, the data kept).
 */
import { DAY_MS } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { purgeWorkspace } from '../db/queries/erasure.js';
import { markUninstalled, uninstalledSince } from '../db/queries/workspaces.js';
import type { Logger } from '../log.js';

export function workspaceUninstalled(db: Database, teamId: string, at: Date): Promise<void> {
  return markUninstalled(db, { teamId, at });
}

/** Purges every workspace uninstalled `graceDays` or more before `now`, each in its own transaction. */
export async function purgeUninstalledWorkspaces(db: Database, now: Date, graceDays: number, logger: Logger): Promise<string[]> {
  const purged: string[] = [];
  for (const teamId of await uninstalledSince(db, new Date(now.getTime() - graceDays * DAY_MS))) {
    const removed = await purgeWorkspace(db, teamId);
    const rows = Object.values(removed).reduce((a, b) => a + b, 0);
    logger.info('purged the data of a workspace Rapport was uninstalled from', { team: teamId, graceDays, rows, removed });
    purged.push(teamId);
  }
  return purged;
}
