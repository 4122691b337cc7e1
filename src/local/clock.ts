/**
 * The app's clock in the local workspace: real time (or a test's pinned time), moved on for one workspace at a
 * time from the page ("Jump to next Monday 09:00", "+1 day") so its reminders, personal digests, escalations and
 * digest can be seen in a minute. The other workspace keeps the time it had. Kept in memory: a restart is back
 * to real time.
 */
import type { Clock } from '../slack/deps.js';
import { nextSlot } from '../digest/slots.js';
import { DAY_MS } from '../domain/types.js';

/** Monday 09:00, the workspace's default digest slot and the morning reminders go out in. */
const MONDAY_MORNING = { day: 1, time: '09:00' };

export class WorkspaceClocks {
  private readonly ahead = new Map<string, number>();

  constructor(private readonly base: () => Date) {}

  readonly now: Clock = (teamId) => new Date(this.base().getTime() + (teamId ? (this.ahead.get(teamId) ?? 0) : 0));

  /** Whether the workspace's clock was moved on from the page. */
  moved(teamId: string): boolean {
    return (this.ahead.get(teamId) ?? 0) > 0;
  }

  /** The workspace's next Monday 09:00 in its own time zone. */
  toNextMonday(teamId: string, timeZone: string): Date {
    return this.moveTo(teamId, nextSlot({ ...MONDAY_MORNING, timeZone }, this.now(teamId)).at);
  }

  /** A day later for the workspace. */
  byOneDay(teamId: string): Date {
    return this.moveTo(teamId, new Date(this.now(teamId).getTime() + DAY_MS));
  }

  private moveTo(teamId: string, at: Date): Date {
    this.ahead.set(teamId, at.getTime() - this.base().getTime());
    return this.now(teamId);
  }
}
