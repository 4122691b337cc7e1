/**
 * Everything `/client show` reads of a client, in one statement: its record, the decisions made on it and its
 * payments on time since a day. Three reads beside each other cost three preludes, three transactions and three
 * round trips of the server's and this process's CPU on every overview.
 */
import { sql } from 'drizzle-orm';
import type { Decision } from '../../domain/types.js';
import { statementBuiltOnce } from '../builtOnce.js';
import type { Database } from '../client.js';
import { decisions, payments } from '../schema/index.js';
import { at, clientRecordColumns, clientRecordOf, epochMs, type ClientRecord, type ClientRecordRow, type Timed } from './activity.js';
import type { Payment } from './payments.js';

type DecisionsJson = Timed<Decision, 'decidedAt'>[];
type PaymentsJson = Timed<Payment, 'paidAt' | 'loggedAt'>[];

const readingClientOverview = statementBuiltOnce<
  { teamId: string; clientId: string; paymentsFrom: string },
  ClientRecordRow & { decisions: DecisionsJson; payments: PaymentsJson }
>((p) => {
  const [d, pay] = [decisions, payments];
  return sql`select ${clientRecordColumns(p)},
    (select coalesce(json_agg(json_build_object('id', ${d.id}, 'clientId', ${d.clientId}, 'kind', ${d.kind}, 'reason', ${d.reason},
        'decidedBy', ${d.decidedBy}, 'decidedAt', ${epochMs(d.decidedAt)}) order by ${d.decidedAt} desc), '[]'::json)
      from ${d} where ${d.teamId} = ${p.teamId} and ${d.clientId} = ${p.clientId}) as decisions,
    (select coalesce(json_agg(json_build_object('id', ${pay.id}, 'clientId', ${pay.clientId}, 'amount', ${pay.amount}, 'invoiceRef', ${pay.invoiceRef},
        'paidAt', ${epochMs(pay.paidAt)}, 'loggedBy', ${pay.loggedBy}, 'loggedAt', ${epochMs(pay.loggedAt)}) order by ${pay.paidAt}), '[]'::json)
      from ${pay} where ${pay.teamId} = ${p.teamId} and ${pay.clientId} = ${p.clientId} and ${pay.paidAt} > ${p.paymentsFrom}::timestamptz) as payments`;
});

/** A client's record, the decisions made on it (newest first) and its payments on time after `paymentsFrom` (oldest first). */
export async function loadClientOverview(
  db: Database,
  { teamId, clientId, paymentsFrom }: { teamId: string; clientId: string; paymentsFrom: Date },
): Promise<{ record: ClientRecord; decisions: Decision[]; onTime: Payment[] }> {
  const [row] = await readingClientOverview(db, { teamId, clientId, paymentsFrom: paymentsFrom.toISOString() });
  return {
    record: clientRecordOf(row),
    decisions: (row?.decisions ?? []).map((d) => ({ ...d, decidedAt: at(d.decidedAt) })),
    onTime: (row?.payments ?? []).map((p) => ({ ...p, amount: p.amount === null ? null : Number(p.amount), paidAt: at(p.paidAt), loggedAt: at(p.loggedAt) })),
  };
}
