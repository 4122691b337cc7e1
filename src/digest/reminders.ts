/**
 * The morning reminder of next steps (issue 14): on the day a step is due, from 09:00 in its assignee's own
 * time zone (Slack's `tz`), one DM with everything due that day, whichever instance ticks first; an instance
 * that dies between claiming and sending is replaced after a lease, as with the digest.
 */
import type { WebClient } from '@slack/web-api';
import { localDate } from '../domain/calendar.js';
import { addDays, localHour, REMINDER_HOUR } from '../domain/nextSteps.js';
import { assigneesWithStepsDue, openNextSteps } from '../db/queries/nextSteps.js';
import { claimPersonalSend, markPersonalSent } from '../db/queries/personal.js';
import { reminderMessage } from '../slack/blocks/nextSteps.js';
import { dmMember } from '../slack/recipients.js';
import { instanceName, sweepPeople, sweepWorkspaces, type ScheduledDmDeps } from './sweep.js';

export interface ReminderSent {
  teamId: string;
  userId: string;
  dueOn: string;
  steps: number;
}

export class NextStepReminders {
  private readonly instance: string;

  constructor(private readonly deps: ScheduledDmDeps) {
    this.instance = deps.instance ?? instanceName();
  }

  /** One scheduler tick: every reminder due now that no instance has sent. */
  tick(): Promise<ReminderSent[]> {
    return sweepWorkspaces(this.deps.owner, this.deps.logger, 'next step reminders', (workspace) =>
      this.remind(workspace.teamId, this.deps.now(workspace.teamId)),
    );
  }

  private async remind(teamId: string, now: Date): Promise<ReminderSent[]> {
    // Nobody's today is later than UTC's tomorrow (UTC+14 at most).
    const users = await assigneesWithStepsDue(this.deps.db, { teamId, dueBy: addDays(localDate(now, 'UTC'), 1) });
    if (users.length === 0) return [];
    const web = await this.deps.webFor(teamId);
    return sweepPeople(teamId, users, this.deps.logger, 'remind someone of their next steps', (userId) => this.remindPerson(web, teamId, userId, now));
  }

  private async remindPerson(web: WebClient, teamId: string, userId: string, now: Date): Promise<ReminderSent | undefined> {
    const { db } = this.deps;
    const { timeZone } = await this.deps.people.person(web, teamId, userId);
    if (localHour(now, timeZone) < REMINDER_HOUR) return undefined;
    const today = localDate(now, timeZone);
    const open = await openNextSteps(db, { teamId, of: { assigneeUserId: userId, dueBy: today } });
    const dueToday = open.filter((s) => s.dueOn === today);
    if (dueToday.length === 0) return undefined;
    const send = { userId, kind: 'reminder', key: today } as const;
    if (!(await claimPersonalSend(db, { teamId, send, instance: this.instance, leaseSeconds: this.deps.leaseSeconds ?? 120 }))) return undefined;
    // An assignee who became a guest or left is told nothing about the clients (the day is marked all the same).
    const sent = await dmMember(this.deps, web, teamId, userId, (reader) => reminderMessage(dueToday, open.length - dueToday.length, today, reader));
    await markPersonalSent(db, { teamId, send });
    return sent ? { teamId, userId, dueOn: today, steps: dueToday.length } : undefined;
  }
}
