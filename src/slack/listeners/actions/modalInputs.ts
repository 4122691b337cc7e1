/** Inside the forms: the client picker's type-ahead, and the incident kind select that re-renders the fields. */
import type { App, StaticSelectAction } from '@slack/bolt';
import { INCIDENT_KINDS } from '../../../domain/catalogue.js';
import { searchClients } from '../../../db/queries/clients.js';
import { nameOrder } from '../../../i18n/format.js';
import { option } from '../../blocks/kit.js';
import { clientOption, incidentModal } from '../../blocks/modals.js';
import { onAction, onOptions, type SlackDeps } from '../../frame.js';
import { INPUTS } from '../../ids.js';
import { parseMetadata, viewStateSchema } from '../../parse/viewState.js';
import { tPlain } from '../../../i18n/messages.js';

export function registerModalInputs(app: App, deps: SlackDeps): void {
  onOptions(app, deps, INPUTS.client, async (turn, typed) => {
    const found = await searchClients(deps.db, { teamId: turn.teamId, typed: typed.slice(0, 80), limit: 50, byName: nameOrder(await turn.reader()) });
    return found.length > 0 ? found.map(clientOption) : [option(tPlain(await turn.reader(), 'forms.clientNone'), 'none')];
  });

  onAction<StaticSelectAction>(app, deps, INPUTS.kind, async (turn, action, body) => {
    const view = body.view;
    if (!view) return;
    const kind = INCIDENT_KINDS.find((k) => k === action.selected_option?.value);
    const state = viewStateSchema.safeParse(view.state?.values ?? {});
    const values = state.success ? state.data : {};
    const picked = values[INPUTS.client]?.[INPUTS.client]?.selected_option;
    const { today } = await turn.workspace();
    await turn.updateModal(
      view.id,
      view.hash,
      incidentModal({
        reader: await turn.reader(),
        metadata: parseMetadata(view.private_metadata),
        today,
        client: picked ? { id: picked.value, name: picked.text?.text ?? picked.value } : undefined,
        kind,
        initial: {
          date: values[INPUTS.date]?.[INPUTS.date]?.selected_date ?? today,
          description: values[INPUTS.description]?.[INPUTS.description]?.value ?? '',
        },
      }),
    );
  });
}
