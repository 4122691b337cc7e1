/**
 * A lead's Monday (issue 28): what needs them across the team, as an admin's App Home shows it. Clients meeting a
 * firing criterion nobody decided about since, keep decisions due for review, overdue next steps by person,
 * renewals coming up with what each is worth, and the owners who have logged nothing lately.
 */
import { localDate } from '../domain/calendar.js';
import { RENEWAL_WINDOW_DAYS } from '../domain/digestSelection.js';
import { addDays, todoOrder, type NextStep } from '../domain/nextSteps.js';
import { DAY_MS } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { openNextSteps } from '../db/queries/nextSteps.js';
import { lastDecidedAt, lastLoggedAt, snoozedAt } from '../db/queries/team.js';
import type { ActIn } from './act.js';
import { clientStandings, type JudgedStanding } from './portfolio.js';

/** An owner who logged no call and no incident for this many days is named. */
export const QUIET_OWNER_DAYS = 14;
/** How far ahead renewals are listed: as far as the digest looks. */
export const TEAM_RENEWAL_DAYS = RENEWAL_WINDOW_DAYS;

export interface OverdueOf {
  assigneeUserId: string;
  /** Oldest first. */
  steps: NextStep[];
}

export interface QuietOwner {
  userId: string;
  /** Clients on the books they own. */
  clients: number;
  /** Their last call or incident logged, if they ever logged one. */
  lastLoggedAt: Date | null;
}

export interface TeamView {
  /** Every client on the books: the lead's own are shown from these too. */
  standings: JudgedStanding[];
  /** Meeting a firing criterion with no decision since its newest evidence: red flags first, then the most criteria. */
  undecided: JudgedStanding[];
  /** Keep decisions whose review day has come (their next step, set with the decision, is due). */
  reviews: NextStep[];
  /** Overdue next steps (reviews aside), by assignee: whoever has the most first. */
  overdue: OverdueOf[];
  /** Clients renewing within TEAM_RENEWAL_DAYS, soonest first. */
  renewals: JudgedStanding[];
  /** Owners of clients who logged nothing in QUIET_OWNER_DAYS, the longest silent first. */
  quiet: QuietOwner[];
}

const newestEvidence = (s: JudgedStanding) => Math.max(...s.met.map((m) => m.newestLoggedAt.getTime()));

export async function teamView(db: Database, act: Pick<ActIn, 'teamId' | 'catalogue' | 'at' | 'timeZone'>): Promise<TeamView> {
  const today = localDate(act.at, act.timeZone);
  const [standings, decided, snoozed, due] = await Promise.all([
    clientStandings(db, act),
    lastDecidedAt(db, act.teamId),
    snoozedAt(db, { teamId: act.teamId, at: act.at }),
    openNextSteps(db, { teamId: act.teamId, of: { dueBy: today } }),
  ]);

  // Answered since its newest evidence: decided about, or snoozed (until new evidence, as the digest treats it).
  const answered = (s: JudgedStanding) =>
    Math.max(decided.get(s.client.id)?.getTime() ?? -Infinity, snoozed.get(s.client.id)?.getTime() ?? -Infinity) >= newestEvidence(s);
  const undecided = standings
    .filter((s) => s.met.length > 0 && !answered(s))
    .sort((a, b) => b.redFlags - a.redFlags || b.criteriaMet - a.criteriaMet || a.client.name.localeCompare(b.client.name));

  const reviews = todoOrder(due.filter((s) => s.source === 'decision'));
  const byAssignee = new Map<string, NextStep[]>();
  for (const step of todoOrder(due.filter((s) => s.source !== 'decision' && s.dueOn < today))) {
    byAssignee.set(step.assigneeUserId, [...(byAssignee.get(step.assigneeUserId) ?? []), step]);
  }
  const overdue = [...byAssignee].map(([assigneeUserId, steps]) => ({ assigneeUserId, steps })).sort((a, b) => b.steps.length - a.steps.length);

  const until = addDays(today, TEAM_RENEWAL_DAYS);
  const renewals = standings
    .filter((s) => s.client.renewsOn && s.client.renewsOn >= today && s.client.renewsOn <= until)
    .sort((a, b) => a.client.renewsOn!.localeCompare(b.client.renewsOn!) || a.client.name.localeCompare(b.client.name));

  const owned = new Map<string, number>();
  for (const s of standings) if (s.client.ownerUserId) owned.set(s.client.ownerUserId, (owned.get(s.client.ownerUserId) ?? 0) + 1);
  const logged = await lastLoggedAt(db, { teamId: act.teamId, userIds: [...owned.keys()] });
  const since = act.at.getTime() - QUIET_OWNER_DAYS * DAY_MS;
  const quiet = [...owned]
    .map(([userId, clients]) => ({ userId, clients, lastLoggedAt: logged.get(userId) ?? null }))
    .filter((o) => (o.lastLoggedAt?.getTime() ?? -Infinity) < since)
    .sort((a, b) => (a.lastLoggedAt?.getTime() ?? -Infinity) - (b.lastLoggedAt?.getTime() ?? -Infinity) || b.clients - a.clients);

  return { standings, undecided, reviews, overdue, renewals, quiet };
}
