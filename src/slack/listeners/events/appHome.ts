/** App Home: published when the user opens the tab; its buttons, and the global shortcuts, open the logging modals. */
import type { App, BlockAction } from '@slack/bolt';
import { callModal, incidentModal } from '../../blocks/modals.js';
import { homeView } from '../../blocks/home.js';
import { workspaceContext, type SlackDeps } from '../../deps.js';
import { ACTIONS, SHORTCUTS } from '../../ids.js';
import type { WebClient } from '@slack/web-api';
import { clientStandings } from '../../../services/portfolio.js';
import { openModalThenRefine } from '../commands/openModal.js';

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    try {
      const ctx = await workspaceContext(deps, teamId);
      const now = deps.now();
      const lines = await clientStandings(deps.db, teamId, ctx.catalogue, now, event.user);
      await client.views.publish({ user_id: event.user, view: homeView(lines, now, ctx.workspace.timeZone) as never });
    } catch (error) {
      deps.logger.error('could not publish App Home', { team: teamId, error: String(error) });
    }
  });

  // The same modals from the Home buttons and from the global shortcuts (no channel: confirmations go by DM).
  const openCall = (teamId: string, triggerId: string, client: WebClient) =>
    openModalThenRefine(deps, client, triggerId, teamId, (ctx) =>
      callModal({ catalogue: ctx.catalogue, metadata: { channelId: null }, today: ctx.today }),
    );
  const openIncident = (teamId: string, triggerId: string, client: WebClient) =>
    openModalThenRefine(deps, client, triggerId, teamId, (ctx) => incidentModal({ metadata: { channelId: null }, today: ctx.today }));

  app.action<BlockAction>(ACTIONS.openCallModal, async ({ ack, body, client }) => {
    await ack();
    await openCall(body.team?.id ?? '', body.trigger_id, client);
  });
  app.action<BlockAction>(ACTIONS.openIncidentModal, async ({ ack, body, client }) => {
    await ack();
    await openIncident(body.team?.id ?? '', body.trigger_id, client);
  });
  app.shortcut(SHORTCUTS.logCall, async ({ ack, body, client }) => {
    await ack();
    await openCall(body.team?.id ?? '', body.trigger_id, client);
  });
  app.shortcut(SHORTCUTS.logIncident, async ({ ack, body, client }) => {
    await ack();
    await openIncident(body.team?.id ?? '', body.trigger_id, client);
  });
}
