/** Next steps as people see them: a to-do list, the morning reminder, the confirmation of one set. */
import { isOverdue, SNOOZE_STEP_DAYS, type NextStep } from '../../domain/nextSteps.js';
import { NEXT_STEP_ACTIONS } from '../ids.js';
import { actions, button, context, divider, header, section, type Block } from './kit.js';
import { escapeName, escapeText, formatDay, mention, plural } from './text.js';

/** Steps shown with their buttons in one message (2 blocks each, within Slack's 50). */
const MAX_LISTED = 20;

const dayText = (day: string) => formatDay(new Date(`${day}T12:00:00Z`));

/** "Send the deck · Acme Corp · due Fri 27 Nov 2026", marked when overdue. */
export function nextStepLine(step: NextStep, today: string, withAssignee = false): string {
  const when = isOverdue(step, today) ? `⏰ *overdue* since ${dayText(step.dueOn)}` : step.dueOn === today ? '*due today*' : `due ${dayText(step.dueOn)}`;
  return `*${escapeText(step.what)}* · ${escapeName(step.clientName)}${withAssignee ? ` · ${mention(step.assigneeUserId)}` : ''} · ${when}`;
}

function listBlocks(steps: readonly NextStep[], today: string): Block[] {
  const blocks: Block[] = steps
    .slice(0, MAX_LISTED)
    .flatMap((step) => [
      section(nextStepLine(step, today), { block_id: `next_step:${step.id}` }),
      actions([
        button('Done', NEXT_STEP_ACTIONS.done, step.id, 'primary'),
        button(`Snooze ${plural(SNOOZE_STEP_DAYS, 'day')}`, NEXT_STEP_ACTIONS.snooze, step.id),
      ]),
    ]);
  if (steps.length > MAX_LISTED) blocks.push(context(`…and ${steps.length - MAX_LISTED} more: mark some done to see the rest.`));
  return blocks;
}

/** Steps on the Home tab before the rest is only counted. */
const HOME_STEPS = 5;

/** The Home tab's next steps: the first few, each with Done; the rest counted. */
export function homeStepBlocks(steps: readonly NextStep[], today: string): Block[] {
  if (steps.length === 0) return [];
  const overdue = steps.filter((s) => isOverdue(s, today)).length;
  return [
    divider(),
    section(`*Your next steps* (${steps.length}${overdue ? `, ${overdue} overdue` : ''})`),
    ...steps
      .slice(0, HOME_STEPS)
      .map((step) => section(nextStepLine(step, today), { block_id: `next_step:${step.id}`, accessory: button('Done', NEXT_STEP_ACTIONS.done, step.id) })),
    ...(steps.length > HOME_STEPS ? [context(`\`/rapport todo\` lists all ${steps.length}.`)] : []),
  ];
}

/** `/rapport todo`: overdue first (the caller orders them). */
export function todoMessage(steps: readonly NextStep[], today: string, lead?: string): { text: string; blocks: Block[] } {
  const overdue = steps.filter((s) => isOverdue(s, today)).length;
  const title = steps.length === 0 ? 'No open next steps' : `Your next steps: ${plural(steps.length, 'open step')}${overdue ? `, ${overdue} overdue` : ''}`;
  return {
    text: lead ? `${lead} ${title}` : title,
    blocks: [
      ...(lead ? [section(lead)] : []),
      header(title),
      ...(steps.length ? listBlocks(steps, today) : [context('Set one with `/client next <client> <what> [@who] [day]`.')]),
    ],
  };
}

/** The morning DM: what is due today, and how much is overdue besides. */
export function reminderMessage(dueToday: readonly NextStep[], overdue: number, today: string): { text: string; blocks: Block[] } {
  const title = `Due today: ${plural(dueToday.length, 'next step')}`;
  return {
    text: `${title}: ${dueToday.map((s) => `${escapeText(s.what)} (${escapeName(s.clientName)})`).join('; ')}`,
    blocks: [
      header(title),
      ...listBlocks(dueToday, today),
      ...(overdue > 0 ? [context(`Also ${plural(overdue, 'overdue step')}: \`/rapport todo\` lists them.`)] : []),
    ],
  };
}

export function nextStepSetMessage(step: NextStep, today: string, actor: string): { text: string; blocks: Block[] } {
  const who = step.assigneeUserId === actor ? 'you' : mention(step.assigneeUserId);
  const text = `Next step set for ${who}: ${escapeText(step.what)} (${escapeName(step.clientName)}), due ${dayText(step.dueOn)}.`;
  return {
    text,
    blocks: [
      section(`✅ Next step set for ${who}: ${nextStepLine(step, today)}`),
      context(`${who === 'you' ? 'You are' : `${who} is`} reminded by DM on the morning it is due.`),
    ],
  };
}
