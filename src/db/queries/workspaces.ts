/** Workspaces (Slack teams): created on first contact, configured by admins. */
import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import { CatalogueError, THRESHOLD_NAMES, resolveCatalogue, unknownThresholdNames, type Catalogue } from '../../domain/catalogue.js';
import { Refused } from '../../domain/refusals.js';
import { slackTeamId, workspaceSettingsPatchSchema, type WorkspaceSettingsPatch } from '../../domain/inputs.js';
import type { Database } from '../client.js';
import { auditLog, personSettings, workspaces } from '../schema/index.js';
import { personSettingsFrom, type PersonSettings } from './personal.js';
import { preparedOnce, type Placeholders } from '../builtOnce.js';
import { appendAudit, authorOf, type By } from './audit.js';
import { parseInput } from './parse.js';

export type Workspace = typeof workspaces.$inferSelect;

/** The workspace row, created with defaults the first time a team is seen (at `at`, the app's clock, when given). */
export async function ensureWorkspace(db: Database, { teamId, at }: { teamId: string; at?: Date }): Promise<Workspace> {
  parseInput(slackTeamId, teamId);
  // Read first: every request needs the row, and it exists for all but the first.
  const found = await getWorkspace(db, teamId);
  // Marked uninstalled, yet a request came: Rapport was installed again within the grace period.
  if (found?.uninstalledAt) return (await markInstalledAgain(db, teamId)) ?? found;
  if (found) return found;
  const [created] = await db
    .insert(workspaces)
    .values({ teamId, ...(at ? { createdAt: at, updatedAt: at } : {}) })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const existing = await getWorkspace(db, teamId);
  if (!existing) throw new Error(`workspace ${teamId} vanished while being created`);
  return existing;
}

/** Slack said Rapport was uninstalled from `teamId` (or its bot token revoked): purged after the grace period. */
export async function markUninstalled(db: Database, { teamId, at }: { teamId: string; at: Date }): Promise<void> {
  await db
    .insert(workspaces)
    .values({ teamId, uninstalledAt: at })
    .onConflictDoUpdate({ target: workspaces.teamId, set: { uninstalledAt: sql`coalesce(${workspaces.uninstalledAt}, excluded.uninstalled_at)` } });
}

/** Rapport is installed again in a workspace marked uninstalled: its data stays. */
export async function markInstalledAgain(db: Database, teamId: string): Promise<Workspace | undefined> {
  const [row] = await db.update(workspaces).set({ uninstalledAt: null }).where(eq(workspaces.teamId, teamId)).returning();
  return row;
}

/** Workspaces uninstalled at or before `cutoff`: their grace period is over. */
export async function uninstalledSince(db: Database, cutoff: Date): Promise<string[]> {
  const rows = await db.select({ teamId: workspaces.teamId }).from(workspaces).where(lte(workspaces.uninstalledAt, cutoff));
  return rows.map((r) => r.teamId);
}

/** The workspace row and one person's own settings there, in one read: what every request begins with. */
export async function workspaceAndPerson(
  db: Database,
  { teamId, userId }: { teamId: string; userId: string },
): Promise<{ workspace: Workspace | undefined; person: PersonSettings }> {
  const [row] = await readingWorkspaceAndPerson(db, { teamId, userId });
  return { workspace: row?.workspace, person: personSettingsFrom(row) };
}

// Every request begins with it (db/builtOnce.ts).
const readingWorkspaceAndPerson = preparedOnce((db, p: Placeholders<{ teamId: string; userId: string }>) =>
  db
    .select({ workspace: workspaces, language: personSettings.language, calendar: personSettings.calendar })
    .from(workspaces)
    .leftJoin(personSettings, and(eq(personSettings.teamId, workspaces.teamId), eq(personSettings.userId, p.userId)))
    .where(eq(workspaces.teamId, p.teamId))
    .prepare('workspace_and_person'),
);

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

/** Changes schedule, channel or overrides; the merged catalogue must stay valid or nothing is stored. */
export async function updateWorkspaceSettings(
  db: Database,
  { teamId, by, patch }: { teamId: string; by: By; patch: WorkspaceSettingsPatch },
): Promise<Workspace> {
  const { actor, at } = authorOf(by);
  const values = parseInput(workspaceSettingsPatchSchema, patch);
  const unknown = unknownThresholdNames(values.settings?.thresholds ?? {});
  if (unknown.length > 0) throw new Refused({ code: 'thresholds_unknown', names: unknown, known: THRESHOLD_NAMES });
  if (values.settings !== undefined) {
    try {
      resolveCatalogue(values.settings);
    } catch (error) {
      if (error instanceof CatalogueError) throw new Refused({ code: 'settings_invalid', problem: error.message });
      throw error;
    }
  }
  // A channel set anew is one the admin chose knowing the refusal: posting resumes there.
  const channelReset = values.digestChannelId !== undefined ? { digestChannelRefusal: null, digestChannelRefusedAt: null } : {};
  return db.transaction(async (tx) => {
    await ensureWorkspace(tx, { teamId, at: at instanceof Date ? at : undefined });
    const [row] = await tx
      .update(workspaces)
      .set({ ...values, ...channelReset, updatedAt: at })
      .where(eq(workspaces.teamId, teamId))
      .returning();
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'workspace.update',
        entityType: 'workspace',
        entityId: teamId,
        details: { changed: Object.keys(values) },
      },
    });
    return row!;
  });
}

/**
 * Stops posting the digest to `channelId` (it is shared outside the organisation), if it is still the workspace's
 * digest channel. Returns true the first time only, so whoever set it is told once.
 */
export async function refuseDigestChannel(
  db: Database,
  { teamId, channelId, reason }: { teamId: string; channelId: string; reason: string },
): Promise<boolean> {
  const rows = await db
    .update(workspaces)
    .set({ digestChannelRefusal: reason, digestChannelRefusedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(workspaces.teamId, teamId), eq(workspaces.digestChannelId, channelId), isNull(workspaces.digestChannelRefusal)))
    .returning({ teamId: workspaces.teamId });
  if (rows.length > 0) {
    await appendAudit(db, {
      teamId,
      entry: {
        actor: 'system',
        action: 'workspace.digest_channel_refused',
        entityType: 'workspace',
        entityId: teamId,
        details: { channelId, reason },
      },
    });
  }
  return rows.length > 0;
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
