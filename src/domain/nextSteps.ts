/**
 * Next steps (issue 14): what someone will do about a client, by which day. Days are calendar days as the
 * assignee lives them: a step due on the 30th is reminded on the morning of the 30th in their own time zone,
 * and is overdue from the 1st there.
 */
import { DAY_MS } from './types.js';
import { said, say, type Said } from '../i18n/messages.js';
import { ENGLISH } from '../i18n/reader.js';

export const NEXT_STEP_SOURCES = ['client', 'decision', 'call', 'incident'] as const;
export type NextStepSource = (typeof NEXT_STEP_SOURCES)[number];

export interface NextStep {
  id: string;
  clientId: string;
  clientName: string;
  what: string;
  assigneeUserId: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  source: NextStepSource;
  createdBy: string;
  createdAt: Date;
  doneAt: Date | null;
}

/** The hour (in the assignee's zone) of the reminder DM on the due day. */
export const REMINDER_HOUR = 9;
/** A step set without a day is due a week later. */
export const DEFAULT_DUE_DAYS = 7;
/** A decision to keep a client is reviewed this many days later unless another day is picked. */
export const KEEP_REVIEW_DAYS = 30;
/** Snooze moves a step this many days later. */
export const SNOOZE_STEP_DAYS = 7;
/** How far ahead a step may be due: further is a typo (2207), not a plan. */
export const MAX_DUE_DAYS = 2 * 366;

/** `day` (YYYY-MM-DD) moved by `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day a snoozed step is due: `days` after the later of today and its own day, so a snooze never brings a
 * step forward (snoozing a step due in 20 days by 7 makes it due in 27, an overdue one is due 7 days from today).
 */
export function snoozedDueOn(dueOn: string, today: string, days: number = SNOOZE_STEP_DAYS): string {
  return addDays(dueOn > today ? dueOn : today, days);
}

/** Why a step cannot be due on `day` when set `today`, if it cannot: a message for its reader. */
export function dueDaySaid(day: string, today: string): Said | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T12:00:00Z`))) return said('validation.dueDayForm');
  if (day < today) return said('validation.dueDayPast', { day });
  if (day > addDays(today, MAX_DUE_DAYS)) return said('validation.dueDayFar');
  return undefined;
}

/** The same, in English. */
export function dueDayProblem(day: string, today: string): string | undefined {
  const problem = dueDaySaid(day, today);
  return problem && say(ENGLISH, problem);
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The hour (0–23) at `at` in the zone. */
export function localHour(at: Date, timeZone: string): number {
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormatters.set(timeZone, f);
  }
  return Number(f.format(at));
}

export const isOverdue = (step: Pick<NextStep, 'dueOn' | 'doneAt'>, today: string) => step.doneAt === null && step.dueOn < today;

/** A to-do list: overdue first (the oldest first), then today's, then the rest by day; within a day, by client. */
export function todoOrder<S extends Pick<NextStep, 'dueOn' | 'clientName' | 'createdAt'>>(steps: readonly S[]): S[] {
  return [...steps].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.clientName.localeCompare(b.clientName) || a.createdAt.getTime() - b.createdAt.getTime());
}
