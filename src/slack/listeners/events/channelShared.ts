/** A channel became shared with another organisation: if it carries the digest, Rapport stops posting there at once. */
import type { App } from '@slack/bolt';
import { getWorkspace } from '../../../db/queries/workspaces.js';
import { onEvent, type SlackDeps } from '../../frame.js';

export function registerChannelShared(app: App, deps: SlackDeps): void {
  onEvent<{ channel: string }>(app, deps, 'channel_shared', async (turn, event) => {
    const workspace = await getWorkspace(deps.db, turn.teamId);
    if (workspace?.digestChannelId !== event.channel) return;
    await deps.digest.refuseChannel(workspace, event.channel, 'now_ext_shared');
  });
}
