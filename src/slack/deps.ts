/** What every listener is given (no singletons: tests pass their own database and clock). */
import type { Catalogue } from '../domain/catalogue.js';
import type { Database } from '../db/client.js';
import { catalogueOf, ensureWorkspace, type Workspace } from '../db/queries/workspaces.js';
import type { Logger } from '../log.js';
import { retryTransient } from '../db/transient.js';
import type { DigestRunner } from '../digest/run.js';
import type { AdminDirectory } from './admins.js';
import { isoDay } from './blocks/modals.js';

export interface SlackDeps {
  db: Database;
  logger: Logger;
  now: () => Date;
  admins: AdminDirectory;
  digest: DigestRunner;
}

export interface WorkspaceContext {
  workspace: Workspace;
  catalogue: Catalogue;
  /** Today in the workspace's time zone, YYYY-MM-DD. */
  today: string;
}

export async function workspaceContext(deps: SlackDeps, teamId: string): Promise<WorkspaceContext> {
  const workspace = await retryTransient(() => ensureWorkspace(deps.db, teamId));
  return { workspace, catalogue: catalogueOf(workspace), today: isoDay(deps.now(), workspace.timeZone) };
}
