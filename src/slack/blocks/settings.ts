/** `/rapport settings` and the answers of `/rapport digest now`, as people read them. */
import { digestDayOf } from '../../digest/run.js';
import type { Catalogue } from '../../domain/catalogue.js';
import type { PostOutcome } from '../deps.js';
import { channelRefusalText, digestRefusalAdvice } from './digest.js';
import type { LatestDigest, Workspace } from '../../services/workspace.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import { isDefiniteRefusal } from '../slackError.js';
import { DAYS } from '../parse/settings.js';
import { USAGE } from '../parse/commandText.js';
import { context, section, type Block } from './kit.js';
import { formatDay, formatWeek } from './text.js';

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** What a failure that is not Slack's definite refusal was (`isDefiniteRefusal`), as one sentence. */
const momentaryFailureText = (error: string) => `Slack could not be reached or failed for a moment (${quoteCode(error)}).`;

/** Why a digest's thread stopped (when Slack said why) and what Rapport does about the rest, as whole sentences. */
function restOfThreadText(error: string | null | undefined, channelId: string): string {
  if (error && isDefiniteRefusal(error))
    return `${digestRefusalAdvice(error, channelId)} Rapport tries again every couple of minutes and, once that is fixed, posts the rest of the thread, each page once and in order.`;
  const next = 'Rapport keeps posting the rest of the thread within minutes, each page once and in order.';
  return error ? `${momentaryFailureText(error)} ${next}` : next;
}

/** The latest digest week as one line: posted when (and whether its thread is complete), or why not yet. */
function lastDigestLine(digest: LatestDigest | undefined, timeZone: string): string {
  if (!digest) return 'Last digest: _none yet_';
  if (digest.status === 'posted') {
    const when = digest.postedAt ? ` ${formatDay(digest.postedAt, timeZone)}` : '';
    const rest = restOfThreadText(digest.lastError, digest.channelId);
    if (digest.threadPagesWaiting === 1)
      return `Last digest: week of ${digest.week}, first message posted${when}; 1 page of its thread is still to come. ${rest}`;
    if (digest.threadPagesWaiting > 1)
      return `Last digest: week of ${digest.week}, first message posted${when}; ${digest.threadPagesWaiting} pages of its thread are still to come. ${rest}`;
    return `Last digest: week of ${digest.week}, posted${when}`;
  }
  if (!digest.lastError) return `Last digest: week of ${digest.week}, being posted`;
  const tries = digest.attempts === 1 ? '1 attempt' : `${digest.attempts} attempts`;
  if (!isDefiniteRefusal(digest.lastError))
    return `Last digest: week of ${digest.week}, *not posted yet* (${tries}). ${momentaryFailureText(digest.lastError)} Rapport tries again every couple of minutes.`;
  return `Last digest: week of ${digest.week}, *not posted* (${tries}). ${digestRefusalAdvice(digest.lastError, digest.channelId)}`;
}

export function settingsBlocks(workspace: Workspace, catalogue: Catalogue, last: LatestDigest | undefined): Block[] {
  const t = catalogue.thresholds;
  const criteria = Object.entries(t.criteria)
    .map(([kind, rule]) => {
      const severe = 'severeDaysLate' in rule ? ` or one ${rule.severeDaysLate}+ days late` : '';
      return `${kind}: ${rule.count} ${rule.windowDays === null ? 'ever' : `in ${rule.windowDays} d`}${severe}`;
    })
    .join(' · ');
  return [
    section(
      [
        '*Rapport settings*',
        `Digest: ${workspace.digestChannelId ? `<#${workspace.digestChannelId}>` : '_no channel yet_'}, ${capitalised(DAYS[digestDayOf(workspace)] ?? '')} ${workspace.digestTime} (${workspace.timeZone})`,
        ...(workspace.digestChannelRefusal && workspace.digestChannelId
          ? [
              `*Not posting there* since ${workspace.digestChannelRefusedAt ? formatDay(workspace.digestChannelRefusedAt, workspace.timeZone) : 'recently'}: ${channelRefusalText(workspace.digestChannelId, workspace.digestChannelRefusal)}`,
            ]
          : []),
        lastDigestLine(last, workspace.timeZone),
        `Guests: ${workspace.allowGuests ? 'allowed (single- and multi-channel guests may use Rapport)' : 'not allowed'} · people from other organisations: never`,
        `Health: half-life ${t.health.halfLifeDays} d, healthy ≥ ${t.health.healthyFrom}, at risk < ${t.health.atRiskBelow}`,
        `Turned bad: drop ${t.turnedBad.dropPoints} (VIP ${t.turnedBad.vipDropPoints}), flip ${t.turnedBad.flipRecentCount} in ${t.turnedBad.flipRecentDays} d after ${t.turnedBad.flipPriorDays} d`,
        `Gone quiet: ${t.goneQuietDays} d · snooze ${t.snoozeDays} d`,
        `Criteria: ${criteria}`,
      ].join('\n'),
    ),
    context(`Change (admins): \`${USAGE.settings}\`, e.g. \`/rapport settings threshold goneQuietDays 21\` or \`threshold criteria.slow_payment.count 2\`.`),
  ];
}

/** What `/rapport digest now` answers, for each way posting can end. */
export function postNowText(outcome: PostOutcome): string {
  switch (outcome.status) {
    case 'posted':
      return `✅ Digest posted. It counts as the digest for the week of ${formatWeek(outcome.week)}${outcome.early ? ': the scheduled post that week will not repeat it' : ''}.`;
    case 'partly_posted':
      return partlyPostedText(outcome);
    case 'already_posted': {
      const rest = `${restOfThreadText(outcome.digest.lastError, outcome.digest.channelId)} \`/rapport settings\` shows how far it got.`;
      if (outcome.threadPagesWaiting === 1)
        return `The digest for the week of ${formatWeek(outcome.digest.week)} is posted, but 1 page of its thread is still to come. ${rest}`;
      if (outcome.threadPagesWaiting > 1)
        return `The digest for the week of ${formatWeek(outcome.digest.week)} is posted, but ${outcome.threadPagesWaiting} pages of its thread are still to come. ${rest}`;
      return `The digest for the week of ${formatWeek(outcome.digest.week)} was already posted. Add \`--force\` to post it again (recorded in the audit log).`;
    }
    case 'claimed_elsewhere':
      return 'Another Rapport instance is posting this week’s digest right now.';
    case 'failed':
      return `Slack refused the digest. ${digestRefusalAdvice(outcome.error, outcome.channelId)}`;
    case 'delayed':
      return `The digest is not posted yet. ${momentaryFailureText(outcome.error)} Rapport tries again by itself within a couple of minutes; \`/rapport settings\` shows the latest attempt.`;
    case 'will_retry':
      if (!isDefiniteRefusal(outcome.error))
        return `The last attempt did not get through. ${momentaryFailureText(outcome.error)} Rapport tries again by itself within a couple of minutes; nothing needs doing.`;
      return `The last attempt failed. ${digestRefusalAdvice(outcome.error, outcome.channelId)} Rapport tries again by itself within a couple of minutes: once that is fixed, there is nothing else to do.`;
    case 'no_channel':
      return 'No digest channel yet: `/rapport settings channel #channel` sets one.';
    case 'channel_refused':
      return channelRefusalText(outcome.channelId, outcome.reason);
  }
}

/** What `/rapport digest now` says of a digest whose first message is in the channel and some of whose thread is not. */
function partlyPostedText({ channelId, threadPages, waiting, error, week, early }: Extract<PostOutcome, { status: 'partly_posted' }>): string {
  const posted =
    waiting === 1 && threadPages === 1
      ? `⚠️ The digest’s first message is in <#${channelId}>, but the one page of its thread is still to come.`
      : waiting === 1
        ? `⚠️ The digest’s first message is in <#${channelId}>, but 1 of the ${threadPages} pages of its thread is still to come.`
        : `⚠️ The digest’s first message is in <#${channelId}>, but ${waiting} of the ${threadPages} pages of its thread are still to come.`;
  const counts = `It counts as the digest for the week of ${formatWeek(week)}${early ? ': the scheduled post that week will not repeat it' : ''}.`;
  return `${posted} ${restOfThreadText(error, channelId)} \`/rapport settings\` shows how far it got. ${counts}`;
}

export const PERSONAL_DIGEST_USAGE = '/rapport settings me digest on | off';

/** The answer to `/rapport settings me digest on|off`: when it comes (the workspace's slot, their own zone). */
export function personalDigestText(on: boolean, workspace: Pick<Workspace, 'digestDay' | 'language' | 'digestTime'>, timeZone: string): string {
  if (!on) return 'Your personal digest is off. The channel digest is unchanged.';
  return `📬 Your personal digest is on: your own clients’ part of the weekly digest comes to you by DM, ${capitalised(DAYS[digestDayOf(workspace)]!)}s at ${workspace.digestTime} in your time zone (${timeZone}), with the same buttons. \`${PERSONAL_DIGEST_USAGE.replace(' on | off', ' off')}\` stops it.`;
}
