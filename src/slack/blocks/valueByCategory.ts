/**
 * `/rapport value` in the reader's words (issue 30): a table of each month's value per client category with its
 * total, what it was counted from, then the clients moved between categories in those months.
 */
import { CATEGORIES } from '../../domain/catalogue.js';
import { monthLabel } from '../../charts/valueByCategory.js';
import type { MonthValue, ValueByCategory, ValueMove } from '../../domain/valueByCategory.js';
import { context, section, type Block } from './kit.js';
import { escapeText, LIMITS, mentionFor, truncate } from './text.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import { categoryLabel } from '../../i18n/labels.js';
import { formatDay, formatMoney } from '../../i18n/format.js';
import type { Reader } from '../../i18n/reader.js';

/** Moves listed before the rest is only counted. */
const LISTED_MOVES = 20;

/** The table, monospaced: a row a month, a column a category, then the total. */
export function valueTable(report: ValueByCategory, reader: Reader): string {
  const header = [tPlain(reader, 'value.column.month'), ...CATEGORIES.map((c) => tPlain(reader, `value.column.${c}`)), tPlain(reader, 'value.column.total')];
  const rows = report.months.map((m) => [
    `${monthLabel(m.month, reader)}${m.toDate ? '*' : ''}`,
    ...CATEGORIES.map((c) => formatMoney(m.byCategory[c].value, reader)),
    formatMoney(m.total, reader),
  ]);
  // Direction marks (Persian) take no room: columns are measured by what shows.
  const shown = (cell: string) => [...cell.replace(/[\u200B-\u200F\u2066-\u2069]/g, '')].length;
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => shown(r[i]!))));
  const pad = (cell: string, i: number) => ' '.repeat(widths[i]! - shown(cell));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell + pad(cell, i) : pad(cell, i) + cell)).join('  ');
  return ['```', line(header), ...rows.map(line), '```'].join('\n');
}

function moveLine(move: ValueMove, reader: Reader): string {
  const args = {
    day: md(formatDay(move.at, reader)),
    name: move.clientName,
    from: categoryLabel(reader, move.from),
    to: categoryLabel(reader, move.to),
    who: md(mentionFor(reader, move.by)),
    hasReason: move.reason ? 'yes' : 'no',
    reason: move.reason ?? '',
  };
  return `• ${
    move.monthlyValue === null ? t(reader, 'value.move', args) : t(reader, 'value.moveValued', { ...args, amount: formatMoney(move.monthlyValue, reader) })
  }`;
}

function movesBlocks(moves: readonly ValueMove[], reader: Reader): Block[] {
  if (moves.length === 0) return [context(t(reader, 'value.moves.none'))];
  const lines = moves.slice(0, LISTED_MOVES).map((m) => moveLine(m, reader));
  if (moves.length > LISTED_MOVES) lines.push(t(reader, 'value.moves.more', { count: moves.length - LISTED_MOVES }));
  return [
    section(truncate(`${t(reader, 'value.moves.title', { count: moves.length })}\n${lines.join('\n')}`, LIMITS.sectionText, '…')),
    // How to say why, only when some move has no reason.
    ...(moves.slice(0, LISTED_MOVES).some((m) => !m.reason) ? [context(t(reader, 'value.moves.noReason'))] : []),
  ];
}

/** The category that earns most in the last month, and its share of the total (none when nothing is earned). */
function mostLine(month: MonthValue, reader: Reader): string[] {
  if (month.total <= 0) return [];
  const most = CATEGORIES.reduce((top, c) => (month.byCategory[c].value > month.byCategory[top].value ? c : top));
  return [
    t(reader, 'value.most', {
      category: md(`*${escapeText(categoryLabel(reader, most))}*`),
      amount: formatMoney(month.byCategory[most].value, reader),
      total: formatMoney(month.total, reader),
      month: monthLabel(month.month, reader),
      share: month.byCategory[most].value / month.total,
    }),
  ];
}

/** `/rapport value`: the months' table with totals, how it was counted, and the moves between categories. */
export function valueByCategoryMessage(report: ValueByCategory, reader: Reader): { text: string; blocks: Block[] } {
  const first = report.months[0]!;
  const last = report.months[report.months.length - 1]!;
  const window = { from: monthLabel(first.month, reader), to: monthLabel(last.month, reader) };
  const counted = report.months.some((m) => CATEGORIES.some((c) => m.byCategory[c].clients > 0));
  if (!counted) return { text: tPlain(reader, 'value.text', window), blocks: [section(t(reader, 'value.title', window)), context(t(reader, 'value.empty'))] };
  const notes = [t(reader, 'value.toDate', { month: md(`${window.to}*`) }), t(reader, 'value.basis')];
  if (report.unvaluedClients > 0) notes.push(t(reader, 'value.unvalued', { count: report.unvaluedClients }));
  return {
    text: tPlain(reader, 'value.text', window),
    blocks: [
      section([t(reader, 'value.title', window), ...mostLine(last, reader)].join('\n')),
      section(valueTable(report, reader)),
      context(notes.join('\n')),
      ...movesBlocks(report.moves, reader),
    ],
  };
}
