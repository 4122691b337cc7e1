/**
 * CSV as spreadsheets read it (RFC 4180: comma-separated, CRLF rows, quotes doubled inside a quoted cell), written
 * so that no spreadsheet misreads a cell, whatever list separator its locale splits on (a comma, or a semicolon as
 * Excel in most of Europe uses) and whether it runs a formula typed in full-width characters. Client names and
 * notes are user text.
 *
 * Numbers (and booleans) are written as they are: data, never formulas (a negative amount stays a number). Every
 * other cell is text (times as ISO 8601, lists and settings as JSON):
 * - it is quoted when it holds anything a spreadsheet may split on or run (a comma, semicolon, tab, line break or
 *   quote, or = + - @) anywhere, so that it stays one cell and a formula cannot begin in the middle of it;
 * - it gets a leading apostrophe (OWASP's advice) when it would start a formula: its first character after any
 *   white space a spreadsheet skips is = + - or @, or it starts with a tab or carriage return.
 * Full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫, ；，) count as what they stand for: each character is judged by
 * its compatibility form (NFKC), which is how a spreadsheet that accepts them reads them.
 */
const FORMULA_SIGNS = /^[=+\-@]/;
const NEEDS_QUOTES = /[",;\t\r\n=+\-@]/;
/** White space a spreadsheet skips before a formula (spaces of every kind, line breaks, a byte-order mark). */
const LEADING_SPACE = /^[\s\p{Z}]+/u;

/** Whether a text cell would start a formula: = + - @ first (after white space), or a tab or CR first. */
function startsFormula(text: string): boolean {
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  const first = Array.from(text.replace(LEADING_SPACE, ''))[0];
  return first !== undefined && FORMULA_SIGNS.test(first.normalize('NFKC'));
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const safe = startsFormula(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe.normalize('NFKC')) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Marks a file as UTF-8 for Excel, which otherwise reads a CSV file in the computer's legacy code page (ğ, ş, ä and
 * every Persian letter garbled); LibreOffice and scripts reading UTF-8 skip it.
 */
export const BYTE_ORDER_MARK = '\uFEFF';

/** A table as CSV: a header row, then one record per row, each cell as `csvCell` writes it; with `bom`, marked as UTF-8 for Excel. */
export function csvTable(header: readonly string[], rows: readonly (readonly unknown[])[], { bom = false }: { bom?: boolean } = {}): string {
  const records = [header, ...rows].map((cells) => cells.map(csvCell).join(','));
  return `${bom ? BYTE_ORDER_MARK : ''}${records.join('\r\n')}\r\n`;
}

/** Rows keyed by column name, under a header of those names (the raw tables, for scripts). */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return csvTable(
    columns,
    rows.map((row) => columns.map((c) => row[c])),
  );
}
