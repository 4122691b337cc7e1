/**
 * The digest as Slack messages, from a digest selection (domain.md §5). Pure. Pages respect Slack's limits
 * (50 blocks, ~12k characters of text); the first page is posted in the channel, the rest in its thread.
 */
import { overdueLine } from './cadence.js';
import { traitByKey, type Catalogue } from '../../domain/catalogue.js';
import {
  DIGEST_SECTIONS,
  isQuietWeek,
  needsDecision,
  RENEWAL_WINDOW_DAYS,
  valueAtRisk,
  type DigestEntry,
  type DigestSection,
  type DigestSelection,
  type RenewalEntry,
} from '../../domain/digestSelection.js';
import type { ClientEvidence } from '../../domain/clientWeek.js';
import { recentBadAt, type TurnedBadReason } from '../../domain/turnedBad.js';
import type { NextStep } from '../../domain/nextSteps.js';
import { DAY_MS, type ClientProfile, type Decision, type Snooze } from '../../domain/types.js';
import { namesAnyOf, stringsOf, type ErasedClient } from '../../domain/mentions.js';
import type { ImageBlock } from '@slack/types';
import { actions, button, context, divider, header, option, overflow, section, type Block } from './kit.js';
import { criterionLineFor } from './format.js';
import { escapeName, escapeText } from './text.js';
import { DIGEST_ACTIONS } from '../ids.js';
import { exposureText } from '../channels.js';
import { md, t, tPlain, type MessageKey } from '../../i18n/messages.js';
import { MESSAGES } from '../../i18n/messages/index.js';
import { categoryLabel, healthLabel, traitLabel, traitName } from '../../i18n/labels.js';
import type { OutcomesReport } from '../../domain/outcomes.js';
import type { WeekMark } from '../../domain/weekChanges.js';
import { digestDisputeBlocks } from './cadence.js';
import { healthWithCriteria } from './explain.js';
import { outcomesDigestSection } from './outcomes.js';
import { termsInList } from './payments.js';
import { formatDay, formatMoney, formatNumber, formatShortDay } from '../../i18n/format.js';
import { readerIn, type Reader } from '../../i18n/reader.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';

export interface DigestPage {
  text: string;
  blocks: Block[];
  /** Clients named or counted on the page (decisions update the pages naming them); the first page's begin with those its opening counts. */
  clientIds: string[];
}

export interface ComposeOptions {
  timeZone: string;
  /** False for `/rapport digest preview`: no buttons. */
  interactive: boolean;
  /** Who reads it, when it is shown to one person (the preview): their own clients come first in each section. */
  reader?: string;
  /** Open next steps whose day has passed: under their client when it is named, else in a section of their own. */
  overdueSteps?: readonly NextStep[];
  /**
   * The language, calendar and currency it is written in: the workspace's for the channel, the person's for a DM.
   * English in `timeZone` when not given.
   */
  readBy?: Reader;
  /** Pictures uploaded for the digest (the channel's): a page of them opens its thread. */
  pictures?: DigestPictures;
  /** Clients two people see oppositely lately (never assumed away): named after the sections, before the portfolio. */
  disputes?: Parameters<typeof digestDisputeBlocks>[2];
  /** Last month's decisions and what came of them: the month's first digest carries them. */
  outcomes?: OutcomesReport;
  /**
   * The week that changed (the channel's weekly post): each named client's mark beside its name, and the clients
   * last week's digest named that this one does not (still clients: not exited, not erased), listed briefly.
   */
  weekChanges?: DigestWeekChanges;
}

/** What changed since last week's digest, as the digest says it. */
export interface DigestWeekChanges {
  marks: ReadonlyMap<string, WeekMark>;
  recovered: readonly { id: string; name: string }[];
}

/** How many recovered clients the digest names at most; the rest are counted. */
const RECOVERED_NAMED = 5;
/** The recovery line carries the ids of the clients it names: an erasure takes the line out. */
const RECOVERED_ID = 'recovered:';

/** A picture of the digest: its image block (an uploaded file) and the same in words, for the message's text. */
export interface DigestPicture {
  block: ImageBlock;
  line: string;
}

/** The digest's pictures, uploaded: the portfolio's, then the health of clients that fell (the first few of `fell`). */
export interface DigestPictures {
  weeks: number;
  portfolio: DigestPicture[];
  clients: (DigestPicture & { clientId: string })[];
  /** How many clients fell this week, pictured or not. */
  fell: number;
}

/** A reader, or (as callers written before languages pass it) a time zone read in English. */

/** Names in a list, as the reader's language separates them (Persian with its own comma). */
const nameSeparator = (locale: Locale) => (locale === 'fa' ? '، ' : ', ');

/** A mention of a person, or the reader's words for nobody (with no direction mark: it sits inside a line). */
const mentionFor = (r: Reader, userId: string | null | undefined) => (userId ? `<@${userId}>` : tPlain(r, 'digest.noOwner').replace(/\u200F/g, ''));

/** A day the digest covers, compact: "23 Nov" (the year only when it is not the week's). */
const shortDay = (r: Reader, weekEnd: Date) => (d: Date) => formatShortDay(d, r, weekEnd);
/** A calendar day (YYYY-MM-DD), compact, whatever the reader's zone. */
const shortCalendarDay = (r: Reader, weekEnd: Date) => (day: string) => formatShortDay(new Date(`${day}T12:00:00Z`), { ...r, timeZone: 'UTC' }, weekEnd);
const perMonth = (r: Reader, amount: number) => md(formatMoney(amount, r));

/** "*Globex* · renews Tue 12 Jan 2027 · At risk (38) · 2 criteria met · @owner · 5,200/month at stake": its own value, not a running total. */
function renewalBlock(r: Reader, e: RenewalEntry): Block {
  const parts = [
    t(r, 'digest.renewal.head', { name: e.client.name, day: md(formatDay(new Date(`${e.renewsOn}T12:00:00Z`), { ...r, timeZone: 'UTC' })) }),
    healthLabel(r, e.healthNow),
    ...(e.criteria > 0 ? [t(r, 'digest.renewal.criteria', { count: e.criteria })] : []),
    mentionFor(r, e.client.ownerUserId),
    ...(e.client.monthlyValue !== null ? [t(r, 'digest.renewal.value', { amount: perMonth(r, e.client.monthlyValue) })] : []),
  ];
  return section(parts.join(' · '), { block_id: clientBlockId('renewal', e.client.id) });
}
/** Each renewal on its line, then (when any has a value) what they put at stake together, said once. */
function renewalBlocks(r: Reader, renewals: readonly RenewalEntry[]): Block[] {
  const valued = renewals.filter((e) => e.client.monthlyValue !== null);
  const total = valued.reduce((sum, e) => sum + e.client.monthlyValue!, 0);
  return [
    ...renewals.map((e) => renewalBlock(r, e)),
    ...(valued.length > 0 ? [context(t(r, 'digest.renewalsTotal', { days: RENEWAL_WINDOW_DAYS, amount: perMonth(r, total) }))] : []),
  ];
}
const MAX_BLOCKS = 46; // 50, less room for the continuation note and section headers
const MAX_TEXT = 11_000; // Slack rejects around 13k characters of block text in practice

const sectionTitle = (r: Reader, s: DigestSection) => tPlain(r, `digest.section.${s}`);

/** A dimension of traits in the reader's words: the default ones are in the catalogue, a workspace's own as its key. */
function dimensionName(r: Reader, dimension: string): string {
  const key = `digest.dimension.${dimension}`;
  return key in MESSAGES.en ? tPlain(r, key as MessageKey) : dimension;
}

function reasonLine(
  r: Reader,
  catalogue: Catalogue,
  reason: TurnedBadReason,
  day: (d: Date) => string,
  evidence: ClientEvidence | undefined,
  weekEnd: Date,
): string {
  switch (reason.kind) {
    case 'entered_at_risk':
      return t(r, 'digest.reason.entered_at_risk', { from: reason.from, to: reason.to });
    case 'dropped':
      return t(r, 'digest.reason.dropped', { points: reason.points, threshold: reason.threshold });
    case 'dimension_flipped': {
      const recentBad = recentBadAt(catalogue, evidence?.recentBad ?? [], weekEnd, reason.dimension);
      const dates = recentBad.map((o) => `${day(o.observedAt)} <@${o.loggedBy}>`).join(nameSeparator(r.locale));
      const trait = traitByKey(catalogue, recentBad[0]?.trait ?? '');
      const args = {
        dimension: escapeText(dimensionName(r, reason.dimension)),
        trait: trait ? traitName(r, catalogue, trait.key) : tPlain(r, 'digest.reason.badTrait'),
        count: reason.recentBad,
        days: catalogue.thresholds.turnedBad.flipRecentDays,
        good: reason.priorGood,
        bad: reason.priorBad,
      };
      return dates ? t(r, 'digest.reason.flippedDates', { ...args, dates: md(dates) }) : t(r, 'digest.reason.flipped', args);
    }
  }
}

/** A decision as the digest's status line says it: "✅ Kept by @dana on Wed 2 Dec 2026: “…”". */
export function decisionLine(d: Pick<Decision, 'kind' | 'decidedBy' | 'decidedAt' | 'reason'>, reader: Reader): string {
  const args = { who: md(`<@${d.decidedBy}>`), day: md(formatDay(d.decidedAt, reader)) };
  return d.kind === 'keep'
    ? t(reader, 'digest.decision.keep', { ...args, reason: md(escapeText(d.reason ?? '')) })
    : t(reader, `digest.decision.${d.kind}`, args);
}

export function snoozeLine(s: Pick<Snooze, 'snoozedBy' | 'until'>, reader: Reader): string {
  return t(reader, 'digest.snoozed', { who: md(`<@${s.snoozedBy}>`), day: md(formatDay(s.until, reader)) });
}

/**
 * Every block about a client carries its id in its block id, so a decision can find its status line and an
 * erasure every block of it.
 */
const CLIENT_BLOCKS = ['client', 'week', 'status', 'actions', 'renewal', 'overdue', 'chart'] as const;
const clientBlockId = (kind: (typeof CLIENT_BLOCKS)[number], clientId: string) => `${kind}:${clientId}`;
export const statusBlockId = (clientId: string) => clientBlockId('status', clientId);
/** A client's picture carries its id too: an erasure takes it out with the rest. */
export const pictureBlockId = (clientId: string) => clientBlockId('chart', clientId);

/**
 * The page of pictures at the top of the thread: the portfolio's, with what they count, then each pictured
 * client's under its own block id, saying so when only the first few of those that fell are pictured. Its text
 * says every picture in words (notifications, screen readers). Undefined with no picture.
 */
function picturesPage(r: Reader, title: string, p: DigestPictures): DigestPage | undefined {
  if (p.portfolio.length === 0 && p.clients.length === 0) return undefined;
  const blocks: Block[] = [];
  const lines: string[] = [tPlain(r, 'digestCharts.pageText', { title })];
  if (p.portfolio.length > 0) {
    blocks.push(section(t(r, 'digestCharts.heading', { weeks: p.weeks })), ...p.portfolio.map((picture) => picture.block), context(t(r, 'digestCharts.note')));
    lines.push(...p.portfolio.map((picture) => picture.line));
  }
  if (p.clients.length > 0) {
    blocks.push(section(t(r, 'digestCharts.fellHeading')));
    blocks.push(...p.clients.map((picture) => ({ ...picture.block, block_id: pictureBlockId(picture.clientId) })));
    if (p.fell > p.clients.length) blocks.push(context(t(r, 'digestCharts.fellMore', { shown: p.clients.length, count: p.fell })));
    // Not their names: the text stays whole when a client is erased (its picture goes by its block id).
    lines.push(tPlain(r, 'digestCharts.fellText', { count: p.clients.length }));
  }
  return { text: lines.join('\n'), blocks, clientIds: [] };
}

/** A client's mark against last week's digest, after its head line ("· 🆕 new this week"), or nothing. */
function markText(r: Reader, mark: WeekMark | undefined): string {
  if (!mark) return '';
  return ` · ${mark.kind === 'new' ? t(r, 'digest.mark.new') : t(r, 'digest.mark.still', { weeks: mark.weeks })}`;
}

/** "✅ Recovered since last week: Acme, Globex …and 3 more", under a block id carrying the ids of those it names. */
function recoveredBlock(r: Reader, recovered: readonly { id: string; name: string }[]): Block | undefined {
  if (recovered.length === 0) return undefined;
  const named = recovered.slice(0, RECOVERED_NAMED);
  const names = md(named.map((c) => escapeName(c.name)).join(nameSeparator(r.locale)));
  const line =
    recovered.length > named.length ? t(r, 'digest.recoveredMore', { names, count: recovered.length - named.length }) : t(r, 'digest.recovered', { names });
  return { ...context(line), block_id: `${RECOVERED_ID}${named.map((c) => c.id).join(',')}` };
}

function entryBlocks(
  r: Reader,
  catalogue: Catalogue,
  e: DigestEntry,
  evidence: ClientEvidence | undefined,
  weekEnd: Date,
  o: ComposeOptions,
  day: (d: Date) => string,
  stepLines: (clientId: string) => string[],
): Block[] {
  const c = e.client;
  const sep = nameSeparator(r.locale);
  const before = e.healthBefore.known ? formatNumber(e.healthBefore.score, r) : tPlain(r, 'digest.unknownScore');
  const lines: string[] = [];
  // Each criterion with the incidents that meet it, as read for the clients the digest names; one whose incidents
  // were all logged this week is met for the first time.
  const weekStart = weekEnd.getTime() - 7 * DAY_MS;
  lines.push(
    ...e.criteria.map((m) => {
      const met = evidence?.criteria.find((found) => found.criterion.kind === m.criterion.kind);
      const line = criterionLineFor(r, met ?? m, day);
      const firstTime = met !== undefined && met.incidents.length > 0 && met.incidents.every((i) => i.loggedAt.getTime() > weekStart);
      return firstTime ? `${line} · ${t(r, 'digest.criterion.firstTime')}` : line;
    }),
  );
  lines.push(...e.turnedBad.map((reason) => reasonLine(r, catalogue, reason, day, evidence, weekEnd)));
  if (e.drift) {
    const dates = (evidence?.latePayments ?? []).map((i) => day(i.occurredAt)).join(sep);
    const args = { count: e.drift.latePayments.count, days: e.drift.windowDays };
    lines.push(dates ? t(r, 'digest.driftDates', { ...args, dates: md(dates) }) : t(r, 'digest.drift', args));
  }
  if (e.quiet) lines.push(overdueLine(r, e.quiet, day));
  lines.push(...stepLines(c.id));
  const shown = (evidence?.weekBad ?? [])
    .slice(0, 5)
    .map((ob) => t(r, 'digest.weekItem', { trait: traitLabel(r, catalogue, ob.trait), day: md(day(ob.observedAt)), who: md(`<@${ob.loggedBy}>`) }));
  if (shown.length > 0 && e.weekBad.count > shown.length) shown.push(t(r, 'digest.weekMore', { count: e.weekBad.count - shown.length }));

  const head = {
    name: c.name,
    category: categoryLabel(r, c.category),
    owner: md(mentionFor(r, c.ownerUserId)),
  };
  const blocks: Block[] = [
    section(
      [
        (c.monthlyValue !== null ? t(r, 'digest.entry.headValue', { ...head, amount: perMonth(r, c.monthlyValue) }) : t(r, 'digest.entry.head', head)) +
          termsInList(r, c) +
          markText(r, o.weekChanges?.marks.get(c.id)),
        t(r, 'digest.entry.health', { before: md(before), now: md(healthWithCriteria(r, e.healthNow, e.healthNow.band === 'healthy' ? e.criteria : [])) }),
        ...lines,
      ].join('\n'),
      { block_id: clientBlockId('client', c.id) },
    ),
  ];
  if (shown.length > 0) blocks.push({ ...context(t(r, 'digest.week', { items: md(shown.join(' · ')) })), block_id: clientBlockId('week', c.id) });
  blocks.push({ ...context(e.lastDecision ? decisionLine(e.lastDecision, r) : t(r, 'digest.noDecision')), block_id: statusBlockId(c.id) });
  if (o.interactive) {
    const decide = overflow(DIGEST_ACTIONS.decide, [
      option(tPlain(r, 'digest.button.keep'), `keep:${c.id}`),
      option(tPlain(r, 'digest.button.require_prepayment'), `require_prepayment:${c.id}`),
      option(tPlain(r, 'digest.button.start_exit'), `start_exit:${c.id}`),
    ]);
    blocks.push(
      actions(
        [
          button(tPlain(r, 'digest.button.acknowledge'), DIGEST_ACTIONS.acknowledge, c.id),
          button(tPlain(r, 'digest.button.snooze', { days: catalogue.thresholds.snoozeDays }), DIGEST_ACTIONS.snooze, c.id),
          button(tPlain(r, 'digest.button.history'), DIGEST_ACTIONS.history, c.id),
          decide,
        ],
        clientBlockId('actions', c.id),
      ),
    );
  }
  return blocks;
}

function summaryBlocks(r: Reader, s: DigestSelection['summary']): Block[] {
  const bands = (['healthy', 'watch', 'at_risk', 'unknown'] as const).map((b) => t(r, `digest.summary.band.${b}`, { count: s.bands[b] })).join(' · ');
  const retention =
    s.retention.rate === null
      ? t(r, 'digest.summary.retentionNone')
      : t(r, 'digest.summary.retention', {
          rate: md(formatNumber(s.retention.rate, r, { style: 'percent', maximumFractionDigits: 0 })),
          kept: s.retention.kept,
          of: s.retention.of,
          days: s.retention.days,
        });
  const best = s.mostProfitableCategory
    ? t(r, 'digest.summary.best', { category: categoryLabel(r, s.mostProfitableCategory.category), amount: perMonth(r, s.mostProfitableCategory.monthlyValue) })
    : t(r, 'digest.summary.bestNone');
  return [
    divider(),
    section(t(r, 'digest.summary.title')),
    section(
      [
        t(r, 'digest.summary.logged', { calls: s.callsLogged, incidents: s.incidentsLogged }),
        t(r, 'digest.summary.health', { bands: md(bands) }),
        s.revenueKept > 0
          ? t(r, 'digest.summary.revenueAtRiskKept', { amount: perMonth(r, s.revenueAtRisk), kept: perMonth(r, s.revenueKept) })
          : t(r, 'digest.summary.revenueAtRisk', { amount: perMonth(r, s.revenueAtRisk) }),
        retention,
        best,
      ].join('\n'),
    ),
  ];
}

const textLength = (blocks: Block[]) => JSON.stringify(blocks).length;

/** Names per owner in the opening's line before the rest is only counted. */
const NAMES_PER_OWNER = 4;
/** Owners in the opening's line before the rest are only counted. */
const OWNERS_SHOWN = 8;

/** A count as a line of the digest writes it, in any language's digits and grouping. */
const NUMBER = '[\\d\\u06F0-\\u06F9](?:[\\d\\u06F0-\\u06F9]|[,.\\u066C\\u00A0\\u202F](?=[\\d\\u06F0-\\u06F9]))*';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The opening's line of whose clients need what, in each language: what comes before and after the owners, and
 * the end that counts the owners not shown.
 */
const OWNER_LINES = LOCALES.map((locale) => {
  const [head, tail] = t(locale, 'digest.byOwner', { owners: md('\u0000') }).split('\u0000') as [string, string];
  // What follows the owners when some are only counted, after the tail they share (a Persian line's isolate).
  const more = [1, 2].map((count) =>
    escapeRegExp(
      t(locale, 'digest.byOwnerMore', { owners: md('\u0000'), count })
        .split('\u0000')[1]!
        .slice(tail.length),
    ).replace(/[\d\u06F0-\u06F9]+/g, NUMBER),
  );
  return { head, tail, more: new RegExp(`(?:${more.join('|')})$`), noOwner: tPlain(locale, 'digest.noOwner').replace(/\u200F/g, '') };
});
const NO_OWNER = OWNER_LINES.map((l) => escapeRegExp(l.noOwner)).join('|');
const OWNER_LINE_SEGMENTS = new RegExp(` · (?=<@[^>]+> |(?:${NO_OWNER}) )`);
const OWNER_SEGMENT = new RegExp(`^(<@[^>]+>|${NO_OWNER}) (.*)$`, 's');
/** An owner's part of the line: their count, then the names shown ("…" when there are more). Pages composed before every owner had a count have none. */
const OWNER_LISTING = new RegExp(`^(?:(${NUMBER}): )?(.*?)((?:, |، )…)?$`, 's');

/** What the opening says: the clients that need a decision (how many are the reader's, with a red flag), revenue at risk, clients gone quiet. */
interface OpeningFigures {
  decide: number;
  /** Only when shown to one person (the preview). */
  yours?: number;
  redFlags: number;
  atRisk: number;
  quiet: number;
}

function headlineOf(r: Reader, f: OpeningFigures): string {
  const decide = { count: f.decide, redFlags: f.redFlags };
  return [
    f.yours === undefined ? t(r, 'digest.headline.decide', decide) : t(r, 'digest.headline.decideYours', { ...decide, yours: f.yours }),
    t(r, 'digest.headline.atRisk', { amount: perMonth(r, f.atRisk) }),
    ...(f.quiet > 0 ? [t(r, 'digest.headline.quiet', { count: f.quiet })] : []),
  ].join(' · ');
}

/**
 * What the opening counts, client by client in the order of the first page's client ids, kept in the opening
 * block's id so that an answer given on the message counts again in place (the stored page is all a click has):
 * `r` needs a decision, with a red flag; `x` needs a decision, its value at risk; `d` needs a decision; `q` gone
 * quiet, its value at risk; `u` gone quiet; `-` answered since. With the revenue at risk the opening says. A
 * digest listing more clients than a block id holds (about 230) keeps its opening as posted.
 */
interface OpeningState {
  atRisk: number;
  marks: string;
}
const OPENING_ID = /^opening:(-?[\d.]+):([rxdqu-]*)$/;
const openingBlockId = (state: OpeningState) => {
  const id = `opening:${state.atRisk}:${state.marks}`;
  return id.length <= 255 ? id : 'opening';
};
const marked = (marks: string, kinds: string) => [...marks].filter((m) => kinds.includes(m)).length;
const figuresOf = (state: OpeningState): OpeningFigures => ({
  decide: marked(state.marks, 'rxd'),
  redFlags: marked(state.marks, 'r'),
  atRisk: state.atRisk,
  quiet: marked(state.marks, 'qu'),
});

/**
 * What the digest opens with: how many clients need a decision and how much revenue is at risk (a client a
 * decision keeps is neither: the decision stands beside it in its section, and the portfolio's revenue at risk
 * says how much of it such clients are), then whose the clients needing something are, owner by owner, each with
 * their count, so each reader finds their own at once (a channel message is the same for all). `listed`: those
 * clients, in the order the opening block's id counts them.
 */
function opening(r: Reader, selection: DigestSelection, reader: string | undefined): { block: Block; headline: string; listed: string[] } {
  const toDecide = [...selection.sections.firing, ...selection.sections.turned_bad].filter(needsDecision);
  const quiet = selection.sections.gone_quiet;
  const state: OpeningState = {
    atRisk: selection.summary.revenueAtRisk - selection.summary.revenueKept,
    marks: [
      ...toDecide.map((e) => (e.criteria.some((c) => c.criterion.class === 'red_flag') ? 'r' : valueAtRisk(e) ? 'x' : 'd')),
      ...quiet.map((e) => (valueAtRisk(e) ? 'q' : 'u')),
    ].join(''),
  };
  const figures = figuresOf(state);
  if (reader) figures.yours = toDecide.filter((e) => e.client.ownerUserId === reader).length;
  const headline = headlineOf(r, figures);
  const byOwner = new Map<string | null, string[]>();
  for (const e of [...toDecide, ...quiet]) {
    const names = byOwner.get(e.client.ownerUserId) ?? [];
    names.push(escapeName(e.client.name));
    byOwner.set(e.client.ownerUserId, names);
  }
  const owners = [...byOwner.entries()].sort((a, b) => b[1].length - a[1].length);
  const lines = [headline];
  if (owners.length > 0) {
    const sep = nameSeparator(r.locale);
    const listings = owners.slice(0, OWNERS_SHOWN).map(([owner, names]) => {
      const shown = names.slice(0, NAMES_PER_OWNER).join(sep);
      return `${mentionFor(r, owner)} ${formatNumber(names.length, r)}: ${names.length > NAMES_PER_OWNER ? `${shown}${sep}…` : shown}`;
    });
    const args = { owners: md(listings.join(' · ')) };
    lines.push(owners.length > OWNERS_SHOWN ? t(r, 'digest.byOwnerMore', { ...args, count: owners.length - OWNERS_SHOWN }) : t(r, 'digest.byOwner', args));
  }
  return {
    block: section(lines.join('\n'), { block_id: openingBlockId(state) }),
    headline: headline.replace(/\*/g, ''),
    listed: [...toDecide, ...quiet].map((e) => e.client.id),
  };
}

/** Each client's overdue next steps as digest lines: "⏰ Overdue next step: Send the deck · @dana · due 20 Nov". */
function overdueStepLines(r: Reader, steps: readonly NextStep[], weekEnd: Date): (clientId: string) => string[] {
  const due = shortCalendarDay(r, weekEnd);
  return (clientId) =>
    steps
      .filter((s) => s.clientId === clientId)
      .map((s) => t(r, 'digest.overdueStep', { what: md(escapeText(s.what)), assignee: md(mentionFor(r, s.assigneeUserId)), day: md(due(s.dueOn)) }));
}

/** Clients the sections do not name, with their overdue next steps: one block each. */
function overdueOnlyBlocks(r: Reader, selection: DigestSelection, steps: readonly NextStep[], stepLines: (clientId: string) => string[]): Block[] {
  const named = new Set(DIGEST_SECTIONS.flatMap((s) => selection.sections[s].map((e) => e.client.id)));
  const clients = new Map(steps.filter((s) => !named.has(s.clientId)).map((s) => [s.clientId, s.clientName]));
  const rtl = r.locale === 'fa' ? '\u200F' : '';
  return [...clients].map(([id, name]) => section(`${rtl}*${escapeName(name)}*\n${stepLines(id).join('\n')}`, { block_id: clientBlockId('overdue', id) }));
}

/** The digest's pages: the selection, with the evidence of the clients it names (`evidence`, by client id). */
export function composeDigest(
  catalogue: Catalogue,
  selection: DigestSelection,
  evidence: ReadonlyMap<string, ClientEvidence>,
  o: ComposeOptions,
): DigestPage[] {
  const r = o.readBy ?? readerIn('en', { timeZone: o.timeZone });
  // The days the digest covers, in the workspace's zone: (weekEnd − 7 days, weekEnd].
  const day = shortDay(r, selection.weekEnd);
  const titleArgs = { from: md(day(selection.weekStart)), to: md(day(selection.weekEnd)) };
  const title = tPlain(r, 'digest.title', titleArgs);
  const stepLines = overdueStepLines(r, o.overdueSteps ?? [], selection.weekEnd);
  const overdueOnly = overdueOnlyBlocks(r, selection, o.overdueSteps ?? [], stepLines);
  const disputes = digestDisputeBlocks(r, catalogue, o.disputes ?? []);
  const outcomes = o.outcomes ? outcomesDigestSection(o.outcomes, r) : [];
  const recovered = recoveredBlock(r, o.weekChanges?.recovered ?? []);
  if (isQuietWeek(selection) && overdueOnly.length === 0 && disputes.length === 0 && outcomes.length === 0 && !recovered) {
    const s = selection.summary;
    const line = t(r, 'digest.quiet', { title: md(title), calls: s.callsLogged, incidents: s.incidentsLogged });
    return [{ text: line, blocks: [section(line)], clientIds: [] }];
  }
  const total = DIGEST_SECTIONS.reduce((n, s) => n + selection.sections[s].length, 0);
  const pages: DigestPage[] = [];
  const opens = opening(r, selection, o.reader);
  // The first page counts the clients its opening lists: an answer to any of them counts again there.
  let page: DigestPage = {
    text: tPlain(r, 'digest.pageText', { title, headline: md(opens.headline) }),
    blocks: [header(title), opens.block],
    clientIds: [...opens.listed],
  };
  const newPage = (continuing: string) => {
    pages.push(page);
    page = { text: tPlain(r, 'digest.continuedText', { title }), blocks: [context(t(r, 'digest.continued', { section: md(continuing) }))], clientIds: [] };
  };
  const readerFirst = (entries: DigestEntry[]) =>
    o.reader ? [...entries.filter((e) => e.client.ownerUserId === o.reader), ...entries.filter((e) => e.client.ownerUserId !== o.reader)] : entries;
  for (const s of DIGEST_SECTIONS) {
    const entries = readerFirst(selection.sections[s]);
    if (entries.length === 0) continue;
    const sectionName = sectionTitle(r, s);
    const heading = section(t(r, 'digest.heading', { title: md(sectionName), count: md(formatNumber(entries.length, r)) }));
    if (page.blocks.length + 1 > MAX_BLOCKS) newPage(sectionName);
    page.blocks.push(heading);
    for (const e of entries) {
      const blocks = entryBlocks(r, catalogue, e, evidence.get(e.client.id), selection.weekEnd, o, day, stepLines);
      if (page.blocks.length + blocks.length > MAX_BLOCKS || textLength(page.blocks) + textLength(blocks) > MAX_TEXT) newPage(sectionName);
      page.blocks.push(...blocks);
      if (!page.clientIds.includes(e.client.id)) page.clientIds.push(e.client.id);
    }
  }
  // Whom last week's digest named and this one does not, after those it names.
  if (recovered) {
    if (page.blocks.length + 1 > MAX_BLOCKS || textLength(page.blocks) + textLength([recovered]) > MAX_TEXT) newPage(tPlain(r, 'digest.section.portfolio'));
    page.blocks.push(recovered);
  }
  // Sections of one block per client: renewals coming up, then overdue next steps of clients not named above.
  const blockSection = (title: string, count: string, blocks: Block[]) => {
    if (blocks.length === 0) return;
    if (page.blocks.length + 2 > MAX_BLOCKS) newPage(title);
    page.blocks.push(section(t(r, 'digest.heading', { title: md(title), count: md(count) })));
    for (const block of blocks) {
      if (page.blocks.length + 1 > MAX_BLOCKS || textLength(page.blocks) + textLength([block]) > MAX_TEXT) newPage(title);
      page.blocks.push(block);
    }
  };
  blockSection(
    tPlain(r, 'digest.section.renewals', { days: RENEWAL_WINDOW_DAYS }),
    formatNumber(selection.renewals.length, r),
    renewalBlocks(r, selection.renewals),
  );
  blockSection(tPlain(r, 'digest.section.overdue'), formatNumber(overdueOnly.length, r), overdueOnly);
  // Whole sections of their own, each kept on one page: people who disagree, then last month's decisions.
  for (const blocks of [disputes, outcomes]) {
    if (blocks.length === 0) continue;
    if (page.blocks.length + blocks.length > MAX_BLOCKS || textLength(page.blocks) + textLength(blocks) > MAX_TEXT)
      newPage(tPlain(r, 'digest.section.portfolio'));
    page.blocks.push(...blocks);
  }
  const summary = summaryBlocks(r, selection.summary);
  if (page.blocks.length + summary.length > MAX_BLOCKS || textLength(page.blocks) + textLength(summary) > MAX_TEXT)
    newPage(tPlain(r, 'digest.section.portfolio'));
  page.blocks.push(...summary);
  pages.push(page);
  // The pictures open the thread, and the channel's message says they are there.
  const pictured = o.pictures && picturesPage(r, title, o.pictures);
  if (pages.length > 1) pages[0]!.blocks.push(context(t(r, 'digest.continuedInThread', { clients: total, pages: pages.length - (pictured ? 0 : 1) })));
  if (pictured) {
    const p = o.pictures!;
    const said =
      p.clients.length > 0 ? t(r, 'digestCharts.inThreadFell', { weeks: p.weeks, count: p.clients.length }) : t(r, 'digestCharts.inThread', { weeks: p.weeks });
    if (p.portfolio.length > 0) pages[0]!.blocks.push(context(said));
    pages.splice(1, 0, pictured);
  }
  return pages;
}

/** The page's blocks with the client's status line replaced (the message is then updated in place). */
export function withClientStatus(blocks: readonly Block[], clientId: string, line: string, answer?: DigestAnswer): Block[] {
  const id = statusBlockId(clientId);
  return blocks.map((b) =>
    b.block_id === id ? { ...context(line), block_id: id } : answer && OPENING_ID.test(b.block_id ?? '') ? recounted(b, clientId, answer) : b,
  );
}

/** An answer given on the digest's message, for its opening to count again. */
export interface DigestAnswer {
  /** Acknowledging asks for nothing more; a decision answers the client, a snooze defers it (its value stays at risk). */
  kind: Decision['kind'] | 'snooze';
  client: Pick<ClientProfile, 'name' | 'ownerUserId' | 'monthlyValue'>;
  /** The page's client ids as stored: the opening counts in their order. */
  clientIds: readonly string[];
  /** Whoever the page is written for (the channel's reader). */
  reader: Reader;
}

/**
 * The opening once the client is answered: counted again as the next digest would (domain: `decisionInForce`);
 * a client it no longer lists leaves its owner line. A gone-quiet client kept still wants a call: it stays listed.
 */
function recounted(block: Block, clientId: string, a: DigestAnswer): Block {
  const [, atRisk, marks] = OPENING_ID.exec(block.block_id!)!;
  const i = a.clientIds.indexOf(clientId);
  const mark = i < 0 ? undefined : marks![i];
  if (mark === undefined || mark === '-' || a.kind === 'acknowledge' || block.type !== 'section' || !block.text) return block;
  const decided = a.kind !== 'snooze';
  const next = decided && a.kind !== 'start_exit' && 'qu'.includes(mark) ? 'u' : '-';
  const state: OpeningState = {
    atRisk: Number(atRisk) - (decided && 'rxq'.includes(mark) ? (a.client.monthlyValue ?? 0) : 0),
    marks: `${marks!.slice(0, i)}${next}${marks!.slice(i + 1)}`,
  };
  const [, ...rest] = block.text.text.split('\n');
  const counted: Block = {
    ...block,
    text: { ...block.text, text: [headlineOf(a.reader, figuresOf(state)), ...rest].join('\n') },
    block_id: openingBlockId(state),
  };
  return next === '-' ? ownerLineWithout(counted, [a.client.name], { owner: a.client.ownerUserId, reader: a.reader }) : counted;
}

/** The opening without the mark of the page's `index`th client (its id leaves the page): its figures stay as posted. */
function withoutOpeningMark(block: Block, index: number): Block {
  const [, atRisk, marks] = OPENING_ID.exec(block.block_id ?? '') ?? [];
  if (marks === undefined || index < 0 || index >= marks.length) return block;
  return { ...block, block_id: openingBlockId({ atRisk: Number(atRisk), marks: marks.slice(0, index) + marks.slice(index + 1) }) };
}

/** What stands where a deleted client was, in the digest pages that showed it. */
export const DELETED_CLIENT_LINE = t('en', 'digest.deletedClient');
/** A page that still named a deleted client once its blocks were cut (a shape this version does not know) says only this. */
export const DELETED_PAGE_TEXT = t('en', 'digest.deletedPage');

/** The language a page was written in, told by its title (English when it cannot be told). */
function localeOfPage(page: DigestPage): Locale {
  const found = LOCALES.find(
    (locale) =>
      locale !== 'en' &&
      page.text.includes(
        tPlain(locale, 'digest.title', { from: md('\u0000'), to: md('') })
          .split('\u0000')[0]!
          .replace(/[\u200F\u2068]/g, ''),
      ),
  );
  return found ?? 'en';
}

/**
 * The page without the client: each run of its blocks (found by their block ids; in pages composed before every
 * block carried one, the week's line after its entry and the renewal or overdue step that begins with its name
 * in bold) becomes one neutral line, so each section's count still matches what it lists, and its name leaves
 * the opening's owner line. Figures (counts, revenue at risk) stay as they were posted: they name nobody. A page
 * that would still name the client, by id or name, is replaced whole by a neutral line. Undefined when the page
 * does not show the client.
 */
export function digestPageWithout(page: DigestPage, client: ErasedClient): DigestPage | undefined {
  const ids = new Set(CLIENT_BLOCKS.map((kind) => clientBlockId(kind, client.id)));
  const entryId = clientBlockId('client', client.id);
  const bold = client.names.map((name) => `*${escapeName(name)}*`);
  const isTheClients = (block: Block, previous: Block | undefined) =>
    block.block_id === undefined
      ? (block.type === 'context' && previous?.block_id === entryId) || (block.type === 'section' && bold.some((b) => block.text?.text.startsWith(b)))
      : ids.has(block.block_id);
  const locale = localeOfPage(page);
  const deletedLine = t(locale, 'digest.deletedClient');
  const deletedPage = t(locale, 'digest.deletedPage');
  const blocks: Block[] = [];
  page.blocks.forEach((block, i) => {
    // The recovery line that names the client goes whole (a brief list; nothing counts it).
    if (block.block_id?.startsWith(RECOVERED_ID) && block.block_id.slice(RECOVERED_ID.length).split(',').includes(client.id)) return;
    if (!isTheClients(block, page.blocks[i - 1])) blocks.push(ownerLineWithout(withoutOpeningMark(block, page.clientIds.indexOf(client.id)), client.names));
    else if (i === 0 || !isTheClients(page.blocks[i - 1]!, page.blocks[i - 2])) blocks.push(context(deletedLine));
  });
  const clientIds = page.clientIds.filter((id) => id !== client.id);
  const name = namesAnyOf(client.names, { standalone: true });
  if ([page.text, ...stringsOf(blocks)].some((text) => text.includes(client.id) || name(text)))
    return { text: deletedPage, blocks: [section(deletedPage)], clientIds };
  const unchanged = clientIds.length === page.clientIds.length && JSON.stringify(blocks) === JSON.stringify(page.blocks);
  return unchanged ? undefined : { text: page.text, blocks, clientIds };
}

/**
 * The block without the clients' names (`names`) in the opening's owner line; an owner left with none goes too.
 * Counts stay as posted, unless `recount` names the owner whose client the opening no longer counts: their count
 * drops by one (and they go at none).
 */
function ownerLineWithout(block: Block, names: readonly string[], recount?: { owner: string | null; reader: Reader }): Block {
  if (block.type !== 'section' || !block.text) return block;
  const lines = block.text.text.split('\n').flatMap((line) => {
    const more = OWNER_LINES.map((l) => l.more.exec(line)?.[0]).find((end) => end !== undefined) ?? '';
    const body = line.slice(0, line.length - more.length);
    const form = OWNER_LINES.find((l) => body.startsWith(l.head) && body.endsWith(l.tail) && body.length >= l.head.length + l.tail.length);
    if (!form) return [line];
    const owners = body
      .slice(form.head.length, body.length - form.tail.length)
      .split(OWNER_LINE_SEGMENTS)
      .flatMap((segment) => {
        const [, owner, listed] = OWNER_SEGMENT.exec(segment) ?? [];
        if (owner === undefined || listed === undefined) return [segment];
        const [, count, list, beyond] = OWNER_LISTING.exec(listed)!;
        const sep = beyond ? beyond.slice(0, -1) : listed.includes('، ') ? '، ' : ', ';
        const shown = names.reduce((rest, name) => withoutListed(rest, escapeName(name), sep), list!);
        const isRecounted = recount && count !== undefined && (recount.owner ? owner === `<@${recount.owner}>` : !owner.startsWith('<@'));
        const left = isRecounted ? numberIn(count) - 1 : undefined;
        if (left === 0 || (shown === '' && !beyond)) return [];
        const counted = left !== undefined ? `${formatNumber(left, recount!.reader)}: ` : count !== undefined ? `${count}: ` : '';
        return [`${owner} ${counted}${shown}${beyond ? `${shown === '' ? '' : sep}…` : ''}`];
      });
    return owners.length > 0 ? [`${form.head}${owners.join(' · ')}${form.tail}${more}`] : [];
  });
  return { ...block, text: { ...block.text, text: lines.join('\n') } };
}

/** A count as a line wrote it (Persian digits, grouping), as a number. */
const numberIn = (text: string) => Number(text.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/\D/g, ''));

/** A list of names joined by `sep` (", ", or Persian "، ") without `name`. */
function withoutListed(list: string, name: string, sep: string): string {
  if (list === name) return '';
  if (list.startsWith(`${name}${sep}`)) return list.slice(name.length + sep.length);
  if (list.endsWith(`${sep}${name}`)) return list.slice(0, -(name.length + sep.length));
  return list.replace(`${sep}${name}${sep}`, sep);
}

/**
 * What to do about Slack refusing the digest, in plain words: the errors a misconfigured channel gives get
 * their remedy, anything else is quoted.
 */
export function digestRefusalAdvice(error: string, channelId: string, reader: Reader): string {
  const channel = md(`<#${channelId}>`);
  switch (error) {
    case 'not_in_channel':
    case 'channel_not_found':
    case 'is_archived':
      return t(reader, `digest.refusal.${error}`, { channel });
    default:
      return t(reader, 'digest.refusal.other', { error: md(escapeText(error)), channel });
  }
}

/** Why the digest no longer goes to a channel (shared outside the organisation), and what to do. */
export function channelRefusalText(channelId: string, reason: string, reader: Reader): string {
  return t(reader, 'digest.channelRefused', { channel: md(`<#${channelId}>`), reason: md(exposureText(reader, reason)) });
}

/** Told to whoever set the channel when Slack refuses the week's digest: why, and what to do. */
export function digestNotPostedText(error: string, channelId: string, reader: Reader): string {
  return t(reader, 'digest.notPosted', { advice: md(digestRefusalAdvice(error, channelId, reader)) });
}
