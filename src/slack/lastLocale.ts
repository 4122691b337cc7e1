/**
 * The language each person was last answered in, remembered by this process: for what must be said before the
 * database is asked (a request that could not be stored, answered in its ack; a refusal in the receiver). A
 * person not seen since the process started is answered in English.
 */
import type { Locale } from '../i18n/locales.js';

/** Enough for every active person of many workspaces; the oldest is forgotten first. */
const KEPT = 10_000;
const known = new Map<string, Locale>();

export function rememberLocale(teamId: string, userId: string, locale: Locale): void {
  const id = `${teamId}:${userId}`;
  known.delete(id);
  if (known.size >= KEPT) known.delete(known.keys().next().value!);
  known.set(id, locale);
}

export const lastLocale = (teamId: string | undefined, userId: string | undefined): Locale | undefined =>
  teamId && userId ? known.get(`${teamId}:${userId}`) : undefined;
