/** Plain data the engine works on. The database layer maps rows to these; the engine never sees SQL or Slack. */
import type { Category, ClientStatus, IncidentDetails, IncidentKind, Relationship } from './catalogue.js';

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
 * A client's observations up to some moment. Old observations may be folded into `baseline`: their
 * decayed weight as of `baseline.at` (domain.md §3 decay is exponential, so folding is exact), either per
 * trait (`decayed`, weighted when scored) or already weighted and summed per polarity (`weighted`: what the
 * digest's SQL returns, one row per client). Every observation in `observations` is later than `baseline.at`.
 */
export interface ObservationHistory {
  baseline?: { at: Date; decayed?: Record<string, number>; weighted?: { good: number; bad: number } };
  observations: readonly Observation[];
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
