/**
 * `/client delete <name>`'s confirmation: on Delete, the client's owner or an admin erases it and everything
 * about it. The modal closes either way; the person is told what happened where they asked.
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { RapportError } from '../../../domain/errors.js';
import { requireClient } from '../../../db/queries/clients.js';
import { eraseClientRecords, type Erasure } from '../../../services/clients.js';
import { digestMessagesWithIds } from '../../../db/queries/digests.js';
import { requireDecider } from '../../authorise.js';
import { digestPageWithout } from '../../blocks/digest.js';
import { escapeName } from '../../blocks/text.js';
import { deleteChartFiles } from '../../chartFiles.js';
import { onView, type Turn, type SlackDeps } from '../../frame.js';
import { VIEWS } from '../../ids.js';
import { parseFormMetadata } from '../../parse/viewState.js';
import { slackErrorCode } from '../../slackError.js';
import { md, said, say, t, tPlain } from '../../../i18n/messages.js';
import { formatList } from '../../../i18n/format.js';
import type { Reader } from '../../../i18n/reader.js';
import { ENGLISH } from '../../../i18n/reader.js';

const metadataSchema = z.object({ clientId: z.uuid(), channelId: z.string().max(20).nullable().default(null), name: z.string().max(200) });

/** What went, in the reader's words: "12 calls, 30 traits, 2 incidents" (each table's count, in this order). */
const ERASED_WORDS = [
  ['calls', 'erase.calls'],
  ['trait_observations', 'erase.traits'],
  ['incidents', 'erase.incidents'],
  ['warnings', 'erase.warnings'],
  ['decisions', 'erase.decisions'],
  ['snoozes', 'erase.snoozes'],
  ['proposals', 'erase.proposals'],
  ['client_category_changes', 'erase.categoryChanges'],
  ['audit_log', 'erase.historyLines'],
] as const;

function erasedSummary(erased: Record<string, number>, reader: Reader): string {
  const parts = ERASED_WORDS.filter(([table]) => (erased[table] ?? 0) > 0).map(([table, key]) => tPlain(reader, key, { n: erased[table]! }));
  return parts.length > 0 ? formatList(parts, reader) : tPlain(reader, 'erase.nothingElse');
}

export function registerClientEraseView(app: App, deps: SlackDeps): void {
  /**
   * The digest messages already in Slack that showed the client, edited to what is stored now (without it).
   * A message Slack will not edit (deleted since, say) is logged: the erasure stands. Channels shared outside the
   * organisation since are edited too: the edit only takes away.
   */
  const editPostedDigests = async (turn: Turn, erasure: Erasure) => {
    for (const post of await digestMessagesWithIds(deps.db, { teamId: turn.teamId, ids: erasure.rewrittenPosts })) {
      if (!post.ts) continue;
      await turn.web.chat.update({ channel: post.channelId, ts: post.ts, text: post.text, blocks: post.blocks }).catch((error: unknown) =>
        deps.logger.warn('could not edit a digest message in Slack after a client was deleted; the stored page is rewritten', {
          team: turn.teamId,
          channel: post.channelId,
          error: slackErrorCode(error),
        }),
      );
    }
  };

  onView(app, deps, VIEWS.clientErase, {
    // A confirmation, with no field: a refusal closes it, and is told where the deletion was asked for.
    channelOf: (view) => parseFormMetadata(metadataSchema, view.private_metadata)?.channelId ?? null,
    failed: (told) => said('errors.nothingDeleted', { error: md(told) }),
    submit: async (turn, view) => {
      const metadata = parseFormMetadata(metadataSchema, view.private_metadata);
      if (!metadata) {
        const unreadable = say(await turn.reader().catch(() => ENGLISH), said('errors.eraseFormUnreadable'));
        return { done: true, after: (turn) => turn.reply({ text: unreadable }) };
      }
      const name = `*${escapeName(metadata.name)}*`;
      // Gone already: this form was worked before (the receiver, then its worker), or someone else erased it.
      const subject = await requireClient(deps.db, { teamId: turn.teamId, clientId: metadata.clientId }).catch((error: unknown) => {
        if (error instanceof RapportError && error.code === 'not_found') return undefined;
        throw error;
      });
      if (subject) await requireDecider(turn, subject, { action: 'delete' });
      const erasure = await eraseClientRecords(deps.db, turn.act, metadata.clientId, digestPageWithout);
      // Worked twice (before the ack, then by a worker): both runs say the same, from what the first erased.
      const reader = await turn.reader();
      const told = t(reader, 'erase.done', { name: md(name), what: erasedSummary(erasure.erased, reader), pages: erasure.rewritten.digest_messages ?? 0 });
      return {
        done: true,
        after: async (turn) => {
          await turn.reply({ text: told });
          await editPostedDigests(turn, erasure);
          // Its pictures in Slack (health, criteria) go too: they drew its name and its history.
          await deleteChartFiles(turn.web, erasure.chartFiles, deps.logger);
        },
      };
    },
  });
}
