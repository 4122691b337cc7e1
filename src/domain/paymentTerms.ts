/**
 * The terms ladder (issue 30): standard terms → shorter terms → full prepayment, and back. Pure: the payments
 * and the moment are arguments.
 *
 * A late payment weighs by the credit the client took: its amount × its days late, measured against a *typical*
 * late payment (a typical invoice `typicalDaysLate` days late). Two 100 invoices a day late weigh next to nothing;
 * two 20,000 invoices a year late weigh like dozens. Rapport proposes a step down when the late payments in the
 * window weigh `stepDownWeight` typical ones, or when the money paid late or disputed reaches `stepDownInvoices`
 * typical invoices; and a step back up after `stepUpOnTime` payments on time in a row (no late payment since).
 *
 * Full prepayment is one place on the ladder whatever put the client there (domain.md §1, §5): the terms set by
 * the ladder, the *prepay only* status a digest decision sets, or the *problem* category.
 */
import type { Category, ClientStatus, Thresholds } from './catalogue.js';

export const PAYMENT_TERMS = ['standard', 'shorter', 'prepayment'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

/** The incidents that are payments (domain.md §4: slow payment, disputed invoices): the ladder's late events. */
export const PAYMENT_INCIDENT_KINDS = ['slow_payment', 'invoice_dispute'] as const;

export type TermsSettings = Thresholds['paymentTerms'];

/** One payment as the ladder sees it: a late payment or a disputed invoice (incidents), or a payment on time. */
export interface PaymentEvent {
  /** The incident's or the payment's id. */
  id: string;
  kind: 'late' | 'disputed' | 'on_time';
  /** When it was paid (or disputed). */
  at: Date;
  /** When it was logged: two payments of one day are in the order they were logged. */
  loggedAt: Date;
  /** In the workspace's currency; null when nobody said. */
  amount: number | null;
  /** 0 for a payment on time or a dispute. */
  daysLate: number;
  invoiceRef?: string | null;
}

/** The client's place on the ladder: full prepayment when its status or category says so, whatever the terms column holds. */
export function effectiveTerms(client: { paymentTerms?: PaymentTerms | null; status: ClientStatus; category: Category }): PaymentTerms {
  if (client.status === 'prepay_only' || client.category === 'problem' || client.paymentTerms === 'prepayment') return 'prepayment';
  return client.paymentTerms ?? 'standard';
}

export const stepDown = (terms: PaymentTerms): PaymentTerms | undefined => PAYMENT_TERMS[PAYMENT_TERMS.indexOf(terms) + 1];
export const stepUp = (terms: PaymentTerms): PaymentTerms | undefined => (terms === 'standard' ? undefined : PAYMENT_TERMS[PAYMENT_TERMS.indexOf(terms) - 1]);

/**
 * How many typical late payments one event weighs. A payment whose amount nobody gave is taken as a typical
 * invoice; a disputed invoice as a typical delay (it is not paid while it is disputed).
 */
export function lateWeight(settings: TermsSettings, typicalInvoice: number, event: PaymentEvent): number {
  if (event.kind === 'on_time') return 0;
  const amount = (event.amount ?? typicalInvoice) / typicalInvoice;
  const days = event.kind === 'disputed' ? 1 : event.daysLate / settings.typicalDaysLate;
  return amount * days;
}

export interface TermsProposalDraft {
  direction: 'down' | 'up';
  from: PaymentTerms;
  to: PaymentTerms;
  /** The payments that make the case, oldest first. */
  evidence: PaymentEvent[];
  /** Down: how many typical late payments the evidence weighs, and the money paid late or disputed. */
  weight: number;
  amount: number;
  /** Which rule made the case (down): the weight, the amount, or both. */
  because: 'weight' | 'amount' | 'both' | 'on_time';
}

export interface TermsHistory {
  current: PaymentTerms;
  events: readonly PaymentEvent[];
  /** The client's monthly value: its typical invoice, when known. */
  monthlyValue: number | null;
  /** The payments a terms proposal already made its case with (approved or declined): they are not counted again. */
  answered: ReadonlySet<string>;
  /** A terms proposal waits for an answer: nothing new is proposed meanwhile. */
  pending: boolean;
}

const byTime = (a: PaymentEvent, b: PaymentEvent) => a.at.getTime() - b.at.getTime() || a.loggedAt.getTime() - b.loggedAt.getTime();

/** What the ladder proposes now, or undefined: at most one step, down before up. */
export function proposeTerms(settings: TermsSettings, history: TermsHistory, now: Date): TermsProposalDraft | undefined {
  if (history.pending) return undefined;
  const typicalInvoice = typicalInvoiceOf(settings, history.monthlyValue);
  const from = new Date(now.getTime() - settings.windowDays * 86_400_000);
  const counted = [...history.events].filter((e) => e.at > from && e.at <= now && !history.answered.has(e.id)).sort(byTime);
  const late = counted.filter((e) => e.kind !== 'on_time');

  const down = stepDown(history.current);
  if (down && late.length > 0) {
    const weight = late.reduce((sum, e) => sum + lateWeight(settings, typicalInvoice, e), 0);
    const amount = late.reduce((sum, e) => sum + (e.amount ?? 0), 0);
    const byWeight = weight >= settings.stepDownWeight;
    const byAmount = amount >= settings.stepDownInvoices * typicalInvoice;
    if (byWeight || byAmount) {
      return {
        direction: 'down',
        from: history.current,
        to: down,
        evidence: late,
        weight,
        amount,
        because: byWeight && byAmount ? 'both' : byWeight ? 'weight' : 'amount',
      };
    }
  }

  const up = stepUp(history.current);
  if (up) {
    // Payments on time in a row: those after the last late payment (answered or not).
    const lastLate = [...history.events]
      .filter((e) => e.kind !== 'on_time' && e.at <= now)
      .sort(byTime)
      .at(-1);
    const onTime = counted.filter((e) => e.kind === 'on_time' && (!lastLate || byTime(e, lastLate) > 0));
    if (onTime.length >= settings.stepUpOnTime) {
      const amount = onTime.reduce((sum, e) => sum + (e.amount ?? 0), 0);
      return { direction: 'up', from: history.current, to: up, evidence: onTime, weight: 0, amount, because: 'on_time' };
    }
  }
  return undefined;
}

/** What else moves with the terms, so the client's status and category never contradict them (domain.md §1, §5). */
export interface TermsChange {
  paymentTerms: PaymentTerms;
  status?: ClientStatus;
  category?: Category;
}

/**
 * The client's fields once `to` is accepted. Full prepayment is the *prepay only* status a digest decision sets
 * (so `/client list prepay` and the digest name it too); leaving it lifts that status, and takes a *problem* client
 * (which works only on full prepayment) back to a regular one. An exited client keeps its status.
 */
export function termsChangeFor(client: { status: ClientStatus; category: Category }, to: PaymentTerms): TermsChange {
  if (to === 'prepayment')
    return { paymentTerms: to, ...(client.status === 'active' || client.status === 'under_review' ? { status: 'prepay_only' as const } : {}) };
  return {
    paymentTerms: to,
    ...(client.status === 'prepay_only' ? { status: 'active' as const } : {}),
    ...(client.category === 'problem' ? { category: 'regular' as const } : {}),
  };
}

/** The typical invoice a late payment is weighed against: the client's monthly value when known, else the workspace's. */
export const typicalInvoiceOf = (settings: TermsSettings, monthlyValue: number | null): number =>
  monthlyValue && monthlyValue > 0 ? monthlyValue : settings.typicalInvoice;
