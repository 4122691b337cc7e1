/**
 * Who reads what Rapport writes, and so in which language: what one person sees is in their own choice
 * (`/rapport settings me language`), else the workspace's (`/rapport settings language`), else Slack's language
 * for them when it is one of Rapport's, else English. A channel post (the digest) is in the workspace's language.
 * Dates are in the workspace's zone (a call's day is the workspace's day), money in its currency.
 */
import type { WebClient } from '@slack/web-api';
import type { Workspace } from '../services/workspace.js';
import { personSettingsOf, type PersonSettings } from '../db/queries/personal.js';
import { DEFAULT_LOCALE, isLocale, localeOfSlack, type Locale } from '../i18n/locales.js';
import { readerIn, type Reader } from '../i18n/reader.js';
import type { WorkDeps } from './deps.js';
import { errorText } from '../log.js';

type WorkspaceSettings = Pick<Workspace, 'teamId' | 'language' | 'timeZone' | 'currency'>;

/** The workspace's own language, if an admin chose one. */
export const workspaceLocale = (workspace: Pick<Workspace, 'language'>): Locale | undefined => (isLocale(workspace.language) ? workspace.language : undefined);

/** Whoever reads the workspace's channels. */
export function channelReader(workspace: WorkspaceSettings): Reader {
  return readerIn(workspaceLocale(workspace) ?? DEFAULT_LOCALE, { timeZone: workspace.timeZone, currency: workspace.currency });
}

/** One person of the workspace. Slack is asked only when neither they nor the workspace chose a language. */
export async function readerOf(
  deps: Pick<WorkDeps, 'db' | 'people' | 'logger'>,
  web: WebClient,
  workspace: WorkspaceSettings,
  userId: string,
  /** Their settings, when already read (with the workspace, at the start of their request). */
  known?: PersonSettings,
): Promise<Reader> {
  const own = known ?? (await personSettingsOf(deps.db, { teamId: workspace.teamId, userId }));
  let locale = own.language ?? workspaceLocale(workspace);
  if (!locale) {
    try {
      locale = localeOfSlack((await deps.people.person(web, workspace.teamId, userId)).locale);
    } catch (error) {
      // Slack's word on their language is a nicety: without it they read English, and are still answered.
      deps.logger.warn('could not ask Slack for someone’s language; answering in English', { team: workspace.teamId, error: errorText(error) });
    }
  }
  return readerIn(locale ?? DEFAULT_LOCALE, { timeZone: workspace.timeZone, calendar: own.calendar, currency: workspace.currency });
}
