/** What every picture shares: its words as the renderer can draw them, and axis numbers in the reader's digits. */
import { formatNumber } from '../i18n/format.js';
import type { Reader } from '../i18n/reader.js';

/** Direction marks help mixed text in Slack's mrkdwn; the renderer lays out bidirectional text itself, and has no glyph for them. */
export const bare = (text: string): string => text.replace(/[\u200E\u200F\u2066-\u2069]/g, '');

/** A vega `labelExpr` writing each of `ticks` as the reader writes numbers (vega itself writes Latin digits). */
export function tickLabels(ticks: readonly number[], reader: Reader, label: (tick: number) => string = (tick) => formatNumber(tick, reader)): string {
  const quoted = (text: string) => `'${bare(text).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return ticks.reduceRight((rest, tick) => `datum.value == ${tick} ? ${quoted(label(tick))} : ${rest}`, 'datum.label');
}
