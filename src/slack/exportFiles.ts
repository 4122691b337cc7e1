/**
 * `/rapport export`, sent: the sheets for people and the raw tables for scripts, uploaded to the admin's DM
 * (files.uploadV2), and a reply saying what was sent. People are named as Slack shows them.
 */
import type { WebClient } from '@slack/web-api';
import { exportWorkspaceData, type NamesOf } from '../services/export.js';
import { formatList } from '../i18n/format.js';
import { md, t, tPlain } from '../i18n/messages.js';
import { errorText, type Logger } from '../log.js';
import { requireAdmin } from './authorise.js';
import type { Turn } from './frame.js';

/** Each person's display name (else real name, else handle), asked of Slack once each; anyone it cannot describe is left out. */
function slackNames(web: WebClient, logger: Logger): NamesOf {
  return async (userIds) => {
    const named = await Promise.all(
      userIds.map(async (user) => {
        try {
          const { user: found } = await web.users.info({ user });
          const name = found?.profile?.display_name || found?.profile?.real_name || found?.real_name || found?.name;
          return name ? ([[user, name]] as const) : [];
        } catch (error) {
          logger.warn('could not ask Slack for someone’s name for an export; the export shows their id', { error: errorText(error) });
          return [];
        }
      }),
    );
    return new Map(named.flat());
  };
}

export async function sendExport(turn: Turn): Promise<void> {
  await requireAdmin(turn, 'errors.admin.export');
  const reader = await turn.reader();
  const exported = await exportWorkspaceData(turn.deps.db, await turn.actIn(), reader, slackNames(turn.web, turn.deps.logger), turn.deps.reader);
  const sheets = formatList(
    exported.sheets.map((s) => `${s.title} (${s.filename})`),
    reader,
  );
  const counts = { sheets, tables: exported.tables, rows: exported.rows };
  const dm = await turn.web.conversations.open({ users: turn.userId });
  await turn.web.files.uploadV2({
    channel_id: dm.channel!.id!,
    // Slack shows the comment as plain text beside the files: no mrkdwn to escape, no direction marks needed beyond the message's own.
    initial_comment: tPlain(reader, 'commands.exportComment', counts),
    file_uploads: [...exported.sheets, ...exported.raw].map((f) => ({ filename: f.filename, title: f.title, content: f.content })),
  });
  await turn.reply({ text: t(reader, 'commands.exportSent', { ...counts, sheets: md(sheets) }) });
}
