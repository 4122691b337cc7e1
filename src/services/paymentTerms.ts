/**
 * Payment behaviour and the terms ladder (issue 30): a payment on time is logged (never an incident), and after
 * every payment logged, late or on time, the ladder may propose a step to the client's owner (or the admins)
 * through the proposal flow (services/clientFate.ts): one open terms proposal at a time. No Slack here.
 */
import type { NewPayment } from '../domain/inputs.js';
import {
  PAYMENT_INCIDENT_KINDS,
  PAYMENT_TERMS,
  effectiveTerms,
  proposeTerms,
  termsChangeFor,
  typicalInvoiceOf,
  type PaymentEvent,
  type TermsChange,
  type TermsSettings,
} from '../domain/paymentTerms.js';
import type { ClientProfile } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { createProposal } from '../db/queries/proposals.js';
import { logPayment, paymentHistory, termsProposalState, undoPayment, type Payment } from '../db/queries/payments.js';
import { requireClient } from '../db/queries/clients.js';
import { RapportError } from '../domain/errors.js';
import { md, said } from '../i18n/messages.js';
import { authorOf, type Act, type ActIn } from './act.js';
import type { Proposal } from './clientFate.js';

/** A terms proposal with its case: the payments that make it, and how they weigh. */
export interface TermsCase {
  proposal: Proposal & { change: { kind: 'terms' } };
  client: ClientProfile;
  direction: 'down' | 'up';
  evidence: PaymentEvent[];
  settings: TermsSettings;
  /** What a late payment is weighed against (the client's monthly value, else the workspace's typical invoice). */
  typicalInvoice: number;
  /** What else changes with the terms (status, category). */
  change: TermsChange;
  /** True when a retried delivery found the proposal its first delivery made. */
  duplicate: boolean;
}

/** The incidents that are payments: logging one asks the ladder. */
export const PAYMENT_INCIDENTS: ReadonlySet<string> = new Set(PAYMENT_INCIDENT_KINDS);

const windowStart = (settings: TermsSettings, now: Date) => new Date(now.getTime() - settings.windowDays * 86_400_000);

/**
 * After a payment is logged: the step the ladder proposes now, stored as a proposal for the owner (null: any
 * admin may answer), or undefined. A retried delivery finds the proposal its first delivery made, so it is asked again.
 */
export async function reviewPaymentTerms(db: Database, act: ActIn, clientId: string): Promise<TermsCase | undefined> {
  const { teamId, at: now, catalogue } = act;
  const settings = catalogue.thresholds.paymentTerms;
  const client = await requireClient(db, { teamId, clientId });
  // A client the team has left is on no terms: its last invoices are logged, nothing is proposed.
  if (client.status === 'exited') return undefined;
  const [events, state] = await Promise.all([
    paymentHistory(db, { teamId, clientId: client.id, from: windowStart(settings, now) }),
    termsProposalState(db, { teamId, clientId: client.id }),
  ]);
  const current = effectiveTerms(client);
  const typicalInvoice = typicalInvoiceOf(settings, client.monthlyValue);
  const caseOf = (proposal: Proposal, duplicate: boolean): TermsCase | undefined => {
    if (proposal.change.kind !== 'terms') return undefined;
    const ids = new Set(proposal.change.evidence);
    return {
      proposal: proposal as TermsCase['proposal'],
      client,
      direction: PAYMENT_TERMS.indexOf(proposal.change.terms) > PAYMENT_TERMS.indexOf(current) ? 'down' : 'up',
      evidence: events.filter((e) => ids.has(e.id)),
      settings,
      typicalInvoice,
      change: termsChangeFor(client, proposal.change.terms),
      duplicate,
    };
  };
  if (state.open && act.requestKey && state.open.requestKey === act.requestKey) return caseOf(state.open, true);
  const draft = proposeTerms(
    settings,
    { current, events, monthlyValue: client.monthlyValue, answered: state.answered, pending: state.open !== undefined },
    now,
  );
  if (!draft) return undefined;
  const proposal = await createProposal(db, {
    teamId,
    by: authorOf(act),
    input: {
      clientId: client.id,
      change: { kind: 'terms', terms: draft.to, from: draft.from, evidence: draft.evidence.map((e) => e.id) },
      askedUserId: client.ownerUserId,
    },
  });
  return caseOf(proposal, proposal.duplicate);
}

export interface PaymentOutcome {
  client: ClientProfile;
  entry: Payment;
  duplicate: boolean;
  /** The step the ladder proposes now, if any. */
  terms: TermsCase | undefined;
}

/** `/incident <client> paid on time <amount>`, or the Paid on time button: good behaviour, and maybe a step back up. */
export async function logOnTimePayment(db: Database, act: ActIn, input: NewPayment): Promise<PaymentOutcome> {
  const logged = await logPayment(db, { teamId: act.teamId, by: authorOf(act), input });
  return { ...logged, terms: await reviewPaymentTerms(db, act, logged.client.id) };
}

/** Undo of a payment on time (its author only, within UNDO_MINUTES): the payment is gone; returns its client. */
export async function undoOnTimePayment(db: Database, act: Act, paymentId: string): Promise<ClientProfile> {
  const undone = await undoPayment(db, { teamId: act.teamId, by: authorOf(act), paymentId });
  switch (undone.outcome) {
    case 'undone':
      return undone.client;
    case 'gone':
      throw new RapportError('not_found', said('payments.undoGone'));
    case 'not_yours':
      throw new RapportError('forbidden', said('payments.undoNotYours', { who: md(`<@${undone.loggedBy}>`) }));
    case 'too_late':
      throw new RapportError('conflict', said('payments.undoTooLate', { minutes: undone.minutes }));
  }
}
