/**
 * Which clients a week's digest names, in which section, in what order, and why (domain.md §5). Pure: the
 * repository gathers one `ClientWeek` per client (clientWeek.ts), this decides; the evidence of the clients it
 * names is read afterwards, for them alone.
 */
import { CATEGORIES, type Catalogue, type Category } from './catalogue.js';
import type { ClientWeek } from './clientWeek.js';
import { criteriaJudged, type CriterionJudged } from './firingCriteria.js';
import { healthOfTotals, type Band, type Health } from './health.js';
import { overdueForContact, type OverdueForContact } from './cadence.js';
import { isDrifting } from './signals.js';
import { turnedBadBetween, type TurnedBadReason } from './turnedBad.js';
import { localDate } from './calendar.js';
import { DAY_MS, daysBefore, type ClientProfile, type Decision, type Tally } from './types.js';

export const DIGEST_SECTIONS = ['firing', 'turned_bad', 'gone_quiet'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

export interface DigestEntry {
  client: ClientProfile;
  section: DigestSection;
  healthBefore: Health;
  healthNow: Health;
  criteria: CriterionJudged[];
  turnedBad: TurnedBadReason[];
  /** Bad observations made this week. */
  weekBad: Tally;
  /** Set when the long-term client pays like a stepping-stone client; `isNew` when it started this week. */
  drift?: { latePayments: Tally; windowDays: number; isNew: boolean };
  /** Overdue for contact (cadence.ts): the section still called gone_quiet. */
  quiet?: OverdueForContact;
  /** The latest decision on the client, so the digest can show it. */
  lastDecision?: Decision;
  /**
   * The keep or prepayment decision that answers the client for now (`decisionInForce`): the digest shows it
   * beside the client and does not count the client among those needing a decision, nor its value as at risk.
   */
  decidedBy?: Decision;
}

export interface SuppressedClient {
  client: ClientProfile;
  section: DigestSection;
  why: 'snoozed' | 'decided';
  /** The snooze or decision that holds it back. */
  since: Date;
}

export interface PortfolioSummary {
  callsLogged: number;
  incidentsLogged: number;
  /** Clients not exited, per band; `unknown` when nothing was ever observed. */
  bands: Record<Band | 'unknown', number>;
  /** Monthly value of clients at risk or meeting a firing criterion. */
  revenueAtRisk: number;
  /** The part of `revenueAtRisk` of clients a decision in force keeps (on prepayment or not): at risk, but decided. */
  revenueKept: number;
  /** Share of the clients on the books `retentionDays` ago that are still not exited; null with none. */
  retention: { days: number; kept: number; of: number; rate: number | null };
  /** Category earning the most monthly value among clients not exited; null when no values are known. */
  mostProfitableCategory: { category: Category; monthlyValue: number } | null;
}

/** A client in trouble whose contract renews soon: the one to call today. */
export interface RenewalEntry {
  client: ClientProfile;
  /** YYYY-MM-DD. */
  renewsOn: string;
  healthNow: Health;
  criteria: number;
}

/** How far ahead the digest looks for renewals. */
export const RENEWAL_WINDOW_DAYS = 60;

export interface DigestSelection {
  weekStart: Date;
  weekEnd: Date;
  sections: Record<DigestSection, DigestEntry[]>;
  /** Clients in the watch or at-risk band or meeting criteria that renew within RENEWAL_WINDOW_DAYS, soonest first. */
  renewals: RenewalEntry[];
  suppressed: SuppressedClient[];
  summary: PortfolioSummary;
}

/** Decisions that settle a client's firing criteria until new evidence arrives (acknowledging does not). */
const SETTLING_DECISIONS = new Set<Decision['kind']>(['keep', 'require_prepayment']);

/** The latest of these instants. */
function latest(dates: readonly (Date | null | undefined)[]): Date | undefined {
  let out: Date | undefined;
  for (const d of dates) if (d && (!out || d.getTime() > out.getTime())) out = d;
  return out;
}

/** The latest decision taken by `at` (the first of those taken at the same instant). */
function latestDecision(decisions: readonly Decision[], at: Date): Decision | undefined {
  let out: Decision | undefined;
  for (const d of decisions) if (d.decidedAt <= at && (!out || d.decidedAt.getTime() > out.decidedAt.getTime())) out = d;
  return out;
}

/**
 * The keep or prepayment decision that answers a client for now: its latest such decision, taken after its newest
 * evidence (`newest`), while the decision's review has not come due (`reviewDue`). New evidence or a due review
 * asks for a decision again.
 */
export function decisionInForce(decisions: readonly Decision[], weekEnd: Date, newest: Date | undefined, reviewDue: boolean): Decision | undefined {
  if (reviewDue) return undefined;
  const settling = latestDecision(
    decisions.filter((d) => SETTLING_DECISIONS.has(d.kind)),
    weekEnd,
  );
  return settling && (!newest || newest <= settling.decidedAt) ? settling : undefined;
}

/** True when the digest asks for a decision on the entry (its opening counts these): in trouble, and not answered by a decision in force. */
export const needsDecision = (e: DigestEntry) => (e.section === 'firing' || e.section === 'turned_bad') && !e.decidedBy;

/** True when the entry's value is in the digest's revenue at risk that needs action (at risk or meeting criteria, not decided). */
export const valueAtRisk = (e: Pick<DigestEntry, 'criteria' | 'healthNow' | 'decidedBy'>) =>
  !e.decidedBy && (e.criteria.length > 0 || e.healthNow.band === 'at_risk');

function evidenceFor(section: DigestSection, e: Omit<DigestEntry, 'section'>): Date | undefined {
  if (section === 'firing') return latest(e.criteria.map((c) => c.newestLoggedAt));
  if (section === 'turned_bad') return latest([e.weekBad.newestLoggedAt, e.drift?.isNew ? e.drift.latePayments.newestLoggedAt : null]);
  return undefined; // silence has no evidence to be new
}

/**
 * Why the client is held back from `section` this week, if it is (snoozes end early on new evidence). A
 * decision settles pattern criteria, never a red flag: a client meeting one stays first, its decision beside it.
 * Nor does a decision whose review has come due: it is asked for again.
 */
function holdBack(
  week: ClientWeek,
  section: DigestSection,
  newest: Date | undefined,
  weekEnd: Date,
  asked: { hasRedFlag: boolean; reviewDue: boolean },
): Omit<SuppressedClient, 'client' | 'section'> | undefined {
  const snooze = week.snoozes.find((s) => s.snoozedAt <= weekEnd && weekEnd < s.until && !(newest && newest > s.snoozedAt));
  if (snooze) return { why: 'snoozed', since: snooze.snoozedAt };
  if (section !== 'firing' || asked.hasRedFlag || asked.reviewDue) return undefined;
  const settled = week.decisions.filter((d) => SETTLING_DECISIONS.has(d.kind) && d.decidedAt <= weekEnd).find((d) => !newest || newest <= d.decidedAt);
  return settled ? { why: 'decided', since: settled.decidedAt } : undefined;
}

function sectionsFor(e: Omit<DigestEntry, 'section'>): DigestSection[] {
  const out: DigestSection[] = [];
  if (e.criteria.length > 0) out.push('firing');
  if (e.turnedBad.length > 0 || e.drift?.isNew) out.push('turned_bad');
  if (e.quiet) out.push('gone_quiet');
  return out;
}

function redFlags(e: DigestEntry): number {
  let n = 0;
  for (const c of e.criteria) if (c.criterion.class === 'red_flag') n++;
  return n;
}
const vipFirst = (e: DigestEntry) => (e.client.category === 'vip' ? 0 : 1);

/** Each section's order: numbers to sort by, ascending, then the name. */
const ORDER: Record<DigestSection, (e: DigestEntry) => number[]> = {
  // Red flags first, then VIPs, then the most criteria, then the worst health; overdue: VIPs, then the longest overdue.
  firing: (e) => [-redFlags(e), vipFirst(e), -e.criteria.length, e.healthNow.score],
  turned_bad: (e) => [vipFirst(e), e.healthNow.score],
  gone_quiet: (e) => [vipFirst(e), -(e.quiet?.daysOverdue ?? 0)],
};

/** `localeCompare`'s own order (the same default locale), built once: a digest sorts thousands of names. */
const names = new Intl.Collator();

/**
 * Sorted by `keyOf`, then by name: each entry's keys computed once, and names compared only within a run of
 * equal keys (a large portfolio's digest sorts thousands, and comparing two names is the slow part).
 */
function ordered(entries: readonly DigestEntry[], keyOf: (e: DigestEntry) => number[]): DigestEntry[] {
  const byKey = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  const keyed = entries.map((entry) => ({ entry, key: keyOf(entry) })).sort((a, b) => byKey(a.key, b.key));
  const out: DigestEntry[] = [];
  for (let start = 0; start < keyed.length;) {
    let end = start + 1;
    while (end < keyed.length && byKey(keyed[start]!.key, keyed[end]!.key) === 0) end++;
    const run = keyed.slice(start, end).map((k) => k.entry);
    if (run.length > 1) run.sort((a, b) => names.compare(a.client.name, b.client.name));
    for (const entry of run) out.push(entry);
    start = end;
  }
  return out;
}

/**
 * `timeZone`: the workspace's, in which days of silence are counted. `reviewsDue`: the clients whose decision's
 * review has come due (its next step is overdue).
 */
export function selectDigest(
  catalogue: Catalogue,
  weeks: readonly ClientWeek[],
  weekEnd: Date,
  timeZone = 'UTC',
  reviewsDue: ReadonlySet<string> = new Set(),
): DigestSelection {
  const weekStart = daysBefore(weekEnd, 7);
  const retentionDays = catalogue.thresholds.retentionDays;
  const retentionFrom = daysBefore(weekEnd, retentionDays);
  const sections: Record<DigestSection, DigestEntry[]> = { firing: [], turned_bad: [], gone_quiet: [] };
  const suppressed: SuppressedClient[] = [];
  const summary: PortfolioSummary = {
    callsLogged: 0,
    incidentsLogged: 0,
    bands: { healthy: 0, watch: 0, at_risk: 0, unknown: 0 },
    revenueAtRisk: 0,
    revenueKept: 0,
    retention: { days: retentionDays, kept: 0, of: 0, rate: null },
    mostProfitableCategory: null,
  };
  const valueByCategory = new Map<Category, number>();
  const renewals: RenewalEntry[] = [];
  const today = localDate(weekEnd, timeZone);
  const renewalHorizon = localDate(new Date(weekEnd.getTime() + RENEWAL_WINDOW_DAYS * DAY_MS), timeZone);

  for (const week of weeks) {
    const { client } = week;
    summary.callsLogged += week.loggedThisWeek.calls;
    summary.incidentsLogged += week.loggedThisWeek.incidents;
    const exitedBy = (at: Date) => client.exitedAt !== null && client.exitedAt <= at;
    if (client.createdAt <= retentionFrom && !exitedBy(retentionFrom)) {
      summary.retention.of++;
      if (!exitedBy(weekEnd)) summary.retention.kept++;
    }
    if (client.status === 'exited') continue;

    const before = healthOfTotals(catalogue, week.weighted.atStart);
    const now = healthOfTotals(catalogue, week.weighted.atEnd);
    const verdict = { before, now, reasons: turnedBadBetween(catalogue, client, before, now, week.flips) };
    const criteria = criteriaJudged(catalogue, week.criteria);
    const entry: Omit<DigestEntry, 'section'> = {
      client,
      healthBefore: verdict.before,
      healthNow: verdict.now,
      criteria,
      turnedBad: verdict.reasons,
      weekBad: week.weekBad,
      drift: isDrifting(catalogue, client, week.latePayments.atEnd.count)
        ? {
            latePayments: week.latePayments.atEnd,
            windowDays: catalogue.thresholds.steppingStoneDrift.windowDays,
            isNew: !isDrifting(catalogue, client, week.latePayments.atStart),
          }
        : undefined,
      quiet: overdueForContact(catalogue, client, week.lastCallAt, weekEnd, timeZone, week.lastContact),
      lastDecision: latestDecision(week.decisions, weekEnd),
    };
    const newest = latest([evidenceFor('firing', entry), evidenceFor('turned_bad', entry)]);
    const decidedBy = decisionInForce(week.decisions, weekEnd, newest, reviewsDue.has(client.id));
    if (decidedBy) entry.decidedBy = decidedBy;

    summary.bands[verdict.now.known ? verdict.now.band : 'unknown']++;
    const inTrouble = criteria.length > 0 || (verdict.now.known && verdict.now.band !== 'healthy');
    if (inTrouble && client.renewsOn && client.renewsOn >= today && client.renewsOn <= renewalHorizon) {
      renewals.push({ client, renewsOn: client.renewsOn, healthNow: verdict.now, criteria: criteria.length });
    }
    if (client.monthlyValue !== null) {
      if (verdict.now.band === 'at_risk' || criteria.length > 0) {
        summary.revenueAtRisk += client.monthlyValue;
        if (decidedBy) summary.revenueKept += client.monthlyValue;
      }
      valueByCategory.set(client.category, (valueByCategory.get(client.category) ?? 0) + client.monthlyValue);
    }

    // A client appears once, in the first section that applies and is not held back.
    let firstHeld: SuppressedClient | undefined;
    let placed = false;
    for (const section of sectionsFor(entry)) {
      const held = holdBack(week, section, evidenceFor(section, entry), weekEnd, {
        hasRedFlag: criteria.some((c) => c.criterion.class === 'red_flag'),
        reviewDue: reviewsDue.has(client.id),
      });
      if (!held) {
        sections[section].push(Object.assign(entry, { section }));
        placed = true;
        break;
      }
      firstHeld ??= { client, section, ...held };
    }
    if (!placed && firstHeld) suppressed.push(firstHeld);
  }

  for (const section of DIGEST_SECTIONS) sections[section] = ordered(sections[section], ORDER[section]);
  const r = summary.retention;
  r.rate = r.of > 0 ? r.kept / r.of : null;
  for (const category of CATEGORIES) {
    const monthlyValue = valueByCategory.get(category);
    if (monthlyValue !== undefined && monthlyValue > (summary.mostProfitableCategory?.monthlyValue ?? 0)) {
      summary.mostProfitableCategory = { category, monthlyValue };
    }
  }
  renewals.sort(
    (a, b) => a.renewsOn.localeCompare(b.renewsOn) || (b.client.monthlyValue ?? 0) - (a.client.monthlyValue ?? 0) || a.client.name.localeCompare(b.client.name),
  );
  return { weekStart, weekEnd, sections, renewals, suppressed, summary };
}

/**
 * The part of a selection about some clients (an owner's personal digest, the entries escalated to admins);
 * the portfolio summary stays whole.
 */
export function selectionFor(selection: DigestSelection, keep: (client: ClientProfile) => boolean): DigestSelection {
  const kept = <E extends { client: ClientProfile }>(list: readonly E[]) => list.filter((e) => keep(e.client));
  return {
    ...selection,
    sections: { firing: kept(selection.sections.firing), turned_bad: kept(selection.sections.turned_bad), gone_quiet: kept(selection.sections.gone_quiet) },
    renewals: kept(selection.renewals),
    suppressed: kept(selection.suppressed),
  };
}

/**
 * The entries to escalate to admins (issue 14): meeting firing criteria or at risk, named by the digest before
 * this one too (`namedBefore`), and nobody acknowledged, snoozed or decided about them since (`answeredSince`).
 */
export function unansweredTwice(selection: DigestSelection, namedBefore: ReadonlySet<string>, answeredSince: ReadonlySet<string>): DigestEntry[] {
  const needsDecision = [...selection.sections.firing, ...selection.sections.turned_bad.filter((e) => e.healthNow.known && e.healthNow.band === 'at_risk')];
  return needsDecision.filter((e) => namedBefore.has(e.client.id) && !answeredSince.has(e.client.id));
}

/** True when the week has nothing to act on: the digest says so in one line instead of posting noise. */
export function isQuietWeek(selection: DigestSelection): boolean {
  return DIGEST_SECTIONS.every((s) => selection.sections[s].length === 0) && selection.renewals.length === 0;
}
