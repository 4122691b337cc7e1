/**
 * CSV as spreadsheets read it (RFC 4180: comma-separated, CRLF rows, fields with a comma, quote or line break
 * quoted, quotes doubled), with formula injection defused: a cell that a spreadsheet would run as a formula
 * (starting with = + - @, a tab or a carriage return) gets a leading apostrophe (OWASP's advice). Client names
 * and notes are user text.
 */
const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : typeof value === 'string' ? value : String(value);
  // Numbers are data, not formulas: only text is defused (a negative amount stays a number).
  const safe = typeof value === 'string' && FORMULA.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return [columns.map(csvCell), ...rows.map((row) => columns.map((c) => csvCell(row[c])))].map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
