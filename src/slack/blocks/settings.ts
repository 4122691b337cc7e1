/** `/rapport settings` and the answers of `/rapport digest now`, as people read them, in their words. */
import { digestDayOf } from '../../domain/catalogue.js';
import type { Catalogue, IncidentKind } from '../../domain/catalogue.js';
import type { PostOutcome } from '../deps.js';
import { channelRefusalText, digestRefusalAdvice } from './digest.js';
import type { LatestDigest, Workspace } from '../../services/workspace.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import { isDefiniteRefusal } from '../slackError.js';
import { DAYS } from '../parse/settings.js';
import { usageIn } from '../parse/commandText.js';
import { context, section, type Block } from './kit.js';
import { digitsFor, escapeText } from './text.js';
import { formatCalendarDay, formatDay, formatMoney } from '../../i18n/format.js';
import { INTL_TAGS, isLocale } from '../../i18n/locales.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import { readerIn, type Reader } from '../../i18n/reader.js';
import { criterionLabel } from '../../i18n/labels.js';
import { cadenceSettingsLine } from './cadence.js';
import { termsSettingsLine } from './payments.js';

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A day of the week (0 Sunday … 6 Saturday) by name, in the reader's language ("Monday", "Pazartesi", "دوشنبه"). */
export function weekdayName(day: number, reader: Pick<Reader, 'locale'>): string {
  if (reader.locale === 'en') return capitalised(DAYS[day] ?? '');
  // 29 Nov 2026 is a Sunday.
  const name = new Intl.DateTimeFormat(INTL_TAGS[reader.locale], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 29 + day)));
  return reader.locale === 'tr' ? capitalised(name) : name;
}

/** A digest week key (YYYY-MM-DD, the local date of its slot) as the reader reads a day. */
const weekOf = (week: string, reader: Reader) => formatCalendarDay(week, reader);

/** The week key as the settings show it: as stored for English (what admins compare with the digest's own), else as a day. */
const weekKey = (week: string, reader: Reader) => (reader.locale === 'en' ? week : formatCalendarDay(week, reader));

/** What a failure that is not Slack's definite refusal was (`isDefiniteRefusal`), as one sentence. */
const momentaryFailureText = (reader: Reader, error: string) => t(reader, 'settings.momentary', { code: md(quoteCode(error)) });

/** Why a digest's thread stopped (when Slack said why) and what Rapport does about the rest, as whole sentences. */
function restOfThreadText(reader: Reader, error: string | null | undefined, channelId: string): string {
  if (error && isDefiniteRefusal(error)) return t(reader, 'settings.rest.refused', { advice: md(digestRefusalAdvice(error, channelId, reader)) });
  const next = t(reader, 'settings.rest.next');
  return error ? `${momentaryFailureText(reader, error)} ${next}` : next;
}

/** The latest digest week as one line: posted when (and whether its thread is complete), or why not yet. */
function lastDigestLine(digest: LatestDigest | undefined, reader: Reader): string {
  if (!digest) return t(reader, 'settings.last.none');
  const week = md(weekKey(digest.week, reader));
  if (digest.status === 'posted') {
    const when = md(digest.postedAt ? formatDay(digest.postedAt, reader) : tPlain(reader, 'settings.recently'));
    if (digest.threadPagesWaiting > 0)
      return t(reader, 'settings.last.waiting', {
        week,
        when,
        pages: digest.threadPagesWaiting,
        rest: md(restOfThreadText(reader, digest.lastError, digest.channelId)),
      });
    return digest.postedAt ? t(reader, 'settings.last.posted', { week, when }) : t(reader, 'settings.last.postedUndated', { week });
  }
  if (!digest.lastError) return t(reader, 'settings.last.posting', { week });
  if (!isDefiniteRefusal(digest.lastError))
    return t(reader, 'settings.last.notYet', { week, tries: digest.attempts, failure: md(momentaryFailureText(reader, digest.lastError)) });
  return t(reader, 'settings.last.refused', { week, tries: digest.attempts, advice: md(digestRefusalAdvice(digest.lastError, digest.channelId, reader)) });
}

type Rule = { count: number; windowDays: number | null; severeDaysLate?: number };

/** How one criterion's threshold reads: "slow_payment: 3 in 180 d or one 60+ days late" (the kind is the name a threshold is set by). */
/** A criterion's threshold: its name in the reader's words, and its key as a threshold change spells it. */
function criterionThreshold(reader: Reader, kind: IncidentKind, rule: Rule): string {
  const args = { kind: md(`${escapeText(criterionLabel(reader, kind))} (\`${kind}\`)`), count: rule.count };
  if (rule.severeDaysLate !== undefined) {
    return rule.windowDays === null
      ? t(reader, 'settings.criterion.everSevere', { ...args, severe: rule.severeDaysLate })
      : t(reader, 'settings.criterion.inDaysSevere', { ...args, days: rule.windowDays, severe: rule.severeDaysLate });
  }
  return rule.windowDays === null ? t(reader, 'settings.criterion.ever', args) : t(reader, 'settings.criterion.inDays', { ...args, days: rule.windowDays });
}

/** The workspace's language and currency: what its channels read, and the money every value is shown in. */
function languageLines(workspace: Workspace, reader: Reader): string[] {
  const language = isLocale(workspace.language)
    ? t(reader, 'settings.language', { language: md(tPlain(reader, `language.name.${workspace.language}`)) })
    : t(reader, 'settings.languageNone');
  const currency = workspace.currency
    ? t(reader, 'settings.currency', {
        currency: workspace.currency,
        example: md(formatMoney(12_500, readerIn(reader.locale, { currency: workspace.currency }))),
      })
    : t(reader, 'settings.currencyNone');
  return [language, currency];
}

export function settingsBlocks(
  workspace: Workspace,
  catalogue: Catalogue,
  last: LatestDigest | undefined,
  reader: Reader = readerIn('en', { timeZone: workspace.timeZone }),
): Block[] {
  const th = catalogue.thresholds;
  const criteria = Object.entries(th.criteria)
    .map(([kind, rule]) => criterionThreshold(reader, kind as IncidentKind, rule as Rule))
    .join(' · ');
  const channel = md(workspace.digestChannelId ? `<#${workspace.digestChannelId}>` : t(reader, 'settings.noChannel'));
  return [
    section(
      [
        t(reader, 'settings.title'),
        t(reader, 'settings.digest', {
          channel,
          day: md(weekdayName(digestDayOf(workspace), reader)),
          time: md(digitsFor(reader, workspace.digestTime)),
          zone: md(workspace.timeZone),
        }),
        ...(workspace.digestChannelRefusal && workspace.digestChannelId
          ? [
              t(reader, 'settings.notPosting', {
                when: md(workspace.digestChannelRefusedAt ? formatDay(workspace.digestChannelRefusedAt, reader) : tPlain(reader, 'settings.recently')),
                why: md(channelRefusalText(workspace.digestChannelId, workspace.digestChannelRefusal, reader)),
              }),
            ]
          : []),
        lastDigestLine(last, reader),
        ...languageLines(workspace, reader),
        t(reader, workspace.allowGuests ? 'settings.guestsAllowed' : 'settings.guestsRefused'),
        t(reader, 'settings.health', { halfLife: th.health.halfLifeDays, healthy: th.health.healthyFrom, atRisk: th.health.atRiskBelow }),
        t(reader, 'settings.turnedBad', {
          drop: th.turnedBad.dropPoints,
          vip: th.turnedBad.vipDropPoints,
          flip: th.turnedBad.flipRecentCount,
          recent: th.turnedBad.flipRecentDays,
          prior: th.turnedBad.flipPriorDays,
        }),
        cadenceSettingsLine(reader, catalogue),
        t(reader, 'settings.criteria', { criteria: md(criteria) }),
        termsSettingsLine(th.paymentTerms, reader),
      ].join('\n'),
    ),
    context(t(reader, 'settings.change', { usage: md(`\`${usageIn(reader, 'settings')}\``) })),
  ];
}

/** What `/rapport digest now` answers, for each way posting can end. */
export function postNowText(outcome: PostOutcome, reader: Reader): string {
  switch (outcome.status) {
    case 'posted':
      return t(reader, outcome.early ? 'settings.postedEarly' : 'settings.posted', { week: md(weekOf(outcome.week, reader)) });
    case 'partly_posted':
      return partlyPostedText(outcome, reader);
    case 'already_posted': {
      const week = md(weekOf(outcome.digest.week, reader));
      if (outcome.threadPagesWaiting > 0) {
        const rest = restOfThreadText(reader, outcome.digest.lastError, outcome.digest.channelId);
        return `${t(reader, 'settings.alreadyWaiting', { week, pages: outcome.threadPagesWaiting })} ${rest} ${t(reader, 'settings.howFar')}`;
      }
      return t(reader, 'settings.alreadyPosted', { week });
    }
    case 'claimed_elsewhere':
      return t(reader, 'settings.claimedElsewhere');
    case 'failed':
      return t(reader, 'settings.failed', { advice: md(digestRefusalAdvice(outcome.error, outcome.channelId, reader)) });
    case 'delayed':
      return t(reader, 'settings.delayed', { failure: md(momentaryFailureText(reader, outcome.error)) });
    case 'will_retry':
      if (!isDefiniteRefusal(outcome.error)) return t(reader, 'settings.willRetryMomentary', { failure: md(momentaryFailureText(reader, outcome.error)) });
      return t(reader, 'settings.willRetryRefused', { advice: md(digestRefusalAdvice(outcome.error, outcome.channelId, reader)) });
    case 'no_channel':
      return t(reader, 'settings.noDigestChannel');
    case 'channel_refused':
      return channelRefusalText(outcome.channelId, outcome.reason, reader);
  }
}

/** What `/rapport digest now` says of a digest whose first message is in the channel and some of whose thread is not. */
function partlyPostedText({ channelId, threadPages, waiting, error, week, early }: Extract<PostOutcome, { status: 'partly_posted' }>, reader: Reader): string {
  const channel = md(`<#${channelId}>`);
  const posted =
    waiting === 1 && threadPages === 1
      ? t(reader, 'settings.partly.one', { channel })
      : t(reader, 'settings.partly.some', { channel, waiting, pages: threadPages });
  const counts = t(reader, early ? 'settings.countsEarly' : 'settings.counts', { week: md(weekOf(week, reader)) });
  return `${posted} ${restOfThreadText(reader, error, channelId)} ${t(reader, 'settings.howFar')} ${counts}`;
}

export const PERSONAL_DIGEST_USAGE = '/rapport settings me digest on | off';

/** The answer to `/rapport settings me digest on|off`: when it comes (the workspace's slot, their own zone). */
export function personalDigestText(on: boolean, workspace: Pick<Workspace, 'digestDay' | 'language' | 'digestTime'>, timeZone: string, reader: Reader): string {
  if (!on) return t(reader, 'settings.personalOff');
  return t(reader, 'settings.personalOn', {
    day: md(weekdayName(digestDayOf(workspace), reader)),
    time: md(digitsFor(reader, workspace.digestTime)),
    zone: md(timeZone),
  });
}
