/**
 * The review of a decision (issue 30): on its review day, from the morning in its recipient's own time zone, the
 * client's owner (or whoever decided, when it has none) is asked in one DM what came of it, with the client's
 * health then and now and the incidents since. Each review is claimed on its decision's row, so one instance asks,
 * once; an instance that dies between claiming and asking is replaced after a lease, as with reminders.
 * Someone who is not a member here (a guest, someone who left) is never asked: the next one is, or nobody.
 */
import type { WebClient } from '@slack/web-api';
import { localDate } from '../domain/calendar.js';
import { addDays } from '../domain/nextSteps.js';
import { reviewDueNow, sinceDecision } from '../domain/outcomes.js';
import { loadClientRecord } from '../db/queries/activity.js';
import { getClient } from '../db/queries/clients.js';
import { claimReview, markReviewSent, reviewsDue, type ReviewedDecisionRow } from '../db/queries/outcomes.js';
import { catalogueOf, type Workspace } from '../db/queries/workspaces.js';
import { outcomeReviewMessage } from '../slack/blocks/outcomes.js';
import { dmMember, isMemberHere } from '../slack/recipients.js';
import { instanceName, sweepPeople, sweepWorkspaces, type ScheduledDmDeps } from './sweep.js';

export interface OutcomeReviewSent {
  teamId: string;
  decisionId: string;
  userId: string;
}

export class OutcomeReviews {
  private readonly instance: string;

  constructor(private readonly deps: ScheduledDmDeps) {
    this.instance = deps.instance ?? instanceName();
  }

  /** One scheduler tick: every review due now that no instance has asked. */
  tick(): Promise<OutcomeReviewSent[]> {
    return sweepWorkspaces(this.deps.owner, this.deps.logger, 'decision outcome reviews', (workspace) =>
      this.review(workspace, this.deps.now(workspace.teamId)),
    );
  }

  private async review(workspace: Workspace, now: Date): Promise<OutcomeReviewSent[]> {
    const { teamId } = workspace;
    // Nobody's today is later than UTC's tomorrow (UTC+14 at most).
    const due = await reviewsDue(this.deps.db, { teamId, untilDay: addDays(localDate(now, 'UTC'), 1) });
    if (due.length === 0) return [];
    const web = await this.deps.webFor(teamId);
    return sweepPeople(
      teamId,
      due.map((d) => d.id),
      this.deps.logger,
      'ask what came of a decision',
      (decisionId) =>
        this.ask(
          web,
          workspace,
          due.find((d) => d.id === decisionId)!,
          now,
        ),
    );
  }

  private async ask(web: WebClient, workspace: Workspace, decision: ReviewedDecisionRow, now: Date): Promise<OutcomeReviewSent | undefined> {
    const { db } = this.deps;
    const { teamId } = workspace;
    const to = await this.recipientOf(web, teamId, decision);
    // Its morning is the recipient's; nobody to ask, the workspace's (then it is marked, so never tried again).
    const timeZone = to ? (await this.deps.people.person(web, teamId, to)).timeZone : workspace.timeZone;
    if (!decision.reviewOn || !reviewDueNow(decision.reviewOn, now, timeZone)) return undefined;
    if (!(await claimReview(db, { teamId, decisionId: decision.id, instance: this.instance, leaseSeconds: this.deps.leaseSeconds ?? 120 }))) return undefined;
    if (!to) {
      this.deps.logger.info('nobody here to ask what came of a decision', { team: teamId, decision: decision.id });
      await markReviewSent(db, { teamId, decisionId: decision.id, to: null });
      return undefined;
    }
    const [client, record] = await Promise.all([
      getClient(db, { teamId, clientId: decision.clientId }),
      loadClientRecord(db, { teamId, clientId: decision.clientId }),
    ]);
    if (!client) return undefined;
    const facts = sinceDecision(catalogueOf(workspace), client, record, decision.decidedAt, now);
    // The gate is asked again as the DM goes (recipients.ts): someone who stopped being a member just now is not told.
    const sent = await dmMember(this.deps, web, teamId, to, (reader) => outcomeReviewMessage({ decision, ...facts }, reader));
    await markReviewSent(db, { teamId, decisionId: decision.id, to: sent ? to : null });
    return sent ? { teamId, decisionId: decision.id, userId: to } : undefined;
  }

  /** The client's owner, else whoever decided: the first of them who is a member here now (never a guest or an outsider). */
  private async recipientOf(web: WebClient, teamId: string, decision: ReviewedDecisionRow): Promise<string | undefined> {
    for (const userId of new Set([decision.clientOwner, decision.decidedBy])) {
      if (userId && (await isMemberHere(this.deps, web, teamId, userId))) return userId;
    }
    return undefined;
  }
}
