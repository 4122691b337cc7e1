/** Decisions and snoozes taken from the digest (domain.md §5). */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ClientStatus } from '../../domain/catalogue.js';
import { RapportError } from '../../domain/errors.js';
import { newDecisionSchema, type NewDecision } from '../../domain/inputs.js';
import { DAY_MS, type Decision, type DecisionKind, type Snooze } from '../../domain/types.js';
import type { Database } from '../client.js';
import { clients, decisions, snoozes } from '../schema/index.js';
import { appendAudit } from './audit.js';
import { requireClient } from './clients.js';
import { parseInput } from './parse.js';

/** The status a decision puts the client in (domain.md §1: status is set by decisions). */
const STATUS_AFTER: Partial<Record<DecisionKind, ClientStatus>> = {
  require_prepayment: 'prepay_only',
  start_exit: 'exited',
};

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
  clientId: snoozes.clientId,
  snoozedBy: snoozes.snoozedBy,
  snoozedAt: snoozes.snoozedAt,
  until: snoozes.until,
};

export async function recordDecision(db: Database, teamId: string, actor: string, input: NewDecision): Promise<Decision> {
  const values = parseInput(newDecisionSchema, input);
  return db.transaction(async (tx) => {
    const client = await requireClient(tx, teamId, values.clientId);
    const [decision] = await tx
      .insert(decisions)
      .values({ teamId, ...values, decidedBy: actor })
      .returning(decisionColumns);
    const status = STATUS_AFTER[values.kind];
    if (status && status !== client.status) {
      await tx
        .update(clients)
        .set({ status, exitedAt: status === 'exited' ? sql`now()` : null, updatedAt: sql`now()` })
        .where(and(eq(clients.teamId, teamId), eq(clients.id, client.id)));
    }
    await appendAudit(tx, teamId, {
      actor,
      action: `decision.${values.kind}`,
      entityType: 'client',
      entityId: client.id,
      details: { decisionId: decision!.id, reason: values.reason, statusFrom: client.status, statusTo: status ?? client.status },
    });
    return decision!;
  });
}

/** Holds the client out of the digest for `days` (new evidence lifts it early: see digestSelection). */
export async function snoozeClient(
  db: Database,
  teamId: string,
  actor: string,
  input: { clientId: string; days: number; digestId?: string | null },
): Promise<Snooze> {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > 365) {
    throw new RapportError('invalid_input', 'Snooze for 1 to 365 days.', { field: 'days' });
  }
  return db.transaction(async (tx) => {
    const client = await requireClient(tx, teamId, input.clientId);
    const [snooze] = await tx
      .insert(snoozes)
      .values({
        teamId,
        clientId: client.id,
        snoozedBy: actor,
        until: sql`now() + make_interval(secs => ${(input.days * DAY_MS) / 1000})`,
        digestId: input.digestId ?? null,
      })
      .returning(snoozeColumns);
    await appendAudit(tx, teamId, {
      actor,
      action: 'client.snooze',
      entityType: 'client',
      entityId: client.id,
      details: { snoozeId: snooze!.id, days: input.days },
    });
    return snooze!;
  });
}

export async function decisionsFor(db: Database, teamId: string, clientId: string): Promise<Decision[]> {
  return db
    .select(decisionColumns)
    .from(decisions)
    .where(and(eq(decisions.teamId, teamId), eq(decisions.clientId, clientId)))
    .orderBy(desc(decisions.decidedAt));
}

export async function snoozesFor(db: Database, teamId: string, clientId: string): Promise<Snooze[]> {
  return db
    .select(snoozeColumns)
    .from(snoozes)
    .where(and(eq(snoozes.teamId, teamId), eq(snoozes.clientId, clientId)))
    .orderBy(desc(snoozes.snoozedAt));
}
