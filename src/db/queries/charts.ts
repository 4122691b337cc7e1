/** Pictures uploaded to Slack (schema/charts.ts): found by what they draw, kept once, listed by the clients they show. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../client.js';
import { chartFiles } from '../schema/index.js';

/** The Slack file already showing this picture in the workspace, if one was uploaded. */
export async function chartFileFor(db: Database, params: { teamId: string; pictureKey: string }): Promise<string | undefined> {
  const [row] = await db
    .select({ fileId: chartFiles.fileId })
    .from(chartFiles)
    .where(and(eq(chartFiles.teamId, params.teamId), eq(chartFiles.pictureKey, params.pictureKey)))
    .limit(1);
  return row?.fileId;
}

/**
 * Keeps the file of a picture, one row per client it shows (none: one row without a client). Two instances
 * drawing the same picture at once both upload: the rows written first win (in the same order for both, so one
 * file wins whole), and that file's id is returned; the caller deletes its own upload when it lost.
 */
export async function keepChartFile(
  db: Database,
  params: { teamId: string; clientIds: readonly string[]; pictureKey: string; fileId: string },
): Promise<string> {
  const { teamId, pictureKey, fileId } = params;
  const clientIds = params.clientIds.length > 0 ? [...new Set(params.clientIds)].sort() : [null];
  await db
    .insert(chartFiles)
    .values(clientIds.map((clientId) => ({ teamId, clientId, pictureKey, fileId })))
    .onConflictDoNothing({ target: [chartFiles.teamId, chartFiles.pictureKey, chartFiles.clientId] });
  const [first] = await db
    .select({ fileId: chartFiles.fileId })
    .from(chartFiles)
    .where(and(eq(chartFiles.teamId, teamId), eq(chartFiles.pictureKey, pictureKey), clientIds[0] ? eq(chartFiles.clientId, clientIds[0]) : undefined))
    .limit(1);
  const kept = first?.fileId ?? fileId;
  if (kept !== fileId) await forgetChartFiles(db, { teamId, fileIds: [fileId] });
  return kept;
}

/** Forgets files (deleted in Slack, or about to be): a picture is drawn and uploaded again when next asked for. */
export async function forgetChartFiles(db: Database, params: { teamId: string; fileIds: readonly string[] }): Promise<void> {
  if (params.fileIds.length === 0) return;
  await db.delete(chartFiles).where(and(eq(chartFiles.teamId, params.teamId), inArray(chartFiles.fileId, [...params.fileIds])));
}

/** The files of the pictures that show a client. */
export async function chartFilesOfClient(db: Database, params: { teamId: string; clientId: string }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ fileId: chartFiles.fileId })
    .from(chartFiles)
    .where(and(eq(chartFiles.teamId, params.teamId), eq(chartFiles.clientId, params.clientId)));
  return rows.map((r) => r.fileId);
}
