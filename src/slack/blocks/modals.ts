/** The call and incident modals. Inputs use INPUTS ids as block id and action id alike. */
import type { ClientProfile } from '../../domain/types.js';
import { CRITERIA, OUR_SIDE_CHECKLIST, type Catalogue, type IncidentDetails, type IncidentKind, type TraitDefinition } from '../../domain/catalogue.js';
import { ACTIONS, INPUTS, VIEWS } from '../ids.js';
import { addDays, DEFAULT_DUE_DAYS } from '../../domain/nextSteps.js';
import type { ModalMetadata } from '../parse/viewState.js';
import type { ModalView, PlainTextOption } from '@slack/types';
import { actions, button, context, input, modal, option, plain, section, type Block } from './kit.js';
import { kindLabel } from './format.js';
import { escapeName } from './text.js';

export interface PickedClient {
  id: string;
  name: string;
}

export function clientOption(client: PickedClient): PlainTextOption {
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

/** A new call or incident may carry a next step for the client's owner (not an edit: it is set once). */
function nextStepInputs(metadata: ModalMetadata, today: string): Block[] {
  if (metadata.entryId) return [];
  return [
    input(INPUTS.nextStep, 'Next step (optional)', { type: 'plain_text_input', max_length: 300, placeholder: plain('e.g. Send the revised proposal') }, true, {
      hint: 'For the client’s owner, who is reminded by DM on its day.',
    }),
    input(INPUTS.nextStepDue, 'Next step due', { type: 'datepicker', initial_date: addDays(today, DEFAULT_DUE_DAYS) }, true),
  ];
}

/** A form opened on a Slack message: whose it is, that its link is kept, and the way to the other kind of entry. */
function fromMessageBlocks(metadata: ModalMetadata, other: 'call' | 'incident'): Block[] {
  if (!metadata.message) return [];
  const whose = metadata.message.author ? `<@${metadata.message.author}>’s message` : 'a message';
  return [
    context(`Logging ${whose}: its link is kept with the entry as evidence.`),
    actions([
      button(`Log it as ${other === 'call' ? 'a call' : 'an incident'} instead`, other === 'call' ? ACTIONS.logAsCall : ACTIONS.logAsIncident, 'switch'),
    ]),
  ];
}

function traitCheckboxes(blockId: string, label: string, traits: readonly TraitDefinition[], selected: readonly string[]): Block[] {
  // A checkbox group holds at most 10 options: more traits continue in further groups.
  const blocks: Block[] = [];
  for (let i = 0; i < traits.length; i += 10) {
    const chunk = traits.slice(i, i + 10);
    const options = chunk.map((t) => option(t.label, t.key));
    const initial = options.filter((o) => selected.includes(o.value ?? ''));
    blocks.push(
      input(
        i === 0 ? blockId : `${blockId}_${i / 10 + 1}`,
        i === 0 ? label : `${label} (more)`,
        {
          type: 'checkboxes',
          options,
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        },
        true,
      ),
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

export function callModal(m: CallModalInput): ModalView {
  const good = m.catalogue.traits.filter((t) => t.polarity === 'good');
  const bad = m.catalogue.traits.filter((t) => t.polarity === 'bad');
  const selected = m.initial?.traits ?? [];
  const ourSideOptions = OUR_SIDE_CHECKLIST.map((s) => option(s[0]!.toUpperCase() + s.slice(1), s));
  const ourSideInitial = ourSideOptions.filter((o) => m.initial?.ourSide.includes(o.value ?? ''));
  return modal(VIEWS.call, m.metadata.entryId ? 'Edit call' : 'Log a call', 'Save', m.metadata, [
    ...fromMessageBlocks(m.metadata, 'incident'),
    clientPicker(m.client),
    input(INPUTS.date, 'Date of the call', { type: 'datepicker', initial_date: m.initial?.date ?? m.today }),
    ...traitCheckboxes(INPUTS.goodTraits, 'Good traits observed', good, selected),
    ...traitCheckboxes(INPUTS.badTraits, 'Bad traits observed', bad, selected),
    input(
      INPUTS.notes,
      'Notes',
      { type: 'plain_text_input', multiline: true, max_length: 3000, ...(m.initial?.notes ? { initial_value: m.initial.notes } : {}) },
      true,
    ),
    input(
      INPUTS.ourSide,
      'Our side: we showed…',
      { type: 'checkboxes', options: ourSideOptions, ...(ourSideInitial.length > 0 ? { initial_options: ourSideInitial } : {}) },
      true,
      {
        hint: 'Recorded for your own review; it does not change the client’s score.',
      },
    ),
    ...nextStepInputs(m.metadata, m.today),
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
    input(
      blockId,
      label,
      { type: 'number_input', is_decimal_allowed: decimal, min_value: min, ...(value !== undefined ? { initial_value: String(value) } : {}) },
      optional,
    );
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
        input(
          INPUTS.onAgreedWork,
          'Agreed work',
          { type: 'checkboxes', options: [agreed], ...(d.onAgreedWork === false ? {} : { initial_options: [agreed] }) },
          true,
        ),
      ];
    }
    default:
      return [];
  }
}

export function incidentModal(m: IncidentModalInput): ModalView {
  const kindOptions = CRITERIA.map((c) => option(`${c.number}. ${kindLabel(c.kind)}`, c.kind));
  const initialKind = kindOptions.find((o) => o.value === m.kind);
  return modal(VIEWS.incident, m.metadata.entryId ? 'Edit incident' : 'Log an incident', 'Save', m.metadata, [
    ...fromMessageBlocks(m.metadata, 'call'),
    clientPicker(m.client),
    input(INPUTS.kind, 'What happened', { type: 'static_select', options: kindOptions, ...(initialKind ? { initial_option: initialKind } : {}) }, false, {
      dispatch_action: true,
    }),
    input(INPUTS.date, 'Date', { type: 'datepicker', initial_date: m.initial?.date ?? m.today }),
    ...kindFields(m.kind, m.initial?.details),
    input(
      INPUTS.description,
      'Description',
      { type: 'plain_text_input', multiline: true, max_length: 3000, ...(m.initial?.description ? { initial_value: m.initial.description } : {}) },
      true,
    ),
    ...(m.kind === 'mental_abuse'
      ? [section('_Criterion 2 counts abuse only after the client was told it is unacceptable: the confirmation offers a button to record that._')]
      : []),
    ...nextStepInputs(m.metadata, m.today),
  ]);
}

/** A digest decision asked in a modal (ids only in the metadata; who may decide is checked again on submit). */
export interface DecisionMetadata {
  clientId: string;
  digestId: string | null;
  kind: 'keep' | 'require_prepayment' | 'start_exit';
  /** Where the digest message was, so a proposal's answer can be shown there. */
  channelId: string | null;
}

const DECISION_TITLES: Record<DecisionMetadata['kind'], string> = {
  keep: 'Keep this client',
  require_prepayment: 'Require prepayment',
  start_exit: 'Start the exit',
};

/**
 * What the decision will do, said before it is done: keeping needs a reason (domain.md §5); the costly two
 * (prepayment, exit) say what changes and take an optional note. A member sees the same form as a proposal.
 */
/**
 * `reviewOn`: when deciding to keep (not proposing), the day the decision comes back to its owner as a next
 * step, this day by default.
 */
export function decisionModal(m: DecisionMetadata & { client: Pick<ClientProfile, 'name' | 'status'>; proposing: boolean; reviewOn: string }): ModalView {
  const name = `*${escapeName(m.client.name)}*`;
  const consequence: Record<DecisionMetadata['kind'], string> = {
    keep:
      `Why keep ${name} despite what the digest shows? Your reason is recorded with your name, and ${name} leaves the firing criteria section until new evidence arrives (a red flag keeps it listed first, with your decision beside it).` +
      (m.client.status === 'exited' ? ` Its status becomes *active* again (it is exited now).` : ''),
    require_prepayment: `${name}’s status becomes *prepay only*: everyone who logs a call or incident for it is reminded to work with it only on full prepayment.`,
    start_exit: `${name} will leave lists and the digest; its status becomes *exited*. Its history stays, and a later “keep” brings it back.`,
  };
  const blocks: Block[] = [section(consequence[m.kind])];
  if (m.proposing) blocks.push(section('_You are not its owner or an admin: this goes to its owner as a proposal to approve._'));
  blocks.push(
    m.kind === 'keep'
      ? input(INPUTS.reason, 'Reason', { type: 'plain_text_input', multiline: true, max_length: 1000, min_length: 3 })
      : input(INPUTS.reason, 'Note (optional)', { type: 'plain_text_input', multiline: true, max_length: 1000 }, true),
  );
  if (m.kind === 'keep' && !m.proposing) {
    blocks.push(
      input(INPUTS.reviewOn, 'Review the decision on', { type: 'datepicker', initial_date: m.reviewOn }, false, {
        hint: 'Its owner is reminded that morning, as with any next step.',
      }),
    );
  }
  const submit = m.proposing ? 'Propose' : m.kind === 'keep' ? 'Keep' : 'Confirm';
  return modal(VIEWS.decision, DECISION_TITLES[m.kind], submit, { clientId: m.clientId, digestId: m.digestId, kind: m.kind, channelId: m.channelId }, blocks);
}

/** Erasing a client, said before it is done: what goes, that it cannot be undone, and what stays. */
export function clientEraseModal(m: { client: Pick<ClientProfile, 'id' | 'name'>; channelId: string | null }): ModalView {
  const name = `*${escapeName(m.client.name)}*`;
  return modal(VIEWS.clientErase, 'Delete client', 'Delete', { clientId: m.client.id, channelId: m.channelId, name: m.client.name }, [
    section(
      `Delete ${name} and everything Rapport holds about it: its calls, traits, incidents, warnings, decisions, snoozes, proposals and their history. This cannot be undone.`,
    ),
    section(
      '_One line stays in the audit log: who deleted which client (by id, not by name), and when. Messages already posted in Slack stay where they are._',
    ),
  ]);
}
