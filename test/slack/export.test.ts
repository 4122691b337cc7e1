/**
 * `/rapport export`: an admin gets, by DM, one sheet per kind for people (in their language, opening in a spreadsheet
 * with every script intact) and every record of their workspace for scripts, one raw CSV per table and a README naming
 * every column; the counts equal the tables', nothing of another workspace is in it, and members are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, getTableName } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { workspaceTables } from '../../src/db/queries/export.js';
import { seedDemoPortfolio } from '../../src/local/demoSeed.js';
import { parseCsv } from '../support/csv.js';
import { speaking } from '../support/languages.js';
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
    expect(textOf(reply.params)).toContain(
      'Sent to you by DM: Clients (clients.csv), Calls (calls.csv), Incidents (incidents.csv), Decisions (decisions.csv) and Next steps (next-steps.csv) to open in a spreadsheet',
    );
    expect(textOf(reply.params)).toMatch(/and \d+ raw tables for scripts, with README.txt/);
    const sent = [...h.api.files.values()].slice(before);
    expect(sent.every((f) => f.channel === 'D0ADMIN')).toBe(true);
    const byName = new Map(sent.map((f) => [f.filename, f.content]));
    const readme = byName.get('README.txt')!;
    for (const table of workspaceTables()) {
      const name = getTableName(table);
      const records = parseCsv(byName.get(`raw-${name}.csv`) ?? '');
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
      return parseCsv(byName.get(`raw-${table}.csv`)!).slice(1);
    }
  });

  it('names that could run as formulas stay one cell of text, in a spreadsheet splitting on commas or semicolons', async () => {
    for (const name of ['Semi;=1+1 Ltd', '=SUM(A1) Co', '＠Fullwidth Ltd']) {
      expect(textOf((await h.command(ALICE, '/client', `add "${name}"`)).reply.params), name).toContain('added');
    }
    const before = h.api.files.size;
    await h.command(ADMIN, '/rapport', 'export');
    const clients = [...h.api.files.values()].slice(before).find((f) => f.filename === 'raw-clients.csv')!.content;
    const [columns, ...rows] = parseCsv(clients, ',');
    const names = rows.map((row) => row[columns!.indexOf('name')]);
    expect(names).toEqual(expect.arrayContaining(['Semi;=1+1 Ltd', "'=SUM(A1) Co", "'＠Fullwidth Ltd"]));
    for (const field of parseCsv(clients, ';').flat()) expect(field.trimStart().normalize('NFKC')).not.toMatch(/^[=+\-@]/);
  });

  it('the clients sheet is for people: a row per client with its owner, standing, decision, renewal and value, in the reader’s language', async () => {
    await speaking(h);
    await h.command(ADMIN, '/rapport', 'settings currency EUR');
    await h.command(ALICE, '/client', 'add Çağrı Säätiö vip <@U0ALICE|alice> 15000');
    await h.command(ALICE, '/client', 'set Çağrı Säätiö renews 2027-03-31');
    await h.command(BOB, '/call', 'Çağrı Säätiö +communication Kävimme läpi sopimuksen');
    await h.command(BOB, '/incident', 'Çağrı Säätiö lie Said the invoice was paid');
    const exportAs = async () => {
      const before = h.api.files.size;
      const { reply } = await h.command(ADMIN, '/rapport', 'export');
      const sent = new Map([...h.api.files.values()].slice(before).map((f) => [f.filename, f.content]));
      return { reply: textOf(reply.params), sent };
    };
    const rowOf = (csv: string, name: string) => {
      const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
      return { header: header!, row: rows.find((r) => r[0] === name)! };
    };

    const { sent } = await exportAs();
    const { header, row } = rowOf(sent.get('clients.csv')!, 'Çağrı Säätiö');
    expect(header).toEqual([
      'Name',
      'Owner',
      'Category',
      'Status',
      'Health score',
      'Health',
      'Last contact',
      'Firing criteria met',
      'Last decision',
      'Decided on',
      'Renews on',
      'Monthly value',
      'Currency',
    ]);
    expect(row).toEqual([
      'Çağrı Säätiö',
      'alice',
      'VIP / critical',
      'active',
      expect.stringMatching(/^\d+$/),
      expect.any(String),
      '2026-11-23',
      '🚩 Lying',
      '',
      '',
      '2027-03-31',
      '15000',
      'EUR',
    ]);
    const calls = parseCsv(sent.get('calls.csv')!.replace(/^\uFEFF/, ''));
    expect(calls[0]).toEqual(['Date', 'Client', 'Logged by', 'Good traits', 'Bad traits', 'Notes', 'Evidence (Slack link)']);
    expect(calls).toContainEqual(['2026-11-23', 'Çağrı Säätiö', 'bob', 'Excellent communication', '', 'Kävimme läpi sopimuksen', '']);
    expect(sent.has('raw-clients.csv')).toBe(true);

    // An admin who reads Turkish gets the same sheets in Turkish.
    await speaking(h, { U0ADMIN: 'tr' });
    const turkish = await exportAs();
    expect(turkish.reply).toContain('Müşteriler (clients.csv)');
    const inTurkish = rowOf(turkish.sent.get('clients.csv')!, 'Çağrı Säätiö');
    expect(inTurkish.header.slice(0, 3)).toEqual(['Ad', 'Sorumlu', 'Kategori']);
    expect(inTurkish.row.slice(2, 4)).toEqual(['VIP / kritik', 'aktif']);
    await speaking(h);
  });
});
