/**
 * App Home: published when the user opens the tab, in their words; its buttons, and the global shortcuts, open
 * the logging forms; its select changes the language Rapport speaks to them, and the tab is published again in it.
 */
import type { App, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { clientStandings } from '../../../services/portfolio.js';
import { teamView } from '../../../services/team.js';
import { setMyDigest, setMyLanguage } from '../../../services/workspace.js';
import { hasPersonalDigest, personSettingsOf } from '../../../db/queries/personal.js';
import { todoOf } from '../../../services/nextSteps.js';
import { localDate } from '../../../domain/calendar.js';
import { homeView } from '../../blocks/home.js';
import { callModal, incidentModal } from '../../blocks/modals.js';
import { onAction, onEvent, onShortcut, type Turn, type SlackDeps } from '../../frame.js';
import { ACTIONS, SHORTCUTS } from '../../ids.js';
import { openModalThenRefine } from '../commands/openModal.js';
import { isLocale } from '../../../i18n/locales.js';
import { workspaceLocale } from '../../readers.js';
import { isMemberHere } from '../../recipients.js';

/**
 * Publishes the person's Home tab as it is now, in their words: an admin's leads with the team's (everyone's
 * clients are read once, their own shown from them), then their next steps and their clients. `portfolio`: where
 * the clients are read; the primary unless the tab is only being opened (after a click it shows what the click wrote).
 */
export async function publishHome(turn: Turn, userId: string, portfolio = turn.deps.db): Promise<void> {
  const act = await turn.actIn();
  const { workspace } = await turn.workspace();
  const isAdmin = await turn.deps.people.isAdmin(turn.web, turn.teamId, userId);
  const [mine, team, steps, digestByDm, own, reader] = await Promise.all([
    isAdmin ? undefined : clientStandings(portfolio, act, { ownerUserId: userId }),
    isAdmin ? teamView(portfolio, act) : undefined,
    todoOf(turn.deps.db, act, userId),
    hasPersonalDigest(turn.deps.db, { teamId: act.teamId, userId }),
    personSettingsOf(turn.deps.db, { teamId: act.teamId, userId }).then((own) => own.language),
    turn.readerFor(userId),
  ]);
  const view = homeView({
    reader,
    lines: mine ?? team!.standings.filter((s) => s.client.ownerUserId === userId),
    now: turn.now,
    steps,
    today: localDate(turn.now, act.timeZone),
    personalDigest: digestByDm,
    language: { own, workspace: workspaceLocale(workspace) },
    ...(team ? { team: { ...team, quiet: await membersOnly(turn, team.quiet) } } : {}),
  });
  await turn.web.views.publish({ user_id: userId, view });
}

/** Owners still members here: one who left or became a guest is not "logging nothing", they are gone. */
async function membersOnly<P extends { userId: string }>(turn: Turn, people: readonly P[]): Promise<P[]> {
  // One Slack cannot describe just now is listed still: the tab is published whatever Slack says.
  const member = await Promise.all(people.map((p) => isMemberHere(turn.deps, turn.web, turn.teamId, p.userId).catch(() => true)));
  return people.filter((_, i) => member[i]);
}

export function registerAppHome(app: App, deps: SlackDeps): void {
  onEvent<{ tab?: string; user: string }>(app, deps, 'app_home_opened', async (turn, event) => {
    if (event.tab !== 'home') return;
    // Only opened: the portfolio may come from the read replica (a moment behind at most).
    await publishHome(turn, event.user, turn.deps.reader);
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
