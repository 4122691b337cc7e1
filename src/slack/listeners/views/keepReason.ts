/** The "keep" decision's reason modal: authorisation is checked again on submit (slack-contract.md). */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { RapportError } from '../../../domain/errors.js';
import { requireClient } from '../../../db/queries/clients.js';
import { recordDecision } from '../../../db/queries/decisions.js';
import { decisionLine } from '../../../digest/compose.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { UNEXPECTED, userMessage } from '../../errors.js';
import { INPUTS, VIEWS } from '../../ids.js';
import { viewStateSchema } from '../../parse/viewState.js';
import { requireDecider, showOnDigest } from '../actions/digest.js';

const metadataSchema = z.object({ clientId: z.uuid(), digestId: z.uuid().nullable() });

/** Metadata we wrote ourselves, but arriving from outside: unreadable is "no metadata", not a crash. */
function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}

export function registerKeepReasonView(app: App, deps: SlackDeps): void {
  app.view(VIEWS.keepReason, async ({ ack, body, view, client }) => {
    const teamId = body.team?.id ?? view.team_id;
    try {
      const metadata = metadataSchema.parse(parseJson(view.private_metadata));
      const state = viewStateSchema.parse(view.state.values);
      const reason = state[INPUTS.reason]?.[INPUTS.reason]?.value?.trim() ?? '';
      if (reason.length === 0) return await ack({ response_action: 'errors', errors: { [INPUTS.reason]: 'Keeping a client needs a reason.' } });
      const subject = await requireClient(deps.db, teamId, metadata.clientId);
      await requireDecider(deps, client, teamId, body.user.id, subject);
      const decision = await recordDecision(deps.db, teamId, body.user.id, { clientId: subject.id, kind: 'keep', reason, digestId: metadata.digestId });
      await ack();
      const ctx = await workspaceContext(deps, teamId);
      if (metadata.digestId) await showOnDigest(deps, client, teamId, metadata.digestId, subject.id, decisionLine(decision, ctx.workspace.timeZone));
    } catch (error) {
      const message = error instanceof RapportError ? error.message : error instanceof z.ZodError ? 'This form could not be read; please start again from the digest.' : (userMessage(error, deps.logger, { view: VIEWS.keepReason, team: teamId }), UNEXPECTED);
      await ack({ response_action: 'errors', errors: { [INPUTS.reason]: message } }).catch(() => {});
    }
  });
}
