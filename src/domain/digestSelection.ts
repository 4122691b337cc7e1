/**
 * Which clients a week's digest names, in which section, in what order, with what evidence (domain.md §5).
 * Pure: the repository gathers one `ClientWeek` per client, this decides.
 */
import { CATEGORIES, type Catalogue, type Category } from './catalogue.js';
import { firingCriteriaMet, type CriterionMet } from './firingCriteria.js';
import type { Band, Health } from './health.js';
import { goneQuiet, steppingStoneDrift, type GoneQuiet, type SteppingStoneDrift } from './signals.js';
import { turnedBad, type TurnedBadReason, type WeekFlips } from './turnedBad.js';
import { localDate } from './calendar.js';
import {
  DAY_MS,
  daysBefore,
  type ClientProfile,
  type Decision,
  type Incident,
  type Observation,
  type ObservationHistory,
  type Snooze,
  type Warning,
} from './types.js';

export interface ClientWeek {
  client: ClientProfile;
  /** Observations up to the week's end; those of the week itself raw (not folded into the baseline). */
  history: ObservationHistory;
  /** Dimension flips at the week's start and end, when judged by the repository from aggregates. */
  flips?: WeekFlips;
  /** Incidents up to the week's end; at least those inside each criterion's window. */
  incidents: readonly Incident[];
  warnings: readonly Warning[];
  snoozes: readonly Snooze[];
  decisions: readonly Decision[];
  lastCallAt: Date | null;
  /** Calls and incidents logged during the week (for the portfolio summary). */
  loggedThisWeek: { calls: number; incidents: number };
}

export const DIGEST_SECTIONS = ['firing', 'turned_bad', 'gone_quiet'] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

export interface DigestEntry {
  client: ClientProfile;
  section: DigestSection;
  healthBefore: Health;
  healthNow: Health;
  criteria: CriterionMet[];
  turnedBad: TurnedBadReason[];
  /** Bad observations made this week. */
  weekBad: Observation[];
  /** Set when the long-term client pays like a stepping-stone client; `isNew` when it started this week. */
  drift?: SteppingStoneDrift & { isNew: boolean };
  quiet?: GoneQuiet;
  /** The latest decision on the client, so the digest can show it. */
  lastDecision?: Decision;
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
  /** Monthly value of this client and every one listed before it (they renew sooner): what is at stake by then. */
  atStakeByThen: number;
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

/** When the newest of these records was logged. */
function latestLoggedAt(groups: readonly (readonly { loggedAt: Date }[])[]): Date | undefined {
  let latest: Date | undefined;
  for (const group of groups) for (const { loggedAt } of group) if (!latest || loggedAt.getTime() > latest.getTime()) latest = loggedAt;
  return latest;
}

function evidenceFor(section: DigestSection, e: Omit<DigestEntry, 'section'>): Date | undefined {
  if (section === 'firing') return latestLoggedAt(e.criteria.map((c) => c.incidents));
  if (section === 'turned_bad') return latestLoggedAt([e.weekBad, e.drift?.isNew ? e.drift.latePayments : []]);
  return undefined; // silence has no evidence to be new
}

/**
 * Why the client is held back from `section` this week, if it is (snoozes end early on new evidence). A
 * decision settles pattern criteria, never a red flag: a client meeting one stays first, its decision beside it.
 */
function holdBack(
  week: ClientWeek,
  section: DigestSection,
  newest: Date | undefined,
  weekEnd: Date,
  hasRedFlag: boolean,
): Omit<SuppressedClient, 'client' | 'section'> | undefined {
  const snooze = week.snoozes.find((s) => s.snoozedAt <= weekEnd && weekEnd < s.until && !(newest && newest > s.snoozedAt));
  if (snooze) return { why: 'snoozed', since: snooze.snoozedAt };
  if (section !== 'firing' || hasRedFlag) return undefined;
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

/** `localeCompare`'s own order (the same default locale), built once: a digest sorts thousands of names. */
const names = new Intl.Collator();
const vipFirst = (a: DigestEntry, b: DigestEntry) => Number(b.client.category === 'vip') - Number(a.client.category === 'vip');
const byName = (a: DigestEntry, b: DigestEntry) => names.compare(a.client.name, b.client.name);
function redFlags(e: DigestEntry): number {
  let n = 0;
  for (const c of e.criteria) if (c.criterion.class === 'red_flag') n++;
  return n;
}

const ORDER: Record<DigestSection, (a: DigestEntry, b: DigestEntry) => number> = {
  // Red flags first, then VIPs, then the most criteria, then the worst health.
  firing: (a, b) =>
    redFlags(b) - redFlags(a) || vipFirst(a, b) || b.criteria.length - a.criteria.length || a.healthNow.score - b.healthNow.score || byName(a, b),
  turned_bad: (a, b) => vipFirst(a, b) || a.healthNow.score - b.healthNow.score || byName(a, b),
  gone_quiet: (a, b) => vipFirst(a, b) || (b.quiet?.daysSilent ?? 0) - (a.quiet?.daysSilent ?? 0) || byName(a, b),
};

/** `timeZone`: the workspace's, in which days of silence are counted. */
export function selectDigest(catalogue: Catalogue, weeks: readonly ClientWeek[], weekEnd: Date, timeZone = 'UTC'): DigestSelection {
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
    retention: { days: retentionDays, kept: 0, of: 0, rate: null },
    mostProfitableCategory: null,
  };
  const valueByCategory = new Map<Category, number>();
  const renewals: Omit<RenewalEntry, 'atStakeByThen'>[] = [];
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

    const verdict = turnedBad(catalogue, client, week.history, weekEnd, week.flips);
    const criteria = firingCriteriaMet(catalogue, week.incidents, week.warnings, weekEnd);
    const drift = steppingStoneDrift(catalogue, client, week.incidents, weekEnd);
    const driftBefore = steppingStoneDrift(catalogue, client, week.incidents, weekStart);
    const entry: Omit<DigestEntry, 'section'> = {
      client,
      healthBefore: verdict.before,
      healthNow: verdict.now,
      criteria,
      turnedBad: verdict.reasons,
      weekBad: verdict.weekBad,
      drift: drift && { ...drift, isNew: !driftBefore },
      quiet: goneQuiet(catalogue, client, week.lastCallAt, weekEnd, timeZone),
      lastDecision: [...week.decisions].filter((d) => d.decidedAt <= weekEnd).sort((a, b) => b.decidedAt.getTime() - a.decidedAt.getTime())[0],
    };

    summary.bands[verdict.now.known ? verdict.now.band : 'unknown']++;
    const inTrouble = criteria.length > 0 || (verdict.now.known && verdict.now.band !== 'healthy');
    if (inTrouble && client.renewsOn && client.renewsOn >= today && client.renewsOn <= renewalHorizon) {
      renewals.push({ client, renewsOn: client.renewsOn, healthNow: verdict.now, criteria: criteria.length });
    }
    if (client.monthlyValue !== null) {
      if (verdict.now.band === 'at_risk' || criteria.length > 0) summary.revenueAtRisk += client.monthlyValue;
      valueByCategory.set(client.category, (valueByCategory.get(client.category) ?? 0) + client.monthlyValue);
    }

    // A client appears once, in the first section that applies and is not held back.
    let firstHeld: SuppressedClient | undefined;
    let placed = false;
    for (const section of sectionsFor(entry)) {
      const held = holdBack(
        week,
        section,
        evidenceFor(section, entry),
        weekEnd,
        criteria.some((c) => c.criterion.class === 'red_flag'),
      );
      if (!held) {
        sections[section].push({ ...entry, section });
        placed = true;
        break;
      }
      firstHeld ??= { client, section, ...held };
    }
    if (!placed && firstHeld) suppressed.push(firstHeld);
  }

  for (const section of Object.keys(sections) as DigestSection[]) sections[section].sort(ORDER[section]);
  const r = summary.retention;
  r.rate = r.of > 0 ? r.kept / r.of : null;
  for (const category of CATEGORIES) {
    const monthlyValue = valueByCategory.get(category);
    if (monthlyValue !== undefined && monthlyValue > (summary.mostProfitableCategory?.monthlyValue ?? 0)) {
      summary.mostProfitableCategory = { category, monthlyValue };
    }
  }
  let atStake = 0;
  const renewing = renewals
    .sort(
      (a, b) =>
        a.renewsOn.localeCompare(b.renewsOn) || (b.client.monthlyValue ?? 0) - (a.client.monthlyValue ?? 0) || a.client.name.localeCompare(b.client.name),
    )
    .map((r) => ({ ...r, atStakeByThen: (atStake += r.client.monthlyValue ?? 0) }));
  return { weekStart, weekEnd, sections, renewals: renewing, suppressed, summary };
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
