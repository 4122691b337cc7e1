/** Workspaces (Slack teams): created on first contact, configured by admins. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { CatalogueError, resolveCatalogue, type Catalogue } from '../../domain/catalogue.js';
import { RapportError } from '../../domain/errors.js';
import { slackTeamId, workspaceSettingsPatchSchema, type WorkspaceSettingsPatch } from '../../domain/inputs.js';
import type { Database } from '../client.js';
import { auditLog, workspaces } from '../schema/index.js';
import { appendAudit } from './audit.js';
import { parseInput } from './parse.js';

export type Workspace = typeof workspaces.$inferSelect;

/** The workspace row, created with defaults the first time a team is seen. */
export async function ensureWorkspace(db: Database, teamId: string, name?: string): Promise<Workspace> {
  parseInput(slackTeamId, teamId);
  // Read first: every request needs the row, and it exists for all but the first.
  const found = await getWorkspace(db, teamId);
  if (found) return found;
  const [created] = await db
    .insert(workspaces)
    .values({ teamId, name: name ?? null })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const existing = await getWorkspace(db, teamId);
  if (!existing) throw new Error(`workspace ${teamId} vanished while being created`);
  return existing;
}

export async function getWorkspace(db: Database, teamId: string): Promise<Workspace | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.teamId, teamId));
  return row;
}

export async function listWorkspaces(db: Database): Promise<Workspace[]> {
  return db.select().from(workspaces).orderBy(workspaces.teamId);
}

const catalogues = new Map<string, Catalogue>();

/** The workspace's effective catalogue (defaults + its overrides), resolved once per distinct settings. */
export function catalogueOf(workspace: Pick<Workspace, 'settings'>): Catalogue {
  const key = JSON.stringify(workspace.settings ?? {});
  let catalogue = catalogues.get(key);
  if (!catalogue) {
    catalogue = resolveCatalogue(workspace.settings);
    if (catalogues.size > 1000) catalogues.clear();
    catalogues.set(key, catalogue);
  }
  return catalogue;
}

export async function workspaceCatalogue(db: Database, teamId: string): Promise<Catalogue> {
  const workspace = await getWorkspace(db, teamId);
  return workspace ? catalogueOf(workspace) : resolveCatalogue();
}

/** Changes schedule, channel or overrides; the merged catalogue must stay valid or nothing is stored. */
export async function updateWorkspaceSettings(
  db: Database,
  teamId: string,
  actor: string,
  patch: WorkspaceSettingsPatch,
): Promise<Workspace> {
  const values = parseInput(workspaceSettingsPatchSchema, patch);
  if (values.settings !== undefined) {
    try {
      resolveCatalogue(values.settings);
    } catch (error) {
      if (error instanceof CatalogueError) throw new RapportError('invalid_input', error.message, { field: 'settings' });
      throw error;
    }
  }
  return db.transaction(async (tx) => {
    await ensureWorkspace(tx, teamId);
    const [row] = await tx
      .update(workspaces)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(workspaces.teamId, teamId))
      .returning();
    await appendAudit(tx, teamId, {
      actor,
      action: 'workspace.update',
      entityType: 'workspace',
      entityId: teamId,
      details: { changed: Object.keys(values) },
    });
    return row!;
  });
}

/** Who last set the digest channel (from the audit log): the person to tell when Slack refuses the digest. */
export async function digestChannelSetBy(db: Database, teamId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ actor: auditLog.actor })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.teamId, teamId),
        eq(auditLog.entityType, 'workspace'),
        eq(auditLog.entityId, teamId),
        eq(auditLog.action, 'workspace.update'),
        sql`${auditLog.details} -> 'changed' ? 'digestChannelId'`,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(1);
  return row?.actor;
}
