/**
 * A minimal RFC 4180 reader, as a spreadsheet reads a CSV file: records of fields split on `separator` (a comma,
 * or the semicolon of a European Excel) outside quotes; a quoted field may hold separators, quotes (doubled) and
 * line breaks. Records end in CRLF.
 */
export function parseCsv(text: string, separator: ',' | ';' | '\t' = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) (record.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (record.push(field), records.push(record), (record = []), (field = ''), i++);
    else field += ch;
  }
  return records;
}
