/**
 * A score explained, in the reader's words (issue 29): health with the firing criteria beside it (one formatter for
 * every place health is shown, so a healthy score with a criterion met never reads as plain green), the score's
 * parts, what moved it since last week, what would bring it back to healthy, and a call that moved it against its notes.
 */
import type { Catalogue } from '../../domain/catalogue.js';
import type { CriterionJudged } from '../../domain/firingCriteria.js';
import type { Health } from '../../domain/health.js';
import type { CallAgainstItsNotes, ScoreParts, WeekMovement } from '../../domain/explain.js';
import type { RestoreGreen } from '../../domain/restoreGreen.js';
import { formatDay, formatList, formatNumber } from '../../i18n/format.js';
import { criterionLabel, healthLabel, incidentLabel, traitLabel, traitName } from '../../i18n/labels.js';
import { md, t, tPlain, type MessageKey } from '../../i18n/messages.js';
import { MESSAGES } from '../../i18n/messages/index.js';
import type { Reader } from '../../i18n/reader.js';
import { escapeText, mentionFor, signedNumber } from './text.js';

/** "🚩 meets a firing criterion: Lying", or '' when none is met. */
export function criteriaText(reader: Reader, met: readonly Pick<CriterionJudged, 'criterion'>[]): string {
  if (met.length === 0) return '';
  return t(reader, 'explain.criteria', {
    flag: md(met.some((m) => m.criterion.class === 'red_flag') ? '🚩' : '⚠️'),
    count: met.length,
    criteria: formatList(
      met.map((m) => criterionLabel(reader, m.criterion.kind)),
      reader,
    ),
  });
}

/** A client's health with the criteria it meets beside it: "*75* 🟢 healthy · 🚩 meets a firing criterion: Lying". */
export function healthWithCriteria(reader: Reader, health: Health, met: readonly Pick<CriterionJudged, 'criterion'>[]): string {
  const label = healthLabel(reader, health);
  return met.length === 0 ? label : t(reader, 'explain.healthWithCriteria', { health: md(label), criteria: md(criteriaText(reader, met)) });
}

/** A dimension of traits in the reader's words: the default ones have words in the catalogue, a workspace's own shows its key. */
function dimensionName(reader: Reader, dimension: string): string {
  const key = `digest.dimension.${dimension}`;
  return key in MESSAGES.en ? tPlain(reader, key as MessageKey) : escapeText(dimension);
}

/** "Where 58 comes from": 50, then each dimension's part that moves the shown score (the shown parts add up to it). */
export function scorePartsText(reader: Reader, explained: ScoreParts): string | undefined {
  const { health, parts } = explained;
  const shown = parts.filter((p) => p.shown !== 0);
  if (!health.known || shown.length === 0) return undefined;
  const lines = shown.map((p) => {
    const args = { dimension: md(dimensionName(reader, p.dimension)), points: md(signedNumber(p.shown, reader)) };
    return p.goodNotes + p.badNotes === 0
      ? t(reader, 'explain.parts.older', args)
      : t(reader, 'explain.parts.line', { ...args, good: p.goodNotes, bad: p.badNotes });
  });
  return [t(reader, 'explain.parts.title', { score: health.score, start: 50 }), ...lines].join('\n');
}

/** "Since last week": time passing and each call of the week, with the points each moved it; the week's incidents beside. */
export function weekMovementText(reader: Reader, catalogue: Catalogue, m: WeekMovement): string {
  const score = (h: Health) => (h.known ? formatNumber(h.score, reader) : '?');
  // A call of the week is listed even when it moved the shown score by less than a point (±0): it was counted.
  const moves = m.moves.filter((x) => x.shown !== 0 || x.kind === 'call');
  if (moves.length === 0 && m.incidents.length === 0 && m.change === 0) return t(reader, 'explain.week.same');
  const signedOrZero = (n: number) => (n === 0 ? `±${formatNumber(0, reader)}` : signedNumber(n, reader));
  const day = (d: Date) => formatDay(d, reader);
  const lines = moves.map((x) => {
    const change = md(signedOrZero(x.shown));
    if (x.kind === 'time') return t(reader, x.points > 0 ? 'explain.week.timeUp' : 'explain.week.timeDown', { change });
    return t(reader, 'explain.week.call', {
      change,
      day: md(day(x.at)),
      who: md(mentionFor(reader, x.loggedBy || null)),
      traits: md(x.traits.map((tr) => traitLabel(reader, catalogue, tr.trait)).join(' · ')),
    });
  });
  for (const i of m.incidents) lines.push(t(reader, 'explain.week.incident', { what: md(incidentLabel(reader, i.kind)), day: md(day(i.occurredAt)) }));
  const change = md(signedOrZero(m.change));
  const title = m.from.known
    ? t(reader, 'explain.week.title', { from: md(score(m.from)), to: md(score(m.to)), change })
    : t(reader, 'explain.week.titleNew', { start: 50, to: md(score(m.to)), change });
  return [title, ...lines].join('\n');
}

/** "Back to healthy": the smallest plan found, in a sentence, and how it was counted; undefined for a healthy or unknown client. */
export function restoreText(reader: Reader, catalogue: Catalogue, r: RestoreGreen): string | undefined {
  if (r.kind === 'healthy' || r.kind === 'unknown') return undefined;
  const title = t(reader, 'explain.restore.title');
  if (r.kind === 'out_of_reach') return `${title}\n${t(reader, 'explain.restore.out', { calls: r.calls, weeks: r.weeks })}`;
  const traits = md(
    formatList(
      r.traits.map((key) => `_${escapeText(traitName(reader, catalogue, key))}_`),
      reader,
    ),
  );
  const day = md(formatDay(r.by, reader));
  if (r.weeks === 0) return `${title}\n${t(reader, 'explain.restore.now', { calls: r.calls, traits, score: r.reaches.score })}`;
  const later = t(reader, 'explain.restore.later', { calls: r.calls, traits, weeks: r.weeks, score: r.reaches.score, day });
  // Several calls: say how they were spread (a week apart), since calls made earlier count less by then.
  return [title, later, ...(r.calls > 1 ? [t(reader, 'explain.restore.how', { calls: r.calls, day })] : [])].join('\n');
}

/** Why a call moved the score against its own notes (more bad than good, yet up; or the reverse). */
export function callAgainstItsNotesText(reader: Reader, against: CallAgainstItsNotes): string {
  const args = { good: against.goodNotes, total: against.goodNotes + against.badNotes };
  return t(reader, against.direction === 'up' ? 'explain.call.upDespiteBad' : 'explain.call.downDespiteGood', args);
}
