/**
 * "Log to Rapport" on any message: the call form opens at once with the message as its notes (a trigger id
 * lasts 3 s), then gains the workspace's catalogue, the channel's client (`/client link`) and the message's
 * permalink, which the entry keeps as evidence. The form can turn into the incident form, and back. Slack offers
 * the shortcut on every message, Rapport's own too (a digest, a confirmation): those are answered, not logged.
 */
import type { App, ButtonAction, MessageShortcut } from '@slack/bolt';
import { localDate } from '../../../domain/calendar.js';
import { clientLinkedTo } from '../../../db/queries/clients.js';
import { defaultContext } from '../../../services/workspace.js';
import { callModal, incidentModal, type CallModalInput, type PickedClient } from '../../blocks/modals.js';
import { onAction, onShortcut, type SlackDeps } from '../../frame.js';
import { ACTIONS, INPUTS, SHORTCUTS } from '../../ids.js';
import { parseMetadata, viewStateSchema, type ModalMetadata } from '../../parse/viewState.js';
import { permalinkOf } from '../../reply.js';
import { readerInTime } from '../commands/openModal.js';
import type { Reader } from '../../../i18n/reader.js';
import { t } from '../../../i18n/messages.js';
import type { Turn } from '../../frame.js';

/** The message as the entry's notes: its text (Slack caps forms at 3000 characters), then who wrote it. */
function notesOf(text: string, author: string | null): string {
  const byline = author ? `\n— <@${author}>` : '';
  return `${text.slice(0, 3000 - byline.length)}${byline}`.trim();
}

/** Whether Rapport itself posted the message: its app's, or its bot's in this workspace. */
async function isRapportsOwn(turn: Turn, shortcut: MessageShortcut & { api_app_id?: string }): Promise<boolean> {
  const { message } = shortcut;
  if (message.app_id && message.app_id === shortcut.api_app_id) return true;
  if (!message.bot_id && !message.user) return false;
  const bot = await turn.deps.installations.credentialsFor(turn.teamId);
  return (!!message.bot_id && message.bot_id === bot?.botId) || (!!message.user && message.user === bot?.botUserId);
}

export function registerLogMessageShortcut(app: App, deps: SlackDeps): void {
  onShortcut(app, deps, SHORTCUTS.logMessage, async (turn, shortcut) => {
    if (await isRapportsOwn(turn, shortcut as MessageShortcut)) return turn.reply({ text: t(await turn.reader(), 'shortcuts.ownMessage') });
    const { message, channel, message_ts: ts } = shortcut as MessageShortcut;
    const author = message.user ?? null;
    const notes = notesOf(message.text ?? '', author);
    const written = new Date(Number(ts) * 1000);
    const base: ModalMetadata = { channelId: turn.channelId, message: { channelId: channel.id, ts, author } };
    const build = (
      ctx: { catalogue: CallModalInput['catalogue']; today: string; reader: Reader },
      timeZone: string,
      metadata: ModalMetadata,
      client?: PickedClient,
    ) => {
      const day = localDate(written, timeZone);
      const initial = { date: day < ctx.today ? day : ctx.today, traits: [], notes, ourSide: [] };
      return callModal({ reader: ctx.reader, catalogue: ctx.catalogue, metadata, today: ctx.today, initial, ...(client ? { client } : {}) });
    };
    const opened = await turn.openModal(build({ ...defaultContext(turn.now), reader: await readerInTime(turn) }, 'UTC', base));
    const [ctx, linked, evidenceUrl, reader] = await Promise.all([
      turn.workspace(),
      clientLinkedTo(deps.db, { teamId: turn.teamId, channelId: channel.id }),
      permalinkOf(turn.web, base.message!),
      turn.reader(),
    ]);
    // If someone already changed the form, this update loses (hash_conflict): the submission asks for the link itself.
    const metadata = { ...base, ...(evidenceUrl ? { evidenceUrl } : {}) };
    await turn.updateModal(opened.id, opened.hash, build({ ...ctx, reader }, ctx.workspace.timeZone, metadata, linked));
  });

  // The same message as the other kind of entry: what was typed, the client and the day carry over.
  for (const [actionId, to] of [
    [ACTIONS.logAsIncident, 'incident'],
    [ACTIONS.logAsCall, 'call'],
  ] as const) {
    onAction<ButtonAction>(app, deps, actionId, async (turn, _action, body) => {
      const view = body.view;
      if (!view) return;
      const metadata = parseMetadata(view.private_metadata);
      const state = viewStateSchema.safeParse(view.state?.values ?? {});
      const values = state.success ? state.data : {};
      const field = (id: string) => values[id]?.[id];
      const { catalogue, today } = await turn.workspace();
      const reader = await turn.reader();
      const picked = field(INPUTS.client)?.selected_option;
      const client = picked ? { id: picked.value, name: picked.text?.text ?? '' } : undefined;
      const date = field(INPUTS.date)?.selected_date ?? today;
      const text = field(to === 'incident' ? INPUTS.notes : INPUTS.description)?.value ?? '';
      const next =
        to === 'incident'
          ? incidentModal({ reader, metadata, today, ...(client ? { client } : {}), initial: { date, description: text } })
          : callModal({ reader, catalogue, metadata, today, ...(client ? { client } : {}), initial: { date, traits: [], notes: text, ourSide: [] } });
      await turn.updateModal(view.id, view.hash, next);
    });
  }
}
