/**
 * The digest as Slack messages, from a digest selection (domain.md §5). Pure. Pages respect Slack's limits
 * (50 blocks, ~12k characters of text); the first page is posted in the channel, the rest in its thread.
 */
import { CATEGORY_LABELS, traitByKey, type Catalogue } from '../../domain/catalogue.js';
import {
  DIGEST_SECTIONS,
  isQuietWeek,
  RENEWAL_WINDOW_DAYS,
  type DigestEntry,
  type DigestSection,
  type DigestSelection,
  type RenewalEntry,
} from '../../domain/digestSelection.js';
import type { ClientEvidence } from '../../domain/clientWeek.js';
import { recentBadAt, type TurnedBadReason } from '../../domain/turnedBad.js';
import type { NextStep } from '../../domain/nextSteps.js';
import type { Decision, Snooze } from '../../domain/types.js';
import { namesAnyOf, stringsOf, type ErasedClient } from '../../domain/mentions.js';
import { actions, button, context, divider, header, option, overflow, section, type Block } from './kit.js';
import { BAND_LABEL, criterionLine, healthText, traitLabel } from './format.js';
import { escapeName, escapeText, formatDay, formatMoney, formatShortDay, mention, plural } from './text.js';
import { DIGEST_ACTIONS } from '../ids.js';
import { exposureText } from '../channels.js';

export interface DigestPage {
  text: string;
  blocks: Block[];
  /** Clients named on the page (decisions update the pages naming them). */
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
}

const OVERDUE_TITLE = '⏰ Overdue next steps';
const RENEWALS_TITLE = `🔁 Renewing within ${RENEWAL_WINDOW_DAYS} days`;

/** "*Globex* · renews Tue 12 Jan 2027 · At risk (38) · 2 criteria met · 5,200/month (7,600/month at stake by then)". */
function renewalBlock(r: RenewalEntry): Block {
  const value = r.client.monthlyValue !== null ? ` · ${formatMoney(r.client.monthlyValue)}/month (${formatMoney(r.atStakeByThen)}/month at stake by then)` : '';
  const criteria = r.criteria > 0 ? ` · ${plural(r.criteria, 'criterion met', 'criteria met')}` : '';
  return section(
    `*${escapeName(r.client.name)}* · renews ${formatDay(new Date(`${r.renewsOn}T12:00:00Z`))} · ${healthText(r.healthNow)}${criteria} · ${mention(r.client.ownerUserId)}${value}`,
    { block_id: clientBlockId('renewal', r.client.id) },
  );
}
const MAX_BLOCKS = 46; // 50, less room for the continuation note and section headers
const MAX_TEXT = 11_000; // Slack rejects around 13k characters of block text in practice

const SECTION_TITLES: Record<DigestSection, string> = {
  firing: '🚩 Meet firing criteria',
  turned_bad: '📉 Turned bad this week',
  gone_quiet: '🔕 Gone quiet',
};

function reasonLine(catalogue: Catalogue, r: TurnedBadReason, day: (d: Date) => string, evidence: ClientEvidence | undefined, weekEnd: Date): string {
  switch (r.kind) {
    case 'entered_at_risk':
      return `🔴 Entered the at-risk band (${r.from} → ${r.to})`;
    case 'dropped':
      return `📉 Fell ${r.points} points (threshold ${r.threshold})`;
    case 'dimension_flipped': {
      const recentBad = recentBadAt(catalogue, evidence?.recentBad ?? [], weekEnd, r.dimension);
      const dates = recentBad.map((o) => `${day(o.observedAt)} <@${o.loggedBy}>`).join(', ');
      const trait = traitByKey(catalogue, recentBad[0]?.trait ?? '');
      return `🔁 ${escapeText(r.dimension)} flipped: ${trait?.label ?? 'bad'} ${r.recentBad}× in ${plural(catalogue.thresholds.turnedBad.flipRecentDays, 'day')}${dates ? ` (${dates})` : ''} after ${r.priorGood} good vs ${r.priorBad} bad before`;
    }
  }
}

export function decisionLine(d: Pick<Decision, 'kind' | 'decidedBy' | 'decidedAt' | 'reason'>, timeZone = 'UTC'): string {
  const by = `<@${d.decidedBy}> on ${formatDay(d.decidedAt, timeZone)}`;
  switch (d.kind) {
    case 'acknowledge':
      return `👀 Acknowledged by ${by}`;
    case 'keep':
      return `✅ Kept by ${by}: “${escapeText(d.reason ?? '')}”`;
    case 'require_prepayment':
      return `💰 Full prepayment required by ${by}`;
    case 'start_exit':
      return `🚪 Exit started by ${by}`;
  }
}

export function snoozeLine(s: Pick<Snooze, 'snoozedBy' | 'until'>, timeZone = 'UTC'): string {
  return `😴 Snoozed by <@${s.snoozedBy}> until ${formatDay(s.until, timeZone)} (new evidence lifts it)`;
}

/**
 * Every block about a client carries its id in its block id, so a decision can find its status line and an
 * erasure every block of it.
 */
const CLIENT_BLOCKS = ['client', 'week', 'status', 'actions', 'renewal', 'overdue'] as const;
const clientBlockId = (kind: (typeof CLIENT_BLOCKS)[number], clientId: string) => `${kind}:${clientId}`;
export const statusBlockId = (clientId: string) => clientBlockId('status', clientId);

function entryBlocks(
  catalogue: Catalogue,
  e: DigestEntry,
  evidence: ClientEvidence | undefined,
  weekEnd: Date,
  o: ComposeOptions,
  day: (d: Date) => string,
  stepLines: (clientId: string) => string[],
): Block[] {
  const c = e.client;
  const before = e.healthBefore.known ? String(e.healthBefore.score) : 'unknown';
  const value = c.monthlyValue !== null ? ` · ${formatMoney(c.monthlyValue)}/month` : '';
  const lines: string[] = [];
  // Each criterion with the incidents that meet it, as read for the clients the digest names.
  lines.push(...e.criteria.map((m) => criterionLine(evidence?.criteria.find((met) => met.criterion.kind === m.criterion.kind) ?? m, day)));
  lines.push(...e.turnedBad.map((r) => reasonLine(catalogue, r, day, evidence, weekEnd)));
  if (e.drift) {
    const dates = (evidence?.latePayments ?? []).map((i) => day(i.occurredAt)).join(', ');
    lines.push(
      `↘️ Behaving like a stepping-stone client: ${plural(e.drift.latePayments.count, 'late payment')} in ${plural(e.drift.windowDays, 'day')}${dates ? ` (${dates})` : ''}; consider reclassifying`,
    );
  }
  if (e.quiet) {
    lines.push(`🔕 No call for ${plural(e.quiet.daysSilent, 'day')}${e.quiet.lastCallAt ? ` (last ${day(e.quiet.lastCallAt)})` : ' (never called)'}`);
  }
  lines.push(...stepLines(c.id));
  const shown = (evidence?.weekBad ?? []).slice(0, 5).map((ob) => `${traitLabel(catalogue, ob.trait)} · ${day(ob.observedAt)} · <@${ob.loggedBy}>`);
  if (shown.length > 0 && e.weekBad.count > shown.length) shown.push(`…and ${e.weekBad.count - shown.length} more this week`);

  const blocks: Block[] = [
    section(
      `*${escapeName(c.name)}* · ${CATEGORY_LABELS[c.category]} · ${mention(c.ownerUserId)}${value}\n` +
        `Health ${before} → ${healthText(e.healthNow)}\n${lines.join('\n')}`,
      { block_id: clientBlockId('client', c.id) },
    ),
  ];
  if (shown.length > 0) blocks.push({ ...context(`This week: ${shown.join(' · ')}`), block_id: clientBlockId('week', c.id) });
  blocks.push({ ...context(e.lastDecision ? decisionLine(e.lastDecision, o.timeZone) : 'No decision yet.'), block_id: statusBlockId(c.id) });
  if (o.interactive) {
    const decide = overflow(DIGEST_ACTIONS.decide, [
      option('Decide: keep (with a reason)', `keep:${c.id}`),
      option('Decide: require full prepayment', `require_prepayment:${c.id}`),
      option('Decide: start exit', `start_exit:${c.id}`),
    ]);
    blocks.push(
      actions(
        [
          button('Acknowledge', DIGEST_ACTIONS.acknowledge, c.id),
          button(`Snooze ${plural(catalogue.thresholds.snoozeDays, 'day')}`, DIGEST_ACTIONS.snooze, c.id),
          button('History', DIGEST_ACTIONS.history, c.id),
          decide,
        ],
        clientBlockId('actions', c.id),
      ),
    );
  }
  return blocks;
}

function summaryBlocks(s: DigestSelection['summary']): Block[] {
  const bands = (['healthy', 'watch', 'at_risk', 'unknown'] as const).map((b) => `${BAND_LABEL[b].split(' (')[0]} ${s.bands[b]}`).join(' · ');
  const retention =
    s.retention.rate === null
      ? 'n/a'
      : `${Math.round(s.retention.rate * 100)}% (${s.retention.kept} of ${s.retention.of} over ${plural(s.retention.days, 'day')})`;
  const best = s.mostProfitableCategory
    ? `${CATEGORY_LABELS[s.mostProfitableCategory.category]} (${formatMoney(s.mostProfitableCategory.monthlyValue)}/month)`
    : 'n/a';
  return [
    divider(),
    section('*Portfolio this week*'),
    section(
      [
        `Logged: ${s.callsLogged} call${s.callsLogged === 1 ? '' : 's'}, ${s.incidentsLogged} incident${s.incidentsLogged === 1 ? '' : 's'}`,
        `Health: ${bands}`,
        `Revenue at risk: ${formatMoney(s.revenueAtRisk)}/month`,
        `Retention: ${retention}`,
        `Most profitable category: ${best}`,
      ].join('\n'),
    ),
  ];
}

const textLength = (blocks: Block[]) => JSON.stringify(blocks).length;

/** Names per owner in the opening line before the rest is only counted. */
const NAMES_PER_OWNER = 4;
/** The opening's line of whose clients need what: `By owner: <@U1> Acme, Globex · _no owner_ 6: A, B, C, D, …`. */
const OWNER_LINE = 'By owner: ';
const OWNER_LINE_SEGMENTS = / · (?=<@[^>]+> |_no owner_ )/;

/**
 * What the digest opens with: how many clients need a decision and how much revenue is at risk, then whose
 * they are, owner by owner, so each reader finds their own at once (a channel message is the same for all).
 */
function openingLines(selection: DigestSelection, reader: string | undefined): { headline: string; text: string } {
  const toDecide = [...selection.sections.firing, ...selection.sections.turned_bad];
  const yours = reader ? toDecide.filter((e) => e.client.ownerUserId === reader).length : 0;
  const redFlags = selection.sections.firing.filter((e) => e.criteria.some((c) => c.criterion.class === 'red_flag')).length;
  const quiet = selection.sections.gone_quiet.length;
  const headline = [
    `*${plural(toDecide.length, 'client needs', 'clients need')} a decision*${reader ? ` (${yours} yours)` : ''}${redFlags > 0 ? ` (🚩 ${redFlags} with a red flag)` : ''}`,
    `${formatMoney(selection.summary.revenueAtRisk)}/month at risk`,
    ...(quiet > 0 ? [`${quiet} gone quiet`] : []),
  ].join(' · ');
  const byOwner = new Map<string | null, string[]>();
  for (const e of [...toDecide, ...selection.sections.gone_quiet]) {
    const names = byOwner.get(e.client.ownerUserId) ?? [];
    names.push(escapeName(e.client.name));
    byOwner.set(e.client.ownerUserId, names);
  }
  const owners = [...byOwner.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([owner, names]) => {
      const shown = names.slice(0, NAMES_PER_OWNER).join(', ');
      return `${mention(owner)} ${names.length > NAMES_PER_OWNER ? `${names.length}: ${shown}, …` : shown}`;
    });
  return { headline: headline.replace(/\*/g, ''), text: `${headline}\n${OWNER_LINE}${owners.join(' · ')}` };
}

/** Each client's overdue next steps as digest lines: "⏰ Overdue next step: Send the deck · @dana · due 20 Nov". */
function overdueStepLines(steps: readonly NextStep[], weekEnd: Date): (clientId: string) => string[] {
  const due = (day: string) => formatShortDay(new Date(`${day}T12:00:00Z`), 'UTC', weekEnd);
  return (clientId) =>
    steps.filter((s) => s.clientId === clientId).map((s) => `⏰ Overdue next step: ${escapeText(s.what)} · ${mention(s.assigneeUserId)} · due ${due(s.dueOn)}`);
}

/** Clients the sections do not name, with their overdue next steps: one block each. */
function overdueOnlyBlocks(selection: DigestSelection, steps: readonly NextStep[], stepLines: (clientId: string) => string[]): Block[] {
  const named = new Set(DIGEST_SECTIONS.flatMap((s) => selection.sections[s].map((e) => e.client.id)));
  const clients = new Map(steps.filter((s) => !named.has(s.clientId)).map((s) => [s.clientId, s.clientName]));
  return [...clients].map(([id, name]) => section(`*${escapeName(name)}*\n${stepLines(id).join('\n')}`, { block_id: clientBlockId('overdue', id) }));
}

/** The digest's pages: the selection, with the evidence of the clients it names (`evidence`, by client id). */
export function composeDigest(
  catalogue: Catalogue,
  selection: DigestSelection,
  evidence: ReadonlyMap<string, ClientEvidence>,
  o: ComposeOptions,
): DigestPage[] {
  // The days the digest covers, in the workspace's zone: (weekEnd − 7 days, weekEnd].
  const day = (d: Date) => formatShortDay(d, o.timeZone, selection.weekEnd);
  const title = `Rapport digest — ${day(selection.weekStart)} to ${day(selection.weekEnd)}`;
  const stepLines = overdueStepLines(o.overdueSteps ?? [], selection.weekEnd);
  const overdueOnly = overdueOnlyBlocks(selection, o.overdueSteps ?? [], stepLines);
  if (isQuietWeek(selection) && overdueOnly.length === 0) {
    const s = selection.summary;
    const line = `🌤️ ${title}: nothing to act on. No client meets firing criteria, turned bad or went quiet (${plural(s.callsLogged, 'call')} and ${plural(s.incidentsLogged, 'incident')} logged this week).`;
    return [{ text: line, blocks: [section(line)], clientIds: [] }];
  }
  const total = DIGEST_SECTIONS.reduce((n, s) => n + selection.sections[s].length, 0);
  const pages: DigestPage[] = [];
  const opening = openingLines(selection, o.reader);
  let page: DigestPage = { text: `${title}: ${opening.headline}`, blocks: [header(title), section(opening.text)], clientIds: [] };
  const newPage = (continuing: string) => {
    pages.push(page);
    page = { text: `${title} (continued)`, blocks: [context(`_${continuing} (continued)_`)], clientIds: [] };
  };
  const readerFirst = (entries: DigestEntry[]) =>
    o.reader ? [...entries.filter((e) => e.client.ownerUserId === o.reader), ...entries.filter((e) => e.client.ownerUserId !== o.reader)] : entries;
  for (const s of DIGEST_SECTIONS) {
    const entries = readerFirst(selection.sections[s]);
    if (entries.length === 0) continue;
    const heading = section(`*${SECTION_TITLES[s]}* (${entries.length})`);
    if (page.blocks.length + 1 > MAX_BLOCKS) newPage(SECTION_TITLES[s]);
    page.blocks.push(heading);
    for (const e of entries) {
      const blocks = entryBlocks(catalogue, e, evidence.get(e.client.id), selection.weekEnd, o, day, stepLines);
      if (page.blocks.length + blocks.length > MAX_BLOCKS || textLength(page.blocks) + textLength(blocks) > MAX_TEXT) newPage(SECTION_TITLES[s]);
      page.blocks.push(...blocks);
      page.clientIds.push(e.client.id);
    }
  }
  // Sections of one block per client: renewals coming up, then overdue next steps of clients not named above.
  const blockSection = (title: string, count: string, blocks: Block[]) => {
    if (blocks.length === 0) return;
    if (page.blocks.length + 2 > MAX_BLOCKS) newPage(title);
    page.blocks.push(section(`*${title}* (${count})`));
    for (const block of blocks) {
      if (page.blocks.length + 1 > MAX_BLOCKS || textLength(page.blocks) + textLength([block]) > MAX_TEXT) newPage(title);
      page.blocks.push(block);
    }
  };
  const renewals = selection.renewals;
  const atStake = renewals.at(-1)?.atStakeByThen ?? 0;
  blockSection(RENEWALS_TITLE, `${renewals.length} · ${formatMoney(atStake)}/month at stake`, renewals.map(renewalBlock));
  blockSection(OVERDUE_TITLE, String(overdueOnly.length), overdueOnly);
  const summary = summaryBlocks(selection.summary);
  if (page.blocks.length + summary.length > MAX_BLOCKS || textLength(page.blocks) + textLength(summary) > MAX_TEXT) newPage('Portfolio');
  page.blocks.push(...summary);
  pages.push(page);
  if (pages.length > 1) pages[0]!.blocks.push(context(`_${plural(total, 'client')}: continued in the thread (${plural(pages.length - 1, 'more message')})._`));
  return pages;
}

/** The page's blocks with the client's status line replaced (the message is then updated in place). */
export function withClientStatus(blocks: readonly Block[], clientId: string, line: string): Block[] {
  const id = statusBlockId(clientId);
  return blocks.map((b) => (b.block_id === id ? { ...context(line), block_id: id } : b));
}

/** What stands where a deleted client was, in the digest pages that showed it. */
export const DELETED_CLIENT_LINE = '_A client shown here was deleted, and what the digest said about it was removed._';
/** A page that still named a deleted client once its blocks were cut (a shape this version does not know) says only this. */
export const DELETED_PAGE_TEXT = 'This message of the digest was removed because a client it showed was deleted.';

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
  const blocks: Block[] = [];
  page.blocks.forEach((block, i) => {
    if (!isTheClients(block, page.blocks[i - 1])) blocks.push(withoutOwnerListing(block, client.names));
    else if (i === 0 || !isTheClients(page.blocks[i - 1]!, page.blocks[i - 2])) blocks.push(context(DELETED_CLIENT_LINE));
  });
  const clientIds = page.clientIds.filter((id) => id !== client.id);
  const name = namesAnyOf(client.names, { standalone: true });
  if ([page.text, ...stringsOf(blocks)].some((text) => text.includes(client.id) || name(text)))
    return { text: DELETED_PAGE_TEXT, blocks: [section(DELETED_PAGE_TEXT)], clientIds };
  const unchanged = clientIds.length === page.clientIds.length && JSON.stringify(blocks) === JSON.stringify(page.blocks);
  return unchanged ? undefined : { text: page.text, blocks, clientIds };
}

/** The block with the client's names gone from the opening's owner line (an owner left with none goes too). */
function withoutOwnerListing(block: Block, names: readonly string[]): Block {
  if (block.type !== 'section' || !block.text?.text.includes(OWNER_LINE)) return block;
  const lines = block.text.text.split('\n').flatMap((line) => {
    if (!line.startsWith(OWNER_LINE)) return [line];
    const owners = line
      .slice(OWNER_LINE.length)
      .split(OWNER_LINE_SEGMENTS)
      .flatMap((segment) => {
        const [, owner, listed] = /^(<@[^>]+>|_no owner_) (.*)$/s.exec(segment) ?? [];
        if (owner === undefined || listed === undefined) return [segment];
        const counted = /^(\d+): (.*), …$/s.exec(listed);
        const shown = names.reduce((list, name) => withoutListed(list, escapeName(name)), counted ? counted[2]! : listed);
        if (counted) return [`${owner} ${counted[1]}: ${shown === '' ? '' : `${shown}, `}…`];
        return shown === '' ? [] : [`${owner} ${shown}`];
      });
    return owners.length > 0 ? [`${OWNER_LINE}${owners.join(' · ')}`] : [];
  });
  return { ...block, text: { ...block.text, text: lines.join('\n') } };
}

/** A list of names joined by ", " without `name`. */
function withoutListed(list: string, name: string): string {
  if (list === name) return '';
  if (list.startsWith(`${name}, `)) return list.slice(name.length + 2);
  if (list.endsWith(`, ${name}`)) return list.slice(0, -(name.length + 2));
  return list.replace(`, ${name}, `, ', ');
}

/**
 * What to do about Slack refusing the digest, in plain words: the errors a misconfigured channel gives get
 * their remedy, anything else is quoted.
 */
export function digestRefusalAdvice(error: string, channelId: string): string {
  const channel = `<#${channelId}>`;
  const elsewhere = 'choose another with `/rapport settings channel #channel`';
  switch (error) {
    case 'not_in_channel':
      return `Rapport is not a member of ${channel}: invite it there (\`/invite @Rapport\`), or ${elsewhere}.`;
    case 'channel_not_found':
      return `${channel} was not found (deleted, or private without Rapport in it): invite Rapport to it, or ${elsewhere}.`;
    case 'is_archived':
      return `${channel} is archived: unarchive it, or ${elsewhere}.`;
    default:
      return `Slack answered \`${error}\` when Rapport posted to ${channel}.`;
  }
}

/** Why the digest no longer goes to a channel (shared outside the organisation), and what to do. */
export function channelRefusalText(channelId: string, reason: string): string {
  return (
    `⛔ Rapport stopped posting the digest to <#${channelId}>: ${exposureText('en', reason)}, so a client could read it there. ` +
    'Choose a channel only your team can read with `/rapport settings channel #channel`.'
  );
}
