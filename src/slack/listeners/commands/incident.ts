/** `/incident <client> [day] <kind> [fields] [notes]`; no arguments, or just a client, opens the form. */
import type { App } from '@slack/bolt';
import { DEFAULT_CATALOGUE, incidentDetailsSchema } from '../../../domain/catalogue.js';
import { RapportError } from '../../../domain/errors.js';
import { md, said } from '../../../i18n/messages.js';
import { quoteCode } from '../../../domain/mrkdwn.js';
import { logIncidentAndCheck } from '../../../services/clientActivity.js';
import { incidentConfirmation } from '../../blocks/confirmations.js';
import { helpMessage, isHelpWord } from '../../blocks/help.js';
import { incidentModal } from '../../blocks/modals.js';
import { onCommand, type SlackDeps } from '../../frame.js';
import { COMMANDS } from '../../ids.js';
import { notifyOwnerOfRedFlags, withRedFlagRecipient } from '../../notify.js';
import { occurredOn, parseDayWords, parseIncidentArgs, tokenize, usageIn } from '../../parse/commandText.js';
import { saidOfIssue } from '../../../domain/validationMessages.js';
import { openModalThenRefine } from './openModal.js';
import { answerPaidOnTime } from './paidOnTime.js';
import { paidOnTimeWords } from '../../parse/payments.js';
import { withTermsAsked } from '../../blocks/payments.js';
import { askAboutTerms, whoAnswersTerms } from '../../paymentTerms.js';

export function registerIncidentCommand(app: App, deps: SlackDeps): void {
  onCommand(app, deps, COMMANDS.incident, {
    // Help is answered by the work, not in the ack: it is fast, and it is written in the person's language.
    run: async (turn, text) => {
      if (isHelpWord(text)) return turn.reply(helpMessage('incident', DEFAULT_CATALOGUE, await turn.reader()));
      const metadata = { channelId: turn.channelId };
      const tokens = tokenize(text);
      if (tokens.length === 0) {
        await openModalThenRefine(turn, (ctx) =>
          incidentModal({ reader: ctx.reader, metadata, today: ctx.today, ...(ctx.channelClient ? { client: ctx.channelClient } : {}) }),
        );
        return;
      }
      // The longest run of leading words that is a client's name is the client, so "Legal Eagles legal …" works.
      const { client, used } = await turn.clientFromWords(tokens.map((t) => t.value));
      const act = await turn.actIn();
      const { today } = await turn.workspace();
      // A day may follow the client or the kind: `/incident acme yesterday late 45`, `/incident acme late yesterday 45`.
      const { locale } = await turn.reader();
      const datedFirst = parseDayWords(tokens, used, today, locale);
      const rest = tokens.slice(used + (datedFirst?.used ?? 0));
      const paidOnTime = paidOnTimeWords(rest, 0);
      if (paidOnTime > 0) return answerPaidOnTime(turn, deps, client, rest, paidOnTime, datedFirst?.day);
      if (rest.length === 0) {
        await turn.openModal(incidentModal({ reader: await turn.reader(), metadata, today, client }));
        return;
      }
      const datedAfterKind = datedFirst ? undefined : parseDayWords(rest, 1, today, locale);
      const args = parseIncidentArgs(text, datedAfterKind ? [rest[0]!, ...rest.slice(1 + datedAfterKind.used)] : rest, locale);
      const day = datedFirst?.day ?? datedAfterKind?.day ?? today;
      const details = incidentDetailsSchema.safeParse({ kind: args.kind, ...args.fields });
      if (!details.success) {
        const missingDays = args.kind === 'slow_payment' && args.fields.daysLate === undefined;
        if (missingDays) {
          throw new RapportError(
            'invalid_input',
            said('commands.incidentUsage', {
              example: md(quoteCode(`/incident ${client.name} late 45`)),
              usage: md(`\`${usageIn(await turn.reader(), 'incident')}\``),
            }),
          );
        }
        const issue = details.error.issues[0]!;
        const reader = await turn.reader();
        throw new RapportError(
          'invalid_input',
          said('input.withUsage', { refusal: saidOfIssue(issue) ?? issue.message, usage: md(usageIn(reader, 'incident')) }),
        );
      }
      const outcome = await withRedFlagRecipient(
        turn,
        await logIncidentAndCheck(deps.db, act, {
          clientId: client.id,
          occurredAt: occurredOn(day, today, turn.now, act.timeZone),
          description: args.notes,
          details: details.data,
        }),
      );
      const asking = outcome.terms ? await whoAnswersTerms(turn, outcome.terms) : undefined;
      await turn.reply(withTermsAsked(incidentConfirmation(outcome, await turn.reader()), outcome.terms, asking?.asked, await turn.reader()));
      await notifyOwnerOfRedFlags(turn, outcome);
      if (outcome.terms && asking) await askAboutTerms(turn, outcome.terms, asking);
    },
  });
}
