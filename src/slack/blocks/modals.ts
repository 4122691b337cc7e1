/**
 * The call and incident modals, a digest decision and deleting a client, in the reader's words (`reader`: who
 * opens the form). Inputs use INPUTS ids as block id and action id alike.
 */
import type { ClientProfile } from '../../domain/types.js';
import { CRITERIA, OUR_SIDE_CHECKLIST, type Catalogue, type IncidentDetails, type IncidentKind, type TraitDefinition } from '../../domain/catalogue.js';
import { ACTIONS, INPUTS, VIEWS } from '../ids.js';
import { addDays, DEFAULT_DUE_DAYS } from '../../domain/nextSteps.js';
import type { DecisionReason } from '../../domain/outcomes.js';
import type { ModalMetadata } from '../parse/viewState.js';
import type { ModalView, PlainTextOption } from '@slack/types';
import { actions, button, context, input, modal, option, plain, section, type Block } from './kit.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import { incidentLabel, traitName } from '../../i18n/labels.js';
import type { Reader } from '../../i18n/reader.js';

export interface PickedClient {
  id: string;
  name: string;
}

export function clientOption(client: PickedClient): PlainTextOption {
  return option(client.name, client.id);
}

function clientPicker(reader: Reader, client?: PickedClient): Block {
  return input(INPUTS.client, tPlain(reader, 'forms.client'), {
    type: 'external_select',
    placeholder: plain(tPlain(reader, 'forms.clientPlaceholder')),
    min_query_length: 0,
    ...(client ? { initial_option: clientOption(client) } : {}),
  });
}

/** A new call or incident may carry a next step for the client's owner (not an edit: it is set once). */
function nextStepInputs(reader: Reader, metadata: ModalMetadata, today: string): Block[] {
  if (metadata.entryId) return [];
  return [
    input(
      INPUTS.nextStep,
      tPlain(reader, 'forms.nextStep'),
      { type: 'plain_text_input', max_length: 300, placeholder: plain(tPlain(reader, 'forms.nextStepPlaceholder')) },
      true,
      { hint: tPlain(reader, 'forms.nextStepHint') },
    ),
    input(INPUTS.nextStepDue, tPlain(reader, 'forms.nextStepDue'), { type: 'datepicker', initial_date: addDays(today, DEFAULT_DUE_DAYS) }, true),
  ];
}

/** A form opened on a Slack message: whose it is, that its link is kept, and the way to the other kind of entry. */
function fromMessageBlocks(reader: Reader, metadata: ModalMetadata, other: 'call' | 'incident'): Block[] {
  if (!metadata.message) return [];
  const { author } = metadata.message;
  return [
    context(author ? t(reader, 'forms.fromMessageBy', { author: md(`<@${author}>`) }) : t(reader, 'forms.fromMessage')),
    actions([
      button(
        tPlain(reader, other === 'call' ? 'forms.switchToCall' : 'forms.switchToIncident'),
        other === 'call' ? ACTIONS.logAsCall : ACTIONS.logAsIncident,
        'switch',
      ),
    ]),
  ];
}

function traitCheckboxes(
  reader: Reader,
  catalogue: Catalogue,
  blockId: string,
  label: { first: string; more: string },
  traits: readonly TraitDefinition[],
  selected: readonly string[],
): Block[] {
  // A checkbox group holds at most 10 options: more traits continue in further groups.
  const blocks: Block[] = [];
  for (let i = 0; i < traits.length; i += 10) {
    const chunk = traits.slice(i, i + 10);
    const options = chunk.map((trait) => option(traitName(reader, catalogue, trait.key), trait.key));
    const initial = options.filter((o) => selected.includes(o.value ?? ''));
    blocks.push(
      input(
        i === 0 ? blockId : `${blockId}_${i / 10 + 1}`,
        i === 0 ? label.first : label.more,
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
  /** Who opens the form: its words are theirs. */
  reader: Reader;
  catalogue: Catalogue;
  metadata: ModalMetadata;
  today: string;
  client?: PickedClient;
  initial?: { date: string; traits: string[]; notes: string; ourSide: string[] };
}

export function callModal(m: CallModalInput): ModalView {
  const { reader } = m;
  const good = m.catalogue.traits.filter((trait) => trait.polarity === 'good');
  const bad = m.catalogue.traits.filter((trait) => trait.polarity === 'bad');
  const selected = m.initial?.traits ?? [];
  const ourSideOptions = OUR_SIDE_CHECKLIST.map((s) => option(tPlain(reader, `forms.ourSide.${s}`), s));
  const ourSideInitial = ourSideOptions.filter((o) => m.initial?.ourSide.includes(o.value ?? ''));
  const form = {
    callbackId: VIEWS.call,
    title: tPlain(reader, m.metadata.entryId ? 'forms.callEditTitle' : 'forms.callTitle'),
    submit: tPlain(reader, 'forms.save'),
    metadata: m.metadata,
  };
  return modal(reader, form, [
    ...fromMessageBlocks(reader, m.metadata, 'incident'),
    clientPicker(reader, m.client),
    input(INPUTS.date, tPlain(reader, 'forms.callDate'), { type: 'datepicker', initial_date: m.initial?.date ?? m.today }),
    ...traitCheckboxes(
      reader,
      m.catalogue,
      INPUTS.goodTraits,
      { first: tPlain(reader, 'forms.goodTraits'), more: tPlain(reader, 'forms.goodTraitsMore') },
      good,
      selected,
    ),
    ...traitCheckboxes(
      reader,
      m.catalogue,
      INPUTS.badTraits,
      { first: tPlain(reader, 'forms.badTraits'), more: tPlain(reader, 'forms.badTraitsMore') },
      bad,
      selected,
    ),
    input(
      INPUTS.notes,
      tPlain(reader, 'forms.notes'),
      { type: 'plain_text_input', multiline: true, max_length: 3000, ...(m.initial?.notes ? { initial_value: m.initial.notes } : {}) },
      true,
    ),
    input(
      INPUTS.ourSide,
      tPlain(reader, 'forms.ourSide'),
      { type: 'checkboxes', options: ourSideOptions, ...(ourSideInitial.length > 0 ? { initial_options: ourSideInitial } : {}) },
      true,
      { hint: tPlain(reader, 'forms.ourSideHint') },
    ),
    ...nextStepInputs(reader, m.metadata, m.today),
  ]);
}

export interface IncidentModalInput {
  /** Who opens the form: its words are theirs. */
  reader: Reader;
  metadata: ModalMetadata;
  today: string;
  client?: PickedClient;
  kind?: IncidentKind;
  initial?: { date: string; description: string; details?: IncidentDetails };
}

/** Fields that follow the kind (domain.md §4, last column). */
function kindFields(reader: Reader, kind: IncidentKind | undefined, details: IncidentDetails | undefined): Block[] {
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
        number(INPUTS.daysLate, tPlain(reader, 'forms.daysLate'), false, false, '1', d.daysLate),
        text(INPUTS.invoiceRef, tPlain(reader, 'forms.invoiceRef'), d.invoiceRef),
        number(INPUTS.amount, tPlain(reader, 'forms.amount'), true, true, '0', d.amount),
      ];
    case 'invoice_dispute':
      return [
        text(INPUTS.invoiceRef, tPlain(reader, 'forms.invoiceRef'), d.invoiceRef),
        number(INPUTS.amountDisputed, tPlain(reader, 'forms.amountDisputed'), true, true, '0', d.amountDisputed),
      ];
    case 'competitor_play': {
      const agreed = option(tPlain(reader, 'forms.agreedWorkOption'), 'yes');
      return [
        text(INPUTS.competitor, tPlain(reader, 'forms.competitor'), d.competitor),
        input(
          INPUTS.onAgreedWork,
          tPlain(reader, 'forms.agreedWork'),
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
  const { reader } = m;
  const kindOptions = CRITERIA.map((c) => option(tPlain(reader, 'forms.kindOption', { n: c.number, label: incidentLabel(reader, c.kind) }), c.kind));
  const initialKind = kindOptions.find((o) => o.value === m.kind);
  const form = {
    callbackId: VIEWS.incident,
    title: tPlain(reader, m.metadata.entryId ? 'forms.incidentEditTitle' : 'forms.incidentTitle'),
    submit: tPlain(reader, 'forms.save'),
    metadata: m.metadata,
  };
  return modal(reader, form, [
    ...fromMessageBlocks(reader, m.metadata, 'call'),
    clientPicker(reader, m.client),
    input(
      INPUTS.kind,
      tPlain(reader, 'forms.kind'),
      { type: 'static_select', options: kindOptions, ...(initialKind ? { initial_option: initialKind } : {}) },
      false,
      { dispatch_action: true },
    ),
    input(INPUTS.date, tPlain(reader, 'forms.date'), { type: 'datepicker', initial_date: m.initial?.date ?? m.today }),
    ...kindFields(reader, m.kind, m.initial?.details),
    input(
      INPUTS.description,
      tPlain(reader, 'forms.description'),
      { type: 'plain_text_input', multiline: true, max_length: 3000, ...(m.initial?.description ? { initial_value: m.initial.description } : {}) },
      true,
    ),
    ...(m.kind === 'mental_abuse' ? [section(t(reader, 'forms.mentalAbuseNote'))] : []),
    ...nextStepInputs(reader, m.metadata, m.today),
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

/**
 * Its reasons, countably (issue 30): the ten firing criteria and Other, those `suggested` picked already. Required
 * for prepayment and exit; for a keep (whose words are required) the criteria it keeps the client despite, optional.
 */
function decisionReasonsInput(reader: Reader, kind: DecisionMetadata['kind'], suggested: readonly DecisionReason[]): Block {
  const options = [...CRITERIA.map((c) => option(incidentLabel(reader, c.kind), c.kind)), option(tPlain(reader, 'outcomes.form.other'), 'other')];
  const initial = options.filter((o) => suggested.includes(o.value as DecisionReason));
  const keep = kind === 'keep';
  return input(
    INPUTS.reasons,
    tPlain(reader, keep ? 'outcomes.form.reasonsKeep' : 'outcomes.form.reasons'),
    {
      type: 'multi_static_select',
      options,
      ...(initial.length > 0 ? { initial_options: initial } : {}),
      placeholder: plain(tPlain(reader, 'outcomes.form.reasonsPlaceholder')),
    },
    keep,
    { hint: tPlain(reader, 'outcomes.form.reasonsHint') },
  );
}

/**
 * What the decision will do, said before it is done: keeping needs a reason (domain.md §5); the costly two
 * (prepayment, exit) say what changes and take an optional note. A member sees the same form as a proposal.
 * Its reasons are picked from the firing criteria (`decisionReasonsInput`). `reviewOn`: when deciding (not
 * proposing), the day its owner is asked what came of it (a keep's also comes back as a next step), this day by
 * default. `reader`: who decides.
 */
export function decisionModal(
  m: DecisionMetadata & {
    reader: Reader;
    client: Pick<ClientProfile, 'name' | 'status'>;
    proposing: boolean;
    reviewOn: string;
    /** Reasons picked already: the firing criteria the client meets. */
    suggested?: readonly DecisionReason[];
  },
): ModalView {
  const { reader } = m;
  const name = m.client.name;
  const consequence =
    m.kind === 'keep'
      ? [t(reader, 'forms.decision.keep', { name }), ...(m.client.status === 'exited' ? [t(reader, 'forms.decision.keepExited')] : [])].join(' ')
      : t(reader, `forms.decision.${m.kind}`, { name });
  const blocks: Block[] = [section(consequence)];
  if (m.proposing) blocks.push(section(t(reader, 'forms.decision.proposing')));
  blocks.push(
    decisionReasonsInput(reader, m.kind, m.suggested ?? []),
    m.kind === 'keep'
      ? input(INPUTS.reason, tPlain(reader, 'forms.reason'), { type: 'plain_text_input', multiline: true, max_length: 1000, min_length: 3 })
      : input(INPUTS.reason, tPlain(reader, 'forms.note'), { type: 'plain_text_input', multiline: true, max_length: 1000 }, true),
  );
  // Whoever decides picks the day its outcome is asked (a proposal's is a month after its approval).
  if (!m.proposing) {
    blocks.push(
      input(INPUTS.reviewOn, tPlain(reader, 'outcomes.form.reviewOn'), { type: 'datepicker', initial_date: m.reviewOn }, false, {
        hint: tPlain(reader, m.kind === 'keep' ? 'forms.reviewHint' : 'outcomes.form.reviewHint'),
      }),
    );
  }
  const submit = m.proposing ? 'forms.submit.propose' : m.kind === 'keep' ? 'forms.submit.keep' : 'forms.submit.confirm';
  const form = {
    callbackId: VIEWS.decision,
    title: tPlain(reader, `forms.decisionTitle.${m.kind}`),
    submit: tPlain(reader, submit),
    metadata: { clientId: m.clientId, digestId: m.digestId, kind: m.kind, channelId: m.channelId },
  };
  return modal(reader, form, blocks);
}

/** Erasing a client, said before it is done: what goes, that it cannot be undone, and what stays. `reader`: who erases. */
export function clientEraseModal(m: { reader: Reader; client: Pick<ClientProfile, 'id' | 'name'>; channelId: string | null }): ModalView {
  const { reader } = m;
  const form = {
    callbackId: VIEWS.clientErase,
    title: tPlain(reader, 'forms.eraseTitle'),
    submit: tPlain(reader, 'forms.eraseSubmit'),
    metadata: { clientId: m.client.id, channelId: m.channelId, name: m.client.name },
  };
  return modal(reader, form, [section(t(reader, 'forms.erase', { name: m.client.name })), section(t(reader, 'forms.eraseNote'))]);
}
