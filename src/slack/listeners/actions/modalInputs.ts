/** Inside the modals: the client picker's type-ahead, and the incident kind select that re-renders the fields. */
import type { App, BlockAction, StaticSelectAction } from '@slack/bolt';
import { INCIDENT_KINDS } from '../../../domain/catalogue.js';
import { searchClients } from '../../../db/queries/clients.js';
import { clientOption, incidentModal } from '../../blocks/modals.js';
import { option } from '../../blocks/kit.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { INPUTS } from '../../ids.js';
import { parseMetadata, viewStateSchema } from '../../parse/viewState.js';

export function registerModalInputs(app: App, deps: SlackDeps): void {
  app.options(INPUTS.client, async ({ ack, body, options }) => {
    const teamId = body.team?.id ?? '';
    try {
      const found = await searchClients(deps.db, teamId, String(options.value ?? '').slice(0, 80), 50);
      await ack({ options: found.length > 0 ? found.map(clientOption) : [option('No client matches — /client add registers one', 'none')] } as never);
    } catch (error) {
      deps.logger.error('client type-ahead failed', { team: teamId, error: String(error) });
      await ack({ options: [] });
    }
  });

  app.action<BlockAction<StaticSelectAction>>({ action_id: INPUTS.kind }, async ({ ack, body, action, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const kind = INCIDENT_KINDS.find((k) => k === action.selected_option?.value);
    const state = viewStateSchema.safeParse(view.state?.values ?? {});
    const values = state.success ? state.data : {};
    const picked = values[INPUTS.client]?.[INPUTS.client]?.selected_option;
    const teamId = body.team?.id ?? '';
    try {
      const ctx = await workspaceContext(deps, teamId);
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: incidentModal({
          metadata: parseMetadata(view.private_metadata),
          today: ctx.today,
          client: picked ? { id: picked.value, name: picked.text?.text ?? picked.value } : undefined,
          kind,
          initial: {
            date: values[INPUTS.date]?.[INPUTS.date]?.selected_date ?? ctx.today,
            description: values[INPUTS.description]?.[INPUTS.description]?.value ?? '',
          },
        }) as never,
      });
    } catch (error) {
      // A newer update (hash_conflict) already re-rendered the modal; anything else is worth a log line.
      deps.logger.warn('could not update the incident modal for its kind', { error: String(error) });
    }
  });
}
