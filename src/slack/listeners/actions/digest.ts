/**
 * The digest's buttons: Acknowledge, Snooze, Decide (keep with a reason, require prepayment, start exit),
 * History. Deciding is for the client's owner or a workspace admin; the digest message is updated in place.
 */
import type { App, BlockAction, ButtonAction, OverflowAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { RapportError } from '../../../domain/errors.js';
import type { ClientProfile, DecisionKind } from '../../../domain/types.js';
import { loadClientRecord } from '../../../db/queries/activity.js';
import { categoryChangesOf, requireClient } from '../../../db/queries/clients.js';
import { decisionsFor, recordDecision, snoozeClient, snoozesFor } from '../../../db/queries/decisions.js';
import { digestMessageAt, digestMessagesNaming, updateDigestMessageBlocks } from '../../../db/queries/digests.js';
import { decisionLine, snoozeLine, withClientStatus } from '../../../digest/compose.js';
import { historyBlocks } from '../../blocks/history.js';
import { keepReasonModal } from '../../blocks/modals.js';
import { escapeText } from '../../blocks/text.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { userMessage } from '../../errors.js';
import { DIGEST_ACTIONS } from '../../ids.js';
import { replyEphemeral } from '../../reply.js';

/** Only the client's owner or a workspace admin decides; everyone else is told so, politely. */
export async function requireDecider(deps: SlackDeps, web: WebClient, teamId: string, userId: string, client: ClientProfile): Promise<void> {
  if (client.ownerUserId === userId) return;
  if (await deps.admins.isAdmin(web, teamId, userId)) return;
  const owner = client.ownerUserId ? `its owner <@${client.ownerUserId}>` : 'its owner';
  throw new RapportError('forbidden', `Sorry, only ${owner} or a workspace admin can decide about *${escapeText(client.name)}*. History is open to everyone.`);
}

/** Rewrites the client's status line in every message of the digest that names it (a page not yet posted goes out with it). */
export async function showOnDigest(deps: SlackDeps, web: WebClient, teamId: string, digestId: string, clientId: string, line: string): Promise<void> {
  for (const message of await digestMessagesNaming(deps.db, teamId, digestId, clientId)) {
    const blocks = withClientStatus(message.blocks as never, clientId, line);
    if (message.ts) await web.chat.update({ channel: message.channelId, ts: message.ts, text: 'Rapport digest (updated)', blocks: blocks as never });
    await updateDigestMessageBlocks(deps.db, message, blocks);
  }
}

export function registerDigestActions(app: App, deps: SlackDeps): void {
  type Args = { body: BlockAction; client: WebClient; respond: RespondFn; teamId: string; clientId: string; digestId: string | null; value: string };
  const on = <A extends ButtonAction | OverflowAction>(actionId: string, handle: (args: Args) => Promise<void>) =>
    app.action<BlockAction<A>>(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      const teamId = body.team?.id ?? '';
      const value = action.type === 'overflow' ? action.selected_option.value : (action.value ?? '');
      const clientId = value.includes(':') ? value.slice(value.indexOf(':') + 1) : value;
      const target = { respond, client, channelId: body.channel?.id, userId: body.user.id, logger: deps.logger };
      try {
        const message = body.channel && body.message ? await digestMessageAt(deps.db, teamId, body.channel.id, body.message.ts) : undefined;
        await handle({ body, client, respond, teamId, clientId, digestId: message?.digestId ?? null, value });
      } catch (error) {
        await replyEphemeral(target, { text: userMessage(error, deps.logger, { action: actionId, team: teamId }) });
      }
    });

  const decide = async ({ body, client, teamId, clientId, digestId }: Args, kind: DecisionKind) => {
    const subject = await requireClient(deps.db, teamId, clientId);
    await requireDecider(deps, client, teamId, body.user.id, subject);
    const decision = await recordDecision(deps.db, teamId, body.user.id, { clientId, kind, digestId });
    const ctx = await workspaceContext(deps, teamId);
    if (digestId) await showOnDigest(deps, client, teamId, digestId, clientId, decisionLine(decision, ctx.workspace.timeZone));
  };

  on<ButtonAction>(DIGEST_ACTIONS.acknowledge, (args) => decide(args, 'acknowledge'));

  on<ButtonAction>(DIGEST_ACTIONS.snooze, async ({ body, client, teamId, clientId, digestId }) => {
    const subject = await requireClient(deps.db, teamId, clientId);
    await requireDecider(deps, client, teamId, body.user.id, subject);
    const ctx = await workspaceContext(deps, teamId);
    const snooze = await snoozeClient(deps.db, teamId, body.user.id, { clientId, days: ctx.catalogue.thresholds.snoozeDays, digestId });
    if (digestId) await showOnDigest(deps, client, teamId, digestId, clientId, snoozeLine(snooze, ctx.workspace.timeZone));
  });

  on<OverflowAction>(DIGEST_ACTIONS.decide, async (args) => {
    const kind = args.value.slice(0, args.value.indexOf(':'));
    if (kind === 'require_prepayment' || kind === 'start_exit') return decide(args, kind);
    if (kind !== 'keep') throw new RapportError('invalid_input', 'That is not a decision Rapport knows.');
    const subject = await requireClient(deps.db, args.teamId, args.clientId);
    await requireDecider(deps, args.client, args.teamId, args.body.user.id, subject);
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: keepReasonModal({ clientId: subject.id, clientName: subject.name, digestId: args.digestId }) as never,
    });
  });

  on<ButtonAction>(DIGEST_ACTIONS.history, async ({ body, client, respond, teamId, clientId }) => {
    const subject = await requireClient(deps.db, teamId, clientId);
    const [ctx, record, decisions, snoozes, categoryChanges] = await Promise.all([
      workspaceContext(deps, teamId),
      loadClientRecord(deps.db, teamId, clientId),
      decisionsFor(deps.db, teamId, clientId),
      snoozesFor(deps.db, teamId, clientId),
      categoryChangesOf(deps.db, teamId, clientId),
    ]);
    await replyEphemeral(
      { respond, client, channelId: body.channel?.id, userId: body.user.id, logger: deps.logger },
      { text: `History of ${subject.name}`, blocks: historyBlocks(ctx.catalogue, { clientName: subject.name, record, decisions, snoozes, categoryChanges }, ctx.workspace.timeZone) },
    );
  });
}
