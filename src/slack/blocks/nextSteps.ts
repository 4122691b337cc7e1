/** Next steps as people see them, in their words: a to-do list, the morning reminder, the confirmation of one set. */
import { isOverdue, SNOOZE_STEP_DAYS, type NextStep } from '../../domain/nextSteps.js';
import { NEXT_STEP_ACTIONS } from '../ids.js';
import { actions, button, context, divider, header, section, type Block } from './kit.js';
import { escapeText } from './text.js';
import { namesAnyOf } from '../../domain/mentions.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import { formatCalendarDay } from '../../i18n/format.js';
import type { Reader } from '../../i18n/reader.js';

/** Steps shown with their buttons in one message (2 blocks each, within Slack's 50). */
const MAX_LISTED = 20;

const dayText = (day: string, reader: Reader) => md(formatCalendarDay(day, reader));
const what = (step: NextStep) => md(escapeText(step.what));
const mentionOf = (userId: string | null | undefined) => md(userId ? `<@${userId}>` : '—');

/** Whether the step's own words name its client ("Review the decision to keep Acme Corp"): then it is not named twice. */
const namesItsClient = (step: Pick<NextStep, 'what' | 'clientName'>) => namesAnyOf([step.clientName])(step.what);

/** "Send the deck · Acme Corp · due Fri 27 Nov 2026", marked when overdue. */
export function nextStepLine(step: NextStep, today: string, withAssignee = false, reader: Reader): string {
  const when = md(
    isOverdue(step, today)
      ? t(reader, 'notify.step.overdue', { day: dayText(step.dueOn, reader) })
      : step.dueOn === today
        ? t(reader, 'notify.step.dueToday')
        : t(reader, 'notify.step.due', { day: dayText(step.dueOn, reader) }),
  );
  const args = { what: what(step), client: step.clientName, when };
  const assignee = mentionOf(step.assigneeUserId);
  if (namesItsClient(step)) return withAssignee ? t(reader, 'notify.step.lineNamedAssignee', { ...args, assignee }) : t(reader, 'notify.step.lineNamed', args);
  return withAssignee ? t(reader, 'notify.step.lineAssignee', { ...args, assignee }) : t(reader, 'notify.step.line', args);
}

/** A step's Done and Snooze, wherever it is listed (a to-do list, a reminder, the Home tab, the assignee's DM). */
export const stepButtons = (step: Pick<NextStep, 'id'>, reader: Reader) => [
  button(tPlain(reader, 'notify.step.done'), NEXT_STEP_ACTIONS.done, step.id, 'primary'),
  button(tPlain(reader, 'notify.step.snooze', { days: SNOOZE_STEP_DAYS }), NEXT_STEP_ACTIONS.snooze, step.id),
];

/**
 * A step's line and, under it, its buttons: two blocks. `blockId` differs where one view may list the step twice
 * (a lead's own overdue step in the team's list and in theirs: Slack refuses a view with a block id twice).
 */
export const stepRow = (step: NextStep, today: string, reader: Reader, blockId = `next_step:${step.id}`): Block[] => [
  section(nextStepLine(step, today, false, reader), { block_id: blockId }),
  actions(stepButtons(step, reader)),
];

function listBlocks(steps: readonly NextStep[], today: string, reader: Reader): Block[] {
  const blocks: Block[] = steps.slice(0, MAX_LISTED).flatMap((step) => stepRow(step, today, reader));
  if (steps.length > MAX_LISTED) blocks.push(context(t(reader, 'notify.step.more', { count: steps.length - MAX_LISTED })));
  return blocks;
}

/** Steps on the Home tab before the rest is only counted. */
const HOME_STEPS = 5;

/** The Home tab's next steps: the first few, each with Done and Snooze; the rest counted. */
export function homeStepBlocks(steps: readonly NextStep[], today: string, reader: Reader): Block[] {
  if (steps.length === 0) return [];
  const overdue = steps.filter((s) => isOverdue(s, today)).length;
  return [
    divider(),
    section(
      overdue ? t(reader, 'notify.step.homeTitleOverdue', { count: steps.length, overdue }) : t(reader, 'notify.step.homeTitle', { count: steps.length }),
    ),
    ...steps.slice(0, HOME_STEPS).flatMap((step) => stepRow(step, today, reader)),
    ...(steps.length > HOME_STEPS ? [context(t(reader, 'notify.step.homeAll', { count: steps.length }))] : []),
  ];
}

/** `/rapport todo`: overdue first (the caller orders them). */
export function todoMessage(steps: readonly NextStep[], today: string, reader: Reader, lead?: string): { text: string; blocks: Block[] } {
  const overdue = steps.filter((s) => isOverdue(s, today)).length;
  const title =
    steps.length === 0
      ? tPlain(reader, 'notify.step.none')
      : overdue
        ? tPlain(reader, 'notify.step.todoTitleOverdue', { count: steps.length, overdue })
        : tPlain(reader, 'notify.step.todoTitle', { count: steps.length });
  return {
    text: lead ? tPlain(reader, 'notify.step.leadTitle', { lead: md(lead), title: md(title) }) : title,
    blocks: [
      ...(lead ? [section(lead)] : []),
      header(title),
      ...(steps.length ? listBlocks(steps, today, reader) : [context(t(reader, 'notify.step.setOne'))]),
    ],
  };
}

/** The morning DM: what is due today, and how much is overdue besides. */
export function reminderMessage(dueToday: readonly NextStep[], overdue: number, today: string, reader: Reader): { text: string; blocks: Block[] } {
  const title = tPlain(reader, 'notify.step.dueTodayTitle', { count: dueToday.length });
  const steps = dueToday
    .map((s) => (namesItsClient(s) ? escapeText(s.what) : t(reader, 'notify.step.item', { what: what(s), client: s.clientName })))
    .join('; ');
  return {
    text: t(reader, 'notify.step.dueTodayText', { title: md(title), steps: md(steps) }),
    blocks: [
      header(title),
      ...listBlocks(dueToday, today, reader),
      ...(overdue > 0 ? [context(t(reader, 'notify.step.alsoOverdue', { count: overdue }))] : []),
    ],
  };
}

export function nextStepSetMessage(step: NextStep, today: string, actor: string, reader: Reader): { text: string; blocks: Block[] } {
  const forYou = step.assigneeUserId === actor;
  const who = mentionOf(step.assigneeUserId);
  const line = md(nextStepLine(step, today, false, reader));
  const facts = { what: what(step), client: step.clientName, day: dayText(step.dueOn, reader) };
  return {
    text: forYou ? t(reader, 'notify.step.setForYouText', facts) : t(reader, 'notify.step.setForText', { ...facts, who }),
    blocks: [
      section(forYou ? t(reader, 'notify.step.setForYou', { line }) : t(reader, 'notify.step.setFor', { who, line })),
      context(forYou ? t(reader, 'notify.step.youAreReminded') : t(reader, 'notify.step.isReminded', { who })),
    ],
  };
}

/** The DM to someone a colleague set a next step for: what, for which client, by when, and its buttons. */
export function stepAssignedMessage(step: NextStep, today: string, setBy: string, reader: Reader): { text: string; blocks: Block[] } {
  const who = md(`<@${setBy}>`);
  return {
    text: t(reader, 'notify.step.assignedText', { who, what: what(step), client: step.clientName, day: dayText(step.dueOn, reader) }),
    blocks: [
      section(t(reader, 'notify.step.assigned', { who, line: md(nextStepLine(step, today, false, reader)) }), { block_id: `next_step:${step.id}` }),
      actions(stepButtons(step, reader)),
      context(t(reader, 'notify.step.youAreReminded')),
    ],
  };
}
