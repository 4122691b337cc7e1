/**
 * Someone's account changed in Slack (`user_change`: made a guest, deactivated, back again): who they are is
 * asked of Slack again before Rapport next lets them act or tells them anything, rather than after the few
 * minutes it is otherwise remembered. (Each process remembers people on its own: another process learns it
 * when its memory of them lapses.)
 */
import type { App } from '@slack/bolt';
import { onEvent, type SlackDeps } from '../../frame.js';

export function registerUserChange(app: App, deps: SlackDeps): void {
  onEvent<{ user?: { id?: string } }>(app, deps, 'user_change', async (turn, event) => {
    if (event.user?.id) deps.people.forget(turn.teamId, event.user.id);
  });
}
