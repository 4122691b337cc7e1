/** Approve or Decline, in the owner's DM: only the owner or an admin answers; approving applies the change as theirs. */
import type { App, ButtonAction } from '@slack/bolt';
import { decisionLine } from '../../blocks/digest.js';
import { answerClientProposal, openProposal } from '../../../services/clientFate.js';
import { requireClient } from '../../../db/queries/clients.js';
import { requireDecider } from '../../authorise.js';
import { proposalAnsweredText } from '../../blocks/fate.js';
import { section } from '../../blocks/kit.js';
import { termsAnsweredText } from '../../blocks/payments.js';
import { onAction, type SlackDeps } from '../../frame.js';
import { PROPOSAL_ACTIONS } from '../../ids.js';
import { tellFateNotices } from '../../notify.js';
import { showOnDigest } from './digest.js';
import { requireMember } from '../../recipients.js';

export function registerProposalActions(app: App, deps: SlackDeps): void {
  for (const [actionId, approve] of [
    [PROPOSAL_ACTIONS.approve, true],
    [PROPOSAL_ACTIONS.decline, false],
  ] as const) {
    onAction<ButtonAction>(app, deps, actionId, async (turn, action) => {
      const proposal = await openProposal(deps.db, turn.act, action.value ?? '');
      const subject = await requireClient(deps.db, { teamId: turn.teamId, clientId: proposal.clientId });
      await requireDecider(turn, subject, { action: 'answer' });
      // The proposed owner is checked again as it is applied: they may have left, or become a guest, since.
      if (approve && proposal.change.kind === 'owner' && proposal.change.ownerUserId) {
        await requireMember(deps, turn.web, turn.teamId, proposal.change.ownerUserId, 'owner');
      }
      const { proposal: answered, outcome } = await answerClientProposal(deps.db, turn.act, proposal.id, approve);
      const after = outcome?.after ?? subject;
      // Rapport proposed a terms step, not the person whose payment log set it off: they are not told of the answer.
      const terms = answered.change.kind === 'terms';
      const answer = terms ? termsAnsweredText(answered, after, await turn.reader()) : proposalAnsweredText(answered, after, false, await turn.reader());
      await turn.replaceOriginal({ text: answer, blocks: [section(answer)] });
      if (!terms) await turn.dm(answered.proposedBy, (reader) => ({ text: proposalAnsweredText(answered, after, true, reader) }));
      if (!outcome) return;
      if (outcome.decision && outcome.change.kind === 'decision' && outcome.change.digestId) {
        const decision = outcome.decision;
        await showOnDigest(turn, outcome.change.digestId, subject, (reader) => decisionLine(decision, reader), decision.kind);
      }
      await tellFateNotices(turn, outcome);
    });
  }
}
