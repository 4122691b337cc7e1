/** What the team decided about a client from the digest (domain.md §5). */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { decisionKindEnum } from './enums.js';
import { clientRef } from './clients.js';
import { instant, recordedAt, teamId } from './columns.js';
import { digests } from './digests.js';

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    kind: decisionKindEnum('kind').notNull(),
    reason: text('reason'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: recordedAt('decided_at'),
    /** The digest the decision was taken from, so its message can be updated in place. */
    digestId: uuid('digest_id').references(() => digests.id, { onDelete: 'set null' }),
  },
  (t) => [
    clientRef(t),
    // Keeping a client that meets firing criteria needs a reason.
    check('decisions_keep_reason', sql`${t.kind} <> 'keep' or coalesce(length(trim(${t.reason})), 0) > 0`),
    index('decisions_client').on(t.teamId, t.clientId, t.decidedAt),
  ],
);

/** Snoozed from the digest until `until`, or until new evidence is logged. */
export const snoozes = pgTable(
  'snoozes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    snoozedBy: text('snoozed_by').notNull(),
    snoozedAt: recordedAt('snoozed_at'),
    until: instant('until').notNull(),
    digestId: uuid('digest_id').references(() => digests.id, { onDelete: 'set null' }),
  },
  (t) => [
    clientRef(t),
    check('snoozes_until_after_start', sql`${t.until} > ${t.snoozedAt}`),
    index('snoozes_client').on(t.teamId, t.clientId, t.until),
  ],
);
