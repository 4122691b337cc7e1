/** Signals beside the score: stepping-stone drift (domain.md §4) and gone quiet (domain.md §3). */
import type { Catalogue } from './catalogue.js';
import { calendarDaysBetween } from './calendar.js';
import { DAY_MS, daysBefore, type ClientProfile, type Incident } from './types.js';

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

export interface GoneQuiet {
  /** The last call logged, or null when the client never had one. */
  lastCallAt: Date | null;
  daysSilent: number;
}

/**
 * A long-term or VIP client not exited, with no call for `goneQuietDays`. Silence is counted from the
 * last call, or from registration when there never was one: a client is never assumed fine for saying nothing.
 * Days are calendar days in the workspace's zone (a call 35 dates ago is 35 days, whatever its hour).
 */
export function goneQuiet(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'relationship' | 'category' | 'status' | 'createdAt'>,
  lastCallAt: Date | null,
  at: Date,
  timeZone: string,
): GoneQuiet | undefined {
  if (client.status === 'exited') return undefined;
  if (client.relationship !== 'long_term' && client.category !== 'vip') return undefined;
  const since = lastCallAt ?? client.createdAt;
  // Calendar days can exceed elapsed days by one, and by one more across an offset change: this far short of
  // the threshold the answer is no without asking the time zone (the digest asks for every client).
  if (at.getTime() - since.getTime() < (catalogue.thresholds.goneQuietDays - 3) * DAY_MS) return undefined;
  const daysSilent = calendarDaysBetween(since, at, timeZone);
  return daysSilent >= catalogue.thresholds.goneQuietDays ? { lastCallAt, daysSilent } : undefined;
}
