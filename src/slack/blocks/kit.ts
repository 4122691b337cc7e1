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
import { md, t, tPlain } from '../../i18n/messages.js';
import type { Locale } from '../../i18n/locales.js';
import type { Reader } from '../../i18n/reader.js';

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

/**
 * The frame every Rapport modal shares, in its reader's words (its close button); `metadata` holds ids only
 * (slack-contract.md). `title` and `submit` are already put into words (`tPlain`).
 */
export function modal(
  reader: Reader | Locale,
  form: { callbackId: string; title: string; submit: string; metadata: unknown },
  blocks: KnownBlock[],
): ModalView {
  return {
    type: 'modal',
    callback_id: form.callbackId,
    private_metadata: JSON.stringify(form.metadata).slice(0, LIMITS.privateMetadata),
    title: plain(truncate(form.title, LIMITS.modalTitle, '…')),
    // Slack allows a modal's submit and close buttons as many characters as its title.
    submit: plain(truncate(form.submit, LIMITS.modalTitle, '…')),
    close: plain(truncate(tPlain(reader, 'forms.cancel'), LIMITS.modalTitle, '…')),
    blocks,
  };
}

/**
 * Keeps a message within `max` blocks: when there are more, the tail is replaced by one line saying how many
 * were left out, in the reader's words, so nothing disappears silently. `more` says where the rest is (mrkdwn,
 * already put into words); by default, `/client show` and `/client list`.
 */
export function fitBlocks(blocks: KnownBlock[], max: number = LIMITS.messageBlocks, reader: Reader | Locale = 'en', more?: string): KnownBlock[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  const where = more ?? t(reader, 'forms.moreDefault');
  return [...kept, context(t(reader, 'forms.moreBlocks', { n: blocks.length - kept.length, max, more: md(where) }))];
}
