/** `/client show` and `/client list`, in the reader's words, digits and calendar, names in the order of their language. */
import type { Catalogue, Category, ClientStatus, Relationship } from '../../domain/catalogue.js';
import type { ClientProfile } from '../../domain/types.js';
import type { ClientField, ClientListFilter } from '../parse/commandText.js';
import type { LookAlikeConfirmation } from '../parse/lookAlike.js';
import type { CorrectionUndo } from '../parse/correctionUndo.js';
import type { CorrectedField, CorrectionNotice, HistoryField, UndoOutcome } from '../../services/clients.js';
import { incidentWhat, type Rendered } from './confirmations.js';
import { criterionLineFor } from './format.js';
import { criteriaText, healthWithCriteria, restoreText, scorePartsText, weekMovementText } from './explain.js';
import { clientCadenceBlocks } from './cadence.js';
import { ACTIONS } from '../ids.js';
import type { ClientOverview } from '../../services/clientActivity.js';
import type { ClientStanding, JudgedStanding } from '../../services/portfolio.js';
import { actions, button, context, divider, fields, header, section, type Block } from './kit.js';
import { formatCalendarDay, formatDay, formatMoney, formatNumber, nameOrder } from '../../i18n/format.js';
import { bandLabel, categoryLabel, relationshipLabel, statusLabel, traitLabel } from '../../i18n/labels.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import { ENGLISH, type Reader } from '../../i18n/reader.js';
import { blocksFor, commandFor, escapeName, escapeText, mentionFor, truncate } from './text.js';
import { paymentsSummary, termsInList, termsValue } from './payments.js';
import { effectiveTerms } from '../../domain/paymentTerms.js';

/** Placeholder words inside a command's code span, with no direction mark in them. */
const word = (reader: Reader, key: 'client.traitWord' | 'client.kindWord') => tPlain(reader, key).replace(/\u200F/g, '');
const callExample = (reader: Reader, name: string) => commandFor('/call', name, `+${word(reader, 'client.traitWord')} …`);
const incidentExample = (reader: Reader, name: string) => commandFor('/incident', name, `<${word(reader, 'client.kindWord')}>`);

const SPARK = '▁▂▃▄▅▆▇█';
/** Below this many points, a move fills less than the whole height (two points a bar): a wobble does not look like a fall. */
const SPARK_MIN_SPAN = 14;

/**
 * The scores as bars, lowest to highest of the range shown (the line prints both ends beside it): a 22-point fall
 * runs from the top bar to the bottom one. Unknown weeks are dots.
 */
export function sparkline(scores: { score: number; known: boolean }[]): string {
  const known = scores.filter((s) => s.known).map((s) => s.score);
  const moved = Math.max(...known) - Math.min(...known);
  const span = Math.max(moved, SPARK_MIN_SPAN);
  // A small move sits in the middle of the height, so a steady client is not drawn at the top or the bottom.
  const low = Math.min(...known) - (span - moved) / 2;
  return scores.map((s) => (s.known ? SPARK[Math.round(((s.score - low) / span) * 7)]! : '·')).join('');
}

const field = (reader: Reader, label: Parameters<typeof t>[1], value: string) => `*${tPlain(reader, label)}*\n${value}`;

export function clientOverviewBlocks(catalogue: Catalogue, o: ClientOverview, now: Date, where: Reader): Block[] {
  const reader = where;
  const c = o.client;
  const day = (d: Date) => formatDay(d, reader);
  const score = (s: { score: number; known: boolean }) => (s.known ? formatNumber(s.score, reader) : '?');
  const blocks: Block[] = [
    header(c.name),
    fields([
      field(reader, 'client.field.health', healthWithCriteria(reader, o.health, o.criteria)),
      field(reader, 'client.field.trend', `\`${sparkline(o.trend)}\` ${score(o.trend[0]!)} → ${score(o.health)}`),
      field(reader, 'client.field.category', categoryLabel(reader, c.category)),
      field(reader, 'client.field.relationship', relationshipLabel(reader, c.relationship)),
      field(reader, 'client.field.owner', mentionFor(reader, c.ownerUserId)),
      field(reader, 'client.field.status', statusLabel(reader, c.status)),
      field(reader, 'client.field.monthlyValue', c.monthlyValue === null ? '—' : formatMoney(c.monthlyValue, reader)),
      field(reader, 'client.field.lastCall', o.record.lastCallAt ? day(o.record.lastCallAt) : tPlain(reader, 'client.never')),
      ...(c.renewsOn ? [field(reader, 'client.field.renews', formatCalendarDay(c.renewsOn, reader))] : []),
      ...(effectiveTerms(c) !== 'standard' ? [field(reader, 'payments.field.terms', termsValue(reader, c))] : []),
    ]),
  ];
  const signals: string[] = o.criteria.map((m) => criterionLineFor(reader, m, day));
  if (o.drift)
    signals.push(
      t(reader, 'client.drift', {
        payments: o.drift.latePayments.length,
        days: o.drift.windowDays,
        command: commandFor('/client set', c.name, 'relationship stepping-stone'),
      }),
    );
  if (o.quiet) signals.push(t(reader, 'client.quiet', { days: o.quiet.daysSilent }));
  blocks.push(...clientCadenceBlocks(reader, catalogue, o));
  blocks.push(section(`${t(reader, 'client.signals')}\n${signals.length > 0 ? signals.join('\n') : t(reader, 'client.noSignals')}`));

  // Why the score is what it is, what moved it this week, and what would bring it back to healthy (issue 29).
  const parts = scorePartsText(reader, o.explained);
  if (parts) blocks.push(section(parts));
  if (o.health.known || o.week.from.known) blocks.push(section(weekMovementText(reader, catalogue, o.week)));
  const restore = c.status === 'exited' ? undefined : restoreText(reader, catalogue, o.restore);
  if (restore) blocks.push(section(restore));

  const evidence = o.health.evidence
    .slice(0, 5)
    .map((e) => `${traitLabel(reader, catalogue, e.observation.trait)} · ${day(e.observation.observedAt)} · <@${e.observation.loggedBy}>`);
  if (evidence.length > 0) blocks.push(section(`${t(reader, 'client.movesScore')}\n${evidence.join('\n')}`));

  const calls = o.record.calls
    .slice(0, 5)
    .map((call) => `• ${day(call.occurredAt)} <@${call.loggedBy}>${call.notes ? `: ${escapeText(truncate(call.notes, 120))}` : ''}`);
  blocks.push(section(`${t(reader, 'client.lastCalls')}\n${calls.join('\n') || t(reader, 'client.noCalls')}`));
  const incidents = [...o.record.incidents]
    .reverse()
    .slice(0, 5)
    .map((i) => `• ${day(i.occurredAt)} ${incidentWhat(reader, i)}${i.description ? `: ${escapeText(truncate(i.description, 120))}` : ''}`);
  blocks.push(section(`${t(reader, 'client.lastIncidents')}\n${incidents.join('\n') || t(reader, 'client.noIncidents')}`));
  const payments = o.payments && paymentsSummary(reader, o.payments, catalogue.thresholds.paymentTerms.windowDays);
  if (payments) blocks.push(context(payments));
  if (o.decisions.length > 0) {
    blocks.push(
      section(
        `${t(reader, 'client.decisions')}\n${o.decisions
          .slice(0, 5)
          .map(
            (d) =>
              `• ${day(d.decidedAt)} ${t(reader, `client.decision.${d.kind}`, { who: md(`<@${d.decidedBy}>`) })}${d.reason ? `: ${escapeText(d.reason)}` : ''}`,
          )
          .join('\n')}`,
      ),
    );
  }
  blocks.push(context(t(reader, 'client.asOf', { day: md(day(now)), call: callExample(reader, c.name), incident: incidentExample(reader, c.name) })));
  return blocksFor(reader, blocks);
}

/** Worst first: red flags, then criteria met, then lowest health; unknown health after known; then by name, as the reader's language sorts names. */
export function worstFirstFor(reader: Pick<Reader, 'locale'>): (a: ClientStanding, b: ClientStanding) => number {
  const byName = nameOrder(reader);
  return (a, b) =>
    b.redFlags - a.redFlags ||
    b.criteriaMet - a.criteriaMet ||
    Number(a.health.known === false) - Number(b.health.known === false) ||
    a.health.score - b.health.score ||
    byName(a.client.name, b.client.name);
}

export const worstFirst = worstFirstFor(ENGLISH);

/** One client in a list: band, name, score, category, owner, criteria met and a status other than active. */
export function clientLine(l: ClientStanding | JudgedStanding, reader: Reader): string {
  // A healthy client meeting a criterion never reads as plain green: the criteria are named when they are at hand.
  const met = 'met' in l ? l.met : undefined;
  const criteria =
    l.criteriaMet === 0
      ? ''
      : met && met.length > 0
        ? ` · ${criteriaText(reader, met)}`
        : ` · ${l.redFlags > 0 ? '🚩' : '⚠️'} ${t(reader, 'client.criteriaCount', { count: l.criteriaMet })}`;
  const status = l.client.status === 'active' ? '' : ` · _${statusLabel(reader, l.client.status)}_`;
  return t(reader, 'client.line', {
    band: md(bandLabel(reader, l.health.known ? l.health.band : 'unknown').split(' ')[0]!),
    name: l.client.name,
    score: md(l.health.known ? formatNumber(l.health.score, reader) : '?'),
    category: md(categoryLabel(reader, l.client.category)),
    owner: md(mentionFor(reader, l.client.ownerUserId)),
    extra: md(`${criteria}${status}${termsInList(reader, l.client)}`),
  });
}

export function clientListBlocks(lines: ClientStanding[], title: string, reader: Reader): Block[] {
  if (lines.length === 0) return [section(t(reader, 'client.listEmpty', { title: md(title) }))];
  return [section(t(reader, 'client.listHeader', { title: md(title), count: lines.length })), divider(), ...clientLineSections(lines, reader)];
}

/** Clients worst first, ten to a section: long portfolios stay within the block limit. */
export function clientLineSections(lines: readonly ClientStanding[], reader: Reader): Block[] {
  const sorted = [...lines].sort(worstFirstFor(reader));
  const blocks: Block[] = [];
  for (let i = 0; i < sorted.length; i += 10)
    blocks.push(
      section(
        sorted
          .slice(i, i + 10)
          .map((l) => clientLine(l, reader))
          .join('\n'),
      ),
    );
  return blocksFor(reader, blocks);
}

/** What `/client add` stored, and how to log against it. */
export function clientAddedBlocks(c: ClientProfile, ownerDefaulted: boolean, reader: Reader): Block[] {
  const owner = ownerDefaulted ? t(reader, 'client.ownerYou', { owner: md(mentionFor(reader, c.ownerUserId)) }) : mentionFor(reader, c.ownerUserId);
  const args = {
    name: c.name,
    category: md(categoryLabel(reader, c.category)),
    relationship: md(relationshipLabel(reader, c.relationship)),
    owner: md(owner),
    call: callExample(reader, c.name),
  };
  return [
    section(
      c.monthlyValue !== null
        ? t(reader, 'client.addedWithValue', { ...args, value: md(formatMoney(c.monthlyValue, reader)) })
        : t(reader, 'client.added', args),
    ),
  ];
}

/** The fallback text of `/client add`'s answer. */
export const clientAddedText = (c: ClientProfile, reader: Reader): string => t(reader, 'client.addedText', { name: c.name });

/**
 * A name that looks like an existing client's: say which (`message`, mrkdwn, names escaped), and let the person
 * confirm it is another client (the button carries what to do; nothing is stored until it is pressed).
 */
export function lookAlikeBlocks(message: string, confirm: LookAlikeConfirmation, reader: Reader): Block[] {
  const label =
    confirm.op === 'add' ? tPlain(reader, 'client.addAnyway', { name: confirm.args.name }) : tPlain(reader, 'client.renameAnyway', { name: confirm.name });
  return [section(`🤔 ${message}`), actions([button(label, ACTIONS.confirmLookAlike, JSON.stringify(confirm), 'primary')])];
}

/** The details of a client a change can be shown for. */
type ShownDetail = HistoryField | 'category';

/** Which stored detail each field of `/client set` changes (a cadence is answered by blocks/cadence.ts). */
const DETAIL_OF: Record<Exclude<ClientField, 'cadence'>, ShownDetail> = {
  name: 'name',
  category: 'category',
  relationship: 'relationship',
  owner: 'ownerUserId',
  value: 'monthlyValue',
  status: 'status',
  renews: 'renewsOn',
};

/** A stored detail of a client as people read it (mrkdwn: names escaped, owners mentioned). */
export function detailText(detail: ShownDetail, value: string | number | null | undefined, reader: Reader): string {
  switch (detail) {
    case 'name':
      return escapeName(String(value ?? ''));
    case 'category':
      return categoryLabel(reader, value as Category);
    case 'relationship':
      // Beside the field's own name, "relationship: unknown relationship" would say it twice.
      return value == null || value === 'unknown' ? tPlain(reader, 'client.notKnown') : relationshipLabel(reader, value as Relationship);
    case 'ownerUserId':
      return mentionFor(reader, value as string | null);
    case 'monthlyValue':
      return value == null ? tPlain(reader, 'client.valueNone') : t(reader, 'client.perMonth', { amount: md(formatMoney(Number(value), reader)) });
    case 'status':
      return statusLabel(reader, value as ClientStatus);
    case 'renewsOn':
      return value ? formatCalendarDay(String(value), reader) : tPlain(reader, 'client.renewsUnknown');
  }
}

/** The confirmation of `/client set`: the field as people read it. */
export function clientChangedReply(updated: ClientProfile, changed: Exclude<ClientField, 'cadence'>, reader: Reader): Rendered {
  const detail = DETAIL_OF[changed];
  const args = { name: updated.name, field: md(tPlain(reader, `client.setField.${changed}`)), value: md(detailText(detail, updated[detail], reader)) };
  return { text: t(reader, 'client.changedText', args), blocks: [section(t(reader, 'client.changed', args))] };
}

/** The DM to a client's owner about someone else's change: who changed what from what to what, and Undo. */
export function correctionNoticeMessage(notice: CorrectionNotice, actor: string, reader: Reader): Rendered {
  const { field, from, to } = notice.change;
  const who = md(`<@${actor}>`);
  const line = t(reader, 'changes.notice', {
    actor: who,
    name: notice.client.name,
    field: md(tPlain(reader, `changes.field.${field}`)),
    from: md(detailText(field, from, reader)),
    to: md(detailText(field, to, reader)),
  });
  const undo: CorrectionUndo = { clientId: notice.client.id, by: actor, change: notice.change };
  return {
    text: t(reader, 'changes.noticeText', { actor: who, name: notice.client.name }),
    blocks: [section(line), actions([button(tPlain(reader, 'changes.undo'), ACTIONS.undoCorrection, JSON.stringify(undo))])],
  };
}

/** What Undo answers (in place of the DM's button), and what the person whose change it was is told. */
export function undoAnswerText(
  outcome: UndoOutcome,
  field: CorrectedField,
  reader: Reader,
  key: 'changes.undone' | 'changes.undoneBefore' | 'changes.changedSince' | 'changes.undoneYours',
  who = '',
): string {
  return t(reader, key, {
    who: md(`<@${who}>`),
    name: outcome.client.name,
    field: md(tPlain(reader, `changes.field.${field}`)),
    value: md(detailText(field, outcome.client[field], reader)),
  });
}

/** What `/client list` shows above its clients. */
export function clientListTitle(filter: ClientListFilter, userId: string, reader: Reader): string {
  if (filter.ownerUserId)
    return filter.ownerUserId === userId
      ? t(reader, 'client.title.mine')
      : t(reader, 'client.title.owner', { owner: md(mentionFor(reader, filter.ownerUserId)) });
  if (filter.category) return t(reader, 'client.title.category', { category: md(categoryLabel(reader, filter.category)) });
  if (filter.band) return t(reader, 'client.title.band', { band: md(bandLabel(reader, filter.band)) });
  if (filter.status) return t(reader, 'client.title.status', { status: md(statusLabel(reader, filter.status)) });
  return t(reader, 'client.title.all');
}
