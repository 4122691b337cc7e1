/**
 * Decisions that learn from their outcomes (issue 30): the reasons a decision is taken for, counted; the day its
 * owner is asked what came of it; and how often each kind of decision worked, per kind and per client category,
 * with the clients that left while their health was green (the signal to revisit the weights, domain.md §3).
 */
import { z } from 'zod';
import { CATEGORIES, INCIDENT_KINDS, type Category, type IncidentKind } from './catalogue.js';
import { localDate } from './calendar.js';
import { health, type Health } from './health.js';
import { addDays, localHour, REMINDER_HOUR } from './nextSteps.js';
import type { Catalogue } from './catalogue.js';
import type { ClientProfile, DecisionKind, Incident, Observation } from './types.js';

/** The decisions whose outcome is asked for (an acknowledgement decides nothing). */
export const REVIEWED_DECISIONS = ['keep', 'require_prepayment', 'start_exit'] as const;
export type ReviewedDecision = (typeof REVIEWED_DECISIONS)[number];
export const isReviewed = (kind: DecisionKind): kind is ReviewedDecision => (REVIEWED_DECISIONS as readonly string[]).includes(kind);

/** A reason is one of the ten firing criteria (by its incident kind, domain.md §4), or `other` with words. */
export const DECISION_REASONS = [...INCIDENT_KINDS, 'other'] as const;
export type DecisionReason = IncidentKind | 'other';

/** What the owner says came of a decision. */
export const OUTCOMES = ['better', 'same', 'worse', 'left'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const isOutcome = (word: string): word is Outcome => (OUTCOMES as readonly string[]).includes(word);

/** A decision comes back to its owner this many days after it was taken unless another day was picked. */
export const DECISION_REVIEW_DAYS = 30;

/** The reasons as stored: known ones only, each once, in the catalogue's order (criterion 1 first, `other` last). */
export const decisionReasonsSchema = z
  .array(z.enum(DECISION_REASONS))
  .max(DECISION_REASONS.length)
  .transform((picked) => DECISION_REASONS.filter((r) => picked.includes(r)));

export type ReasonsProblem = 'pickOne' | 'otherNeedsWords';

/**
 * Why the reasons of a decision cannot stand, if they cannot. Requiring prepayment and exiting say which criteria
 * (or what else) brought them, so they can be counted; keeping keeps its own rule (its words are required, the
 * criteria it keeps the client despite are optional). `other` means nothing without words. `asked`: the form asked
 * for reasons (one opened before they were asked for has none to give).
 */
export function reasonsProblem(kind: DecisionKind, reasons: readonly DecisionReason[], words: string, asked = true): ReasonsProblem | undefined {
  if (reasons.includes('other') && words.trim().length === 0) return 'otherNeedsWords';
  if (asked && (kind === 'require_prepayment' || kind === 'start_exit') && reasons.length === 0) return 'pickOne';
  return undefined;
}

/** The review day of a decision taken `today` (the workspace's date) when none was picked. */
export const defaultReviewOn = (today: string): string => addDays(today, DECISION_REVIEW_DAYS);

/**
 * Whether a decision reviewed on `reviewOn` is to be asked about now: from the morning (REMINDER_HOUR, as next
 * step reminders) of that day in its recipient's own time zone, or any time after it (a day missed while the app
 * was down is asked late rather than never).
 */
export function reviewDueNow(reviewOn: string, now: Date, timeZone: string): boolean {
  const today = localDate(now, timeZone);
  return today > reviewOn || (today === reviewOn && localHour(now, timeZone) >= REMINDER_HOUR);
}

// ---------------------------------------------------------------------------------------------
// The window a report covers

/** Calendar days, both ends included (YYYY-MM-DD). */
export interface OutcomeWindow {
  from: string;
  to: string;
}

/** Months back from `day` on the calendar (the 31st falls back to the month's last day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** The default window: the last quarter, the three months up to and including today. */
export const lastQuarter = (today: string): OutcomeWindow => ({ from: addDays(addMonths(today, -3), 1), to: today });

/** The calendar month before `today`'s: what the monthly digest section looks back on. */
export function previousMonth(today: string): OutcomeWindow {
  const firstOfThis = `${today.slice(0, 8)}01`;
  return { from: addMonths(firstOfThis, -1), to: addDays(firstOfThis, -1) };
}

/** Whether the weekly digest of `digestDay` (its slot's local date) carries the monthly section: the month's first digest does. */
export const carriesMonthlyOutcomes = (digestDay: string): boolean => Number(digestDay.slice(8, 10)) <= 7;

/**
 * The window `/rapport outcomes` was asked for: nothing for the last quarter; `30d`, `12w`, `6m`, `1y` back from
 * today; a calendar quarter (`2026-q3`, or `q3` for this year's). Undefined when the words say none of these.
 */
export function outcomeWindowOf(words: string, today: string): OutcomeWindow | undefined {
  const text = words.trim().toLowerCase();
  if (text === '') return lastQuarter(today);
  const back = /^(\d{1,3})\s*([dwmy])$/.exec(text);
  if (back) {
    const n = Number(back[1]);
    if (n < 1) return undefined;
    const unit = back[2]!;
    const from = unit === 'd' ? addDays(today, -n) : unit === 'w' ? addDays(today, -7 * n) : addMonths(today, unit === 'm' ? -n : -12 * n);
    return { from: addDays(from, 1), to: today };
  }
  const quarter = /^(?:(\d{4})\s*-?\s*)?q([1-4])$/.exec(text);
  if (quarter) {
    const year = quarter[1] ?? today.slice(0, 4);
    const first = `${year}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return { from: first, to: addDays(addMonths(first, 3), -1) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** One decision as the report counts it. */
export interface DecisionOutcomeEntry {
  decisionId: string;
  clientId: string;
  clientName: string;
  /** The client's category now. */
  category: Category;
  kind: ReviewedDecision;
  reasons: readonly DecisionReason[];
  decidedAt: Date;
  outcome: Outcome | null;
  outcomeAt: Date | null;
  /** The client's health when it left (see `leftAt`), where it left; undefined otherwise. */
  healthAtLeave?: Pick<Health, 'score' | 'band' | 'known'> | undefined;
}

/** When the client left, if it did: when we decided to exit it, else when its owner answered that it left us. */
export function leftAt(entry: Pick<DecisionOutcomeEntry, 'kind' | 'decidedAt' | 'outcome' | 'outcomeAt'>): Date | undefined {
  if (entry.kind === 'start_exit') return entry.decidedAt;
  if (entry.outcome === 'left') return entry.outcomeAt ?? undefined;
  return undefined;
}

/** Left while green: its health was known and healthy when it left (domain.md §3 bands). */
export function leftWhileGreen(entry: DecisionOutcomeEntry): boolean {
  return leftAt(entry) !== undefined && entry.healthAtLeave?.known === true && entry.healthAtLeave.band === 'healthy';
}

/** How a set of decisions turned out: answered ones by outcome, and those with no answer (yet). */
export interface OutcomeTally {
  decisions: number;
  better: number;
  same: number;
  worse: number;
  left: number;
  unanswered: number;
}

/** An outcome's share of the answered decisions (0–1); 0 when none was answered. */
export function shareOf(tally: OutcomeTally, outcome: Outcome): number {
  const answered = tally.decisions - tally.unanswered;
  return answered === 0 ? 0 : tally[outcome] / answered;
}

export interface ReasonCount {
  reason: DecisionReason;
  total: number;
  byKind: Record<ReviewedDecision, number>;
}

export interface OutcomeStatistics {
  total: OutcomeTally;
  byKind: Record<ReviewedDecision, OutcomeTally>;
  /** Every category, in the catalogue's order (those with no decision count zero). */
  byCategory: Record<Category, OutcomeTally>;
  /** Reasons given, most given first (ties in the catalogue's order); reasons never given are left out. */
  reasons: ReasonCount[];
  /** The decisions whose client left while green, the latest first. */
  leftWhileGreen: DecisionOutcomeEntry[];
}

const emptyTally = (): OutcomeTally => ({ decisions: 0, better: 0, same: 0, worse: 0, left: 0, unanswered: 0 });

function count(tally: OutcomeTally, entry: DecisionOutcomeEntry): void {
  tally.decisions += 1;
  if (entry.outcome) tally[entry.outcome] += 1;
  else tally.unanswered += 1;
}

/** How the decisions of a window turned out, per kind and per category, their reasons counted. */
export function outcomeStatistics(entries: readonly DecisionOutcomeEntry[]): OutcomeStatistics {
  const total = emptyTally();
  const byKind = Object.fromEntries(REVIEWED_DECISIONS.map((k) => [k, emptyTally()])) as Record<ReviewedDecision, OutcomeTally>;
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, emptyTally()])) as Record<Category, OutcomeTally>;
  const reasons = new Map<DecisionReason, ReasonCount>();
  for (const entry of entries) {
    count(total, entry);
    count(byKind[entry.kind], entry);
    count(byCategory[entry.category], entry);
    for (const reason of new Set(entry.reasons)) {
      let counted = reasons.get(reason);
      if (!counted) {
        counted = { reason, total: 0, byKind: { keep: 0, require_prepayment: 0, start_exit: 0 } };
        reasons.set(reason, counted);
      }
      counted.total += 1;
      counted.byKind[entry.kind] += 1;
    }
  }
  const order = (r: DecisionReason) => DECISION_REASONS.indexOf(r);
  return {
    total,
    byKind,
    byCategory,
    reasons: [...reasons.values()].sort((a, b) => b.total - a.total || order(a.reason) - order(b.reason)),
    leftWhileGreen: entries.filter(leftWhileGreen).sort((a, b) => leftAt(b)!.getTime() - leftAt(a)!.getTime()),
  };
}

/** A report over a window: `/rapport outcomes` (decisions taken in it) or the monthly digest section (answered in it). */
export interface OutcomesReport {
  window: OutcomeWindow;
  statistics: OutcomeStatistics;
}

/**
 * What a review shows: the client's health when the decision was taken and now, and the incidents since (that
 * happened since, or were logged since: news to whoever decided), latest first.
 */
export function sinceDecision(
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'traitWeights'>,
  record: { observations: readonly Observation[]; incidents: readonly Incident[] },
  decidedAt: Date,
  now: Date,
): { healthThen: Health; healthNow: Health; incidentsSince: Incident[] } {
  const history = { observations: record.observations };
  return {
    healthThen: health(catalogue, client, history, decidedAt),
    healthNow: health(catalogue, client, history, now),
    incidentsSince: record.incidents
      .filter((i) => (i.occurredAt >= decidedAt || i.loggedAt >= decidedAt) && i.loggedAt <= now)
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()),
  };
}
