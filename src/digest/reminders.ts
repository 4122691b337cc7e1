/**
 * The morning reminder of next steps (issue 14): on the day a step is due, from 09:00 in its assignee's own
 * time zone (Slack's `tz`), one DM with everything due that day, whichever instance ticks first; an instance
 * that dies between claiming and sending is replaced after a lease, as with the digest.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import { localDate } from '../domain/calendar.js';
import { addDays, localHour, REMINDER_HOUR } from '../domain/nextSteps.js';
import type { Database } from '../db/client.js';
import { inWorkspace } from '../db/workspaceScope.js';
import { assigneesWithStepsDue, openNextSteps } from '../db/queries/nextSteps.js';
import { claimPersonalSend, markPersonalSent } from '../db/queries/personal.js';
import { listWorkspaces } from '../db/queries/workspaces.js';
import { errorText, type Logger } from '../log.js';
import { reminderMessage } from '../slack/blocks/nextSteps.js';
import type { PeopleDirectory } from '../slack/people.js';
import { sendDm } from '../slack/reply.js';

export interface ReminderDeps {
  /** Each workspace's data (each workspace is reminded within its own scope). */
  db: Database;
  /** Lists the workspaces, across all of them. */
  owner: Database;
  webFor: (teamId: string) => Promise<WebClient>;
  people: PeopleDirectory;
  logger: Logger;
  now: () => Date;
  instance?: string;
  /** How long a claimed but unsent reminder waits before another instance sends it. */
  leaseSeconds?: number;
}

export interface ReminderSent {
  teamId: string;
  userId: string;
  dueOn: string;
  steps: number;
}

export class NextStepReminders {
  private readonly instance: string;

  constructor(private readonly deps: ReminderDeps) {
    this.instance = deps.instance ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** One scheduler tick: every reminder due now that no instance has sent. */
  async tick(): Promise<ReminderSent[]> {
    const now = this.deps.now();
    const sent: ReminderSent[] = [];
    for (const workspace of await listWorkspaces(this.deps.owner)) {
      if (workspace.uninstalledAt) continue;
      // One workspace's failure (database or Slack) must not cost the others their reminders.
      try {
        sent.push(...(await inWorkspace(workspace.teamId, () => this.remind(workspace.teamId, now))));
      } catch (error) {
        this.deps.logger.error('next step reminders failed for a workspace', { team: workspace.teamId, error: errorText(error) });
      }
    }
    return sent;
  }

  private async remind(teamId: string, now: Date): Promise<ReminderSent[]> {
    const { db } = this.deps;
    // Nobody's today is later than UTC's tomorrow (UTC+14 at most).
    const users = await assigneesWithStepsDue(db, teamId, addDays(localDate(now, 'UTC'), 1));
    if (users.length === 0) return [];
    const web = await this.deps.webFor(teamId);
    const sent: ReminderSent[] = [];
    for (const userId of users) {
      // Someone Slack cannot describe (they left) must not hold back the others' reminders.
      try {
        const reminded = await this.remindPerson(web, teamId, userId, now);
        if (reminded) sent.push(reminded);
      } catch (error) {
        this.deps.logger.warn('could not remind someone of their next steps', { team: teamId, user: userId, error: errorText(error) });
      }
    }
    return sent;
  }

  private async remindPerson(web: WebClient, teamId: string, userId: string, now: Date): Promise<ReminderSent | undefined> {
    const { db } = this.deps;
    const { timeZone } = await this.deps.people.person(web, teamId, userId);
    if (localHour(now, timeZone) < REMINDER_HOUR) return undefined;
    const today = localDate(now, timeZone);
    const open = await openNextSteps(db, teamId, { assigneeUserId: userId, dueBy: today });
    const dueToday = open.filter((s) => s.dueOn === today);
    if (dueToday.length === 0) return undefined;
    const send = { userId, kind: 'reminder', key: today } as const;
    if (!(await claimPersonalSend(db, teamId, send, this.instance, this.deps.leaseSeconds ?? 120))) return undefined;
    await sendDm(web, userId, reminderMessage(dueToday, open.length - dueToday.length, today));
    await markPersonalSent(db, teamId, send);
    return { teamId, userId, dueOn: today, steps: dueToday.length };
  }
}
