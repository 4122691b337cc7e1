/** The call and incident modals. Inputs use INPUTS ids as block id and action id alike. */
import { CRITERIA, OUR_SIDE_CHECKLIST, type Catalogue, type IncidentDetails, type IncidentKind, type TraitDefinition } from '../../domain/catalogue.js';
import { INPUTS, VIEWS } from '../ids.js';
import { option, section, type Block, type Json } from './kit.js';
import { kindLabel } from './format.js';
import { dateFormatter, escapeText, LIMITS } from './text.js';

/** Kept in `private_metadata`: ids only (slack-contract.md), never data the user could tamper with usefully. */
export interface ModalMetadata {
  channelId: string | null;
  /** Set when editing a logged entry. */
  entryId?: string;
}

export interface PickedClient {
  id: string;
  name: string;
}

const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });

function input(blockId: string, label: string, element: Json, optional = false, extra: Json = {}): Block {
  return { type: 'input', block_id: blockId, label: plain(label), optional, element: { ...element, action_id: blockId }, ...extra };
}

/** The frame every Rapport modal shares; `metadata` holds ids only (slack-contract.md). */
function modal(callbackId: string, title: string, submit: string, metadata: unknown, blocks: Block[]): Block {
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: JSON.stringify(metadata).slice(0, LIMITS.privateMetadata),
    title: plain(title),
    submit: plain(submit),
    close: plain('Cancel'),
    blocks,
  };
}

export function clientOption(client: PickedClient): Json {
  return option(client.name, client.id);
}

function clientPicker(client?: PickedClient): Block {
  return input(INPUTS.client, 'Client', {
    type: 'external_select',
    placeholder: plain('Type a client name'),
    min_query_length: 0,
    ...(client ? { initial_option: clientOption(client) } : {}),
  });
}

/** YYYY-MM-DD of `at` in the time zone: what the date picker shows as "today". */
export function isoDay(at: Date, timeZone: string): string {
  return dateFormatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function traitCheckboxes(blockId: string, label: string, traits: readonly TraitDefinition[], selected: readonly string[]): Block[] {
  // A checkbox group holds at most 10 options: more traits continue in further groups.
  const blocks: Block[] = [];
  for (let i = 0; i < traits.length; i += 10) {
    const chunk = traits.slice(i, i + 10);
    const options = chunk.map((t) => option(t.label, t.key));
    const initial = options.filter((o) => selected.includes(o.value));
    blocks.push(
      input(i === 0 ? blockId : `${blockId}_${i / 10 + 1}`, i === 0 ? label : `${label} (more)`, {
        type: 'checkboxes',
        options,
        ...(initial.length > 0 ? { initial_options: initial } : {}),
      }, true),
    );
  }
  return blocks;
}

export interface CallModalInput {
  catalogue: Catalogue;
  metadata: ModalMetadata;
  today: string;
  client?: PickedClient;
  initial?: { date: string; traits: string[]; notes: string; ourSide: string[] };
}

export function callModal(m: CallModalInput): Block {
  const good = m.catalogue.traits.filter((t) => t.polarity === 'good');
  const bad = m.catalogue.traits.filter((t) => t.polarity === 'bad');
  const selected = m.initial?.traits ?? [];
  const ourSideOptions = OUR_SIDE_CHECKLIST.map((s) => option(s[0]!.toUpperCase() + s.slice(1), s));
  const ourSideInitial = ourSideOptions.filter((o) => m.initial?.ourSide.includes(o.value));
  return modal(VIEWS.call, m.metadata.entryId ? 'Edit call' : 'Log a call', 'Save', m.metadata, [
    clientPicker(m.client),
    input(INPUTS.date, 'Date of the call', { type: 'datepicker', initial_date: m.initial?.date ?? m.today }),
    ...traitCheckboxes(INPUTS.goodTraits, 'Good traits observed', good, selected),
    ...traitCheckboxes(INPUTS.badTraits, 'Bad traits observed', bad, selected),
    input(INPUTS.notes, 'Notes', { type: 'plain_text_input', multiline: true, max_length: 3000, ...(m.initial?.notes ? { initial_value: m.initial.notes } : {}) }, true),
    input(INPUTS.ourSide, 'Our side: we showed…', { type: 'checkboxes', options: ourSideOptions, ...(ourSideInitial.length > 0 ? { initial_options: ourSideInitial } : {}) }, true, {
      hint: plain('Recorded for your own review; it does not change the client’s score.'),
    }),
  ]);
}

export interface IncidentModalInput {
  metadata: ModalMetadata;
  today: string;
  client?: PickedClient;
  kind?: IncidentKind;
  initial?: { date: string; description: string; details?: IncidentDetails };
}

/** Fields that follow the kind (domain.md §4, last column). */
function kindFields(kind: IncidentKind | undefined, details: IncidentDetails | undefined): Block[] {
  const d = (details ?? {}) as Record<string, unknown>;
  const number = (blockId: string, label: string, decimal: boolean, optional: boolean, min: string, value: unknown) =>
    input(blockId, label, { type: 'number_input', is_decimal_allowed: decimal, min_value: min, ...(value !== undefined ? { initial_value: String(value) } : {}) }, optional);
  const text = (blockId: string, label: string, value: unknown) =>
    input(blockId, label, { type: 'plain_text_input', max_length: 100, ...(typeof value === 'string' ? { initial_value: value } : {}) }, true);
  switch (kind) {
    case 'slow_payment':
      return [
        number(INPUTS.daysLate, 'Days late', false, false, '1', d.daysLate),
        text(INPUTS.invoiceRef, 'Invoice reference', d.invoiceRef),
        number(INPUTS.amount, 'Amount', true, true, '0', d.amount),
      ];
    case 'invoice_dispute':
      return [text(INPUTS.invoiceRef, 'Invoice reference', d.invoiceRef), number(INPUTS.amountDisputed, 'Amount disputed', true, true, '0', d.amountDisputed)];
    case 'competitor_play': {
      const agreed = option('It was about agreed or ongoing work', 'yes');
      return [
        text(INPUTS.competitor, 'Competitor', d.competitor),
        input(INPUTS.onAgreedWork, 'Agreed work', { type: 'checkboxes', options: [agreed], ...(d.onAgreedWork === false ? {} : { initial_options: [agreed] }) }, true),
      ];
    }
    default:
      return [];
  }
}

export function incidentModal(m: IncidentModalInput): Block {
  const kindOptions = CRITERIA.map((c) => option(`${c.number}. ${kindLabel(c.kind)}`, c.kind));
  const initialKind = kindOptions.find((o) => o.value === m.kind);
  return modal(VIEWS.incident, m.metadata.entryId ? 'Edit incident' : 'Log an incident', 'Save', m.metadata, [
    clientPicker(m.client),
    input(INPUTS.kind, 'What happened', { type: 'static_select', options: kindOptions, ...(initialKind ? { initial_option: initialKind } : {}) }, false, {
      dispatch_action: true,
    }),
    input(INPUTS.date, 'Date', { type: 'datepicker', initial_date: m.initial?.date ?? m.today }),
    ...kindFields(m.kind, m.initial?.details),
    input(INPUTS.description, 'Description', { type: 'plain_text_input', multiline: true, max_length: 3000, ...(m.initial?.description ? { initial_value: m.initial.description } : {}) }, true),
    ...(m.kind === 'mental_abuse'
      ? [section('_Criterion 2 counts abuse only after the client was told it is unacceptable: the confirmation offers a button to record that._')]
      : []),
  ]);
}


/** "Keep" needs a reason (domain.md §5): asked in a modal. Ids only in the metadata; re-checked on submit. */
export interface KeepReasonMetadata {
  clientId: string;
  digestId: string | null;
}

export function keepReasonModal(m: KeepReasonMetadata & { clientName: string }): Block {
  return modal(VIEWS.keepReason, 'Keep this client', 'Keep', { clientId: m.clientId, digestId: m.digestId }, [
    section(`Why keep *${escapeText(m.clientName)}* despite what the digest shows? The reason is recorded with your name.`),
    input(INPUTS.reason, 'Reason', { type: 'plain_text_input', multiline: true, max_length: 1000, min_length: 3 }),
  ]);
}
