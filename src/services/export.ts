/**
 * `/rapport export`: everything Rapport holds about a workspace, for the people who own the data. For people, one
 * sheet per kind (clients, calls, incidents, decisions, next steps) in the reader's language, as CSV files a
 * spreadsheet opens with every script intact (UTF-8 with a byte-order mark); for scripts, every table as stored
 * (`raw-<table>.csv`) with a README naming every column. Audited (who exported, when; not the data).
 */
import { csvTable, toCsv } from '../domain/csv.js';
import { criteriaJudged } from '../domain/firingCriteria.js';
import { healthOfTotals } from '../domain/health.js';
import { peopleIn, readableSheets, type SheetName } from '../domain/exportRows.js';
import type { Reader } from '../i18n/reader.js';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/queries/audit.js';
import { loadStandingInputs } from '../db/queries/portfolio/standings.js';
import { exportWorkspace, readableRecords, type ExportedTable } from '../db/queries/export.js';
import type { ActIn } from './act.js';

export interface ExportFile {
  filename: string;
  /** What Slack shows the file as: a sheet's name in the reader's words, a raw file's own name. */
  title: string;
  content: string;
}

export interface WorkspaceExport {
  /** For people: one per kind of record, in `SHEETS` order. */
  sheets: (ExportFile & { sheet: SheetName; rows: number })[];
  /** For scripts: README.txt, then one file per table. */
  raw: ExportFile[];
  tables: number;
  /** Rows in all the raw tables. */
  rows: number;
}

/** Slack's names for people, looked up once each (a name Slack cannot give is left out: the sheets show the id). */
export type NamesOf = (userIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;

/** File names stay ASCII and the same in every language (scripts and links name them); titles are the reader's. */
const SHEET_FILES: Record<SheetName, string> = {
  clients: 'clients.csv',
  calls: 'calls.csv',
  incidents: 'incidents.csv',
  decisions: 'decisions.csv',
  nextSteps: 'next-steps.csv',
};

/** `replica`: where the tables are read from (a read replica, `deps.reader`); the audit line is written on `db`. */
export async function exportWorkspaceData(db: Database, act: ActIn, reader: Reader, namesOf: NamesOf, replica: Database = db): Promise<WorkspaceExport> {
  const { teamId, catalogue, at } = act;
  // Audited first, so the export holds the record of itself (from a replica: once it has caught up, a moment).
  await appendAudit(db, { teamId, entry: { actor: act.actor, action: 'workspace.export', entityType: 'workspace', entityId: teamId, at } });
  const [tables, records, standings] = await Promise.all([
    exportWorkspace(replica, teamId),
    readableRecords(replica, teamId),
    loadStandingInputs(replica, { teamId, catalogue, at }),
  ]);
  const names = await namesOf(peopleIn(records));
  const standing = new Map(
    standings.map((s) => [s.client.id, { health: healthOfTotals(catalogue, s.weighted), criteria: criteriaJudged(catalogue, s.criteria) }] as const),
  );
  const sheets = readableSheets(records, { reader, catalogue, standing, nameOf: (id) => names.get(id) ?? id });
  return {
    sheets: sheets.map((s) => ({
      sheet: s.name,
      filename: SHEET_FILES[s.name],
      title: s.title,
      content: csvTable(s.header, s.rows, { bom: true }),
      rows: s.rows.length,
    })),
    raw: [
      { filename: 'README.txt', title: 'README.txt', content: readme(tables, act) },
      ...tables.map((t) => {
        const filename = `raw-${t.name}.csv`;
        return {
          filename,
          title: filename,
          content: toCsv(
            t.columns.map((c) => c.name),
            t.rows,
          ),
        };
      }),
    ],
    tables: tables.length,
    rows: tables.reduce((sum, t) => sum + t.rows.length, 0),
  };
}

/**
 * README.txt stays in English, like the raw tables' headers it documents: they are column names (the database's own,
 * what a script refers to), the same in every workspace whatever its language. The sheets are for people, in their
 * language, and so is what the admin is told about the export (the DM's comment and the reply: slack/exportFiles.ts).
 */
function readme(tables: ExportedTable[], act: ActIn): string {
  const lines = [
    `Rapport export of Slack workspace ${act.teamId}, made ${act.at.toISOString()} by user ${act.actor}.`,
    '',
    'For people: clients.csv, calls.csv, incidents.csv, decisions.csv and next-steps.csv, one sheet per kind of',
    'record in the language of whoever exported (clients and people by name, days of the workspace calendar in',
    `its time zone, ${act.timeZone}, as YYYY-MM-DD), UTF-8 with a byte-order mark so that Excel reads every script.`,
    '',
    'For scripts: one raw-<table>.csv file per table, as stored (UTF-8 without a byte-order mark, comma-separated,',
    'rows ending in CRLF, first row the column names). Times are',
    'UTC (ISO 8601); lists and settings are JSON. Numbers and true/false are written as they are. Every other cell',
    'is text, and is put in double quotes (a quote inside it doubled) when it holds a comma, semicolon, tab, line',
    'break or quote, or any of = + - @ (full-width forms such as ＝ count too), so that it stays one cell in a',
    'spreadsheet that splits on commas or on semicolons. A text cell whose first character after any spaces is',
    '= + - or @, or that starts with a tab or a carriage return, also has a leading apostrophe, so that',
    'spreadsheets show it instead of running it as a formula (that apostrophe is not part of the stored text).',
    'The sheets for people are written the same way.',
    '',
  ];
  for (const t of tables) {
    lines.push(`raw-${t.name}.csv: ${t.rows.length} ${t.rows.length === 1 ? 'row' : 'rows'}`);
    for (const c of t.columns) lines.push(`  ${c.name}: ${c.type}${c.notNull ? '' : ', may be empty'}`);
    lines.push('');
  }
  return lines.join('\n');
}
