/** How changes to a client's fate read: in confirmations, in the DMs to those concerned, and in proposals. */
import { CATEGORY_LABELS, STATUS_LABELS } from '../../domain/catalogue.js';
import type { ProposedChange } from '../../domain/inputs.js';
import type { ClientProfile } from '../../domain/types.js';
import type { FateNotice, FateOutcome, Proposal } from '../../services/clientFate.js';
import { PROPOSAL_ACTIONS } from '../ids.js';
import { actions, button, context, section, type Block } from './kit.js';
import { escapeName, escapeText, mention } from './text.js';

const DECISION_WORDS = { acknowledge: 'acknowledge', keep: 'keep', require_prepayment: 'require full prepayment', start_exit: 'start the exit' } as const;

/** The change in a few words: "owner → @sam", "status → exited", "decision: start the exit". */
export function changeWords(change: ProposedChange): string {
  switch (change.kind) {
    case 'owner':
      return `owner → ${mention(change.ownerUserId)}`;
    case 'status':
      return `status → ${STATUS_LABELS[change.status]}`;
    case 'category':
      return `category → ${CATEGORY_LABELS[change.category]}`;
    case 'decision':
      return `decision: ${DECISION_WORDS[change.decision]}${change.reason ? ` (“${escapeText(change.reason)}”)` : ''}`;
  }
}

/** The DM each person concerned gets. */
export function fateNoticeText(notice: FateNotice, outcome: FateOutcome, actor: string): string {
  const name = `*${escapeName(outcome.after.name)}*`;
  switch (notice.why) {
    case 'reassigned_from_you':
      return `<@${actor}> reassigned ${name} from you to ${mention(outcome.after.ownerUserId)}.`;
    case 'assigned_to_you':
      return `<@${actor}> made you the owner of ${name}. \`/client show ${escapeName(outcome.after.name)}\` has its history.`;
    case 'changed_your_client':
      return `<@${actor}> changed your client ${name}: ${changeWords(outcome.change)}.`;
  }
}

/** The DM to the owner: someone proposes a change only the owner (or an admin) makes. */
export function proposalBlocks(proposal: Proposal, client: ClientProfile): Block[] {
  return [
    section(`📝 <@${proposal.proposedBy}> proposes for *${escapeName(client.name)}*: ${changeWords(proposal.change)}.`),
    actions([button('Approve', PROPOSAL_ACTIONS.approve, proposal.id, 'primary'), button('Decline', PROPOSAL_ACTIONS.decline, proposal.id)]),
    context('Only you (its owner) or a workspace admin can answer. Nothing changes until you approve.'),
  ];
}

/** What the proposer is told once the owner has been asked. */
export function proposedText(client: ClientProfile, change: ProposedChange): string {
  return `Only its owner ${mention(client.ownerUserId)} or a workspace admin can change this, so I have asked ${mention(client.ownerUserId)} to approve your proposal for *${escapeName(client.name)}*: ${changeWords(change)}.`;
}

/** The answer, as the answerer and the proposer read it. */
export function proposalAnsweredText(proposal: Proposal, client: ClientProfile, forProposer: boolean): string {
  const verb = proposal.status === 'approved' ? 'approved' : 'declined';
  const icon = proposal.status === 'approved' ? '✅' : '✖️';
  return forProposer
    ? `${icon} <@${proposal.answeredBy}> ${verb} your proposal for *${escapeName(client.name)}*: ${changeWords(proposal.change)}.`
    : `${icon} You ${verb} <@${proposal.proposedBy}>’s proposal for *${escapeName(client.name)}*: ${changeWords(proposal.change)}.`;
}
