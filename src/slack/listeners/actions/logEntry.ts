/** Buttons on a log confirmation: Undo, Edit, and "Client was told this is unacceptable". */
import type { App, ButtonAction } from '@slack/bolt';
import { localDate } from '../../../domain/calendar.js';
import { callForEdit, incidentForEdit, incidentOf, recordClientTold, undoEntry } from '../../../services/clientActivity.js';
import { requireClient } from '../../../db/queries/clients.js';
import { requireDecider } from '../../authorise.js';
import { section } from '../../blocks/kit.js';
import { callModal, incidentModal } from '../../blocks/modals.js';
import { md, t } from '../../../i18n/messages.js';
import { formatDay } from '../../../i18n/format.js';
import { onAction, type SlackDeps } from '../../frame.js';
import { ACTIONS } from '../../ids.js';

export function registerLogEntryActions(app: App, deps: SlackDeps): void {
  for (const kind of ['call', 'incident'] as const) {
    onAction<ButtonAction>(app, deps, kind === 'call' ? ACTIONS.undoCall : ACTIONS.undoIncident, async (turn, action) => {
      // The person's words are read beside the undo: one round trip, not two.
      const [subject, reader] = await Promise.all([undoEntry(deps.db, turn.act, { kind, id: action.value ?? '' }), turn.reader()]);
      const undone = t(reader, kind === 'call' ? 'forms.undoneCall' : 'forms.undoneIncident', { name: subject.name });
      await turn.replaceOriginal({ text: undone, blocks: [section(`↩️ ${undone}`)] });
    });
  }

  // Edit opens the form filled in; its response URL rides along, so the edited confirmation replaces this one.
  onAction<ButtonAction>(app, deps, ACTIONS.editCall, async (turn, action) => {
    const [{ call, client }, { catalogue, workspace, today }] = await Promise.all([callForEdit(deps.db, turn.act, action.value ?? ''), turn.workspace()]);
    await turn.openModal(
      callModal({
        reader: await turn.reader(),
        catalogue,
        metadata: { channelId: turn.channelId, entryId: call.id, ...(turn.responseUrl ? { responseUrl: turn.responseUrl } : {}) },
        today,
        client,
        initial: { date: localDate(call.occurredAt, workspace.timeZone), traits: call.traits, notes: call.notes, ourSide: call.ourSide },
      }),
    );
  });

  onAction<ButtonAction>(app, deps, ACTIONS.editIncident, async (turn, action) => {
    const [{ incident, client }, { workspace, today }] = await Promise.all([incidentForEdit(deps.db, turn.act, action.value ?? ''), turn.workspace()]);
    await turn.openModal(
      incidentModal({
        reader: await turn.reader(),
        metadata: { channelId: turn.channelId, entryId: incident.id, ...(turn.responseUrl ? { responseUrl: turn.responseUrl } : {}) },
        today,
        client,
        kind: incident.kind,
        initial: { date: localDate(incident.occurredAt, workspace.timeZone), description: incident.description, details: incident.details },
      }),
    );
  });

  onAction<ButtonAction>(app, deps, ACTIONS.clientWasTold, async (turn, action) => {
    const incident = await incidentOf(deps.db, turn.act, action.value ?? '');
    // A recorded warning switches red-flag criterion 2 on: the same people who decide about the client record it.
    const subject = await requireClient(deps.db, { teamId: turn.teamId, clientId: incident.clientId });
    await requireDecider(turn, subject, { alsoAllowed: { userId: incident.loggedBy }, action: 'told' });
    const warning = await recordClientTold(deps.db, turn.act, incident);
    const reader = await turn.reader();
    const text = t(reader, 'forms.told', { by: md(`<@${warning.givenBy}>`), name: subject.name, date: md(formatDay(warning.givenAt, reader)) });
    await turn.reply({ text: t(reader, 'forms.toldShort'), blocks: [section(`🗣️ ${text}`)] });
  });
}
