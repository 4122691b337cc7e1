/**
 * `/rapport outcomes [30d | 6m | 1y | 2026-q3]`: what came of the decisions taken in a window (the last quarter
 * unless said), then, privately, a picture of the reasons they were taken for.
 */
import { outcomeReasonsAlt, outcomeReasonsSpec, outcomeReasonsTitle } from '../../../charts/outcomeReasons.js';
import { RapportError } from '../../../domain/errors.js';
import { outcomeWindowOf, type OutcomesReport } from '../../../domain/outcomes.js';
import { outcomesReport } from '../../../services/outcomes.js';
import { outcomesReportMessage } from '../../blocks/outcomes.js';
import { chartBlock, uploadedChart } from '../../chartFiles.js';
import type { Turn } from '../../frame.js';
import { replyEphemeral } from '../../reply.js';
import { said, t } from '../../../i18n/messages.js';
import { latinDigits } from '../../../i18n/numbers.js';
import type { Reader } from '../../../i18n/reader.js';
import { errorText } from '../../../log.js';

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

/** The reasons as a picture, after the text; one that cannot be made or shown is logged (the text answer stands). */
async function showReasonsChart(turn: Turn, report: OutcomesReport, reader: Reader): Promise<void> {
  // Taken over from a worker that stopped after answering: the answer (and its picture) went then.
  if (turn.stored?.answeredAt) return;
  const spec = outcomeReasonsSpec(report, reader);
  if (!spec) return;
  try {
    const alt = outcomeReasonsAlt(report, reader);
    const title = outcomeReasonsTitle(report, reader);
    const fileId = await uploadedChart({ web: turn.web, teamId: turn.teamId, instance: turn.deps }, spec, { title, alt, filename: 'reasons.png' });
    await replyEphemeral(
      { client: turn.web, responseUrl: turn.responseUrl, channelId: turn.channelId, userId: turn.userId, logger: turn.deps.logger },
      { text: outcomeReasonsAlt(report, reader, t), blocks: [chartBlock(fileId, alt, title)] },
    );
  } catch (error) {
    turn.deps.logger.warn('could not show the decision reasons chart; the text answer stands', { entry: turn.entry, error: errorText(error) });
  }
}
