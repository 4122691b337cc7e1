/** `/incident <client> <kind> [fields] [notes]`; no arguments, or just a client, opens the modal. */
import { answerCommand, helpAck } from './answer.js';
import type { App } from '@slack/bolt';
import { incidentDetailsSchema } from '../../../domain/catalogue.js';
import { RapportError } from '../../../domain/errors.js';
import { clientFromWords, logIncidentAndCheck } from '../../../services/clientActivity.js';
import { incidentConfirmation } from '../../blocks/confirmations.js';
import { incidentModal } from '../../blocks/modals.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { COMMANDS } from '../../ids.js';
import { notifyOwnerOfRedFlags } from '../../notify.js';
import { parseIncidentArgs, tokenize, USAGE } from '../../parse/commandText.js';
import { replyEphemeral } from '../../reply.js';
import { openModalThenRefine } from './openModal.js';

export function registerIncidentCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.incident, async ({ command, ack, respond, client }) => {
    const text = command.text.trim();
    if (/^(help|\?)$/i.test(text)) {
      await ack(helpAck('incident', 'How to log an incident'));
      return;
    }
    await ack();
    const metadata = { channelId: command.channel_id };
    await answerCommand(deps, { command, respond, client }, async (target) => {
      const tokens = tokenize(text);
      if (tokens.length === 0) {
        await openModalThenRefine(deps, client, command.trigger_id, command.team_id, (ctx) =>
          incidentModal({ metadata, today: ctx.today }),
        );
        return;
      }
      const ctx = await workspaceContext(deps, command.team_id);
      // The longest run of leading words that is a client's name is the client, so "Legal Eagles legal …" works.
      const words = tokens.map((t) => t.value);
      const { client: picked, used } = await clientFromWords(deps.db, command.team_id, words);
      const rest = tokens.slice(used);
      if (rest.length === 0) {
        await client.views.open({ trigger_id: command.trigger_id, view: incidentModal({ metadata, today: ctx.today, client: picked }) as never });
        return;
      }
      const args = parseIncidentArgs(text, rest);
      const details = incidentDetailsSchema.safeParse({ kind: args.kind, ...args.fields });
      if (!details.success) {
        const missingDays = args.kind === 'slow_payment' && args.fields.daysLate === undefined;
        throw new RapportError(
          'invalid_input',
          `${missingDays ? 'How many days late? e.g. `/incident ' + picked.name + ' late 45`' : details.error.issues[0]!.message}\nUsage: \`${USAGE.incident}\``,
        );
      }
      const now = deps.now();
      const outcome = await logIncidentAndCheck(deps.db, command.team_id, command.user_id, ctx.catalogue, {
        clientId: picked.id,
        occurredAt: now,
        description: args.notes,
        details: details.data,
        requestKey: `cmd:${command.trigger_id}`,
      }, now);
      await replyEphemeral(target, incidentConfirmation(outcome, ctx.workspace.timeZone));
      await notifyOwnerOfRedFlags(client, deps.logger, outcome, command.user_id, ctx.workspace.timeZone);
    });
  });
}
