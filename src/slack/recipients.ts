/**
 * Whoever Rapport tells anything about a workspace's clients is checked as they are told, by the rule that gates
 * whoever acts (gate.ts): a member of the workspace or of its Enterprise Grid org (a guest only where the admins
 * allow guests). Someone who became a guest, left, or was never a member is told nothing, however they came to
 * own a client or a step; and nobody can be made an owner or an assignee unless they are a member.
 */
import type { WebClient } from '@slack/web-api';
import type { Database } from '../db/client.js';
import { RapportError } from '../domain/errors.js';
import type { Logger } from '../log.js';
import { standingIn } from './gate.js';
import type { PeopleDirectory, Standing } from './people.js';
import { sendDm, type Ephemeral } from './reply.js';
import { getWorkspace } from '../db/queries/workspaces.js';
import type { Reader } from '../i18n/reader.js';
import { readerOf } from './readers.js';
import { md, said, type MessageKey } from '../i18n/messages.js';

/** A message written for its reader: in their language, read only once they are known to be told. */
export type ForReader = Ephemeral | ((reader: Reader) => Ephemeral);

/** The message in `userId`'s words (their language, else the workspace's, else Slack's, else English). */
export async function writtenFor(deps: RecipientDeps, web: WebClient, teamId: string, userId: string, message: ForReader): Promise<Ephemeral> {
  if (typeof message !== 'function') return message;
  const workspace = await getWorkspace(deps.db, teamId);
  const settings = workspace ?? { teamId, language: null, timeZone: 'UTC', currency: null };
  return message(await readerOf(deps, web, settings, userId));
}

export interface RecipientDeps {
  people: PeopleDirectory;
  db: Database;
  logger: Logger;
}

/**
 * Sends the DM when its recipient is a member here; otherwise sends nothing and says so (false), logged without
 * the message. A recipient Slack cannot describe just now is not told either: the error is the caller's (a
 * scheduled send is tried again later; a notification is logged and the change it reports stands).
 */
export async function dmMember(deps: RecipientDeps, web: WebClient, teamId: string, userId: string, message: ForReader): Promise<boolean> {
  const standing = await standingIn(deps, web, teamId, userId);
  if (standing !== 'member') {
    deps.logger.info('did not send client data to someone who is not a member here', { team: teamId, standing });
    return false;
  }
  await sendDm(web, userId, await writtenFor(deps, web, teamId, userId, message));
  return true;
}

/** Whether someone may be told about the workspace's clients now. */
export async function isMemberHere(deps: RecipientDeps, web: WebClient, teamId: string, userId: string): Promise<boolean> {
  return (await standingIn(deps, web, teamId, userId)) === 'member';
}

export type Duty = 'owner' | 'assignee';

/** Why someone cannot be made an owner or an assignee (errors.owner.*, errors.assignee.*), by their standing here. */
const NOT_A_MEMBER = (duty: Duty, standing: Exclude<Standing, 'member'>): MessageKey => `errors.${duty}.${standing}`;

/** Refuses to make someone a client's owner or a step's assignee unless they are a member here. */
export async function requireMember(deps: RecipientDeps, web: WebClient, teamId: string, userId: string, duty: Duty): Promise<void> {
  const standing = await standingIn(deps, web, teamId, userId);
  if (standing !== 'member') throw new RapportError('invalid_input', said(NOT_A_MEMBER(duty, standing), { who: md(`<@${userId}>`) }), { field: duty });
}
