/**
 * `/rapport export`: an admin gets every record of their workspace, one CSV per table and a README naming every
 * column, by DM; the counts equal the tables', nothing of another workspace is in it, and members are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, getTableName } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { workspaceTables } from '../../src/db/queries/export.js';
import { csvCell, toCsv } from '../../src/domain/csv.js';
import { seedDemoPortfolio } from '../../src/local/demoSeed.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, BOB, MALLORY, OTHER_TEAM, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
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
    else if (ch === ',') (record.push(field), (field = ''));
    else if (ch === '\r' && text[i + 1] === '\n') (record.push(field), records.push(record), (record = []), (field = ''), i++);
    else field += ch;
  }
  return records;
}

describe('CSV', () => {
  it('quotes what needs quoting, defuses formulas, writes times as ISO and lists as JSON', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Acme, "the big one"\nline 2')).toBe('"Acme, ""the big one""\nline 2"');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(['+1', '-2 sold', '@here'].map(csvCell)).toEqual(["'+1", "'-2 sold", "'@here"]);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23T10:00:00.000Z');
    expect(csvCell(['clarity', 'pace'])).toBe('"[""clarity"",""pace""]"');
    expect(csvCell(null)).toBe('');
    expect(parseCsv(toCsv(['a', 'b'], [{ a: 'x,y', b: 'two\r\nlines' }]))).toEqual([
      ['a', 'b'],
      ['x,y', 'two\r\nlines'],
    ]);
  });
});

describe.each(TEST_DRIVERS)('/rapport export on %s', (driver) => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness(driver);
    await seedDemoPortfolio(h.db, { teamId: TEAM, channelId: 'C0SALES', owners: ['U0ALICE', 'U0BOB'], admin: 'U0ADMIN' }, h.now());
    await h.command(MALLORY, '/client', 'add Secret Elsewhere Ltd');
  }, 60_000);
  afterAll(() => h?.close());

  it('is for admins: a member is refused and gets nothing', async () => {
    const files = h.api.files.size;
    expect(textOf((await h.command(BOB, '/rapport', 'export')).reply.params)).toContain('Only workspace admins can export');
    expect(h.api.files.size).toBe(files);
  });

  it('sends every table of the workspace by DM, with its rows and a README; nothing of another workspace', async () => {
    const before = h.api.files.size;
    const { reply } = await h.command(ADMIN, '/rapport', 'export');
    expect(textOf(reply.params)).toMatch(/Sent to you by DM: \d+ files/);
    const sent = [...h.api.files.values()].slice(before);
    expect(sent.every((f) => f.channel === 'D0ADMIN')).toBe(true);
    const byName = new Map(sent.map((f) => [f.filename, f.content]));
    const readme = byName.get('README.txt')!;
    for (const table of workspaceTables()) {
      const name = getTableName(table);
      const records = parseCsv(byName.get(`${name}.csv`) ?? '');
      const [stored] = await h.db.select({ n: count() }).from(table).where(eq(table.teamId, TEAM));
      expect(records.length - 1, name).toBe(stored!.n);
      for (const column of records[0]!) expect(readme, `${name}.${column}`).toContain(`  ${column}: `);
    }
    expect(records('clients').length).toBeGreaterThan(20);
    expect([...byName.values()].join('\n')).not.toContain('Secret Elsewhere');
    expect([...byName.values()].join('\n')).not.toContain(OTHER_TEAM);
    const [audited] = await h.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, TEAM), eq(schema.auditLog.action, 'workspace.export')));
    expect(audited).toMatchObject({ actor: 'U0ADMIN', entityType: 'workspace' });

    function records(table: string) {
      return parseCsv(byName.get(`${table}.csv`)!).slice(1);
    }
  });
});
