/** `/call`: one line logs a call; no arguments opens the modal, a client name alone opens it for that client. */
import { answerCommand, helpAck } from './answer.js';
import type { App } from '@slack/bolt';
import { clientFromWords, logCallAndScore } from '../../../services/clientActivity.js';
import { callConfirmation } from '../../blocks/confirmations.js';
import { callModal } from '../../blocks/modals.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { COMMANDS } from '../../ids.js';
import { parseCallArgs, tokenize, type Token } from '../../parse/commandText.js';
import { replyEphemeral } from '../../reply.js';
import { openModalThenRefine } from './openModal.js';

/** The client's name ends before the first ±trait word. */
function nameEndsBefore(tokens: readonly Token[]): number {
  const i = tokens.findIndex((t) => !t.quoted && /^[+-]\S/.test(t.value));
  return i === -1 ? tokens.length : Math.max(1, i);
}

export function registerCallCommand(app: App, deps: SlackDeps): void {
  app.command(COMMANDS.call, async ({ command, ack, respond, client }) => {
    const text = command.text.trim();
    if (/^(help|\?)$/i.test(text)) {
      await ack(helpAck('call', 'How to log a call'));
      return;
    }
    await ack();
    const metadata = { channelId: command.channel_id };
    await answerCommand(deps, { command, respond, client }, async (target) => {
      const tokens = tokenize(text);
      if (tokens.length === 0) {
        await openModalThenRefine(deps, client, command.trigger_id, command.team_id, (ctx) =>
          callModal({ catalogue: ctx.catalogue, metadata, today: ctx.today }),
        );
        return;
      }
      // Telling a name from notes needs the workspace's names: two quick reads, well within the trigger's 3 s.
      const ctx = await workspaceContext(deps, command.team_id);
      const { client: picked, used } = await clientFromWords(deps.db, command.team_id, tokens.map((t) => t.value), nameEndsBefore(tokens));
      const rest = tokens.slice(used);
      if (rest.length === 0) {
        await client.views.open({ trigger_id: command.trigger_id, view: callModal({ catalogue: ctx.catalogue, metadata, today: ctx.today, client: picked }) as never });
        return;
      }
      const args = parseCallArgs(ctx.catalogue, text, rest);
      const now = deps.now();
      const outcome = await logCallAndScore(deps.db, command.team_id, command.user_id, ctx.catalogue, {
        clientId: picked.id,
        occurredAt: now,
        traits: args.traits,
        notes: args.notes,
        requestKey: `cmd:${command.trigger_id}`,
      }, now);
      await replyEphemeral(target, callConfirmation(ctx.catalogue, outcome, ctx.workspace.timeZone));
    });
  });
}
