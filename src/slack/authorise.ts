/**
 * Who may change a client's fate: its owner or a workspace admin (Slack's own is_admin/is_owner, asked with
 * users.info and cached briefly). Everyone else is told so, politely, with who can.
 */
import { RapportError } from '../domain/errors.js';
import type { ClientProfile } from '../domain/types.js';
import { md, said, type MessageKey } from '../i18n/messages.js';
import type { Turn } from './frame.js';

export interface DeciderRule {
  /** One more person allowed for this change: whoever logged the incident a warning is about (`told`). */
  alsoAllowed?: { userId: string };
  /** What is being changed, for the refusal (errors.decider): deciding about the client by default. */
  action?: 'acknowledge' | 'snooze' | 'answer' | 'delete' | 'told';
}

/** The refusals of an admin-only command (errors.admin.*). */
export type AdminRefusal = Extract<MessageKey, `errors.admin.${string}`>;

/** True when the person acting decides about the client: its owner, a workspace admin, or the rule's one more person. */
export async function isDecider(turn: Pick<Turn, 'deps' | 'web' | 'teamId' | 'userId'>, client: ClientProfile, rule: DeciderRule = {}): Promise<boolean> {
  if (client.ownerUserId === turn.userId || rule.alsoAllowed?.userId === turn.userId) return true;
  return turn.deps.people.isAdmin(turn.web, turn.teamId, turn.userId);
}

export async function requireDecider(turn: Pick<Turn, 'deps' | 'web' | 'teamId' | 'userId'>, client: ClientProfile, rule: DeciderRule = {}): Promise<void> {
  if (await isDecider(turn, client, rule)) return;
  const owner = client.ownerUserId ? said('errors.decider.owner', { who: md(`<@${client.ownerUserId}>`) }) : said('errors.decider.noOwner');
  const logger = md(rule.alsoAllowed ? `<@${rule.alsoAllowed.userId}>` : '');
  throw new RapportError('forbidden', said('errors.decider', { action: rule.action ?? 'decide', owner, logger, name: client.name }));
}

/** Workspace admins only (settings, posting the digest by hand). */
export async function requireAdmin(turn: Pick<Turn, 'deps' | 'web' | 'teamId' | 'userId'>, refusal: AdminRefusal): Promise<void> {
  if (!(await turn.deps.people.isAdmin(turn.web, turn.teamId, turn.userId))) throw new RapportError('forbidden', said(refusal));
}
