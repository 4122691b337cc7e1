/**
 * Small Block Kit constructors, typed with Slack's own `@slack/types`, plus `fitBlocks`, the one place Slack's
 * size limits are enforced on a message.
 */
import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  ModalView,
  Overflow,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
  SectionBlockAccessory,
} from '@slack/types';
import { LIMITS, truncate } from './text.js';

/** A block of a message, a modal or the Home tab. */
export type Block = KnownBlock;
export type Option = PlainTextOption;

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text, emoji: true });

export const section = (text: string, extra: { block_id?: string; accessory?: SectionBlockAccessory } = {}): SectionBlock => ({
  type: 'section',
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
  ...extra,
});
export const fields = (items: string[]): SectionBlock => ({
  type: 'section',
  fields: items.slice(0, LIMITS.fields).map((t) => ({ type: 'mrkdwn', text: truncate(t, LIMITS.fieldText) })),
});
export const context = (...texts: string[]): ContextBlock => ({
  type: 'context',
  elements: texts.slice(0, LIMITS.contextElements).map((t) => ({ type: 'mrkdwn', text: truncate(t, LIMITS.sectionText) })),
});
export const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(truncate(text, LIMITS.headerText)) });
export const divider = (): DividerBlock => ({ type: 'divider' });
export const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button',
  text: plain(truncate(text, LIMITS.buttonText)),
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});
export const overflow = (actionId: string, options: Option[]): Overflow => ({ type: 'overflow', action_id: actionId, options: options.slice(0, 5) });
export const actions = (elements: ActionsBlockElement[], blockId?: string): ActionsBlock => ({
  type: 'actions',
  elements: elements.slice(0, 25),
  ...(blockId ? { block_id: blockId } : {}),
});
export const option = (text: string, value: string): Option => ({
  text: plain(truncate(text, LIMITS.optionText)),
  value: value.slice(0, LIMITS.optionValue),
});

/** A modal input whose element's action id is its block id (ids.ts: INPUTS), as `response_action: errors` names it. */
export function input(
  blockId: string,
  label: string,
  element: InputBlockElement,
  optional = false,
  extra: { hint?: string; dispatch_action?: boolean } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    optional,
    element: { ...element, action_id: blockId },
    ...(extra.hint ? { hint: plain(extra.hint) } : {}),
    ...(extra.dispatch_action ? { dispatch_action: true } : {}),
  };
}

/** The frame every Rapport modal shares; `metadata` holds ids only (slack-contract.md). */
export function modal(callbackId: string, title: string, submit: string, metadata: unknown, blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify(metadata).slice(0, LIMITS.privateMetadata),
    title: plain(truncate(title, LIMITS.modalTitle, '…')),
    submit: plain(submit),
    close: plain('Cancel'),
    blocks,
  };
}

/**
 * Keeps a message within `max` blocks: when there are more, the tail is replaced by one line saying how many
 * were left out, so nothing disappears silently.
 */
export function fitBlocks(blocks: KnownBlock[], max: number = LIMITS.messageBlocks, more = 'Use `/client show` or `/client list` for the rest.'): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(`… ${blocks.length - kept.length} more block(s) not shown (Slack allows ${max}). ${more}`)];
}
