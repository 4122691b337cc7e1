/** How changes to a client's fate read, in their reader's words: in confirmations, in the DMs to those concerned, and in proposals. */
import type { ProposedChange } from '../../domain/inputs.js';
import type { ClientProfile } from '../../domain/types.js';
import type { FateNotice, FateOutcome, Proposal } from '../../services/clientFate.js';
import { PROPOSAL_ACTIONS } from '../ids.js';
import { actions, button, context, section, type Block } from './kit.js';
import { escapeName, escapeText } from './text.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import { categoryLabel, statusLabel } from '../../i18n/labels.js';
import type { Reader } from '../../i18n/reader.js';
import { termsLabel } from './payments.js';

const mentionOf = (userId: string | null | undefined, reader: Reader) => md(userId ? `<@${userId}>` : tPlain(reader, 'digest.noOwner').replace(/\u200F/g, ''));

/** The change in a few words: "owner → @sam", "status → exited", "decision: start the exit". */
export function changeWords(change: ProposedChange, reader: Reader): string {
  switch (change.kind) {
    case 'owner':
      return t(reader, 'notify.change.owner', { owner: mentionOf(change.ownerUserId, reader) });
    case 'status':
      return t(reader, 'notify.change.status', { status: statusLabel(reader, change.status) });
    case 'category':
      return t(reader, 'notify.change.category', { category: categoryLabel(reader, change.category) });
    case 'terms':
      return t(reader, 'payments.change.terms', { terms: termsLabel(reader, change.terms) });
    case 'decision': {
      const words = t(reader, `notify.change.decision.${change.decision}`);
      return change.reason ? t(reader, 'notify.change.withReason', { change: md(words), reason: md(escapeText(change.reason)) }) : words;
    }
  }
}

const bold = (name: string) => md(`*${escapeName(name)}*`);

/** The DM each person concerned gets. */
export function fateNoticeText(notice: FateNotice, outcome: FateOutcome, actor: string, reader: Reader): string {
  const args = { actor: md(`<@${actor}>`), name: bold(outcome.after.name) };
  switch (notice.why) {
    case 'reassigned_from_you':
      return t(reader, 'notify.fate.reassigned_from_you', { ...args, owner: mentionOf(outcome.after.ownerUserId, reader) });
    case 'assigned_to_you':
      return t(reader, 'notify.fate.assigned_to_you', { ...args, typed: md(escapeName(outcome.after.name)) });
    case 'changed_your_client':
      return t(reader, 'notify.fate.changed_your_client', { ...args, change: md(changeWords(outcome.change, reader)) });
  }
}

/** The fallback text of the DM asking the owner to answer a proposal. */
export const proposalText = (client: ClientProfile, reader: Reader): string => t(reader, 'notify.proposal.text', { name: client.name });

/** The DM to the owner: someone proposes a change only the owner (or an admin) makes. */
export function proposalBlocks(proposal: Proposal, client: ClientProfile, reader: Reader): Block[] {
  return [
    section(
      t(reader, 'notify.proposal.proposes', {
        who: md(`<@${proposal.proposedBy}>`),
        name: bold(client.name),
        change: md(changeWords(proposal.change, reader)),
      }),
    ),
    actions([
      button(tPlain(reader, 'notify.proposal.approve'), PROPOSAL_ACTIONS.approve, proposal.id, 'primary'),
      button(tPlain(reader, 'notify.proposal.decline'), PROPOSAL_ACTIONS.decline, proposal.id),
    ]),
    context(t(reader, 'notify.proposal.onlyYou')),
  ];
}

/** What the proposer is told once the owner has been asked. */
export function proposedText(client: ClientProfile, change: ProposedChange, reader: Reader): string {
  return t(reader, 'notify.proposal.asked', { owner: mentionOf(client.ownerUserId, reader), name: bold(client.name), change: md(changeWords(change, reader)) });
}

/** The answer, as the answerer and the proposer read it. */
export function proposalAnsweredText(proposal: Proposal, client: ClientProfile, forProposer: boolean, reader: Reader): string {
  const approved = proposal.status === 'approved';
  const args = { name: bold(client.name), change: md(changeWords(proposal.change, reader)) };
  return forProposer
    ? t(reader, approved ? 'notify.proposal.approvedYours' : 'notify.proposal.declinedYours', { ...args, who: md(`<@${proposal.answeredBy}>`) })
    : t(reader, approved ? 'notify.proposal.youApproved' : 'notify.proposal.youDeclined', { ...args, who: md(`<@${proposal.proposedBy}>`) });
}
