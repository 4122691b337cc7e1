/**
 * Payments on time (issue 30): good behaviour, logged with `/incident <client> paid on time <amount>` or the Paid on
 * time button. Late payments and disputed invoices stay incidents (slow_payment, invoice_dispute: amount and days
 * late in their details), so the firing criteria, Undo and Edit keep one source; the terms ladder reads both
 * (queries/payments.ts `paymentHistory`). Nothing here is an incident: no firing criterion ever counts it.
 */
import { sql } from 'drizzle-orm';
import { check, index, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clientRef } from './clients.js';
import { instant, recordedAt, teamId, workspaceKey, workspaceRows } from './columns.js';

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    /** In the workspace's currency (shown with it); null when nobody said how much. */
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    invoiceRef: text('invoice_ref'),
    /** When it was paid (on or before its due day). */
    paidAt: instant('paid_at').notNull(),
    loggedBy: text('logged_by').notNull(),
    loggedAt: recordedAt('logged_at'),
    /** The Slack request that logged it: a retried delivery finds the row instead of adding one. */
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('payments', t),
    clientRef(t),
    uniqueIndex('payments_team_request_key').on(t.teamId, t.requestKey),
    check('payments_amount', sql`${t.amount} >= 0`),
    // A client's payments in the ladder's window (paymentHistory).
    index('payments_client_paid').on(t.teamId, t.clientId, t.paidAt),
  ],
);
