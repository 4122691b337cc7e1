/**
 * Who may change a client's fate: its owner or a workspace admin (Slack's own is_admin/is_owner, asked with
 * users.info and cached briefly). Everyone else is told so, politely, with who can.
 */
import { RapportError } from '../domain/errors.js';
import type { ClientProfile } from '../domain/types.js';
import { escapeName } from './blocks/text.js';
import type { Turn } from './frame.js';

export interface DeciderRule {
  /** One more person allowed for this change (e.g. whoever logged the incident a warning is about). */
  alsoAllowed?: { userId: string; who: string };
  /** What is being changed, for the refusal ("decide about", "record a warning for"). */
  action?: string;
}

/** True when the person acting decides about the client: its owner, a workspace admin, or the rule's one more person. */
export async function isDecider(turn: Pick<Turn, 'deps' | 'web' | 'teamId' | 'userId'>, client: ClientProfile, rule: DeciderRule = {}): Promise<boolean> {
  if (client.ownerUserId === turn.userId || rule.alsoAllowed?.userId === turn.userId) return true;
  return turn.deps.people.isAdmin(turn.web, turn.teamId, turn.userId);
}

export async function requireDecider(turn: Pick<Turn, 'deps' | 'web' | 'teamId' | 'userId'>, client: ClientProfile, rule: DeciderRule = {}): Promise<void> {
  if (await isDecider(turn, client, rule)) return;
  const owner = client.ownerUserId ? `its owner <@${client.ownerUserId}>` : 'its owner';
  const who = [rule.alsoAllowed?.who, owner].filter(Boolean).join(', ');
  throw new RapportError('forbidden', `Sorry, only ${who} or a workspace admin can ${rule.action ?? 'decide about'} *${escapeName(client.name)}*.`);
}

/** Workspace admins only (settings, posting the digest by hand). */
export async function requireAdmin(turn: Pick<Turn, 'deps' | 'web' | 'teamId' | 'userId'>, refusal: string): Promise<void> {
  if (!(await turn.deps.people.isAdmin(turn.web, turn.teamId, turn.userId))) throw new RapportError('forbidden', refusal);
}
