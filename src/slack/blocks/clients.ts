/** `/client show` and `/client list`. */
import { CATEGORY_LABELS, RELATIONSHIP_LABELS, STATUS_LABELS, type Catalogue } from '../../domain/catalogue.js';
import type { ClientProfile } from '../../domain/types.js';
import type { ClientField, ClientListFilter } from '../parse/commandText.js';
import type { LookAlikeConfirmation } from '../parse/lookAlike.js';
import type { Rendered } from './confirmations.js';
import { ACTIONS } from '../ids.js';
import type { ClientOverview } from '../../services/clientActivity.js';
import type { ClientStanding } from '../../services/portfolio.js';
import { actions, button, context, divider, fields, header, section, type Block } from './kit.js';
import { BAND_LABEL, criterionLine, healthText, incidentFacts, kindLabel, traitLabel } from './format.js';
import { escapeName, escapeText, formatDay, formatMoney, mention, plural, truncate } from './text.js';

const SPARK = '▁▂▃▄▅▆▇█';
export function sparkline(scores: { score: number; known: boolean }[]): string {
  return scores.map((s) => (s.known ? SPARK[Math.min(7, Math.floor(s.score / 12.5))]! : '·')).join('');
}

const DECISION_WORDS = {
  acknowledge: 'acknowledged',
  keep: 'decided to keep',
  require_prepayment: 'required full prepayment',
  start_exit: 'started the exit',
} as const;

export function clientOverviewBlocks(catalogue: Catalogue, o: ClientOverview, now: Date, timeZone = 'UTC'): Block[] {
  const c = o.client;
  const blocks: Block[] = [
    header(c.name),
    fields([
      `*Health*\n${healthText(o.health)}`,
      `*8-week trend*\n\`${sparkline(o.trend)}\` ${o.trend[0]!.known ? o.trend[0]!.score : '?'} → ${o.health.known ? o.health.score : '?'}`,
      `*Category*\n${CATEGORY_LABELS[c.category]}`,
      `*Relationship*\n${RELATIONSHIP_LABELS[c.relationship]}`,
      `*Owner*\n${mention(c.ownerUserId)}`,
      `*Status*\n${STATUS_LABELS[c.status]}`,
      `*Monthly value*\n${c.monthlyValue === null ? '—' : formatMoney(c.monthlyValue)}`,
      `*Last call*\n${o.record.lastCallAt ? formatDay(o.record.lastCallAt, timeZone) : 'never'}`,
      ...(c.renewsOn ? [`*Renews*\n${formatDay(new Date(`${c.renewsOn}T12:00:00Z`))}`] : []),
    ]),
  ];
  const signals: string[] = o.criteria.map((m) => criterionLine(m, (d) => formatDay(d, timeZone)));
  if (o.drift)
    signals.push(
      `↘️ Behaving like a stepping-stone client: ${plural(o.drift.latePayments.length, 'late payment')} in ${plural(o.drift.windowDays, 'day')}. Consider \`/client set ${escapeName(c.name)} relationship stepping-stone\`.`,
    );
  if (o.quiet) signals.push(`🔕 Gone quiet: no call for ${plural(o.quiet.daysSilent, 'day')}.`);
  blocks.push(section(signals.length > 0 ? `*Signals*\n${signals.join('\n')}` : '*Signals*\nNo firing criteria met.'));

  const evidence = o.health.evidence
    .slice(0, 5)
    .map((e) => `${traitLabel(catalogue, e.observation.trait)} · ${formatDay(e.observation.observedAt, timeZone)} · <@${e.observation.loggedBy}>`);
  if (evidence.length > 0) blocks.push(section(`*What moves the score most*\n${evidence.join('\n')}`));

  const calls = o.record.calls
    .slice(0, 5)
    .map((call) => `• ${formatDay(call.occurredAt, timeZone)} <@${call.loggedBy}>${call.notes ? `: ${escapeText(truncate(call.notes, 120))}` : ''}`);
  blocks.push(section(`*Last calls*\n${calls.join('\n') || '_none yet_'}`));
  const incidents = [...o.record.incidents]
    .reverse()
    .slice(0, 5)
    .map((i) => {
      const facts = incidentFacts(i);
      return `• ${formatDay(i.occurredAt, timeZone)} ${kindLabel(i.kind)}${facts ? ` (${facts})` : ''}${i.description ? `: ${escapeText(truncate(i.description, 120))}` : ''}`;
    });
  blocks.push(section(`*Last incidents*\n${incidents.join('\n') || '_none_'}`));
  if (o.decisions.length > 0) {
    blocks.push(
      section(
        `*Decisions*\n${o.decisions
          .slice(0, 5)
          .map((d) => `• ${formatDay(d.decidedAt, timeZone)} <@${d.decidedBy}> ${DECISION_WORDS[d.kind]}${d.reason ? `: ${escapeText(d.reason)}` : ''}`)
          .join('\n')}`,
      ),
    );
  }
  blocks.push(context(`As of ${formatDay(now, timeZone)}. Log with \`/call ${escapeName(c.name)} +trait …\` or \`/incident ${escapeName(c.name)} <kind>\`.`));
  return blocks;
}

/** Worst first: red flags, then criteria met, then lowest health; unknown health after known. */
export function worstFirst(a: ClientStanding, b: ClientStanding): number {
  return (
    b.redFlags - a.redFlags ||
    b.criteriaMet - a.criteriaMet ||
    Number(a.health.known === false) - Number(b.health.known === false) ||
    a.health.score - b.health.score ||
    a.client.name.localeCompare(b.client.name)
  );
}

export function clientLine(l: ClientStanding): string {
  const criteria = l.criteriaMet > 0 ? ` · ${l.redFlags > 0 ? '🚩' : '⚠️'} ${plural(l.criteriaMet, 'firing criterion', 'firing criteria')}` : '';
  const status = l.client.status === 'active' ? '' : ` · _${STATUS_LABELS[l.client.status]}_`;
  const score = l.health.known ? `${l.health.score}` : '?';
  return `${BAND_LABEL[l.health.known ? l.health.band : 'unknown'].split(' ')[0]} *${escapeName(l.client.name)}* ${score} · ${CATEGORY_LABELS[l.client.category]} · ${mention(l.client.ownerUserId)}${criteria}${status}`;
}

export function clientListBlocks(lines: ClientStanding[], title: string): Block[] {
  if (lines.length === 0) return [section(`${title}: no clients. \`/client add <name>\` registers one.`)];
  return [section(`*${title}* (${lines.length}, worst first)`), divider(), ...clientLineSections(lines)];
}

/** Clients worst first, ten to a section: long portfolios stay within the block limit. */
export function clientLineSections(lines: readonly ClientStanding[]): Block[] {
  const sorted = [...lines].sort(worstFirst);
  const blocks: Block[] = [];
  for (let i = 0; i < sorted.length; i += 10)
    blocks.push(
      section(
        sorted
          .slice(i, i + 10)
          .map(clientLine)
          .join('\n'),
      ),
    );
  return blocks;
}

/** What `/client add` stored, and how to log against it. */
export function clientAddedBlocks(c: ClientProfile, ownerDefaulted: boolean): Block[] {
  const value = c.monthlyValue !== null ? `, ${formatMoney(c.monthlyValue)}/month` : '';
  const owner = ownerDefaulted ? `${mention(c.ownerUserId)} (you; \`/client set … owner @someone\` changes it)` : mention(c.ownerUserId);
  return [
    section(
      `✅ *${escapeName(c.name)}* added: ${CATEGORY_LABELS[c.category]}, ${RELATIONSHIP_LABELS[c.relationship]}, owner ${owner}${value}.\n` +
        `Log a call with \`/call ${escapeName(c.name)} +trait …\`.`,
    ),
  ];
}

/**
 * A name that looks like an existing client's: say which (`message`, mrkdwn, names escaped), and let the person
 * confirm it is another client (the button carries what to do; nothing is stored until it is pressed).
 */
export function lookAlikeBlocks(message: string, confirm: LookAlikeConfirmation): Block[] {
  const label = confirm.op === 'add' ? `Add “${confirm.args.name}” anyway` : `Rename to “${confirm.name}” anyway`;
  return [section(`🤔 ${message}`), actions([button(label, ACTIONS.confirmLookAlike, JSON.stringify(confirm), 'primary')])];
}

/** The confirmation of `/client set`: the field as people read it. */
export function clientChangedReply(updated: ClientProfile, field: ClientField): Rendered {
  const shown: Record<ClientField, string> = {
    name: escapeName(updated.name),
    category: CATEGORY_LABELS[updated.category],
    relationship: RELATIONSHIP_LABELS[updated.relationship],
    owner: mention(updated.ownerUserId),
    value: updated.monthlyValue === null ? 'none' : `${formatMoney(updated.monthlyValue)}/month`,
    status: STATUS_LABELS[updated.status],
    renews: updated.renewsOn ? formatDay(new Date(`${updated.renewsOn}T12:00:00Z`)) : 'not known',
  };
  return {
    text: `${escapeName(updated.name)}: ${field} is now ${shown[field]}.`,
    blocks: [section(`✅ *${escapeName(updated.name)}*: ${field} is now ${shown[field]}.`)],
  };
}

/** What `/client list` shows above its clients. */
export function clientListTitle(filter: ClientListFilter, reader: string): string {
  if (filter.ownerUserId) return filter.ownerUserId === reader ? 'Your clients' : `Clients of ${mention(filter.ownerUserId)}`;
  if (filter.category) return `${CATEGORY_LABELS[filter.category]} clients`;
  if (filter.band) return `Clients ${BAND_LABEL[filter.band]}`;
  if (filter.status) return `Clients ${STATUS_LABELS[filter.status]}`;
  return 'All clients';
}
