/** One person's scheduled DMs, each sent once across instances, their personal digest opt-in, and how Rapport speaks to them. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { personalDigestSubscribers, personalSends, personSettings } from '../schema/index.js';
import { isLocale, type Calendar, type Locale } from '../../i18n/locales.js';

export type PersonalSend = 'reminder' | 'digest' | 'escalation';

/**
 * Takes the `kind` DM of `userId` for `key` (a day, a week): true for exactly one instance, or for another one
 * once the holder's lease lapsed without sending it.
 */
export async function claimPersonalSend(
  db: Database,
  {
    teamId,
    send,
    instance,
    leaseSeconds,
  }: { teamId: string; send: { userId: string; kind: PersonalSend; key: string }; instance: string; leaseSeconds: number },
): Promise<boolean> {
  const [created] = await db
    .insert(personalSends)
    .values({ teamId, ...send, claimedBy: instance, claimedAt: sql`now()` })
    .onConflictDoNothing()
    .returning({ userId: personalSends.userId });
  if (created) return true;
  const taken = await db
    .update(personalSends)
    .set({ claimedBy: instance, claimedAt: sql`now()` })
    .where(
      and(
        eq(personalSends.teamId, teamId),
        eq(personalSends.userId, send.userId),
        eq(personalSends.kind, send.kind),
        eq(personalSends.key, send.key),
        isNull(personalSends.sentAt),
        sql`${personalSends.claimedAt} < now() - make_interval(secs => ${leaseSeconds})`,
      ),
    )
    .returning({ userId: personalSends.userId });
  return taken.length > 0;
}

export async function markPersonalSent(
  db: Database,
  { teamId, send }: { teamId: string; send: { userId: string; kind: PersonalSend; key: string } },
): Promise<void> {
  await db
    .update(personalSends)
    .set({ sentAt: sql`now()` })
    .where(and(eq(personalSends.teamId, teamId), eq(personalSends.userId, send.userId), eq(personalSends.kind, send.kind), eq(personalSends.key, send.key)));
}

/** Turns someone's personal digest on or off; returns whether it is on. */
export async function setPersonalDigest(db: Database, { teamId, userId, on, at }: { teamId: string; userId: string; on: boolean; at: Date }): Promise<boolean> {
  if (on) await db.insert(personalDigestSubscribers).values({ teamId, userId, subscribedAt: at }).onConflictDoNothing();
  else await db.delete(personalDigestSubscribers).where(and(eq(personalDigestSubscribers.teamId, teamId), eq(personalDigestSubscribers.userId, userId)));
  return on;
}

export async function hasPersonalDigest(db: Database, { teamId, userId }: { teamId: string; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ userId: personalDigestSubscribers.userId })
    .from(personalDigestSubscribers)
    .where(and(eq(personalDigestSubscribers.teamId, teamId), eq(personalDigestSubscribers.userId, userId)));
  return row !== undefined;
}

export async function personalDigestSubscribersOf(db: Database, teamId: string): Promise<{ userId: string; subscribedAt: Date }[]> {
  return db
    .select({ userId: personalDigestSubscribers.userId, subscribedAt: personalDigestSubscribers.subscribedAt })
    .from(personalDigestSubscribers)
    .where(eq(personalDigestSubscribers.teamId, teamId));
}

export interface PersonSettings {
  language: Locale | null;
  calendar: Calendar | null;
}

/** A person's own language and calendar; nulls where they chose none. */
export async function personSettingsOf(db: Database, { teamId, userId }: { teamId: string; userId: string }): Promise<PersonSettings> {
  const [row] = await db
    .select({ language: personSettings.language, calendar: personSettings.calendar })
    .from(personSettings)
    .where(and(eq(personSettings.teamId, teamId), eq(personSettings.userId, userId)));
  return personSettingsFrom(row);
}

/** A person_settings row (or none) as the choices it holds; anything not one of Rapport's is no choice. */
export function personSettingsFrom(row: { language: string | null; calendar: string | null } | undefined): PersonSettings {
  return {
    language: isLocale(row?.language) ? row.language : null,
    calendar: row?.calendar === 'gregory' || row?.calendar === 'persian' ? row.calendar : null,
  };
}

/** Sets what the person chose (a null clears it: the default applies again), keeping their other choice. */
export async function setPersonSettings(
  db: Database,
  { teamId, userId, change }: { teamId: string; userId: string; change: Partial<PersonSettings> },
): Promise<PersonSettings> {
  await db
    .insert(personSettings)
    .values({ teamId, userId, ...change })
    .onConflictDoUpdate({ target: [personSettings.teamId, personSettings.userId], set: { ...change, updatedAt: sql`now()` } });
  return personSettingsOf(db, { teamId, userId });
}
