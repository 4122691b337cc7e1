/**
 * `/rapport export`: everything Rapport holds about a workspace, as CSV files (one per table) and a README
 * naming every column, for the people who own the data. Audited (who exported, when; not the data).
 */
import { toCsv } from '../domain/csv.js';
import type { Database } from '../db/client.js';
import { appendAudit } from '../db/queries/audit.js';
import { exportWorkspace, type ExportedTable } from '../db/queries/export.js';
import type { Act } from './act.js';

export interface ExportFile {
  filename: string;
  content: string;
}

export interface WorkspaceExport {
  files: ExportFile[];
  tables: number;
  rows: number;
}

export async function exportWorkspaceData(db: Database, act: Act): Promise<WorkspaceExport> {
  // Audited first, so the export holds the record of itself.
  await appendAudit(db, act.teamId, { actor: act.actor, action: 'workspace.export', entityType: 'workspace', entityId: act.teamId, at: act.at });
  const tables = await exportWorkspace(db, act.teamId);
  const rows = tables.reduce((sum, t) => sum + t.rows.length, 0);
  return {
    files: [
      { filename: 'README.txt', content: readme(tables, act) },
      ...tables.map((t) => ({
        filename: `${t.name}.csv`,
        content: toCsv(
          t.columns.map((c) => c.name),
          t.rows,
        ),
      })),
    ],
    tables: tables.length,
    rows,
  };
}

/**
 * README.txt stays in English, like the CSV headers it documents: they are column names (the database's own, what
 * a script or a spreadsheet formula refers to), the same in every workspace whatever its language. What the admin
 * is told about the export (the DM's comment and the reply) is in their language (listeners/commands/rapport.ts).
 */
function readme(tables: ExportedTable[], act: Act): string {
  const lines = [
    `Rapport export of Slack workspace ${act.teamId}, made ${act.at.toISOString()} by user ${act.actor}.`,
    'One CSV file per table (UTF-8, comma-separated, rows ending in CRLF, first row the column names). Times are',
    'UTC (ISO 8601); lists and settings are JSON. Numbers and true/false are written as they are. Every other cell',
    'is text, and is put in double quotes (a quote inside it doubled) when it holds a comma, semicolon, tab, line',
    'break or quote, or any of = + - @ (full-width forms such as ＝ count too), so that it stays one cell in a',
    'spreadsheet that splits on commas or on semicolons. A text cell whose first character after any spaces is',
    '= + - or @, or that starts with a tab or a carriage return, also has a leading apostrophe, so that',
    'spreadsheets show it instead of running it as a formula (that apostrophe is not part of the stored text).',
    '',
  ];
  for (const t of tables) {
    lines.push(`${t.name}.csv: ${t.rows.length} ${t.rows.length === 1 ? 'row' : 'rows'}`);
    for (const c of t.columns) lines.push(`  ${c.name}: ${c.type}${c.notNull ? '' : ', may be empty'}`);
    lines.push('');
  }
  return lines.join('\n');
}
