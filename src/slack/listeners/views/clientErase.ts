/**
 * `/client delete <name>`'s confirmation: on Delete, the client's owner or an admin erases it and everything
 * about it. The modal closes either way; the person is told what happened where they asked.
 */
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { RapportError } from '../../../domain/errors.js';
import { clientById, eraseClientRecords, type Erasure } from '../../../services/clients.js';
import { digestMessagesWithIds } from '../../../db/queries/digests.js';
import { requireDecider } from '../../authorise.js';
import { digestPageWithout } from '../../blocks/digest.js';
import { escapeName, plural } from '../../blocks/text.js';
import { onView, type Turn, type SlackDeps } from '../../frame.js';
import { VIEWS } from '../../ids.js';
import { parseFormMetadata } from '../../parse/viewState.js';
import { slackErrorCode } from '../../slackError.js';
import { md, said, say } from '../../../i18n/messages.js';
import { ENGLISH } from '../../../i18n/reader.js';

const metadataSchema = z.object({ clientId: z.uuid(), channelId: z.string().max(20).nullable().default(null), name: z.string().max(200) });

/** What went, in words people use: "12 calls, 30 traits, 2 incidents". */
function erasedSummary(erased: Record<string, number>): string {
  const words: [string, string, string][] = [
    ['calls', 'call', 'calls'],
    ['trait_observations', 'trait', 'traits'],
    ['incidents', 'incident', 'incidents'],
    ['warnings', 'warning', 'warnings'],
    ['decisions', 'decision', 'decisions'],
    ['snoozes', 'snooze', 'snoozes'],
    ['proposals', 'proposal', 'proposals'],
    ['client_category_changes', 'category change', 'category changes'],
    ['audit_log', 'history line', 'history lines'],
  ];
  const parts = words.filter(([table]) => (erased[table] ?? 0) > 0).map(([table, one, many]) => plural(erased[table]!, one, many));
  return parts.length > 0 ? parts.join(', ') : 'nothing else was recorded about it';
}

export function registerClientEraseView(app: App, deps: SlackDeps): void {
  /**
   * The digest messages already in Slack that showed the client, edited to what is stored now (without it).
   * A message Slack will not edit (deleted since, say) is logged: the erasure stands. Channels shared outside the
   * organisation since are edited too: the edit only takes away.
   */
  const editPostedDigests = async (turn: Turn, erasure: Erasure) => {
    for (const post of await digestMessagesWithIds(deps.db, turn.teamId, erasure.rewrittenPosts)) {
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
        return { done: true, after: () => turn.reply({ text: unreadable }) };
      }
      const name = `*${escapeName(metadata.name)}*`;
      // Gone already: this form was worked before (the receiver, then its worker), or someone else erased it.
      const subject = await clientById(deps.db, turn.act, metadata.clientId).catch((error: unknown) => {
        if (error instanceof RapportError && error.code === 'not_found') return undefined;
        throw error;
      });
      if (subject) await requireDecider(turn, subject, { action: 'delete' });
      const erasure = await eraseClientRecords(deps.db, turn.act, metadata.clientId, digestPageWithout);
      // Worked twice (before the ack, then by a worker): both runs say the same, from what the first erased.
      const pages = erasure.rewritten.digest_messages ?? 0;
      const told =
        `🗑️ Deleted ${name} and everything Rapport held about it: ${erasedSummary(erasure.erased)}. The audit log keeps one line: that it was deleted, by whom, and when.` +
        (pages > 0 ? ` It was also taken out of ${plural(pages, 'digest message')}.` : '');
      return {
        done: true,
        after: async () => {
          await turn.reply({ text: told });
          await editPostedDigests(turn, erasure);
        },
      };
    },
  });
}
