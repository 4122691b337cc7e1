/**
 * `/rapport value [6m]`: the team's monthly value per client category month by month (the last 6 unless said), and
 * the clients moved between categories in that time. Any member may ask: it is the team's own portfolio.
 */
import { RapportError } from '../../../domain/errors.js';
import { DAY_MS } from '../../../domain/types.js';
import { lastMonths, valueByCategory, valueMonthsOf, type ValueByCategory } from '../../../domain/valueByCategory.js';
import { valueSources } from '../../../db/queries/valueByCategory.js';
import { valueByCategoryMessage } from '../../blocks/valueByCategory.js';
import type { Turn } from '../../frame.js';
import { said, t } from '../../../i18n/messages.js';
import type { Reader } from '../../../i18n/reader.js';
import { errorText } from '../../../log.js';
import { valueChartAlt, valueChartSpec, valueChartTitle } from '../../../charts/valueByCategory.js';
import { chartBlock, uploadedChart } from '../../chartFiles.js';
import { replyEphemeral } from '../../reply.js';
import { latinDigits } from '../../../i18n/numbers.js';

export async function valueCommand(turn: Turn, words: readonly string[]): Promise<void> {
  const typed = words.join(' ');
  // Digits as typed in any script: `۶m` is `6m`.
  const count = valueMonthsOf(latinDigits(typed));
  if (count === undefined) throw new RapportError('invalid_input', said('value.badMonths', { typed: typed.slice(0, 40) }));
  const { workspace } = await turn.workspace();
  const { timeZone } = workspace;
  const months = lastMonths(turn.now, timeZone, count);
  // Changes made before the first month cannot alter it (a day's margin for the zone).
  const [y, m] = months[0]!.split('-').map(Number) as [number, number];
  const since = new Date(Date.UTC(y, m - 1, 1) - 2 * DAY_MS);
  const sources = await valueSources(turn.deps.db, { teamId: turn.teamId, since });
  const report = valueByCategory(sources.clients, sources.history, { months, timeZone });
  const reader = await turn.reader();
  await turn.reply(valueByCategoryMessage(report, reader));
  await showValueChart(turn, report, reader);
}

/** The months as a picture, after the text; one that cannot be made or shown is logged (the text answer stands). */
async function showValueChart(turn: Turn, report: ValueByCategory, reader: Reader): Promise<void> {
  // Taken over from a worker that stopped after answering: the answer (and its picture) went then.
  if (!(await turn.mayFollowAnswer())) return;
  const spec = valueChartSpec(report, reader);
  if (!spec) return;
  try {
    const alt = valueChartAlt(report, reader);
    const title = valueChartTitle(report, reader);
    const fileId = await uploadedChart({ web: turn.web, teamId: turn.teamId, instance: turn.deps }, spec, { title, alt, filename: 'value.png' });
    await replyEphemeral(
      { client: turn.web, responseUrl: turn.responseUrl, channelId: turn.channelId, userId: turn.userId, logger: turn.deps.logger },
      { text: valueChartAlt(report, reader, t), blocks: [chartBlock(fileId, alt, title)] },
    );
  } catch (error) {
    turn.deps.logger.warn('could not show the value by category chart; the text answer stands', { entry: turn.entry, error: errorText(error) });
  }
}
