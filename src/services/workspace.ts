/** A workspace as every request needs it, and its settings. */
import { resolveCatalogue, type Catalogue } from '../domain/catalogue.js';
import { localDate } from '../domain/calendar.js';
import type { WorkspaceSettingsPatch } from '../domain/inputs.js';
import type { Database } from '../db/client.js';
import { latestDigest, unpostedPages, type Digest } from '../db/queries/digests.js';
import { catalogueOf, ensureWorkspace, getWorkspace, updateWorkspaceSettings, workspaceAndPerson, type Workspace } from '../db/queries/workspaces.js';
import { setPersonSettings, setPersonalDigest, type PersonSettings } from '../db/queries/personal.js';
import { workspaceAndClientsNamed, type NamedClient } from '../db/queries/clients.js';
import type { Calendar, Locale } from '../i18n/locales.js';
import { authorOf, type Act } from './act.js';

export type { Digest, Workspace };

export interface WorkspaceContext {
  workspace: Workspace;
  catalogue: Catalogue;
  /** Today in the workspace's time zone, YYYY-MM-DD. */
  today: string;
  /** The acting person's own settings, read with the workspace when it was read for them. */
  actor?: { userId: string; settings: PersonSettings };
}

/**
 * The workspace (created on first contact), its effective catalogue, and today's date there; with `userId`, the
 * person's own settings too, in the same read (every request needs both, and its reader waited on a second read).
 */
export async function workspaceContext(db: Database, { teamId, now, userId }: { teamId: string; now: Date; userId?: string }): Promise<WorkspaceContext> {
  if (userId) {
    const { workspace, person } = await workspaceAndPerson(db, { teamId, userId });
    if (workspace && !workspace.uninstalledAt) return { ...contextOf(workspace, now), actor: { userId, settings: person } };
  }
  return contextOf(await ensureWorkspace(db, { teamId, at: now }), now);
}

/**
 * The workspace's context (`workspaceContext`, with the person's settings) and the clients a command's leading
 * `words` may name, in one read. A workspace not there yet, or marked uninstalled, is read (created) as
 * `workspaceContext` does, and its candidates are not read.
 */
export async function workspaceContextNaming(
  db: Database,
  { teamId, now, userId, words }: { teamId: string; now: Date; userId: string; words: readonly string[] },
): Promise<{ context: WorkspaceContext; named?: NamedClient[] }> {
  const { workspace, person, named } = await workspaceAndClientsNamed(db, { teamId, userId, words });
  if (workspace && !workspace.uninstalledAt) return { context: { ...contextOf(workspace, now), actor: { userId, settings: person } }, named };
  return { context: contextOf(await ensureWorkspace(db, { teamId, at: now }), now) };
}

function contextOf(workspace: Workspace, now: Date): WorkspaceContext {
  return { workspace, catalogue: catalogueOf(workspace), today: localDate(now, workspace.timeZone) };
}

/** The defaults, before anything is read: what a modal opens with while the trigger id is fresh. */
export function defaultContext(now: Date): Pick<WorkspaceContext, 'catalogue' | 'today'> {
  return { catalogue: resolveCatalogue(), today: localDate(now, 'UTC') };
}

/** Changes the settings (admins: checked by the caller); returns the workspace as it is now. */
export async function changeSettings(db: Database, act: Act, patch: WorkspaceSettingsPatch): Promise<WorkspaceContext> {
  return contextOf(await updateWorkspaceSettings(db, { teamId: act.teamId, by: authorOf(act), patch }), act.at);
}

/** Someone's own digest by DM, on or off; returns whether it is on. */
export function setMyDigest(db: Database, act: Act, on: boolean): Promise<boolean> {
  return setPersonalDigest(db, { teamId: act.teamId, userId: act.actor, on, at: act.at });
}

/**
 * The language Rapport speaks to someone, their own choice (`/rapport settings me language`, the Home tab's
 * select); null: the workspace's applies again. What they read next is in it (Turn.forgetReader).
 */
export async function setMyLanguage(db: Database, act: Act, language: Locale | null): Promise<void> {
  await setPersonSettings(db, { teamId: act.teamId, userId: act.actor, change: { language } });
}

/** The calendar someone's dates are shown in; null: their language's own. */
export async function setMyCalendar(db: Database, act: Act, calendar: Calendar | null): Promise<void> {
  await setPersonSettings(db, { teamId: act.teamId, userId: act.actor, change: { calendar } });
}

/** The workspace's latest digest week, and how many pages of its thread are still to be posted. */
export type LatestDigest = Digest & { threadPagesWaiting: number };

export async function lastDigestOf(db: Database, teamId: string): Promise<LatestDigest | undefined> {
  const digest = await latestDigest(db, teamId);
  return digest && { ...digest, threadPagesWaiting: (await unpostedPages(db, digest)).length };
}

/** Whether the workspace's admins let guests use Rapport. */
export async function guestsAllowed(db: Database, teamId: string): Promise<boolean> {
  return (await getWorkspace(db, teamId))?.allowGuests ?? false;
}
