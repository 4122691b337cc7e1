/**
 * Changes to a client's fate: who owns it, its status and category, and the digest's decisions. One rule for
 * all of them (owner or admin; the Slack layer checks who is who), and everyone the change concerns is told:
 * the previous owner of a reassigned client, the new owner, and the owner of a client someone else decided about.
 */
import type { ProposedChange } from '../domain/inputs.js';
import type { ClientProfile, Decision, Snooze } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { requireClient, updateClient } from '../db/queries/clients.js';
import { recordDecision, snoozeClient } from '../db/queries/decisions.js';
import { answerProposal, createProposal, getProposal, type Proposal } from '../db/queries/proposals.js';
import { RapportError } from '../domain/errors.js';
import { effectiveTerms, termsChangeFor } from '../domain/paymentTerms.js';
import { localDate } from '../domain/calendar.js';
import { defaultReviewOn, isReviewed } from '../domain/outcomes.js';
import { setDecisionReview } from '../db/queries/outcomes.js';
import { md, said } from '../i18n/messages.js';
import { authorOf, type Act } from './act.js';

/** Someone the change concerns, to be told by DM (never the person who made it). */
export interface FateNotice {
  to: string;
  why: 'reassigned_from_you' | 'assigned_to_you' | 'changed_your_client';
}

export interface FateOutcome {
  before: ClientProfile;
  after: ClientProfile;
  change: ProposedChange;
  /** Set for a digest decision. */
  decision?: Decision;
  notices: FateNotice[];
}

/** The fields of `/client set` that decide a client's fate (the rest — name, relationship, value — are anyone's to correct). */
export const FATE_FIELDS = ['owner', 'status', 'category'] as const;

function noticesFor(actor: string, before: ClientProfile, after: ClientProfile): FateNotice[] {
  const notices: FateNotice[] = [];
  if (before.ownerUserId !== after.ownerUserId) {
    if (before.ownerUserId && before.ownerUserId !== actor) notices.push({ to: before.ownerUserId, why: 'reassigned_from_you' });
    if (after.ownerUserId && after.ownerUserId !== actor) notices.push({ to: after.ownerUserId, why: 'assigned_to_you' });
  } else if (before.ownerUserId && before.ownerUserId !== actor) {
    notices.push({ to: before.ownerUserId, why: 'changed_your_client' });
  }
  return notices;
}

/** Applies a change the actor may make (checked by the caller). */
export async function changeClientFate(db: Database, act: Act, clientId: string, change: ProposedChange): Promise<FateOutcome> {
  return db.transaction((tx) => applyChange(tx, act, clientId, change));
}

async function applyChange(db: Database, act: Act, clientId: string, change: ProposedChange): Promise<FateOutcome> {
  const { teamId, actor } = act;
  const before = await requireClient(db, { teamId, clientId });
  let decision: Decision | undefined;
  switch (change.kind) {
    case 'owner':
      await updateClient(db, { teamId, by: authorOf(act), clientId, patch: { ownerUserId: change.ownerUserId } });
      break;
    case 'status':
      await updateClient(db, { teamId, by: authorOf(act), clientId, patch: { status: change.status } });
      break;
    case 'category':
      await updateClient(db, { teamId, by: authorOf(act), clientId, patch: { category: change.category }, categoryReason: change.reason ?? null });
      break;
    case 'terms':
      if (change.from && effectiveTerms(before) !== change.from) {
        throw new RapportError('conflict', said('payments.proposal.stale', { name: before.name, now: said(`payments.terms.${effectiveTerms(before)}`) }));
      }
      await updateClient(db, { teamId, by: authorOf(act), clientId, patch: termsChangeFor(before, change.terms) });
      break;
    case 'decision':
      decision = await recordDecision(db, {
        teamId,
        by: authorOf(act),
        input: { clientId, kind: change.decision, reason: change.reason, digestId: change.digestId },
      });
      // Its reasons, counted, and the day its owner is asked what came of it (issue 30): a month on unless picked.
      if (isReviewed(change.decision)) {
        const reviewOn = change.reviewOn ?? defaultReviewOn(localDate(act.at, 'UTC'));
        await setDecisionReview(db, { teamId, decisionId: decision.id, review: { reasons: change.reasons ?? [], reviewOn } });
      }
      break;
  }
  const after = await requireClient(db, { teamId, clientId });
  return { before, after, change, ...(decision ? { decision } : {}), notices: noticesFor(actor, before, after) };
}

/** A change asked for by someone who may not make it: stored, for the owner (or an admin) to answer. */
export async function proposeClientChange(db: Database, act: Act, client: ClientProfile, change: ProposedChange): Promise<Proposal & { duplicate: boolean }> {
  return createProposal(db, { teamId: act.teamId, by: authorOf(act), input: { clientId: client.id, change, askedUserId: client.ownerUserId } });
}

export type ProposalAnswer = { proposal: Proposal; outcome?: FateOutcome };

/** The owner's or an admin's answer (checked by the caller): approving applies the change as theirs, in one transaction. */
export async function answerClientProposal(db: Database, act: Act, proposalId: string, approve: boolean): Promise<ProposalAnswer> {
  return db.transaction(async (tx) => {
    const proposal = await answerProposal(tx, { teamId: act.teamId, by: authorOf(act), proposalId, approve });
    if (!approve) return { proposal };
    return { proposal, outcome: await applyChange(tx, act, proposal.clientId, proposal.change) };
  });
}

/** An open proposal, or why it cannot be answered (gone, or answered already: by whom). */
export async function openProposal(db: Database, act: Pick<Act, 'teamId'>, proposalId: string): Promise<Proposal> {
  const proposal = await getProposal(db, { teamId: act.teamId, proposalId });
  if (!proposal) throw new RapportError('not_found', said('notify.proposal.gone'));
  if (proposal.status !== 'open') {
    const who = md(`<@${proposal.answeredBy}>`);
    throw new RapportError('conflict', said(proposal.status === 'approved' ? 'notify.proposal.alreadyApproved' : 'notify.proposal.alreadyDeclined', { who }));
  }
  return proposal;
}

/** Snoozes the client out of the digest (`snoozeDays`, new evidence lifts it); one snooze at a time. */
export async function snooze(
  db: Database,
  act: Act,
  input: { clientId: string; days: number; digestId: string | null },
): Promise<{ snooze: Snooze; created: boolean }> {
  return snoozeClient(db, { teamId: act.teamId, by: authorOf(act), input });
}

export type { Proposal };
