/**
 * Stay in touch (domain.md §3 "gone quiet", issue 29): every client not exited is expected to hear from the team
 * at its cadence, its category's (VIP every 14 days by default) unless it has one of its own; past it, the
 * client is overdue for contact. A relationship is never assumed fine because the client said nothing.
 *
 * What counts as contact: a logged call, whether typed with `/call`, entered in the form, or logged from a Slack
 * message with "Log to Rapport" (a call with the message as evidence). An incident does not: it records what
 * the client did (a late payment, a disputed invoice), not that anyone checked how the relationship is; it is
 * shown beside the last contact when it is newer, so nobody thinks the client was silent.
 */
import type { Catalogue } from './catalogue.js';
import { calendarDaysBetween } from './calendar.js';
import { DAY_MS, type ClientProfile } from './types.js';

/** How a contact was logged: a call, or a call logged from a Slack message (its permalink kept as evidence). */
export type ContactMeans = 'call' | 'message';

/** Who was last in touch with a client, when and how. */
export interface LastContact {
  at: Date;
  by: string;
  means: ContactMeans;
}

/** A client overdue for contact, and by how much. */
export interface OverdueForContact {
  /** The last call logged by then, or null when the client never had one (silence counts from its registration). */
  lastCallAt: Date | null;
  /** Who made that call and how it was logged, when known. */
  lastContact?: LastContact;
  /** Calendar days since the last call (or registration), in the workspace's zone. */
  daysSilent: number;
  /** The cadence it is held to, and whether it is the client's own or its category's. */
  cadenceDays: number;
  cadenceOwn: boolean;
  /** daysSilent − cadenceDays: 0 on the day it falls due. */
  daysOverdue: number;
}

/** The cadence a client is held to: its own, else its category's. */
export function cadenceOf(catalogue: Catalogue, client: Pick<ClientProfile, 'category' | 'cadenceDays'>): { days: number; own: boolean } {
  const own = client.cadenceDays ?? null;
  return own !== null ? { days: own, own: true } : { days: catalogue.thresholds.cadenceDays[client.category], own: false };
}

/** The latest of some calls (by when they happened; the later logged, then the greater id, on a tie): who, when, how. */
export function lastContactOf(
  calls: readonly { id: string; occurredAt: Date; loggedAt: Date; loggedBy: string; evidenceUrl?: string | null }[],
  by?: Date,
): LastContact | undefined {
  let last: (typeof calls)[number] | undefined;
  for (const c of calls) {
    if (by && c.occurredAt > by) continue;
    if (
      !last ||
      c.occurredAt.getTime() > last.occurredAt.getTime() ||
      (c.occurredAt.getTime() === last.occurredAt.getTime() &&
        (c.loggedAt.getTime() > last.loggedAt.getTime() || (c.loggedAt.getTime() === last.loggedAt.getTime() && c.id > last.id)))
    )
      last = c;
  }
  return last ? { at: last.occurredAt, by: last.loggedBy, means: last.evidenceUrl ? 'message' : 'call' } : undefined;
}

/**
 * The client's contact standing at `at`: days since its last call against its cadence. Undefined for an exited
 * client (nobody is expected to call it). Days are calendar days in the workspace's zone.
 */
export function contactStanding(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'category' | 'cadenceDays' | 'status' | 'createdAt'>,
  lastCallAt: Date | null,
  at: Date,
  timeZone: string,
): Omit<OverdueForContact, 'lastContact'> | undefined {
  if (client.status === 'exited') return undefined;
  const cadence = cadenceOf(catalogue, client);
  const daysSilent = Math.max(0, calendarDaysBetween(lastCallAt ?? client.createdAt, at, timeZone));
  return { lastCallAt, daysSilent, cadenceDays: cadence.days, cadenceOwn: cadence.own, daysOverdue: daysSilent - cadence.days };
}

/**
 * Overdue for contact at `at` (replacing the fixed 30-day "gone quiet"): not exited, and at least its cadence in
 * calendar days since its last call, or since it was registered when it never had one.
 */
export function overdueForContact(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'category' | 'cadenceDays' | 'status' | 'createdAt'>,
  lastCallAt: Date | null,
  at: Date,
  timeZone: string,
  lastContact?: LastContact,
): OverdueForContact | undefined {
  if (client.status === 'exited') return undefined;
  // Calendar days can exceed elapsed days by one, and by one more across an offset change: this far short of the
  // cadence the answer is no without asking the time zone (the digest asks for every client).
  const since = lastCallAt ?? client.createdAt;
  if (at.getTime() - since.getTime() < (cadenceOf(catalogue, client).days - 3) * DAY_MS) return undefined;
  const standing = contactStanding(catalogue, client, lastCallAt, at, timeZone);
  if (!standing || standing.daysOverdue < 0) return undefined;
  return lastContact && lastCallAt && lastContact.at.getTime() === lastCallAt.getTime() ? { ...standing, lastContact } : standing;
}

/** What `/client show` says of staying in touch: the cadence, the last contact, a newer incident, how far it is from due. */
export interface ContactLine {
  cadenceDays: number;
  cadenceOwn: boolean;
  lastContact?: LastContact;
  /** Days since the last call (or registration), and days past the cadence (negative: due in that many days). */
  daysSilent: number;
  daysOverdue: number;
  /** An incident newer than the last call: the client was heard of, though nobody checked in (it does not reset the cadence). */
  newerIncident?: { at: Date; by: string; fromMessage: boolean };
}

/** The contact line of a client at `at`, from its calls and incidents (any order); undefined once exited. */
export function contactLineOf(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'category' | 'cadenceDays' | 'status' | 'createdAt'>,
  calls: readonly { id: string; occurredAt: Date; loggedAt: Date; loggedBy: string; evidenceUrl?: string | null }[],
  incidents: readonly { occurredAt: Date; loggedBy: string; evidenceUrl?: string | null }[],
  at: Date,
  timeZone: string,
): ContactLine | undefined {
  const lastContact = lastContactOf(calls, at);
  const standing = contactStanding(catalogue, client, lastContact?.at ?? null, at, timeZone);
  if (!standing) return undefined;
  let newer: (typeof incidents)[number] | undefined;
  for (const i of incidents)
    if (i.occurredAt <= at && (!lastContact || i.occurredAt > lastContact.at) && (!newer || i.occurredAt > newer.occurredAt)) newer = i;
  return {
    cadenceDays: standing.cadenceDays,
    cadenceOwn: standing.cadenceOwn,
    ...(lastContact ? { lastContact } : {}),
    daysSilent: standing.daysSilent,
    daysOverdue: standing.daysOverdue,
    ...(newer ? { newerIncident: { at: newer.occurredAt, by: newer.loggedBy, fromMessage: !!newer.evidenceUrl } } : {}),
  };
}
