/** Paid on time, beside the payment reminder of a log confirmation (issue 30): the client paid on time today; and Undo of a payment on time. */
import type { App, ButtonAction } from '@slack/bolt';
import { requireClient } from '../../../db/queries/clients.js';
import { logOnTimePayment, undoOnTimePayment } from '../../../services/paymentTerms.js';
import { t } from '../../../i18n/messages.js';
import { section } from '../../blocks/kit.js';
import { paymentConfirmation } from '../../blocks/payments.js';
import { onAction, type SlackDeps } from '../../frame.js';
import { ACTIONS } from '../../ids.js';
import { askAboutTerms, whoAnswersTerms } from '../../paymentTerms.js';

export function registerPaymentActions(app: App, deps: SlackDeps): void {
  onAction<ButtonAction>(app, deps, ACTIONS.paidOnTime, async (turn, action) => {
    const act = await turn.actIn();
    const client = await requireClient(deps.db, { teamId: act.teamId, clientId: action.value ?? '' });
    const outcome = await logOnTimePayment(deps.db, act, { clientId: client.id, paidAt: turn.now, amount: null });
    const asking = outcome.terms ? await whoAnswersTerms(turn, outcome.terms) : undefined;
    await turn.reply(paymentConfirmation(outcome, asking?.asked, await turn.reader()));
    if (outcome.terms && asking) await askAboutTerms(turn, outcome.terms, asking);
  });

  onAction<ButtonAction>(app, deps, ACTIONS.undoPayment, async (turn, action) => {
    const client = await undoOnTimePayment(deps.db, turn.act, action.value ?? '');
    const undone = t(await turn.reader(), 'payments.undone', { name: client.name });
    await turn.replaceOriginal({ text: undone, blocks: [section(`↩️ ${undone}`)] });
  });
}
