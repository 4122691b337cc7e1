/** Decisions and snoozes taken from the digest (domain.md §5). */
import { and, desc, eq, gte, sql } from 'drizzle-orm';
import { statusAfterDecision } from '../../domain/decisions.js';
import { Refused } from '../../domain/refusals.js';
import { newDecisionSchema, type NewDecision } from '../../domain/inputs.js';
import { DAY_MS, type Decision, type Snooze } from '../../domain/types.js';
import type { Database } from '../client.js';
import { clients, decisions, snoozes } from '../schema/index.js';
import { appendAudit, authorOf, instantSql, type By } from './audit.js';
import { requireClient } from './clients.js';
import { parseInput } from './parse.js';

export const decisionColumns = {
  id: decisions.id,
  clientId: decisions.clientId,
  kind: decisions.kind,
  reason: decisions.reason,
  decidedBy: decisions.decidedBy,
  decidedAt: decisions.decidedAt,
};

export const snoozeColumns = {
  id: snoozes.id,
  requestKey: snoozes.requestKey,
  clientId: snoozes.clientId,
  snoozedBy: snoozes.snoozedBy,
  snoozedAt: snoozes.snoozedAt,
  until: snoozes.until,
};

export async function recordDecision(db: Database, { teamId, by, input }: { teamId: string; by: By; input: NewDecision }): Promise<Decision> {
  const { actor, at, requestKey } = authorOf(by);
  const values = parseInput(newDecisionSchema, input);
  return db.transaction(async (tx) => {
    const client = await requireClient(tx, { teamId, clientId: values.clientId });
    const [decision] = await tx
      .insert(decisions)
      .values({ teamId, ...values, decidedBy: actor, decidedAt: at, requestKey })
      .onConflictDoNothing()
      .returning(decisionColumns);
    if (!decision) {
      // A retried delivery: the first one decided (and changed the status).
      const [stored] = await tx
        .select(decisionColumns)
        .from(decisions)
        .where(and(eq(decisions.teamId, teamId), eq(decisions.requestKey, requestKey!)));
      return stored!;
    }
    const status = statusAfterDecision(values.kind, client.status);
    if (status !== client.status) {
      await tx
        .update(clients)
        .set({ status, exitedAt: status === 'exited' ? at : null, updatedAt: at })
        .where(and(eq(clients.teamId, teamId), eq(clients.id, client.id)));
    }
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: `decision.${values.kind}`,
        entityType: 'client',
        entityId: client.id,
        details: { decisionId: decision!.id, reason: values.reason, statusFrom: client.status, statusTo: status },
      },
    });
    return decision!;
  });
}

/**
 * Holds the client out of the digest for `days` (new evidence lifts it early: see digestSelection). A client
 * already snoozed keeps that snooze: `created` is false and the running one is returned.
 */
export async function snoozeClient(
  db: Database,
  { teamId, by, input }: { teamId: string; by: By; input: { clientId: string; days: number; digestId?: string | null } },
): Promise<{ snooze: Snooze; created: boolean }> {
  const { actor, at, requestKey } = authorOf(by);
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 365) {
    throw new Refused({ code: 'snooze_days' });
  }
  return db.transaction(async (tx) => {
    const client = await requireClient(tx, { teamId, clientId: input.clientId });
    const [running] = await tx
      .select(snoozeColumns)
      .from(snoozes)
      .where(and(eq(snoozes.teamId, teamId), eq(snoozes.clientId, client.id), sql`${snoozes.until} > ${instantSql(at)}`))
      .orderBy(desc(snoozes.until))
      .limit(1);
    // The running snooze stands; if it is this very request's (a retried delivery), it was created by it.
    if (running) return { snooze: running, created: requestKey !== null && running.requestKey === requestKey };
    const [snooze] = await tx
      .insert(snoozes)
      .values({
        teamId,
        clientId: client.id,
        snoozedBy: actor,
        snoozedAt: at,
        until: sql`${instantSql(at)} + make_interval(secs => ${(input.days * DAY_MS) / 1000})`,
        digestId: input.digestId ?? null,
        requestKey,
      })
      .returning(snoozeColumns);
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'client.snooze',
        entityType: 'client',
        entityId: client.id,
        details: { snoozeId: snooze!.id, days: input.days },
      },
    });
    return { snooze: snooze!, created: true };
  });
}

/** Clients someone answered since `since`: decided about (acknowledging included) or snoozed. */
export async function clientsAnsweredSince(db: Database, { teamId, since }: { teamId: string; since: Date }): Promise<Set<string>> {
  const decided = await db
    .selectDistinct({ clientId: decisions.clientId })
    .from(decisions)
    .where(and(eq(decisions.teamId, teamId), gte(decisions.decidedAt, since)));
  const snoozed = await db
    .selectDistinct({ clientId: snoozes.clientId })
    .from(snoozes)
    .where(and(eq(snoozes.teamId, teamId), gte(snoozes.snoozedAt, since)));
  return new Set([...decided, ...snoozed].map((r) => r.clientId));
}

export async function decisionsFor(db: Database, { teamId, clientId }: { teamId: string; clientId: string }): Promise<Decision[]> {
  return db
    .select(decisionColumns)
    .from(decisions)
    .where(and(eq(decisions.teamId, teamId), eq(decisions.clientId, clientId)))
    .orderBy(desc(decisions.decidedAt));
}

export async function snoozesFor(db: Database, { teamId, clientId }: { teamId: string; clientId: string }): Promise<Snooze[]> {
  return db
    .select(snoozeColumns)
    .from(snoozes)
    .where(and(eq(snoozes.teamId, teamId), eq(snoozes.clientId, clientId)))
    .orderBy(desc(snoozes.snoozedAt));
}
