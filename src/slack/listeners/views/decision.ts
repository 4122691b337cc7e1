/** The digest decision form: checked again on submit (slack-contract.md), decided or proposed by who submits it. */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { decisionLine } from '../../blocks/digest.js';
import { requireClient } from '../../../db/queries/clients.js';
import { addNextStep } from '../../../services/nextSteps.js';
import { localDate } from '../../../domain/calendar.js';
import { dueDayProblem } from '../../../domain/nextSteps.js';
import { decisionReasonsSchema, reasonsProblem } from '../../../domain/outcomes.js';
import { proposedText } from '../../blocks/fate.js';
import { decideOrPropose, tellConcerned } from '../../fate.js';
import { onView, type ViewOutcome, type SlackDeps } from '../../frame.js';
import { INPUTS, VIEWS } from '../../ids.js';
import { parseFormMetadata, viewStateSchema } from '../../parse/viewState.js';
import { showOnDigest } from '../actions/digest.js';
import { tPlain } from '../../../i18n/messages.js';

const metadataSchema = z.object({
  clientId: z.uuid(),
  digestId: z.uuid().nullable(),
  kind: z.enum(['keep', 'require_prepayment', 'start_exit']),
  channelId: z.string().max(20).nullable().default(null),
});

export function registerDecisionView(app: App, deps: SlackDeps): void {
  onView(app, deps, VIEWS.decision, {
    fieldOf: () => INPUTS.reason,
    submit: async (turn, view): Promise<ViewOutcome> => {
      const metadata = parseFormMetadata(metadataSchema, view.private_metadata);
      const state = viewStateSchema.safeParse(view.state.values);
      if (!metadata || !state.success) return { errors: { [INPUTS.reason]: tPlain(await turn.reader(), 'digest.formUnreadable') } };
      const reason = state.data[INPUTS.reason]?.[INPUTS.reason]?.value?.normalize('NFC').trim() ?? '';
      if (metadata.kind === 'keep' && reason.length === 0) return { errors: { [INPUTS.reason]: tPlain(await turn.reader(), 'digest.keepNeedsReason') } };
      // Its reasons, countably (issue 30). A form opened before reasons were asked for has no such field to fill.
      const picked = state.data[INPUTS.reasons]?.[INPUTS.reasons];
      const reasons = decisionReasonsSchema.safeParse((picked?.selected_options ?? []).map((o) => o.value));
      if (!reasons.success) return { errors: { [INPUTS.reasons]: tPlain(await turn.reader(), 'digest.formUnreadable') } };
      const reasonsWrong = reasonsProblem(metadata.kind, reasons.data, reason, picked !== undefined);
      if (reasonsWrong) {
        const field = reasonsWrong === 'otherNeedsWords' ? INPUTS.reason : INPUTS.reasons;
        return { errors: { [field]: tPlain(await turn.reader(), `outcomes.form.${reasonsWrong}`) } };
      }
      // Only the form of someone who decides (not proposes) asks when to review it; a keep also comes back as a next step.
      const reviewOn = state.data[INPUTS.reviewOn]?.[INPUTS.reviewOn]?.selected_date ?? undefined;
      const act = await turn.actIn();
      const reviewProblem = reviewOn ? dueDayProblem(reviewOn, localDate(turn.now, act.timeZone)) : undefined;
      if (reviewProblem) return { errors: { [INPUTS.reviewOn]: reviewProblem } };
      const subject = await requireClient(deps.db, { teamId: turn.teamId, clientId: metadata.clientId });
      const change = {
        kind: 'decision' as const,
        decision: metadata.kind,
        reason: reason || null,
        reasons: reasons.data,
        reviewOn: reviewOn ?? null,
        digestId: metadata.digestId,
      };
      const result = await decideOrPropose(turn, subject, change);
      if (result.outcome?.decision && metadata.kind === 'keep' && reviewOn) {
        await addNextStep(deps.db, act, {
          client: subject,
          // Its line names the client beside it ("… · Stark Industries"): the step itself does not name it again.
          what: tPlain(await turn.reader(), 'digest.reviewKeep'),
          dueOn: reviewOn,
          source: 'decision',
        });
      }
      return {
        done: true,
        // Whoever the decision concerns is told after the ack (a slow Slack never delays the form's answer), and
        // last: a failure before it (the digest's update, the answer) has this work tried again, and a DM sent
        // already would be sent twice.
        after: async (turn) => {
          const decision = result.outcome?.decision;
          if (decision) await showOnDigest(turn.answeringIn(metadata.channelId), metadata.digestId, subject, (r) => decisionLine(decision, r), decision.kind);
          if (result.proposal) await turn.answeringIn(metadata.channelId).reply({ text: `📝 ${proposedText(subject, change, await turn.reader())}` });
          await tellConcerned(turn, subject, result);
        },
      };
    },
  });
}
