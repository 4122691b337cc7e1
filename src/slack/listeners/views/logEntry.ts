/**
 * The call and incident modals' submissions. Field errors go back on the field (`response_action: errors`);
 * the entry is stored before the ack so a bad client or trait lands on its field too, and the view id is
 * the request key, so a retried submission stores nothing twice.
 */
import type { App } from '@slack/bolt';
import { RapportError } from '../../../domain/errors.js';
import { logCallAndScore, logIncidentAndCheck } from '../../../services/clientActivity.js';
import { callConfirmation, incidentConfirmation, type Rendered } from '../../blocks/confirmations.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { UNEXPECTED, userMessage } from '../../errors.js';
import { INPUTS, VIEWS } from '../../ids.js';
import { notifyOwnerOfRedFlags } from '../../notify.js';
import { parseMetadata, readCallView, readIncidentView, viewStateSchema, type FieldErrors } from '../../parse/viewState.js';
import { replyEphemeral } from '../../reply.js';

/** Which modal field a stored-side error belongs to. */
function fieldOf(error: RapportError): string {
  const f = error.detail.field ?? '';
  if (f === 'traits') return INPUTS.goodTraits;
  if (f === 'description' || f === 'notes') return f === 'notes' ? INPUTS.notes : INPUTS.description;
  if (f.startsWith('details')) return INPUTS.kind;
  if (f === 'occurredAt') return INPUTS.date;
  return INPUTS.client;
}

export function registerLogEntryViews(app: App, deps: SlackDeps): void {
  for (const callbackId of [VIEWS.call, VIEWS.incident] as const) {
    app.view(callbackId, async ({ ack, body, view, client }) => {
      const teamId = body.team?.id ?? view.team_id;
      const userId = body.user.id;
      const metadata = parseMetadata(view.private_metadata);
      const fail = (errors: FieldErrors) => ack({ response_action: 'errors', errors });
      let confirmation: Rendered | undefined;
      let after: (() => Promise<void>) | undefined;
      try {
        const state = viewStateSchema.safeParse(view.state.values);
        if (!state.success) return await fail({ [INPUTS.client]: 'This form could not be read; please open it again.' });
        const ctx = await workspaceContext(deps, teamId);
        const now = deps.now();
        const requestKey = metadata.entryId ? undefined : `view:${view.id}`;
        if (callbackId === VIEWS.call) {
          const read = readCallView(state.data, now, ctx.today);
          if (!read.ok) return await fail(read.errors);
          const outcome = await logCallAndScore(deps.db, teamId, userId, ctx.catalogue, { ...read.value, requestKey }, now, metadata.entryId);
          // A repeated delivery of a submission: the first one already confirmed.
          if (!outcome.logged.duplicate) confirmation = callConfirmation(ctx.catalogue, outcome, ctx.workspace.timeZone, !!metadata.entryId);
        } else {
          const read = readIncidentView(state.data, now, ctx.today);
          if (!read.ok) return await fail(read.errors);
          const outcome = await logIncidentAndCheck(deps.db, teamId, userId, ctx.catalogue, { ...read.value, requestKey }, now, metadata.entryId);
          if (!outcome.logged.duplicate) confirmation = incidentConfirmation(outcome, ctx.workspace.timeZone, !!metadata.entryId);
          after = () => notifyOwnerOfRedFlags(client, deps.logger, outcome, userId, ctx.workspace.timeZone);
        }
      } catch (error) {
        if (error instanceof RapportError) return await fail({ [fieldOf(error)]: error.message });
        userMessage(error, deps.logger, { view: callbackId, team: teamId });
        return await fail({ [INPUTS.client]: UNEXPECTED });
      }
      await ack();
      if (confirmation) await replyEphemeral({ client, channelId: metadata.channelId, userId, logger: deps.logger }, confirmation);
      await after?.();
    });
  }
}
