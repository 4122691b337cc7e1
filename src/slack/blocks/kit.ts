/** Small Block Kit constructors, plus `fitBlocks`, the one place Slack's size limits are enforced. */
import { LIMITS, truncate } from './text.js';

/** A block or element as JSON; builders are checked by tests against Slack's limits rather than by types. */
export type Block = { type: string } & Record<string, any>;
export type Json = Record<string, any>;

export const section = (text: string, extra: Json = {}): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
  ...extra,
});
export const fields = (items: string[]): Block => ({
  type: 'section',
  fields: items.slice(0, LIMITS.fields).map((t) => ({ type: 'mrkdwn', text: truncate(t, LIMITS.fieldText) })),
});
export const context = (...texts: string[]): Block => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((t) => ({ type: 'mrkdwn', text: truncate(t, LIMITS.sectionText) })),
});
export const header = (text: string): Block => ({ type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } });
export const divider = (): Block => ({ type: 'divider' });
export const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Json => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});
export const actions = (elements: Json[], blockId?: string): Block => ({ type: 'actions', elements: elements.slice(0, 25), ...(blockId ? { block_id: blockId } : {}) });
export const option = (text: string, value: string): Json => ({
  text: { type: 'plain_text', text: truncate(text, LIMITS.optionText), emoji: true },
  value: value.slice(0, LIMITS.optionValue),
});

/**
 * Keeps a message within `max` blocks: when there are more, the tail is replaced by one line saying how many
 * were left out, so nothing disappears silently.
 */
export function fitBlocks(blocks: Block[], max: number = LIMITS.messageBlocks, more = 'Use `/client show` or `/client list` for the rest.'): Block[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(`… ${blocks.length - kept.length} more block(s) not shown (Slack allows ${max}). ${more}`)];
}
