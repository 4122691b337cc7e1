/** Buttons on a log confirmation: Undo, Edit, and "Client was told this is unacceptable". */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { getCall, getIncident, recordWarning, undoCall, undoIncident } from '../../../db/queries/activity.js';
import { getClient } from '../../../db/queries/clients.js';
import { callModal, incidentModal, isoDay } from '../../blocks/modals.js';
import { section } from '../../blocks/kit.js';
import { escapeText, formatDay } from '../../blocks/text.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { userMessage } from '../../errors.js';
import { ACTIONS } from '../../ids.js';
import { replyEphemeral } from '../../reply.js';
import { RapportError } from '../../../domain/errors.js';

type ButtonArgs = Parameters<Parameters<App['action']>[1]>[0] & { body: BlockAction; action: ButtonAction };

export function registerLogEntryActions(app: App, deps: SlackDeps): void {
  const on = (actionId: string, handle: (args: ButtonArgs, teamId: string) => Promise<string | void>) =>
    app.action<BlockAction<ButtonAction>>(actionId, async (args) => {
      await args.ack();
      const { body, respond, client } = args;
      const teamId = body.team?.id ?? body.user.team_id ?? '';
      const target = { respond, client, channelId: body.channel?.id, userId: body.user.id, logger: deps.logger };
      try {
        const done = await handle(args as ButtonArgs, teamId);
        if (done) await replyEphemeral(target, { text: done, replaceOriginal: true });
      } catch (error) {
        await replyEphemeral(target, { text: userMessage(error, deps.logger, { action: actionId, team: teamId }) });
      }
    });

  on(ACTIONS.undoCall, async ({ action, body }, teamId) => {
    await undoCall(deps.db, teamId, body.user.id, action.value ?? '');
    return '↩️ Call undone: nothing of it is stored any more.';
  });
  on(ACTIONS.undoIncident, async ({ action, body }, teamId) => {
    await undoIncident(deps.db, teamId, body.user.id, action.value ?? '');
    return '↩️ Incident undone: nothing of it is stored any more.';
  });

  on(ACTIONS.editCall, async ({ action, body, client }, teamId) => {
    const [ctx, call] = await Promise.all([workspaceContext(deps, teamId), getCall(deps.db, teamId, action.value ?? '')]);
    if (!call) throw new RapportError('not_found', 'That call is no longer there: it may have been undone.');
    if (call.loggedBy !== body.user.id) throw new RapportError('forbidden', `Only <@${call.loggedBy}>, who logged this call, can edit it.`);
    const owner = await getClient(deps.db, teamId, call.clientId);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: callModal({
        catalogue: ctx.catalogue,
        metadata: { channelId: body.channel?.id ?? null, entryId: call.id },
        today: ctx.today,
        client: owner,
        initial: { date: isoDay(call.occurredAt, ctx.workspace.timeZone), traits: call.traits, notes: call.notes, ourSide: call.ourSide },
      }) as never,
    });
  });

  on(ACTIONS.editIncident, async ({ action, body, client }, teamId) => {
    const [ctx, incident] = await Promise.all([workspaceContext(deps, teamId), getIncident(deps.db, teamId, action.value ?? '')]);
    if (!incident) throw new RapportError('not_found', 'That incident is no longer there: it may have been undone.');
    if (incident.loggedBy !== body.user.id) throw new RapportError('forbidden', `Only <@${incident.loggedBy}>, who logged this incident, can edit it.`);
    const owner = await getClient(deps.db, teamId, incident.clientId);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: incidentModal({
        metadata: { channelId: body.channel?.id ?? null, entryId: incident.id },
        today: ctx.today,
        client: owner,
        kind: incident.kind,
        initial: { date: isoDay(incident.occurredAt, ctx.workspace.timeZone), description: incident.description, details: incident.details },
      }) as never,
    });
  });

  on(ACTIONS.clientWasTold, async ({ action, body, respond }, teamId) => {
    const incident = await getIncident(deps.db, teamId, action.value ?? '');
    if (!incident) throw new RapportError('not_found', 'That incident is no longer there: it may have been undone.');
    const warning = await recordWarning(deps.db, teamId, body.user.id, {
      clientId: incident.clientId,
      kind: 'mental_abuse',
      givenAt: deps.now(),
      incidentId: incident.id,
    });
    const owner = await getClient(deps.db, teamId, incident.clientId);
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Warning recorded.',
      blocks: [
        section(
          `🗣️ Recorded: <@${warning.givenBy}> told *${escapeText(owner?.name ?? 'the client')}* on ${formatDay(warning.givenAt)} that this is unacceptable. Any further mental abuse now meets firing criterion 2.`,
        ),
      ],
    });
  });
}
