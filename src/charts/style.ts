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

/** The size of a picture that is not a list of rows: wide enough to read in Slack's image block, half as high. */
export const CHART_SIZE = { width: 640, height: 320 } as const;

/**
 * Every picture's frame: its size (fitted, padding included), a white page, the title on the side the reader
 * starts from, and the one font that draws all four languages (no system font), legends on top.
 */
export function chartFrame(frame: { title: string; rtl: boolean; width: number; height: number }) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: frame.width,
    height: frame.height,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    padding: 12,
    title: { text: bare(frame.title), anchor: frame.rtl ? 'end' : 'start' },
    config: { font: 'Vazirmatn', view: { stroke: null }, legend: { orient: 'top', title: null, direction: 'horizontal' } },
  } as const;
}
