/**
 * Buttons about a client's details: "Add anyway" / "Rename anyway" (the person confirmed that a look-alike name is a
 * different client), and Undo in the DM telling an owner that someone else changed their client.
 */
import type { App, ButtonAction } from '@slack/bolt';
import { RapportError } from '../../../domain/errors.js';
import { requireClient } from '../../../db/queries/clients.js';
import { addClient, correctClient, undoCorrection, type CorrectionNotice } from '../../../services/clients.js';
import { clientAddedBlocks, clientAddedText, clientChangedReply, correctionNoticeMessage, undoAnswerText } from '../../blocks/clients.js';
import { section } from '../../blocks/kit.js';
import { onAction, type Turn, type SlackDeps } from '../../frame.js';
import { ACTIONS } from '../../ids.js';
import { parseLookAlikeConfirmation } from '../../parse/lookAlike.js';
import { parseCorrectionUndo } from '../../parse/correctionUndo.js';
import { said } from '../../../i18n/messages.js';
import { requireDecider } from '../../authorise.js';
import { requireMember } from '../../recipients.js';
import { errorText } from '../../../log.js';

/** The owner hears of someone else's change, in one DM with Undo (a failed DM is logged: the change itself stands). */
export async function tellOwnerOfCorrection(turn: Turn, notice: CorrectionNotice | undefined): Promise<void> {
  if (!notice) return;
  try {
    await turn.dm(notice.to, (reader) => correctionNoticeMessage(notice, turn.userId, reader));
  } catch (error) {
    turn.deps.logger.warn('could not tell an owner of a change to their client', { clientId: notice.client.id, error: errorText(error) });
  }
}

export function registerClientNameActions(app: App, deps: SlackDeps): void {
  onAction<ButtonAction>(app, deps, ACTIONS.confirmLookAlike, async (turn, action) => {
    const confirmed = parseLookAlikeConfirmation(action.value);
    if (!confirmed) throw new RapportError('invalid_input', said('forms.buttonUnreadable'));
    if (confirmed.op === 'add') {
      // Asked again on the click: the owner named may have left, or become a guest, since the question.
      if (confirmed.args.ownerUserId) await requireMember(deps, turn.web, turn.teamId, confirmed.args.ownerUserId, 'owner');
      const { client } = await addClient(deps.db, turn.act, confirmed.args, { allowLookAlike: true });
      const reader = await turn.reader();
      if (client)
        await turn.replaceOriginal({
          text: clientAddedText(client, reader),
          blocks: clientAddedBlocks(client, confirmed.args.ownerUserId === turn.userId, reader),
        });
    } else {
      const corrected = await correctClient(deps.db, await turn.actIn(), confirmed.clientId, { name: confirmed.name }, { allowLookAlike: true });
      if (!corrected.client) return;
      await turn.replaceOriginal(clientChangedReply(corrected.client, 'name', await turn.reader()));
      await tellOwnerOfCorrection(turn, corrected.notice);
    }
  });

  // The owner's (or an admin's) to click; done once, and never over a later change.
  onAction<ButtonAction>(app, deps, ACTIONS.undoCorrection, async (turn, action) => {
    const undo = parseCorrectionUndo(action.value);
    if (!undo) throw new RapportError('invalid_input', said('forms.buttonUnreadable'));
    const subject = await requireClient(deps.db, { teamId: turn.teamId, clientId: undo.clientId });
    await requireDecider(turn, subject);
    const outcome = await undoCorrection(deps.db, turn.act, subject.id, undo.change);
    const { field } = undo.change;
    const reader = await turn.reader();
    if (!outcome.undone && outcome.why === 'changed_since') {
      await turn.reply({ text: undoAnswerText(outcome, field, reader, 'changes.changedSince') });
      return;
    }
    const answer = undoAnswerText(outcome, field, reader, outcome.undone ? 'changes.undone' : 'changes.undoneBefore');
    await turn.replaceOriginal({ text: answer, blocks: [section(answer)] });
    if (outcome.undone && undo.by !== turn.userId) {
      await turn
        .dm(undo.by, (theirs) => ({ text: undoAnswerText(outcome, field, theirs, 'changes.undoneYours', turn.userId) }))
        .catch((error: unknown) => deps.logger.warn('could not tell someone their change was undone', { clientId: subject.id, error: errorText(error) }));
    }
  });
}
