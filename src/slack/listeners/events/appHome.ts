/**
 * App Home: published when the user opens the tab, in their words; its buttons, and the global shortcuts, open
 * the logging forms; its select changes the language Rapport speaks to them, and the tab is published again in it.
 */
import type { App, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { clientStandings } from '../../../services/portfolio.js';
import { hasMyDigest, myLanguage, setMyDigest, setMyLanguage } from '../../../services/workspace.js';
import { todoOf } from '../../../services/nextSteps.js';
import { localDate } from '../../../domain/calendar.js';
import { homeView } from '../../blocks/home.js';
import { callModal, incidentModal } from '../../blocks/modals.js';
import type { SlackDeps } from '../../deps.js';
import { onAction, onEvent, onShortcut, type Turn } from '../../frame.js';
import { ACTIONS, SHORTCUTS } from '../../ids.js';
import { openModalThenRefine } from '../commands/openModal.js';
import { isLocale } from '../../../i18n/locales.js';
import { workspaceLocale } from '../../readers.js';

/** Publishes the person's Home tab as it is now, in their words: their next steps, then their clients. */
export async function publishHome(turn: Turn, userId: string): Promise<void> {
  const act = await turn.actIn();
  const { workspace } = await turn.workspace();
  const [lines, steps, digestByDm, own, reader] = await Promise.all([
    clientStandings(turn.deps.db, act, { ownerUserId: userId }),
    todoOf(turn.deps.db, act, userId),
    hasMyDigest(turn.deps.db, { ...act, actor: userId }),
    myLanguage(turn.deps.db, { ...act, actor: userId }),
    turn.readerFor(userId),
  ]);
  const view = homeView({
    reader,
    lines,
    now: turn.now,
    steps,
    today: localDate(turn.now, act.timeZone),
    personalDigest: digestByDm,
    language: { own, workspace: workspaceLocale(workspace) },
  });
  await turn.web.views.publish({ user_id: userId, view });
}

export function registerAppHome(app: App, deps: SlackDeps): void {
  onEvent<{ tab?: string; user: string }>(app, deps, 'app_home_opened', async (turn, event) => {
    if (event.tab !== 'home') return;
    await publishHome(turn, event.user);
  });

  // The same forms from the Home buttons and from the global shortcuts (no channel: confirmations go by DM).
  const openCall = (turn: Turn) =>
    openModalThenRefine(turn, (ctx) => callModal({ reader: ctx.reader, catalogue: ctx.catalogue, metadata: { channelId: null }, today: ctx.today }));
  const openIncident = (turn: Turn) =>
    openModalThenRefine(turn, (ctx) => incidentModal({ reader: ctx.reader, metadata: { channelId: null }, today: ctx.today }));
  onAction(app, deps, ACTIONS.openCallModal, (turn) => openCall(turn));
  // The same switch as `/rapport settings me digest on|off`; the tab shows the new state.
  onAction<ButtonAction>(app, deps, ACTIONS.personalDigest, async (turn, action) => {
    await setMyDigest(deps.db, turn.act, action.value === 'on');
    await publishHome(turn, turn.userId);
  });
  // The same choice as `/rapport settings me language`: the tab is published again in the language chosen.
  onAction<StaticSelectAction>(app, deps, ACTIONS.homeLanguage, async (turn, action) => {
    const chosen = action.selected_option?.value;
    await setMyLanguage(deps.db, turn.act, isLocale(chosen) ? chosen : null);
    turn.forgetReader();
    await publishHome(turn, turn.userId);
  });
  onAction(app, deps, ACTIONS.openIncidentModal, (turn) => openIncident(turn));
  onShortcut(app, deps, SHORTCUTS.logCall, (turn) => openCall(turn));
  onShortcut(app, deps, SHORTCUTS.logIncident, (turn) => openIncident(turn));
}
