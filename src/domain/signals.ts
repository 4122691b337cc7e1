/** Signals beside the score: stepping-stone drift (domain.md §4). Gone quiet is overdue for contact now: cadence.ts. */
import type { Catalogue } from './catalogue.js';
import { daysBefore, type ClientProfile, type Incident } from './types.js';

export interface SteppingStoneDrift {
  /** Late payments in the window, oldest first. */
  latePayments: Incident[];
  windowDays: number;
}

/** Late payments in the drift window (at − windowDays, at], oldest first. */
export function latePaymentsAt(catalogue: Catalogue, incidents: readonly Incident[], at: Date): Incident[] {
  const from = daysBefore(at, catalogue.thresholds.steppingStoneDrift.windowDays);
  return incidents
    .filter((i) => i.kind === 'slow_payment' && i.occurredAt > from && i.occurredAt <= at)
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** A long-term client paying late 2+ times in 180 days behaves like a stepping-stone client (`latePayments` in the window). */
export function isDrifting(catalogue: Catalogue, client: Pick<ClientProfile, 'relationship'>, latePayments: number): boolean {
  return client.relationship === 'long_term' && latePayments >= catalogue.thresholds.steppingStoneDrift.latePayments;
}

/** The drift, with its late payments, when the client drifts at `at`: suggest reclassifying. */
export function steppingStoneDrift(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'relationship'>,
  incidents: readonly Incident[],
  at: Date,
): SteppingStoneDrift | undefined {
  if (client.relationship !== 'long_term') return undefined;
  const latePayments = latePaymentsAt(catalogue, incidents, at);
  return isDrifting(catalogue, client, latePayments.length) ? { latePayments, windowDays: catalogue.thresholds.steppingStoneDrift.windowDays } : undefined;
}
