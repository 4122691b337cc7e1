/**
 * Payment behaviour and the terms ladder in the reader's words (issue 30): a client's terms wherever it shows, the
 * reminder every log for a client on shorter terms carries, a payment on time as logged, and the terms proposal
 * asked of the owner (or the admins) with its evidence. Money in the workspace's currency (`formatMoney`).
 */
import { UNDO_MINUTES } from '../../domain/catalogue.js';
import { effectiveTerms, lateWeight, type PaymentEvent, type PaymentTerms, type TermsSettings } from '../../domain/paymentTerms.js';
import type { ClientProfile } from '../../domain/types.js';
import type { PaymentOutcome, TermsCase } from '../../services/paymentTerms.js';
import type { Proposal } from '../../services/clientFate.js';
import { formatDay, formatMoney, formatNumber } from '../../i18n/format.js';
import { categoryLabel, statusLabel } from '../../i18n/labels.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import type { Reader } from '../../i18n/reader.js';
import { ACTIONS, PROPOSAL_ACTIONS } from '../ids.js';
import { actions, button, context, section, type Block } from './kit.js';
import { blocksFor, commandFor, escapeName, escapeText, joinParts } from './text.js';

/** A message with its fallback text (as confirmations.ts's `Rendered`). */
interface Rendered {
  text: string;
  blocks: Block[];
}

type TermsOf = Pick<ClientProfile, 'name' | 'category' | 'status' | 'paymentTerms'>;

export const termsLabel = (reader: Reader, terms: PaymentTerms): string => tPlain(reader, `payments.terms.${terms}`);

/** The client's terms as `/client show` reads them: "full prepayment (problem client)" when the category sets them. */
export function termsValue(reader: Reader, client: TermsOf): string {
  const terms = termsLabel(reader, effectiveTerms(client));
  return client.category === 'problem' ? tPlain(reader, 'payments.termsProblem', { terms }) : terms;
}

/** In a list: "terms: shorter terms" for a client off standard terms, nothing otherwise. */
export function termsInList(reader: Reader, client: TermsOf): string {
  // A *prepay only* status says it already, beside it.
  return effectiveTerms(client) === 'standard' || client.status === 'prepay_only'
    ? ''
    : ` · _${t(reader, 'payments.listTerms', { terms: termsLabel(reader, effectiveTerms(client)) })}_`;
}

/** What every log for a client on shorter terms says (the prepayment reminders are confirmations.ts's `paymentReminder`). */
export function shorterTermsReminder(client: TermsOf, reader: Reader): string | undefined {
  return effectiveTerms(client) === 'shorter' ? t(reader, 'payments.reminder.shorter', { name: client.name }) : undefined;
}

/** The Paid on time button beside a payment reminder: logs a payment on time, today, for the client. */
export const paidOnTimeButton = (reader: Reader, clientId: string) => button(tPlain(reader, 'payments.paidOnTime'), ACTIONS.paidOnTime, clientId);

const amountOf = (reader: Reader, amount: number | null) => (amount === null ? tPlain(reader, 'payments.evidence.noAmount') : formatMoney(amount, reader));

/** One payment of a case: "Mon 2 Nov 2026: €20,000, 365 days late (invoice INV-7)". */
export function evidenceLine(reader: Reader, e: PaymentEvent): string {
  const args = { day: md(formatDay(e.at, reader)), amount: md(amountOf(reader, e.amount)) };
  const line =
    e.kind === 'late'
      ? t(reader, 'payments.evidence.late', { ...args, days: e.daysLate })
      : e.kind === 'disputed'
        ? t(reader, 'payments.evidence.disputed', args)
        : t(reader, 'payments.evidence.onTime', args);
  return e.invoiceRef ? t(reader, 'payments.evidence.invoice', { line: md(line), ref: md(escapeText(e.invoiceRef)) }) : line;
}

const bold = (name: string) => md(`*${escapeName(name)}*`);

/** Why the ladder proposes the step, in one sentence. */
function caseSentence(c: TermsCase, reader: Reader): string {
  const { settings, typicalInvoice, evidence } = c;
  const args = {
    terms: md(`*${termsLabel(reader, c.proposal.change.terms)}*`),
    name: bold(c.client.name),
    from: md(termsLabel(reader, effectiveTerms(c.client))),
    count: evidence.length,
  };
  if (c.direction === 'up') return t(reader, 'payments.proposal.up', args);
  const weight = evidence.reduce((sum, e) => sum + lateWeight(settings, typicalInvoice, e), 0);
  if (weight >= settings.stepDownWeight) {
    return t(reader, 'payments.proposal.down', {
      ...args,
      days: settings.windowDays,
      weight: md(formatNumber(weight, reader, { maximumFractionDigits: 1 })),
      invoice: md(formatMoney(typicalInvoice, reader)),
      typicalDays: settings.typicalDaysLate,
      limit: md(formatNumber(settings.stepDownWeight, reader, { maximumFractionDigits: 1 })),
    });
  }
  const amount = evidence.reduce((sum, e) => sum + (e.amount ?? 0), 0);
  return t(reader, 'payments.proposal.downAmount', {
    ...args,
    days: settings.windowDays,
    amount: md(formatMoney(amount, reader)),
    limit: md(formatMoney(settings.stepDownInvoices * typicalInvoice, reader)),
  });
}

/** The DM asking the owner (or each admin) to answer a terms proposal: the case, each payment, what else changes. */
export function termsProposalMessage(c: TermsCase, reader: Reader, askedAdmins: boolean): Rendered {
  const also = [
    ...(c.change.status ? [t(reader, 'notify.change.status', { status: statusLabel(reader, c.change.status) })] : []),
    ...(c.change.category ? [t(reader, 'notify.change.category', { category: categoryLabel(reader, c.change.category) })] : []),
  ];
  const blocks: Block[] = [
    section(caseSentence(c, reader)),
    section(`${t(reader, 'payments.proposal.evidence')}\n${c.evidence.map((e) => `• ${evidenceLine(reader, e)}`).join('\n')}`),
    ...(also.length > 0 ? [context(t(reader, 'payments.proposal.also', { changes: md(joinParts(reader, also)) }))] : []),
    actions([
      button(tPlain(reader, 'notify.proposal.approve'), PROPOSAL_ACTIONS.approve, c.proposal.id, 'primary'),
      button(tPlain(reader, 'notify.proposal.decline'), PROPOSAL_ACTIONS.decline, c.proposal.id),
    ]),
    context(askedAdmins ? t(reader, 'payments.proposal.admins', { name: c.client.name }) : t(reader, 'payments.proposal.onlyYou')),
  ];
  return { text: t(reader, 'payments.proposal.text', { name: c.client.name }), blocks: blocksFor(reader, blocks) };
}

/** Who was asked about a terms proposal, as the person whose log set it off reads it. */
export type TermsAsked = 'owner' | 'admins' | 'nobody';

export function termsAskedText(c: TermsCase, asked: TermsAsked, reader: Reader): string {
  const args = { name: c.client.name, terms: md(`*${termsLabel(reader, c.proposal.change.terms)}*`) };
  if (asked === 'owner') return t(reader, 'payments.asked.owner', { ...args, owner: md(`<@${c.client.ownerUserId}>`) });
  if (asked === 'admins') return t(reader, 'payments.asked.admins', args);
  return t(reader, 'payments.asked.nobody', { ...args, command: commandFor('/client set', c.client.name, 'owner @someone') });
}

/** The answer to `/incident <client> paid on time <amount>` (and the Paid on time button). */
export function paymentConfirmation(outcome: PaymentOutcome, asked: TermsAsked | undefined, reader: Reader): Rendered {
  const { client, entry, terms } = outcome;
  const day = md(formatDay(entry.paidAt, reader));
  const blocks: Block[] = [
    section(
      entry.amount === null
        ? t(reader, 'payments.loggedNoAmount', { name: client.name, day })
        : t(reader, 'payments.logged', { name: client.name, day, amount: md(formatMoney(entry.amount, reader)) }),
    ),
  ];
  if (terms && asked) blocks.push(section(termsAskedText(terms, asked, reader)));
  blocks.push(actions([button(tPlain(reader, 'commands.undo', { minutes: UNDO_MINUTES }), ACTIONS.undoPayment, entry.id, 'danger')]));
  return { text: t(reader, 'payments.loggedText', { name: client.name }), blocks: blocksFor(reader, blocks) };
}

/** A log's confirmation with who was asked about the terms its payment set off, above its buttons. */
export function withTermsAsked(rendered: Rendered, terms: TermsCase | undefined, asked: TermsAsked | undefined, reader: Reader): Rendered {
  if (!terms || !asked) return rendered;
  const at = rendered.blocks.at(-1)?.type === 'actions' ? rendered.blocks.length - 1 : rendered.blocks.length;
  const blocks = [...rendered.blocks];
  blocks.splice(at, 0, ...blocksFor(reader, [section(termsAskedText(terms, asked, reader))]));
  return { ...rendered, blocks };
}

/** What replaces the terms proposal once answered, for the one who answered. */
export function termsAnsweredText(proposal: Proposal, client: ClientProfile, reader: Reader): string {
  if (proposal.change.kind !== 'terms') return '';
  const args = { name: bold(client.name), terms: md(`*${termsLabel(reader, proposal.change.terms)}*`) };
  return proposal.status === 'approved'
    ? t(reader, 'payments.answered.approved', args)
    : t(reader, 'payments.answered.declined', { ...args, now: md(termsLabel(reader, effectiveTerms(client))) });
}

/** The ladder's settings, as `/rapport settings` lists them. */
export function termsSettingsLine(settings: TermsSettings, reader: Reader): string {
  return t(reader, 'payments.settings', {
    days: settings.windowDays,
    weight: md(formatNumber(settings.stepDownWeight, reader, { maximumFractionDigits: 1 })),
    typicalDays: settings.typicalDaysLate,
    invoice: md(formatMoney(settings.typicalInvoice, reader)),
    invoices: md(formatNumber(settings.stepDownInvoices, reader, { maximumFractionDigits: 1 })),
    onTime: settings.stepUpOnTime,
    command: md('`threshold paymentTerms.<name> <value>`'),
  });
}

/** A client's payments in the ladder's window, in one line: "Payments in 180 days: 3 late (€3,000, 90 days late in all) · 4 on time (€4,800)". */
export function paymentsSummary(reader: Reader, events: readonly PaymentEvent[], windowDays: number): string | undefined {
  if (events.length === 0) return undefined;
  const sum = (kind: PaymentEvent['kind']) => {
    const of = events.filter((e) => e.kind === kind);
    return {
      count: of.length,
      amount: md(
        formatMoney(
          of.reduce((a, e) => a + (e.amount ?? 0), 0),
          reader,
        ),
      ),
      days: of.reduce((a, e) => a + e.daysLate, 0),
    };
  };
  const late = sum('late');
  const disputed = sum('disputed');
  const onTime = sum('on_time');
  const parts = [
    ...(late.count > 0 ? [t(reader, 'payments.summary.late', late)] : []),
    ...(disputed.count > 0 ? [t(reader, 'payments.summary.disputed', disputed)] : []),
    ...(onTime.count > 0 ? [t(reader, 'payments.summary.onTime', onTime)] : []),
  ];
  return t(reader, 'payments.summary', { days: windowDays, parts: md(parts.join(' · ')) });
}
