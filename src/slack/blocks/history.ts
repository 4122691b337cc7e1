/** A client's timeline (the digest's History button): everything logged and decided, newest first, in the reader's words. */
import type { ClientTimeline } from '../../services/clients.js';
import type { Catalogue } from '../../domain/catalogue.js';
import { formatDay } from '../../i18n/format.js';
import { categoryLabel, traitLabel } from '../../i18n/labels.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import type { Reader } from '../../i18n/reader.js';
import { decisionLine, snoozeLine } from './digest.js';
import { context, section, type Block } from './kit.js';
import { incidentWhat } from './confirmations.js';
import { detailText } from './clients.js';
import { blocksFor, commandFor, escapeText, joinParts, truncate } from './text.js';

const LIMIT = 40;

/** The Slack message an entry was logged from, as a link. */
const evidence = (reader: Reader, url: string | null | undefined) => (url ? ` · <${url}|${tPlain(reader, 'client.history.theMessage')}>` : '');

export function historyBlocks(catalogue: Catalogue, timeline: ClientTimeline, where: Reader): Block[] {
  const reader = where;
  const traitsByCall = new Map<string, string[]>();
  for (const o of timeline.record.observations) traitsByCall.set(o.callId, [...(traitsByCall.get(o.callId) ?? []), traitLabel(reader, catalogue, o.trait)]);
  const who = (userId: string) => md(`<@${userId}>`);
  const events: { at: Date; line: string }[] = [
    ...timeline.record.calls.map((c) => {
      const traits = traitsByCall.get(c.id);
      const said = traits
        ? t(reader, 'client.history.callTraits', { who: who(c.loggedBy), traits: md(joinParts(reader, traits)) })
        : t(reader, 'client.history.call', { who: who(c.loggedBy) });
      return { at: c.occurredAt, line: `${said}${c.notes ? ` — ${escapeText(truncate(c.notes, 100))}` : ''}${evidence(reader, c.evidenceUrl)}` };
    }),
    ...timeline.record.incidents.map((i) => ({
      at: i.occurredAt,
      line: `${t(reader, 'client.history.incident', { what: md(incidentWhat(reader, i)), who: who(i.loggedBy) })}${i.description ? ` — ${escapeText(truncate(i.description, 100))}` : ''}${evidence(reader, i.evidenceUrl)}`,
    })),
    ...timeline.record.warnings.map((w) => ({
      at: w.givenAt,
      // English reads the kind in the middle of the sentence, lower case ("told the client that lying is unacceptable").
      line: t(reader, 'client.history.warning', {
        who: who(w.givenBy),
        kind: md(reader.locale === 'en' ? tPlain(reader, `label.incident.${w.kind}`).toLowerCase() : tPlain(reader, `label.incident.${w.kind}`)),
      }),
    })),
    // The decisions' and snoozes' lines are the digest's (blocks/digest.ts), shared with it.
    ...timeline.decisions.map((d) => ({ at: d.decidedAt, line: decisionLine(d, reader) })),
    ...timeline.snoozes.map((s) => ({ at: s.snoozedAt, line: snoozeLine(s, reader) })),
    ...timeline.categoryChanges.map((c) => ({
      at: c.changedAt,
      line: t(reader, 'client.history.category', {
        from: md(categoryLabel(reader, c.fromCategory)),
        to: md(categoryLabel(reader, c.toCategory)),
        who: who(c.changedBy),
        hasReason: c.reason ? 'yes' : 'no',
        reason: c.reason ?? '',
      }),
    })),
    ...timeline.changes.map((c) => ({
      at: c.at,
      line: t(reader, 'changes.history', {
        field: md(tPlain(reader, `changes.field.${c.field}`)),
        from: md(detailText(c.field, c.from, reader)),
        to: md(detailText(c.field, c.to, reader)),
        who: who(c.by),
      }),
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const name = timeline.client.name;
  if (events.length === 0) return [section(t(reader, 'client.history.empty', { name }))];
  const lines = events.slice(0, LIMIT).map((e) => `${formatDay(e.at, reader)} · ${e.line}`);
  const blocks: Block[] = [section(t(reader, 'client.history.header', { name }))];
  for (let i = 0; i < lines.length; i += 10) blocks.push(section(lines.slice(i, i + 10).join('\n')));
  if (events.length > LIMIT)
    blocks.push(context(t(reader, 'client.history.more', { count: events.length - LIMIT, command: commandFor('/client show', name) })));
  return blocksFor(reader, blocks);
}

/** The fallback text of the History answer. */
export const historyText = (timeline: ClientTimeline, reader: Reader): string => t(reader, 'client.history.text', { name: timeline.client.name });
