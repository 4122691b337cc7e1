/**
 * CSV cells that no spreadsheet misreads: a text cell stays one cell whether the spreadsheet splits on commas or
 * on semicolons (Excel in most European locales), and never starts a formula, in ASCII or full-width signs.
 */
import { describe, expect, it } from 'vitest';
import { csvCell, csvTable, toCsv } from '../../src/domain/csv.js';
import { parseCsv } from '../support/csv.js';

/** The cell as a spreadsheet splitting on `separator` reads it back: one field, or more if it was split. */
function readBack(value: unknown, separator: ',' | ';' | '\t'): string[] {
  const records = parseCsv(toCsv(['cell'], [{ cell: value }]), separator);
  expect(records[0]).toEqual(['cell']);
  expect(records).toHaveLength(2);
  return records[1]!;
}

describe('CSV cells', () => {
  it('quotes what needs quoting, defuses formulas, writes times as ISO and lists as JSON', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Café Noir & Co. (Ltd)')).toBe('Café Noir & Co. (Ltd)');
    expect(csvCell('Acme, "the big one"\nline 2')).toBe('"Acme, ""the big one""\nline 2"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(['+1', '-2 sold', '@here'].map(csvCell)).toEqual([`"'+1"`, `"'-2 sold"`, `"'@here"`]);
    expect(csvCell(new Date('2026-11-23T10:00:00Z'))).toBe('"2026-11-23T10:00:00.000Z"');
    expect(csvCell(['clarity', 'pace'])).toBe('"[""clarity"",""pace""]"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('keeps numbers and true/false as they are: data, never formulas', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(1200.5)).toBe('1200.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(true)).toBe('true');
  });

  it('quotes a cell with a semicolon, so a semicolon-splitting spreadsheet cannot start a formula inside it', () => {
    expect(csvCell('x;=1+1')).toBe('"x;=1+1"');
    expect(csvCell('Acme; Ltd')).toBe('"Acme; Ltd"');
    expect(readBack('x;=1+1', ';')).toEqual(['x;=1+1']);
    expect(readBack('x;=1+1', ',')).toEqual(['x;=1+1']);
  });

  it('quotes a cell with = + - or @ anywhere in it, and with a tab', () => {
    expect(csvCell('x=1+1')).toBe('"x=1+1"');
    expect(csvCell('Smith-Jones')).toBe('"Smith-Jones"');
    expect(csvCell('mail me@acme')).toBe('"mail me@acme"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    expect(readBack('x\t=1+1', '\t')).toEqual(['x\t=1+1']);
  });

  it('defuses a formula behind leading white space a spreadsheet would skip', () => {
    expect(csvCell(' =1+1')).toBe(`"' =1+1"`);
    expect(csvCell('\u00A0\u3000+1')).toBe(`"'\u00A0\u3000+1"`);
    expect(csvCell('\n@SUM(A1)')).toBe(`"'\n@SUM(A1)"`);
    expect(csvCell('\tplain')).toBe(`"'\tplain"`);
    expect(csvCell('\rplain')).toBe(`"'\rplain"`);
    expect(csvCell('  plain')).toBe('  plain');
  });

  it('treats full-width and small formula signs and separators as what they stand for', () => {
    expect(csvCell('＝1+1')).toBe(`"'＝1+1"`);
    expect(csvCell('＋1')).toBe(`"'＋1"`);
    expect(csvCell('－2')).toBe(`"'－2"`);
    expect(csvCell('＠here')).toBe(`"'＠here"`);
    expect(csvCell('﹦1')).toBe(`"'﹦1"`);
    expect(csvCell(' ＝1')).toBe(`"' ＝1"`);
    expect(csvCell('x；＝1')).toBe('"x；＝1"');
    expect(csvCell('x，y')).toBe('"x，y"');
  });

  it('round trip: every tricky cell reads back as one cell with its text, behind an apostrophe where it would start a formula', () => {
    const cells: [string, boolean][] = [
      ['x;=1+1', false],
      ['a;b,c\td', false],
      ['=1+1', true],
      ['  =1+1;2', true],
      ['＝HYPERLINK("http://evil";"x")', true],
      ['x\t＠here', false],
      ['\tindented', true],
      ['He said "hi"; then left', false],
      ['line 1\r\nline 2; =2+2', false],
      ['Smith-Jones', false],
    ];
    for (const [text, defused] of cells) {
      for (const separator of [',', ';', '\t'] as const) {
        expect(readBack(text, separator), `${JSON.stringify(text)} split on ${JSON.stringify(separator)}`).toEqual([defused ? `'${text}` : text]);
      }
    }
  });

  it('a whole row stays its columns when a semicolon-splitting spreadsheet reads it: no field starts a formula', () => {
    const csv = toCsv(['name', 'note', 'value'], [{ name: 'x;=1+1', note: '; @SUM(A1)', value: -3 }]);
    expect(parseCsv(csv, ',')).toEqual([
      ['name', 'note', 'value'],
      ['x;=1+1', '; @SUM(A1)', '-3'],
    ]);
    for (const field of parseCsv(csv, ';').flat()) expect(field.trimStart()).not.toMatch(/^[=+\-@]/);
  });

  it('a sheet for people starts with a byte-order mark, ends rows in CRLF and keeps Turkish, Persian and Finnish text intact', () => {
    const csv = csvTable(
      ['Müşteri', 'مشتری', 'Asiakas'],
      [
        ['Çağrı Ağ Hizmetleri', 'شرکت پارس‌گستر', 'Säätiö Öljy & Jää'],
        ['İstanbul, Şişli', 'تهران؛ ونک', 'Hämeenlinna "Häme"'],
      ],
      { bom: true },
    );
    expect(csv.startsWith('\uFEFFMüşteri,مشتری,Asiakas\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Bytes as a spreadsheet receives them: EF BB BF, then UTF-8 all the way.
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(csv);
    expect(parseCsv(csv.slice(1))).toEqual([
      ['Müşteri', 'مشتری', 'Asiakas'],
      ['Çağrı Ağ Hizmetleri', 'شرکت پارس‌گستر', 'Säätiö Öljy & Jää'],
      ['İstanbul, Şişli', 'تهران؛ ونک', 'Hämeenlinna "Häme"'],
    ]);
  });

  it('a sheet keeps numbers as numbers and guards cells that would start a formula, whatever the script', () => {
    const csv = csvTable(
      ['Name', 'Monthly value'],
      [
        ['=IMPORTXML("http://evil")', 15000],
        ['-Ödeme', -2.5],
        ['@ایران', null],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(false);
    expect(parseCsv(csv)).toEqual([
      ['Name', 'Monthly value'],
      ['\'=IMPORTXML("http://evil")', '15000'],
      ["'-Ödeme", '-2.5'],
      ["'@ایران", ''],
    ]);
  });
});
