/**
 * `/rapport value [6m]`: the team's monthly value per client category month by month (the last 6 unless said), and
 * the clients moved between categories in that time. Any member may ask: it is the team's own portfolio.
 */
import { RapportError } from '../../../domain/errors.js';
import { DAY_MS } from '../../../domain/types.js';
import { lastMonths, valueByCategory, valueMonthsOf } from '../../../domain/valueByCategory.js';
import { valueSources } from '../../../db/queries/valueByCategory.js';
import { valueByCategoryMessage } from '../../blocks/valueByCategory.js';
import type { Turn } from '../../frame.js';
import { said } from '../../../i18n/messages.js';
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
  await turn.reply(valueByCategoryMessage(report, await turn.reader()));
}
