/**
 * One way every change to a client's fate goes, whatever the entry point (`/client set`, the digest's
 * buttons and forms, a proposal answered): the owner or an admin changes it at once and those concerned are
 * told; anyone else proposes it to the owner, who approves or declines from a DM.
 */
import { RapportError } from '../domain/errors.js';
import { md, said } from '../i18n/messages.js';
import type { ProposedChange } from '../domain/inputs.js';
import type { ClientProfile } from '../domain/types.js';
import { changeClientFate, proposeClientChange, type FateOutcome, type Proposal } from '../services/clientFate.js';
import { isDecider } from './authorise.js';
import { proposalBlocks, proposalText } from './blocks/fate.js';
import type { Turn } from './frame.js';
import { tellFateNotices } from './notify.js';
import { isMemberHere, requireMember } from './recipients.js';

export type DecidedOrProposed = { outcome: FateOutcome; proposal?: undefined } | { proposal: Proposal; outcome?: undefined };

/**
 * Decides (the owner or an admin) or proposes (anyone else), telling nobody yet: `tellConcerned` does, after the
 * ack where there is one (a form's submission runs before its ack, and again in the worker that does what follows).
 */
export async function decideOrPropose(turn: Turn, client: ClientProfile, change: ProposedChange): Promise<DecidedOrProposed> {
  if (change.kind === 'owner' && change.ownerUserId) await requireMember(turn.deps, turn.web, turn.teamId, change.ownerUserId, 'owner');
  // A client nobody owns may be claimed by whoever takes it on.
  const claiming = !client.ownerUserId && change.kind === 'owner' && change.ownerUserId === turn.userId;
  if (claiming || (await isDecider(turn, client))) {
    return { outcome: await changeClientFate(turn.deps.db, turn.act, client.id, change) };
  }
  if (!client.ownerUserId) {
    throw new RapportError('forbidden', said('errors.fate.noOwner', { name: client.name }));
  }
  // An owner who is no longer a member here cannot be asked (or told anything about the client).
  if (!(await isMemberHere(turn.deps, turn.web, turn.teamId, client.ownerUserId))) {
    throw new RapportError('forbidden', said('errors.fate.ownerGone', { name: client.name, owner: md(`<@${client.ownerUserId}>`) }));
  }
  return { proposal: await proposeClientChange(turn.deps.db, turn.act, client, change) };
}

/**
 * Everyone a decision concerns is told of it (fateNotices), or the owner is asked to answer the proposal. The
 * digest's buttons and forms call it last, after the digest's update and their answer: anything failing after a
 * DM has the whole work tried again, and the DM sent twice (one DM per decision per person).
 */
export async function tellConcerned(turn: Turn, client: ClientProfile, result: DecidedOrProposed): Promise<void> {
  if (result.outcome) await tellFateNotices(turn, result.outcome);
  else if (client.ownerUserId)
    await turn.dm(client.ownerUserId, (reader) => ({ text: proposalText(client, reader), blocks: proposalBlocks(result.proposal, client, reader) }));
}
