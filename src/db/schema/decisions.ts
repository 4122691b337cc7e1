/** What the team decided about a client from the digest (domain.md §5). */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ProposedChange } from '../../domain/inputs.js';
import { decisionKindEnum, proposalStatusEnum } from './enums.js';
import { clientRef } from './clients.js';
import { instant, recordedAt, teamId, workspaceRows } from './columns.js';
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
    /** The Slack request that decided: a retried delivery finds the decision instead of adding one. */
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    clientRef(t),
    uniqueIndex('decisions_team_request_key').on(t.teamId, t.requestKey),
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
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    clientRef(t),
    uniqueIndex('snoozes_team_request_key').on(t.teamId, t.requestKey),
    check('snoozes_until_after_start', sql`${t.until} > ${t.snoozedAt}`),
    index('snoozes_client').on(t.teamId, t.clientId, t.until),
    // The retention sweep (db/retention.ts): snoozes that ended longest ago, across workspaces.
    index('snoozes_until').on(t.until),
  ],
);

/**
 * A change to a client's fate (owner, status, category, a digest decision) asked for by someone who may not
 * make it: the owner (or an admin) approves or declines it from a DM. Applied as the approver, audited.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: recordedAt('proposed_at'),
    /** What would change, validated by `proposedChangeSchema`. */
    change: jsonb('change').$type<ProposedChange>().notNull(),
    /** Who was asked (the owner); null when the owner is unknown and any admin may answer. */
    askedUserId: text('asked_user_id'),
    status: proposalStatusEnum('status').notNull().default('open'),
    answeredBy: text('answered_by'),
    answeredAt: instant('answered_at'),
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    clientRef(t),
    uniqueIndex('proposals_team_request_key').on(t.teamId, t.requestKey),
    // A client's open proposals (one open proposal per change is enough; see proposeChange).
    index('proposals_client').on(t.teamId, t.clientId, t.status),
  ],
);
