/**
 * The digest's buttons: Acknowledge, Snooze, Decide (keep with a reason, require prepayment, start exit),
 * History. Deciding is for the client's owner or a workspace admin (others propose); the digest message is
 * updated in place.
 */
import type { App, ButtonAction, OverflowAction } from '@slack/bolt';
import { RapportError } from '../../../domain/errors.js';
import { addDays, KEEP_REVIEW_DAYS } from '../../../domain/nextSteps.js';
import { decisionLine, snoozeLine, withClientStatus, type DigestAnswer } from '../../blocks/digest.js';
import { snooze } from '../../../services/clientFate.js';
import { requireClient } from '../../../db/queries/clients.js';
import { clientTimeline } from '../../../services/clients.js';
import { rewriteDigestPages } from '../../../services/digestMessages.js';
import { digestMessageAt } from '../../../db/queries/digests.js';
import { isDecider, requireDecider } from '../../authorise.js';
import { historyBlocks, historyText } from '../../blocks/history.js';
import { replyWithHealthChart } from '../../chartFiles.js';
import { escapeName } from '../../blocks/text.js';
import { decisionModal } from '../../blocks/modals.js';
import { suggestedReasons } from '../../../services/outcomes.js';
import { md, said, t, tPlain } from '../../../i18n/messages.js';
import { formatDay } from '../../../i18n/format.js';
import type { Reader } from '../../../i18n/reader.js';
import { channelReader } from '../../readers.js';
import { decideOrPropose, tellConcerned } from '../../fate.js';
import { channelExposure, exposureText } from '../../channels.js';
import { onAction, type Turn, type SlackDeps } from '../../frame.js';
import { publishHome } from '../events/appHome.js';
import { DIGEST_ACTIONS } from '../../ids.js';

/** A line about a client's status, said for whoever reads it: the channel's digest and the person who clicked read it each in their own language. */
export type StatusLine = (reader: Reader) => string;

/**
 * Rewrites the client's status line in every message of the digest that names it (and its opening's counts, as
 * `answer` changes them), in Slack too; but never in a
 * channel that has since become shared outside the organisation (the client may be reading it): there the
 * message stays as it was, the digest stops, and the person is told.
 */
export async function showOnDigest(
  turn: Turn,
  digestId: string | null,
  client: DigestAnswer['client'] & { id: string },
  line: StatusLine,
  answer: DigestAnswer['kind'],
): Promise<void> {
  // Clicked outside the channel digest (a personal digest, an escalation DM, a red-flag DM, the Home tab): the
  // person is told where they clicked, and their Home tab shows the client as it is now.
  if (!digestId) {
    const reader = await turn.reader();
    await turn.reply({ text: t(reader, 'digest.recorded', { line: md(line(reader)) }) });
    await publishHome(turn, turn.userId);
    return;
  }
  // The digest is the channel's: its line is in the workspace's language.
  const channel = channelReader((await turn.workspace()).workspace);
  const pages = await rewriteDigestPages(turn.deps.db, turn.teamId, digestId, client.id, (blocks, clientIds) =>
    withClientStatus(blocks, client.id, line(channel), { kind: answer, client, clientIds, reader: channel }),
  );
  const exposure = new Map<string, string | undefined>();
  for (const page of pages) {
    if (!exposure.has(page.channelId)) exposure.set(page.channelId, await channelExposure(turn.web, page.channelId).catch(() => CANNOT_CHECK));
    if (exposure.get(page.channelId)) continue;
    await turn.web.chat.update({ channel: page.channelId, ts: page.ts, text: tPlain(channel, 'digest.updatedText'), blocks: page.blocks });
  }
  for (const [channelId, reason] of exposure) {
    if (!reason) continue;
    if (reason !== CANNOT_CHECK) await turn.deps.digest.refuseChannel({ teamId: turn.teamId }, channelId, reason);
    const reader = await turn.reader();
    const why = reason === CANNOT_CHECK ? t(reader, 'digest.cannotCheck') : exposureText(reader, reason);
    await turn.reply({ text: t(reader, 'digest.leftAsItWas', { channel: md(`<#${channelId}>`), reason: md(why) }) });
  }
}

/** Marks Slack not saying who can read a channel (told in the reader's words). */
const CANNOT_CHECK = '\u0000cannot check';

const DECISION_CHOICES = ['keep', 'require_prepayment', 'start_exit'] as const;

/** The client a button names (its value is the client id, or `decision:clientId` in the Decide menu). */
const clientIdOf = (value: string) => (value.includes(':') ? value.slice(value.indexOf(':') + 1) : value);

export function registerDigestActions(app: App, deps: SlackDeps): void {
  /** The digest a clicked message belongs to, if it is one. */
  const digestOf = async (turn: Turn, ts: string | undefined) =>
    turn.channelId && ts ? ((await digestMessageAt(deps.db, { teamId: turn.teamId, channelId: turn.channelId, ts }))?.digestId ?? null) : null;

  onAction<ButtonAction>(app, deps, DIGEST_ACTIONS.acknowledge, async (turn, action, body) => {
    // "The owner has seen it" (domain.md §5): the owner's (or an admin's) to say, never proposed.
    const subject = await requireClient(deps.db, { teamId: turn.teamId, clientId: clientIdOf(action.value ?? '') });
    await requireDecider(turn, subject, { action: 'acknowledge' });
    const digestId = await digestOf(turn, body.message?.ts);
    const result = await decideOrPropose(turn, subject, { kind: 'decision', decision: 'acknowledge', reason: null, digestId });
    const decision = result.outcome?.decision;
    if (decision) await showOnDigest(turn, digestId, subject, (reader) => decisionLine(decision, reader), decision.kind);
    await tellConcerned(turn, subject, result);
  });

  onAction<ButtonAction>(app, deps, DIGEST_ACTIONS.snooze, async (turn, action, body) => {
    const subject = await requireClient(deps.db, { teamId: turn.teamId, clientId: clientIdOf(action.value ?? '') });
    await requireDecider(turn, subject, { action: 'snooze' });
    const { catalogue } = await turn.workspace();
    const digestId = await digestOf(turn, body.message?.ts);
    const snoozed = await snooze(deps.db, turn.act, { clientId: subject.id, days: catalogue.thresholds.snoozeDays, digestId });
    if (!snoozed.created) {
      const s = snoozed.snooze;
      const reader = await turn.reader();
      throw new RapportError(
        'conflict',
        said('digest.alreadySnoozed', { name: md(`*${escapeName(subject.name)}*`), who: md(`<@${s.snoozedBy}>`), day: md(formatDay(s.until, reader)) }),
      );
    }
    await showOnDigest(turn, digestId, subject, (reader) => snoozeLine(snoozed.snooze, reader), 'snooze');
  });

  // Every decision is said before it is done, in a form: the owner or an admin decides, anyone else proposes.
  onAction<OverflowAction>(app, deps, DIGEST_ACTIONS.decide, async (turn, action, body) => {
    const value = action.selected_option.value;
    const kind = DECISION_CHOICES.find((k) => value.startsWith(`${k}:`));
    if (!kind) throw new RapportError('invalid_input', said('digest.unknownDecision'));
    const subject = await requireClient(deps.db, { teamId: turn.teamId, clientId: clientIdOf(value) });
    const proposing = !(await isDecider(turn, subject));
    const digestId = await digestOf(turn, body.message?.ts);
    const { today } = await turn.workspace();
    const reviewOn = addDays(today, KEEP_REVIEW_DAYS);
    const suggested = await suggestedReasons(deps.db, await turn.actIn(), subject.id);
    await turn.openModal(
      decisionModal({
        reader: await turn.reader(),
        clientId: subject.id,
        digestId,
        kind,
        channelId: turn.channelId,
        client: subject,
        proposing,
        reviewOn,
        suggested,
      }),
    );
  });

  onAction<ButtonAction>(app, deps, DIGEST_ACTIONS.history, async (turn, action) => {
    const timeline = await clientTimeline(deps.db, turn.act, clientIdOf(action.value ?? ''));
    const { catalogue } = await turn.workspace();
    const reader = await turn.reader();
    // The client's health chart above the timeline (drawn here, after the ack; the timeline goes alone without it).
    await replyWithHealthChart(turn, catalogue, timeline, reader, { text: historyText(timeline, reader), blocks: historyBlocks(catalogue, timeline, reader) });
  });
}
