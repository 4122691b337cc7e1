/** Proposed changes to a client's fate, answered by its owner or an admin (see schema/decisions.ts). */
import { and, eq } from 'drizzle-orm';
import { Refused } from '../../domain/refusals.js';
import { proposedChangeSchema, type ProposedChange } from '../../domain/inputs.js';
import type { Database } from '../client.js';
import { proposals } from '../schema/index.js';
import { appendAudit, authorOf, type By } from './audit.js';
import { requireClient } from './clients.js';
import { isRowId, parseInput } from './parse.js';

export type Proposal = typeof proposals.$inferSelect;

export async function createProposal(
  db: Database,
  { teamId, by, input }: { teamId: string; by: By; input: { clientId: string; change: ProposedChange; askedUserId: string | null } },
): Promise<Proposal & { duplicate: boolean }> {
  const { actor, at, requestKey } = authorOf(by);
  const change = parseInput(proposedChangeSchema, input.change);
  return db.transaction(async (tx) => {
    const client = await requireClient(tx, { teamId, clientId: input.clientId });
    const [proposal] = await tx
      .insert(proposals)
      .values({ teamId, clientId: client.id, proposedBy: actor, proposedAt: at, change, askedUserId: input.askedUserId, requestKey })
      .onConflictDoNothing()
      .returning();
    if (!proposal) {
      // A retried delivery: the owner was asked already.
      const [stored] = await tx
        .select()
        .from(proposals)
        .where(and(eq(proposals.teamId, teamId), eq(proposals.requestKey, requestKey!)));
      return { ...stored!, duplicate: true };
    }
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'proposal.create',
        entityType: 'client',
        entityId: client.id,
        details: { proposalId: proposal!.id, change },
      },
    });
    return { ...proposal, duplicate: false };
  });
}

/**
 * Answers an open proposal, once: a second answer (a double click, the other admin) finds it answered and
 * gets a conflict naming who answered. Run in the transaction that applies the change, so both or neither land.
 */
export async function answerProposal(
  db: Database,
  { teamId, by, proposalId, approve }: { teamId: string; by: By; proposalId: string; approve: boolean },
): Promise<Proposal> {
  const { actor, at } = authorOf(by);
  const [answered] = isRowId(proposalId)
    ? await db
        .update(proposals)
        .set({ status: approve ? 'approved' : 'declined', answeredBy: actor, answeredAt: at })
        .where(and(eq(proposals.teamId, teamId), eq(proposals.id, proposalId), eq(proposals.status, 'open')))
        .returning()
    : [];
  if (answered) {
    await appendAudit(db, {
      teamId,
      entry: {
        actor,
        at,
        action: `proposal.${answered.status}`,
        entityType: 'client',
        entityId: answered.clientId,
        details: { proposalId },
      },
    });
    return answered;
  }
  const [existing] = isRowId(proposalId)
    ? await db
        .select()
        .from(proposals)
        .where(and(eq(proposals.teamId, teamId), eq(proposals.id, proposalId)))
    : [];
  if (!existing) throw new Refused({ code: 'proposal_gone' });
  // The same answer again (a retried delivery, a double click) is that answer, not a conflict.
  if (existing.answeredBy === actor && existing.status === (approve ? 'approved' : 'declined')) return existing;
  throw new Refused({ code: 'proposal_answered', status: existing.status, answeredBy: existing.answeredBy });
}

export async function getProposal(db: Database, { teamId, proposalId }: { teamId: string; proposalId: string }): Promise<Proposal | undefined> {
  if (!isRowId(proposalId)) return undefined;
  const [row] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.teamId, teamId), eq(proposals.id, proposalId)));
  return row;
}
