/** Plain data the engine works on. The database layer maps rows to these; the engine never sees SQL or Slack. */
import type { Category, ClientStatus, IncidentDetails, IncidentKind, Relationship } from './catalogue.js';
import type { PaymentTerms } from './paymentTerms.js';

export interface ClientProfile {
  id: string;
  name: string;
  category: Category;
  relationship: Relationship;
  status: ClientStatus;
  ownerUserId: string | null;
  monthlyValue: number | null;
  /** When the contract ends or renews (YYYY-MM-DD), when known. */
  renewsOn?: string | null;
  /** Days it may go without a call, over its category's cadence (domain/cadence.ts); null or absent: the category's. */
  cadenceDays?: number | null;
  /** Its place on the terms ladder, when one was accepted (domain/paymentTerms.ts `effectiveTerms`). */
  paymentTerms?: PaymentTerms | null;
  /** Per-client trait weights, over the workspace's (domain.md §2: weights differ per client). */
  traitWeights: Record<string, number>;
  createdAt: Date;
  exitedAt: Date | null;
}

export interface Observation {
  id: string;
  clientId: string;
  trait: string;
  /** When the call happened. */
  observedAt: Date;
  /** When it was logged: "new evidence" is judged by this, since calls can be logged after the fact. */
  loggedAt: Date;
  loggedBy: string;
  callId: string;
}

/**
 * A client's observations up to some moment. Old observations may be folded into `baseline`: their decayed
 * weight per trait as of `baseline.at` (domain.md §3 decay is exponential, so folding is exact), weighted when
 * scored. Every observation in `observations` is later than `baseline.at`.
 */
export interface ObservationHistory {
  baseline?: { at: Date; decayed: Record<string, number> };
  observations: readonly Observation[];
}

/** Decayed good (G) and bad (B) weight at some moment: what health is scored from (domain.md §3). */
export interface WeightedTotals {
  good: number;
  bad: number;
}

/** How many records count toward something, and when the newest of them was logged ("new evidence"). */
export interface Tally {
  count: number;
  newestLoggedAt: Date | null;
}

export function tallyOf(records: readonly { loggedAt: Date }[]): Tally {
  let newestLoggedAt: Date | null = null;
  for (const { loggedAt } of records) if (!newestLoggedAt || loggedAt.getTime() > newestLoggedAt.getTime()) newestLoggedAt = loggedAt;
  return { count: records.length, newestLoggedAt };
}

export interface Incident {
  id: string;
  clientId: string;
  kind: IncidentKind;
  occurredAt: Date;
  loggedAt: Date;
  loggedBy: string;
  description: string;
  details: IncidentDetails;
  /** The Slack message it was logged from, when it was. */
  evidenceUrl?: string | null;
}

/** The client was told a behaviour is unacceptable (criterion 2 needs one). */
export interface Warning {
  id: string;
  clientId: string;
  kind: IncidentKind;
  givenAt: Date;
  givenBy: string;
}

export const DECISION_KINDS = ['acknowledge', 'keep', 'require_prepayment', 'start_exit'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export interface Decision {
  id: string;
  clientId: string;
  kind: DecisionKind;
  reason: string | null;
  decidedBy: string;
  decidedAt: Date;
}

export interface Snooze {
  id: string;
  clientId: string;
  snoozedBy: string;
  snoozedAt: Date;
  until: Date;
}

export const DAY_MS = 86_400_000;

export function daysBefore(at: Date, days: number): Date {
  return new Date(at.getTime() - days * DAY_MS);
}
