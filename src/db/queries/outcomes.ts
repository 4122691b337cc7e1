/**
 * What came of decisions (issue 30): their countable reasons and review day, the review asked once across
 * instances (claimed, then marked sent), the outcome answered once, and the decisions a report counts.
 */
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import {
  DECISION_REASONS,
  decisionReasonsSchema,
  REVIEWED_DECISIONS,
  type DecisionReason,
  type Outcome,
  type ReviewedDecision,
} from '../../domain/outcomes.js';
import type { Category } from '../../domain/catalogue.js';
import type { Database } from '../client.js';
import { clients, decisions, nextSteps } from '../schema/index.js';
import { appendAudit, authorOf, type By } from './audit.js';

/** A decision with what its review needs to know. */
export interface ReviewedDecisionRow {
  id: string;
  clientId: string;
  clientName: string;
  clientOwner: string | null;
  category: Category;
  kind: ReviewedDecision;
  reasons: DecisionReason[];
  reason: string | null;
  decidedBy: string;
  decidedAt: Date;
  reviewOn: string | null;
  reviewSentAt: Date | null;
  reviewSentTo: string | null;
  outcome: Outcome | null;
  outcomeBy: string | null;
  outcomeAt: Date | null;
}

const rowColumns = {
  id: decisions.id,
  clientId: decisions.clientId,
  clientName: clients.name,
  clientOwner: clients.ownerUserId,
  category: clients.category,
  kind: decisions.kind,
  reasons: decisions.reasons,
  reason: decisions.reason,
  decidedBy: decisions.decidedBy,
  decidedAt: decisions.decidedAt,
  reviewOn: decisions.reviewOn,
  reviewSentAt: decisions.reviewSentAt,
  reviewSentTo: decisions.reviewSentTo,
  outcome: decisions.outcome,
  outcomeBy: decisions.outcomeBy,
  outcomeAt: decisions.outcomeAt,
};

/** The stored row as the domain reads it (unknown reasons, written by a later version say, are left out). */
function asRow(row: { [K in keyof typeof rowColumns]: unknown }): ReviewedDecisionRow {
  const stored = row.reasons as string[];
  return { ...(row as ReviewedDecisionRow), reasons: DECISION_REASONS.filter((r) => stored.includes(r)) };
}

const reviewed = inArray(decisions.kind, [...REVIEWED_DECISIONS]);

/** Sets a decision's reasons and review day (the same again for a retried delivery of the decision). */
export async function setDecisionReview(
  db: Database,
  { teamId, decisionId, review }: { teamId: string; decisionId: string; review: { reasons: readonly DecisionReason[]; reviewOn: string | null } },
): Promise<void> {
  await db
    .update(decisions)
    .set({ reasons: decisionReasonsSchema.parse(review.reasons), reviewOn: review.reviewOn })
    .where(and(eq(decisions.teamId, teamId), eq(decisions.id, decisionId), isNull(decisions.reviewSentAt)));
}

/** Decisions to review by `untilDay` (inclusive) that nobody was asked about yet, the earliest first. */
export async function reviewsDue(db: Database, { teamId, untilDay }: { teamId: string; untilDay: string }): Promise<ReviewedDecisionRow[]> {
  const rows = await db
    .select(rowColumns)
    .from(decisions)
    .innerJoin(clients, and(eq(clients.teamId, decisions.teamId), eq(clients.id, decisions.clientId)))
    .where(and(eq(decisions.teamId, teamId), reviewed, isNull(decisions.reviewSentAt), isNull(decisions.outcome), lte(decisions.reviewOn, untilDay)))
    .orderBy(asc(decisions.reviewOn), asc(decisions.decidedAt));
  return rows.map(asRow);
}

/**
 * Takes the ask of a decision's review: true for exactly one instance, or for another one once the holder's lease
 * lapsed without it being sent (as next step reminders are claimed).
 */
export async function claimReview(
  db: Database,
  { teamId, decisionId, instance, leaseSeconds }: { teamId: string; decisionId: string; instance: string; leaseSeconds: number },
): Promise<boolean> {
  const taken = await db
    .update(decisions)
    .set({ reviewClaimedBy: instance, reviewClaimedAt: sql`now()` })
    .where(
      and(
        eq(decisions.teamId, teamId),
        eq(decisions.id, decisionId),
        isNull(decisions.reviewSentAt),
        or(isNull(decisions.reviewClaimedAt), sql`${decisions.reviewClaimedAt} < now() - make_interval(secs => ${leaseSeconds})`),
      ),
    )
    .returning({ id: decisions.id });
  return taken.length > 0;
}

/** The review was asked of `to` (null: nobody here could be asked): never again. */
export async function markReviewSent(db: Database, { teamId, decisionId, to }: { teamId: string; decisionId: string; to: string | null }): Promise<void> {
  await db
    .update(decisions)
    .set({ reviewSentAt: sql`now()`, reviewSentTo: to })
    .where(and(eq(decisions.teamId, teamId), eq(decisions.id, decisionId)));
}

export async function reviewedDecision(db: Database, { teamId, decisionId }: { teamId: string; decisionId: string }): Promise<ReviewedDecisionRow | undefined> {
  const [row] = await db
    .select(rowColumns)
    .from(decisions)
    .innerJoin(clients, and(eq(clients.teamId, decisions.teamId), eq(clients.id, decisions.clientId)))
    .where(and(eq(decisions.teamId, teamId), eq(decisions.id, decisionId), reviewed));
  return row ? asRow(row) : undefined;
}

/**
 * Stores what came of a decision, once: `answered` is true for the answer that stored it (and for its retried
 * delivery), false when someone had answered before (the row says who, and what).
 */
export async function answerOutcome(
  db: Database,
  { teamId, by, decisionId, outcome }: { teamId: string; by: By; decisionId: string; outcome: Outcome },
): Promise<{ decision: ReviewedDecisionRow; answered: boolean } | undefined> {
  const { actor, at, requestKey } = authorOf(by);
  return db.transaction(async (tx) => {
    const stored = await tx
      .update(decisions)
      .set({ outcome, outcomeBy: actor, outcomeAt: at, outcomeRequestKey: requestKey })
      .where(and(eq(decisions.teamId, teamId), eq(decisions.id, decisionId), reviewed, isNull(decisions.outcome)))
      .returning({ id: decisions.id });
    const decision = await reviewedDecision(tx, { teamId, decisionId });
    if (!decision) return undefined;
    if (stored.length === 0) {
      const [again] = await tx
        .select({ key: decisions.outcomeRequestKey })
        .from(decisions)
        .where(and(eq(decisions.teamId, teamId), eq(decisions.id, decisionId)));
      return { decision, answered: requestKey !== null && again?.key === requestKey };
    }
    // Saying what came of a keep is its review: the review step it set (views/decision.ts) is done.
    if (decision.kind === 'keep' && decision.reviewOn) {
      await tx
        .update(nextSteps)
        .set({ doneAt: at, doneBy: actor })
        .where(
          and(
            eq(nextSteps.teamId, teamId),
            eq(nextSteps.clientId, decision.clientId),
            eq(nextSteps.source, 'decision'),
            eq(nextSteps.dueOn, decision.reviewOn),
            isNull(nextSteps.doneAt),
          ),
        );
    }
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'decision.outcome',
        entityType: 'client',
        entityId: decision.clientId,
        details: { decisionId, kind: decision.kind, outcome },
      },
    });
    return { decision, answered: true };
  });
}

/**
 * Keep, prepayment and exit decisions of a window, from `from` up to (not including) `until`, the earliest first:
 * those taken in it (`decided`), or those answered in it and the exits started in it (`answered`).
 */
export async function decisionsBetween(
  db: Database,
  { teamId, window }: { teamId: string; window: { from: Date; until: Date; by: 'decided' | 'answered' } },
): Promise<ReviewedDecisionRow[]> {
  const { from, until } = window;
  const decided = and(gte(decisions.decidedAt, from), lt(decisions.decidedAt, until));
  const answered = and(gte(decisions.outcomeAt, from), lt(decisions.outcomeAt, until));
  const rows = await db
    .select(rowColumns)
    .from(decisions)
    .innerJoin(clients, and(eq(clients.teamId, decisions.teamId), eq(clients.id, decisions.clientId)))
    .where(and(eq(decisions.teamId, teamId), reviewed, window.by === 'decided' ? decided : or(answered, and(eq(decisions.kind, 'start_exit'), decided))))
    .orderBy(asc(decisions.decidedAt));
  return rows.map(asRow);
}
