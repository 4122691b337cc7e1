/** `/rapport settings` and the answers of `/rapport digest now`, as people read them. */
import type { Catalogue } from '../../domain/catalogue.js';
import type { PostOutcome } from '../deps.js';
import { channelRefusalText, digestRefusalAdvice } from './digest.js';
import type { Digest, Workspace } from '../../services/workspace.js';
import { DAYS } from '../parse/settings.js';
import { USAGE } from '../parse/commandText.js';
import { context, section, type Block } from './kit.js';
import { formatDay, formatWeek } from './text.js';

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** The latest digest week as one line: posted when, or why not yet. */
function lastDigestLine(digest: Digest | undefined, timeZone: string): string {
  if (!digest) return 'Last digest: _none yet_';
  if (digest.status === 'posted') return `Last digest: week of ${digest.week}, posted ${digest.postedAt ? formatDay(digest.postedAt, timeZone) : ''}`.trimEnd();
  if (!digest.lastError) return `Last digest: week of ${digest.week}, being posted`;
  const tries = digest.attempts === 1 ? '1 attempt' : `${digest.attempts} attempts`;
  return `Last digest: week of ${digest.week}, *not posted* (${tries}). ${digestRefusalAdvice(digest.lastError, digest.channelId)}`;
}

export function settingsBlocks(workspace: Workspace, catalogue: Catalogue, last: Digest | undefined): Block[] {
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
        `Digest: ${workspace.digestChannelId ? `<#${workspace.digestChannelId}>` : '_no channel yet_'}, ${capitalised(DAYS[workspace.digestDay] ?? '')} ${workspace.digestTime} (${workspace.timeZone})`,
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
    case 'already_posted':
      return `The digest for the week of ${formatWeek(outcome.digest.week)} was already posted. Add \`--force\` to post it again (recorded in the audit log).`;
    case 'claimed_elsewhere':
      return 'Another Rapport instance is posting this week’s digest right now.';
    case 'failed':
      return `Slack refused the digest. ${digestRefusalAdvice(outcome.error, outcome.channelId)}`;
    case 'will_retry':
      return `The last attempt failed. ${digestRefusalAdvice(outcome.error, outcome.channelId)} Rapport tries again by itself within a couple of minutes: once that is fixed, there is nothing else to do.`;
    case 'no_channel':
      return 'No digest channel yet: `/rapport settings channel #channel` sets one.';
    case 'channel_refused':
      return channelRefusalText(outcome.channelId, outcome.reason);
  }
}

export const PERSONAL_DIGEST_USAGE = '/rapport settings me digest on | off';

/** The answer to `/rapport settings me digest on|off`: when it comes (the workspace's slot, their own zone). */
export function personalDigestText(on: boolean, workspace: Pick<Workspace, 'digestDay' | 'digestTime'>, timeZone: string): string {
  if (!on) return 'Your personal digest is off. The channel digest is unchanged.';
  return `📬 Your personal digest is on: your own clients’ part of the weekly digest comes to you by DM, ${capitalised(DAYS[workspace.digestDay]!)}s at ${workspace.digestTime} in your time zone (${timeZone}), with the same buttons. \`${PERSONAL_DIGEST_USAGE.replace(' on | off', ' off')}\` stops it.`;
}
