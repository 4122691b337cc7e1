/**
 * Rapport uninstalled from a workspace, or its bot token revoked: its installation (token) is forgotten and the
 * workspace marked at once (no more digests), and its data purged once the grace period has passed
 * (services/lifecycle.ts).
 */
import type { App } from '@slack/bolt';
import { workspaceUninstalled } from '../../../services/lifecycle.js';
import { onEvent, type SlackDeps } from '../../frame.js';

export function registerUninstalled(app: App, deps: SlackDeps): void {
  onEvent(app, deps, 'app_uninstalled', async (turn) => {
    await deps.installations.forget(turn.teamId);
    await workspaceUninstalled(deps.db, turn.teamId, turn.now);
    deps.logger.warn('Rapport was uninstalled from a workspace; its data will be purged after the grace period', { team: turn.teamId });
  });
  // A revoked user token (someone who authorised Rapport) changes nothing; a revoked bot token is an uninstall.
  onEvent<{ tokens?: { bot?: string[] } }>(app, deps, 'tokens_revoked', async (turn, event) => {
    if (!event.tokens?.bot?.length) return;
    await deps.installations.forget(turn.teamId);
    await workspaceUninstalled(deps.db, turn.teamId, turn.now);
    deps.logger.warn('Rapport’s bot token was revoked in a workspace; its data will be purged after the grace period', { team: turn.teamId });
  });
}
