/** What a lead reads across their team (an admin's App Home): when each client was last decided about, and when each person last logged. */
import { and, eq, gt, inArray, max } from 'drizzle-orm';
import type { Database } from '../client.js';
import { calls, decisions, incidents, snoozes } from '../schema/index.js';

/** When each client with a decision was last decided about (any decision, acknowledging included). */
export async function lastDecidedAt(db: Database, teamId: string): Promise<Map<string, Date>> {
  const rows = await db
    .select({ clientId: decisions.clientId, at: max(decisions.decidedAt) })
    .from(decisions)
    .where(eq(decisions.teamId, teamId))
    .groupBy(decisions.clientId);
  return new Map(rows.flatMap((r) => (r.at ? [[r.clientId, r.at] as const] : [])));
}

/** When each client snoozed until after `at` was last snoozed (the digest's Snooze: new evidence since lifts it). */
export async function snoozedAt(db: Database, { teamId, at }: { teamId: string; at: Date }): Promise<Map<string, Date>> {
  const rows = await db
    .select({ clientId: snoozes.clientId, at: max(snoozes.snoozedAt) })
    .from(snoozes)
    .where(and(eq(snoozes.teamId, teamId), gt(snoozes.until, at)))
    .groupBy(snoozes.clientId);
  return new Map(rows.flatMap((r) => (r.at ? [[r.clientId, r.at] as const] : [])));
}

/** When each of `userIds` last logged a call or an incident, for those who ever did. */
export async function lastLoggedAt(db: Database, { teamId, userIds }: { teamId: string; userIds: readonly string[] }): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const latest = (table: typeof calls | typeof incidents) =>
    db
      .select({ userId: table.loggedBy, at: max(table.loggedAt) })
      .from(table)
      .where(and(eq(table.teamId, teamId), inArray(table.loggedBy, [...userIds])))
      .groupBy(table.loggedBy);
  const out = new Map<string, Date>();
  for (const row of [...(await latest(calls)), ...(await latest(incidents))]) {
    const seen = out.get(row.userId);
    if (row.at && (!seen || row.at > seen)) out.set(row.userId, row.at);
  }
  return out;
}
