/** `/client renewals`: the clients renewing in the next 90 days, soonest first, each with its monthly value, health and History. */
import { RENEWALS_AHEAD_DAYS, renewalsTotal, type Renewal } from '../../charts/renewals.js';
import { formatCalendarDay, formatMoney } from '../../i18n/format.js';
import { healthLabel } from '../../i18n/labels.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import type { Reader } from '../../i18n/reader.js';
import { DIGEST_ACTIONS } from '../ids.js';
import { button, context, section, type Block } from './kit.js';
import { blocksFor } from './text.js';

/** Renewals listed one per block (each with its History button): well within a message's 50 blocks. */
export const RENEWALS_LISTED = 20;

/** The fallback text: how many renew. */
export const renewalsText = (renewals: readonly Renewal[], reader: Reader): string =>
  t(reader, 'clientCharts.renewals.text', { days: RENEWALS_AHEAD_DAYS, count: renewals.length });

export function renewalsBlocks(renewals: readonly Renewal[], reader: Reader): Block[] {
  if (renewals.length === 0) {
    return [section(t(reader, 'clientCharts.renewals.none', { days: RENEWALS_AHEAD_DAYS, command: md('`/client set <name> renews 2027-03-01`') }))];
  }
  const valued = renewals.filter((r) => r.monthlyValue !== null).length;
  const blocks: Block[] = [
    section(
      t(reader, 'clientCharts.renewals.header', {
        days: RENEWALS_AHEAD_DAYS,
        count: renewals.length,
        valued: valued > 0 ? 'some' : 'none',
        total: formatMoney(renewalsTotal(renewals), reader),
      }),
    ),
    ...renewals.slice(0, RENEWALS_LISTED).map((r) => {
      const args = { day: formatCalendarDay(r.renewsOn, reader), name: r.name, health: md(healthLabel(reader, r.health)) };
      return section(
        r.monthlyValue === null
          ? t(reader, 'clientCharts.renewals.lineNoValue', args)
          : t(reader, 'clientCharts.renewals.line', { ...args, amount: formatMoney(r.monthlyValue, reader) }),
        { block_id: `renewal:${r.clientId}`, accessory: button(tPlain(reader, 'digest.button.history'), DIGEST_ACTIONS.history, r.clientId) },
      );
    }),
  ];
  if (renewals.length > RENEWALS_LISTED) blocks.push(context(t(reader, 'clientCharts.renewals.more', { count: renewals.length - RENEWALS_LISTED })));
  return blocksFor(reader, blocks);
}
