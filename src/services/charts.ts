/**
 * Pictures uploaded to Slack, kept by what they draw (db/queries/charts.ts): a picture is uploaded once per
 * workspace, whichever instance drew it and however often the app restarted since. Slack is talked to by the
 * caller (slack/chartFiles.ts); this is what is stored about it.
 */
import type { Database } from '../db/client.js';
import { forgetChartFiles, keepChartFile } from '../db/queries/charts.js';

/** Keeps an uploaded picture's file; when another instance kept one for the same picture first, that one is returned. */
export function keepUploadedChart(db: Database, upload: { teamId: string; clientIds: readonly string[]; pictureKey: string; fileId: string }): Promise<string> {
  return keepChartFile(db, upload);
}

/** Forgets a picture's file that Slack no longer has: it is drawn and uploaded again when next asked for. */
export function forgetUploadedChart(db: Database, file: { teamId: string; fileId: string }): Promise<void> {
  return forgetChartFiles(db, { teamId: file.teamId, fileIds: [file.fileId] });
}
