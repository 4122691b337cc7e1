/**
 * `/rapport export`: an admin gets every record of their workspace, one CSV per table and a README naming every
 * column, by DM; the counts equal the tables', nothing of another workspace is in it, and members are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, getTableName } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { workspaceTables } from '../../src/db/queries/export.js';
import { seedDemoPortfolio } from '../../src/local/demoSeed.js';
import { parseCsv } from '../support/csv.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, MALLORY, OTHER_TEAM, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

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

  it('names that could run as formulas stay one cell of text, in a spreadsheet splitting on commas or semicolons', async () => {
    for (const name of ['Semi;=1+1 Ltd', '=SUM(A1) Co', '＠Fullwidth Ltd']) {
      expect(textOf((await h.command(ALICE, '/client', `add "${name}"`)).reply.params), name).toContain('added');
    }
    const before = h.api.files.size;
    await h.command(ADMIN, '/rapport', 'export');
    const clients = [...h.api.files.values()].slice(before).find((f) => f.filename === 'clients.csv')!.content;
    const [columns, ...rows] = parseCsv(clients, ',');
    const names = rows.map((row) => row[columns!.indexOf('name')]);
    expect(names).toEqual(expect.arrayContaining(['Semi;=1+1 Ltd', "'=SUM(A1) Co", "'＠Fullwidth Ltd"]));
    for (const field of parseCsv(clients, ';').flat()) expect(field.trimStart().normalize('NFKC')).not.toMatch(/^[=+\-@]/);
  });
});
