/** What the team decided about a client from the digest (domain.md §5). */
import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ProposedChange } from '../../domain/inputs.js';
import { decisionKindEnum, proposalStatusEnum } from './enums.js';
import { clientRef } from './clients.js';
import { instant, recordedAt, setNullRef, teamId, workspaceKey, workspaceRows } from './columns.js';
import { digests } from './digests.js';

export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    kind: decisionKindEnum('kind').notNull(),
    reason: text('reason'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: recordedAt('decided_at'),
    /** The digest the decision was taken from, so its message can be updated in place. */
    digestId: uuid('digest_id'),
    /** The Slack request that decided: a retried delivery finds the decision instead of adding one. */
    requestKey: text('request_key'),
    /**
     * Why, countably (issue 30): firing criteria by their incident kind (domain/catalogue.ts), or `other` (then
     * `reason` says what). The free text `reason` stays the note beside them.
     */
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The day its owner is asked what came of it (keep, prepayment, exit; a month after by default). */
    reviewOn: date('review_on', { mode: 'string' }),
    /** The instance asking, and since when: another takes the ask over once its lease lapsed unsent (digest/outcomeReviews.ts). */
    reviewClaimedBy: text('review_claimed_by'),
    reviewClaimedAt: instant('review_claimed_at'),
    /** When it was asked (or given up: nobody here to ask), and whom; set once. */
    reviewSentAt: instant('review_sent_at'),
    reviewSentTo: text('review_sent_to'),
    /** What came of it, answered once: `better`, `same`, `worse` or `left` (the client left us). */
    outcome: text('outcome'),
    outcomeBy: text('outcome_by'),
    outcomeAt: instant('outcome_at'),
    /** The click that answered: its retry finds its own answer rather than a refusal. */
    outcomeRequestKey: text('outcome_request_key'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('decisions', t),
    clientRef(t),
    setNullRef(foreignKey({ columns: [t.teamId, t.digestId], foreignColumns: [digests.teamId, digests.id] })),
    uniqueIndex('decisions_team_request_key').on(t.teamId, t.requestKey),
    // Keeping a client that meets firing criteria needs a reason.
    check('decisions_keep_reason', sql`${t.kind} <> 'keep' or coalesce(length(trim(${t.reason})), 0) > 0`),
    check('decisions_outcome', sql`${t.outcome} in ('better', 'same', 'worse', 'left')`),
    index('decisions_client').on(t.teamId, t.clientId, t.decidedAt),
    // The outcome reviews' sweep: decisions whose review day has come, not yet asked.
    index('decisions_review_due')
      .on(t.teamId, t.reviewOn)
      .where(sql`${t.reviewSentAt} is null`),
  ],
);

/** Snoozed from the digest until `until`, or until new evidence is logged. */
export const snoozes = pgTable(
  'snoozes',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    snoozedBy: text('snoozed_by').notNull(),
    snoozedAt: recordedAt('snoozed_at'),
    until: instant('until').notNull(),
    digestId: uuid('digest_id'),
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('snoozes', t),
    clientRef(t),
    setNullRef(foreignKey({ columns: [t.teamId, t.digestId], foreignColumns: [digests.teamId, digests.id] })),
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
    id: uuid('id').notNull().defaultRandom(),
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
    workspaceKey('proposals', t),
    clientRef(t),
    uniqueIndex('proposals_team_request_key').on(t.teamId, t.requestKey),
    // A client's open proposals (one open proposal per change is enough; see proposeChange).
    index('proposals_client').on(t.teamId, t.clientId, t.status),
  ],
);
