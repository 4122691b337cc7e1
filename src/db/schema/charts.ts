/**
 * Pictures uploaded to Slack (issue 27): which file shows which picture, so a picture is drawn and uploaded once
 * across restarts and instances, and the files of a client go when the client is erased (files.delete).
 */
import { index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { clientRef } from './clients.js';
import { recordedAt, teamId, workspaceRows } from './columns.js';

export const chartFiles = pgTable(
  'chart_files',
  {
    teamId: teamId(),
    /** A client the picture shows (one row per client it shows: a renewals time line names several); null: none. */
    clientId: uuid('client_id'),
    /** The picture's identity: a hash of everything it draws (slack/chartFiles.ts). */
    pictureKey: text('picture_key').notNull(),
    /** Slack's file id (files.uploadV2), shared in no channel. */
    fileId: text('file_id').notNull(),
    createdAt: recordedAt('created_at'),
  },
  (t) => [
    workspaceRows(),
    clientRef(t),
    // A picture already uploaded (chartFileFor), and one upload kept when two instances race.
    unique('chart_files_picture').on(t.teamId, t.pictureKey, t.clientId).nullsNotDistinct(),
    // A client's files, deleted in Slack when it is erased (chartFilesOfClient).
    index('chart_files_client').on(t.teamId, t.clientId),
  ],
);
