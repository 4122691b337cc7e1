/** Next steps, pure: the days people type, the reminder hour in their zone, the to-do order. */
import { describe, expect, it } from 'vitest';
import { addDays, dueDayProblem, isOverdue, localHour, snoozedDueOn, todoOrder } from '../../src/domain/nextSteps.js';
import { parseDueAtEnd, parseNextStepArgs, tokenize } from '../../src/slack/parse/commandText.js';

const MONDAY = '2026-11-23';
const due = (text: string, today = MONDAY) => parseDueAtEnd(tokenize(text), today)?.day;

describe('the day a next step is due, as typed at the end', () => {
  it('reads today, tomorrow, weekdays ahead, next week, in N days or weeks, and ISO dates', () => {
    expect(due('Call them today')).toBe(MONDAY);
    expect(due('Call them tomorrow')).toBe('2026-11-24');
    expect(due('Call them friday')).toBe('2026-11-27');
    expect(due('Call them fri')).toBe('2026-11-27');
    // The same weekday is next week's: "monday" said on a Monday.
    expect(due('Call them monday')).toBe('2026-11-30');
    expect(due('Call them next week')).toBe('2026-11-30');
    expect(due('Call them in 3 days')).toBe('2026-11-26');
    expect(due('Call them in 2 weeks')).toBe('2026-12-07');
    expect(due('Call them by 2027-01-15')).toBe('2027-01-15');
    expect(due('Call them due friday.')).toBe('2026-11-27');
  });

  it('finds none in plain words, or quoted', () => {
    expect(due('Call them soon')).toBeUndefined();
    expect(due('Ask about "friday"')).toBeUndefined();
    expect(due('Plan the week')).toBeUndefined();
  });
});

describe('/client next words after the client', () => {
  const args = (text: string) => parseNextStepArgs(text, tokenize(text), MONDAY);

  it('splits what to do, who (a mention before the day) and the day, keeping the text as typed', () => {
    expect(args('Send the  renewal deck <@U0BOB|bob> by friday')).toEqual({ what: 'Send the  renewal deck', assigneeUserId: 'U0BOB', dueOn: '2026-11-27' });
    expect(args('Send the deck <@U0BOB|bob>')).toEqual({ what: 'Send the deck', assigneeUserId: 'U0BOB' });
    // A mention inside the sentence is part of it.
    expect(args('Introduce <@U0BOB|bob> to their CFO tomorrow')).toEqual({ what: 'Introduce <@U0BOB|bob> to their CFO', dueOn: '2026-11-24' });
    expect(args('Ringen Sie İlknur an')).toEqual({ what: 'Ringen Sie İlknur an' });
  });

  it('refuses a step with nothing to do', () => {
    expect(() => args('tomorrow')).toThrow('What is the next step?');
    expect(() => args('<@U0BOB|bob> friday')).toThrow('What is the next step?');
  });
});

describe('next step days and order', () => {
  it('refuses days in the past or more than two years ahead', () => {
    expect(dueDayProblem(MONDAY, MONDAY)).toBeUndefined();
    expect(dueDayProblem('2026-11-22', MONDAY)).toContain('past');
    expect(dueDayProblem(addDays(MONDAY, 800), MONDAY)).toContain('two years');
    expect(dueDayProblem('2026-02-30', MONDAY)).toBeDefined();
  });

  it('tells the hour in zones with half-hour offsets and across midnight', () => {
    const at = new Date('2026-12-01T05:31:00Z');
    expect(localHour(at, 'Asia/Tehran')).toBe(9);
    expect(localHour(at, 'America/Los_Angeles')).toBe(21);
    expect(localHour(at, 'Asia/Kolkata')).toBe(11);
    expect(localHour(new Date('2026-12-01T00:00:00Z'), 'UTC')).toBe(0);
  });

  it('lists overdue first, oldest first, then by day and client', () => {
    const step = (clientName: string, dueOn: string) => ({ clientName, dueOn, createdAt: new Date(0) });
    const ordered = todoOrder([step('B', '2026-12-01'), step('A', '2026-11-20'), step('A', '2026-12-01'), step('C', MONDAY)]);
    expect(ordered.map((s) => `${s.clientName} ${s.dueOn}`)).toEqual(['A 2026-11-20', 'C 2026-11-23', 'A 2026-12-01', 'B 2026-12-01']);
    expect(isOverdue({ dueOn: '2026-11-22', doneAt: null }, MONDAY)).toBe(true);
    expect(isOverdue({ dueOn: MONDAY, doneAt: null }, MONDAY)).toBe(false);
    expect(isOverdue({ dueOn: '2026-11-22', doneAt: new Date() }, MONDAY)).toBe(false);
  });
});

describe('snoozing a step', () => {
  it('never moves it earlier: a week after its own day when that is later than today, else a week from today', () => {
    // Issue 28: "Snooze 7 days" on a step due in 20 days moved it to 7 days from today.
    expect(snoozedDueOn(addDays(MONDAY, 20), MONDAY)).toBe(addDays(MONDAY, 27));
    expect(snoozedDueOn(MONDAY, MONDAY)).toBe(addDays(MONDAY, 7));
    expect(snoozedDueOn('2026-11-10', MONDAY)).toBe(addDays(MONDAY, 7));
    for (const inDays of [-30, -1, 0, 1, 6, 7, 8, 20, 400]) {
      const dueOn = addDays(MONDAY, inDays);
      expect(snoozedDueOn(dueOn, MONDAY) > dueOn).toBe(true);
    }
  });
});
