/**
 * `/rapport outcomes [30d | 6m | 1y | 2026-q3]`: what came of the decisions taken in a window (the last quarter
 * unless said), then, privately, a picture of the reasons they were taken for.
 */
import { outcomeReasonsAlt, outcomeReasonsSpec, outcomeReasonsTitle } from '../../../charts/outcomeReasons.js';
import { RapportError } from '../../../domain/errors.js';
import { outcomeWindowOf, type OutcomesReport } from '../../../domain/outcomes.js';
import { outcomesReport } from '../../../services/outcomes.js';
import { outcomesReportMessage } from '../../blocks/outcomes.js';
import { showChartAfter } from '../../chartFiles.js';
import type { Turn } from '../../frame.js';
import { said, t } from '../../../i18n/messages.js';
import { latinDigits } from '../../../i18n/numbers.js';
import type { Reader } from '../../../i18n/reader.js';

export async function outcomesCommand(turn: Turn, words: readonly string[]): Promise<void> {
  const { today } = await turn.workspace();
  const typed = words.join(' ');
  // Digits as typed in any script: `۳۰d` is `30d`.
  const window = outcomeWindowOf(latinDigits(typed), today);
  if (!window) throw new RapportError('invalid_input', said('outcomes.report.badWindow', { typed: typed.slice(0, 40) }));
  const report = await outcomesReport(turn.deps.db, await turn.actIn(), window);
  const reader = await turn.reader();
  await turn.reply(outcomesReportMessage(report, reader));
  await showReasonsChart(turn, report, reader);
}

/** The reasons as a picture, after the text (none when no decision gave a reason). */
async function showReasonsChart(turn: Turn, report: OutcomesReport, reader: Reader): Promise<void> {
  const spec = outcomeReasonsSpec(report, reader);
  if (!spec) return;
  const alt = outcomeReasonsAlt(report, reader);
  await showChartAfter(turn, spec, { title: outcomeReasonsTitle(report, reader), alt, filename: 'reasons.png' }, outcomeReasonsAlt(report, reader, t));
}
