/**
 * Payment behaviour (issue 30): payments on time (schema/payments.ts), and the ladder's view of a client's
 * payments, late ones (incidents) and on time ones together, with the terms proposals already made about them.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { UNDO_MINUTES } from '../../domain/catalogue.js';
import { newPaymentSchema, type NewPayment } from '../../domain/inputs.js';
import { PAYMENT_INCIDENT_KINDS, type PaymentEvent } from '../../domain/paymentTerms.js';
import type { ClientProfile, Incident } from '../../domain/types.js';
import type { Database } from '../client.js';
import { incidents, payments, proposals } from '../schema/index.js';
import { appendAudit, authorOf, type By } from './audit.js';
import { removingOwnRecent } from './activity.js';
import { requireClient } from './clients.js';
import { parseInput } from './parse.js';

export const paymentColumns = {
  id: payments.id,
  clientId: payments.clientId,
  amount: payments.amount,
  invoiceRef: payments.invoiceRef,
  paidAt: payments.paidAt,
  loggedBy: payments.loggedBy,
  loggedAt: payments.loggedAt,
};
export type Payment = Pick<typeof payments.$inferSelect, keyof typeof paymentColumns>;

/** Stores a payment on time; a request key already used in this workspace returns the stored one instead. */
export async function logPayment(
  db: Database,
  { teamId, by, input }: { teamId: string; by: By; input: NewPayment },
): Promise<{ client: ClientProfile; entry: Payment; duplicate: boolean }> {
  const { actor, at, requestKey } = authorOf(by);
  const values = parseInput(newPaymentSchema, input);
  return db.transaction(async (tx) => {
    const client = await requireClient(tx, { teamId, clientId: values.clientId });
    const [payment] = await tx
      .insert(payments)
      .values({
        teamId,
        clientId: client.id,
        amount: values.amount,
        invoiceRef: values.invoiceRef,
        paidAt: values.paidAt,
        loggedBy: actor,
        loggedAt: at,
        requestKey,
      })
      .onConflictDoNothing()
      .returning(paymentColumns);
    if (!payment) {
      const [stored] = await tx
        .select(paymentColumns)
        .from(payments)
        .where(and(eq(payments.teamId, teamId), eq(payments.requestKey, requestKey!)));
      return { client, entry: stored!, duplicate: true };
    }
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'payment.log',
        entityType: 'client',
        entityId: client.id,
        details: { paymentId: payment.id, amount: values.amount, paidAt: values.paidAt.toISOString() },
      },
    });
    return { client, entry: payment, duplicate: false };
  });
}

/** A client's payments since `from`, as the ladder reads them: late payments and disputes (incidents) and payments on time. */
export async function paymentHistory(db: Database, { teamId, clientId, from }: { teamId: string; clientId: string; from: Date }): Promise<PaymentEvent[]> {
  const [late, onTime] = await Promise.all([
    db
      .select({ id: incidents.id, details: incidents.details, occurredAt: incidents.occurredAt, loggedAt: incidents.loggedAt })
      .from(incidents)
      .where(
        and(
          eq(incidents.teamId, teamId),
          eq(incidents.clientId, clientId),
          gt(incidents.occurredAt, from),
          inArray(incidents.kind, [...PAYMENT_INCIDENT_KINDS]),
        ),
      ),
    paymentsSince(db, { teamId, clientId, from }),
  ]);
  return paymentEvents(late, onTime, from);
}

/** A client's payments on time since `from`, oldest first. */
export async function paymentsSince(db: Database, { teamId, clientId, from }: { teamId: string; clientId: string; from: Date }) {
  return db
    .select(paymentColumns)
    .from(payments)
    .where(and(eq(payments.teamId, teamId), eq(payments.clientId, clientId), gt(payments.paidAt, from)))
    .orderBy(asc(payments.paidAt));
}

/**
 * The payment events since `from`, in order: a client's late payments and disputes among `incidents` (any of its
 * incidents: a caller that has read them all already need not read these again) and its payments on time.
 */
export function paymentEvents(
  incidentsOfClient: readonly Pick<Incident, 'id' | 'details' | 'occurredAt' | 'loggedAt'>[],
  onTime: readonly Awaited<ReturnType<typeof paymentsSince>>[number][],
  from: Date,
): PaymentEvent[] {
  const events: PaymentEvent[] = [];
  for (const i of incidentsOfClient) {
    if (i.occurredAt <= from) continue;
    const d = i.details;
    if (d.kind === 'slow_payment')
      events.push({
        id: i.id,
        kind: 'late',
        at: i.occurredAt,
        loggedAt: i.loggedAt,
        amount: d.amount ?? null,
        daysLate: d.daysLate,
        invoiceRef: d.invoiceRef ?? null,
      });
    else if (d.kind === 'invoice_dispute')
      events.push({
        id: i.id,
        kind: 'disputed',
        at: i.occurredAt,
        loggedAt: i.loggedAt,
        amount: d.amountDisputed ?? null,
        daysLate: 0,
        invoiceRef: d.invoiceRef ?? null,
      });
  }
  for (const p of onTime)
    events.push({ id: p.id, kind: 'on_time', at: p.paidAt, loggedAt: p.loggedAt, amount: p.amount, daysLate: 0, invoiceRef: p.invoiceRef });
  return events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.loggedAt.getTime() - b.loggedAt.getTime());
}

/** The client's terms proposals: whether one waits for an answer, and the payments answered ones made their case with. */
export async function termsProposalState(
  db: Database,
  { teamId, clientId }: { teamId: string; clientId: string },
): Promise<{ open: typeof proposals.$inferSelect | undefined; answered: Set<string> }> {
  const rows = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.teamId, teamId), eq(proposals.clientId, clientId), sql`${proposals.change}->>'kind' = 'terms'`));
  const answered = new Set<string>();
  let open: typeof proposals.$inferSelect | undefined;
  for (const row of rows) {
    if (row.status === 'open') open = row;
    else if (row.change.kind === 'terms') for (const id of row.change.evidence) answered.add(id);
  }
  return { open, answered };
}

export type PaymentUndo =
  { outcome: 'undone'; client: ClientProfile } | { outcome: 'gone' } | { outcome: 'not_yours'; loggedBy: string } | { outcome: 'too_late'; minutes: number };

/** Undo: removes a payment on time its author logged less than UNDO_MINUTES ago (as a call's or an incident's Undo). */
export async function undoPayment(db: Database, { teamId, by, paymentId }: { teamId: string; by: By; paymentId: string }): Promise<PaymentUndo> {
  const removal = await removingOwnRecent(db, { teamId, by, kind: 'payment', id: paymentId });
  if (removal.outcome === 'too_late') return { outcome: 'too_late', minutes: UNDO_MINUTES };
  if (removal.outcome !== 'undone') return removal;
  return { outcome: 'undone', client: await requireClient(db, { teamId, clientId: removal.clientId }) };
}
