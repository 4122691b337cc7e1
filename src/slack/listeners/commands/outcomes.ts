/** `/rapport outcomes [30d | 6m | 1y | 2026-q3]`: what came of the decisions taken in a window (the last quarter unless said). */
import { RapportError } from '../../../domain/errors.js';
import { outcomeWindowOf } from '../../../domain/outcomes.js';
import { outcomesReport } from '../../../services/outcomes.js';
import { outcomesReportMessage } from '../../blocks/outcomes.js';
import type { Turn } from '../../frame.js';
import { said } from '../../../i18n/messages.js';

export async function outcomesCommand(turn: Turn, words: readonly string[]): Promise<void> {
  const { today } = await turn.workspace();
  const typed = words.join(' ');
  const window = outcomeWindowOf(typed, today);
  if (!window) throw new RapportError('invalid_input', said('outcomes.report.badWindow', { typed: typed.slice(0, 40) }));
  const report = await outcomesReport(turn.deps.db, await turn.actIn(), window);
  await turn.reply(outcomesReportMessage(report, await turn.reader()));
}
