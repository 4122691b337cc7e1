import { eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import { TEAM, type Harness } from './slackHarness.js';

/**
 * Schedules the workspace's digest at `at`'s minute (UTC), in `channel`, for a workspace created long before.
 * Returns the week's key (the slot's local date).
 */
export async function scheduleDigestAt(h: Harness, channel: string, at: Date, team = TEAM): Promise<string> {
  await updateWorkspaceSettings(h.db, {
    teamId: team,
    by: 'U0ADMIN',
    patch: {
      digestChannelId: channel,
      timeZone: 'UTC',
      digestDay: at.getUTCDay(),
      digestTime: at.toISOString().slice(11, 16),
    },
  });
  await h.db
    .update(schema.workspaces)
    .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
    .where(eq(schema.workspaces.teamId, team));
  return at.toISOString().slice(0, 10);
}

/**
 * The digest a minute from now: a runner whose clock runs two minutes ahead finds it due, with all the test
 * logged so far in its week.
 */
export const digestDueInAMinute = (h: Harness, channel: string, team = TEAM) => scheduleDigestAt(h, channel, new Date(h.now().getTime() + 60_000), team);
