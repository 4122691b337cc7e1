/** App Home: published when the user opens the tab; its buttons, and the global shortcuts, open the logging forms. */
import type { App, ButtonAction } from '@slack/bolt';
import { clientStandings } from '../../../services/portfolio.js';
import { hasMyDigest, setMyDigest } from '../../../services/workspace.js';
import { todoOf } from '../../../services/nextSteps.js';
import { localDate } from '../../../domain/calendar.js';
import { homeView } from '../../blocks/home.js';
import { callModal, incidentModal } from '../../blocks/modals.js';
import type { SlackDeps } from '../../deps.js';
import { onAction, onEvent, onShortcut, type Turn } from '../../frame.js';
import { ACTIONS, SHORTCUTS } from '../../ids.js';
import { openModalThenRefine } from '../commands/openModal.js';

/** Publishes the person's Home tab as it is now: their next steps, then their clients. */
export async function publishHome(turn: Turn, userId: string): Promise<void> {
  const act = await turn.actIn();
  const [lines, steps, digestByDm] = await Promise.all([
    clientStandings(turn.deps.db, act, { ownerUserId: userId }),
    todoOf(turn.deps.db, act, userId),
    hasMyDigest(turn.deps.db, { ...act, actor: userId }),
  ]);
  await turn.web.views.publish({ user_id: userId, view: homeView(lines, turn.now, act.timeZone, steps, localDate(turn.now, act.timeZone), digestByDm) });
}

export function registerAppHome(app: App, deps: SlackDeps): void {
  onEvent<{ tab?: string; user: string }>(app, deps, 'app_home_opened', async (turn, event) => {
    if (event.tab !== 'home') return;
    await publishHome(turn, event.user);
  });

  // The same forms from the Home buttons and from the global shortcuts (no channel: confirmations go by DM).
  const openCall = (turn: Turn) => openModalThenRefine(turn, (ctx) => callModal({ catalogue: ctx.catalogue, metadata: { channelId: null }, today: ctx.today }));
  const openIncident = (turn: Turn) => openModalThenRefine(turn, (ctx) => incidentModal({ metadata: { channelId: null }, today: ctx.today }));
  onAction(app, deps, ACTIONS.openCallModal, (turn) => openCall(turn));
  // The same switch as `/rapport settings me digest on|off`; the tab shows the new state.
  onAction<ButtonAction>(app, deps, ACTIONS.personalDigest, async (turn, action) => {
    await setMyDigest(deps.db, turn.act, action.value === 'on');
    await publishHome(turn, turn.userId);
  });
  onAction(app, deps, ACTIONS.openIncidentModal, (turn) => openIncident(turn));
  onShortcut(app, deps, SHORTCUTS.logCall, (turn) => openCall(turn));
  onShortcut(app, deps, SHORTCUTS.logIncident, (turn) => openIncident(turn));
}
