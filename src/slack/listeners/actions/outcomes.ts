/**
 * Better, the same, worse, they left us: the answer to a decision's review, in its owner's DM (issue 30). Stored
 * once: a second answer (another click, a colleague's) is refused with who answered, when and what.
 */
import type { App, ButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { RapportError } from '../../../domain/errors.js';
import { OUTCOMES, type Outcome } from '../../../domain/outcomes.js';
import { reviewedDecision, type ReviewedDecisionRow } from '../../../db/queries/outcomes.js';
import { answerDecisionOutcome } from '../../../services/outcomes.js';
import { section } from '../../blocks/kit.js';
import { outcomeAnsweredText } from '../../blocks/outcomes.js';
import { onAction, type SlackDeps, type Turn } from '../../frame.js';
import { OUTCOME_ACTIONS } from '../../ids.js';
import { md, said } from '../../../i18n/messages.js';
import { formatDay } from '../../../i18n/format.js';

async function mayAnswer(turn: Turn, decision: ReviewedDecisionRow): Promise<boolean> {
  if (turn.userId === decision.reviewSentTo || turn.userId === decision.clientOwner) return true;
  return turn.deps.people.isAdmin(turn.web, turn.teamId, turn.userId);
}

const gone = () => new RapportError('not_found', said('outcomes.gone'));

async function alreadyAnswered(turn: Turn, decision: ReviewedDecisionRow): Promise<RapportError> {
  const reader = await turn.reader();
  return new RapportError(
    'conflict',
    said('outcomes.already', {
      who: md(`<@${decision.outcomeBy}>`),
      name: decision.clientName,
      day: md(formatDay(decision.outcomeAt!, reader)),
      outcome: said(`outcomes.outcome.${decision.outcome as Outcome}`),
    }),
  );
}

export function registerOutcomeActions(app: App, deps: SlackDeps): void {
  for (const outcome of OUTCOMES) {
    onAction<ButtonAction>(app, deps, OUTCOME_ACTIONS[outcome], async (turn, action) => {
      const decisionId = z.uuid().safeParse(action.value);
      if (!decisionId.success) throw gone();
      const decision = await reviewedDecision(deps.db, { teamId: turn.teamId, decisionId: decisionId.data });
      if (!decision) throw gone();
      // Whoever was asked answers, or the client's owner or an admin (the one asked may have handed the client on).
      if (!decision.outcome && !(await mayAnswer(turn, decision))) {
        const who = md(`<@${decision.reviewSentTo ?? decision.clientOwner ?? decision.decidedBy}>`);
        throw new RapportError('forbidden', said('outcomes.notYours', { who, name: decision.clientName }));
      }
      const result = await answerDecisionOutcome(deps.db, turn.act, decision.id, outcome);
      if (!result) throw gone();
      if (!result.answered) throw await alreadyAnswered(turn, result.decision);
      const text = outcomeAnsweredText({ clientName: result.decision.clientName, outcome: result.decision.outcome ?? outcome }, await turn.reader());
      await turn.replaceOriginal({ text, blocks: [section(text)] });
    });
  }
}
