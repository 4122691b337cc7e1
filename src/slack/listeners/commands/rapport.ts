/**
 * `/rapport help | settings … | digest preview | digest now | export | todo | outcomes | value`: settings are shown to anyone, changed by
 * admins; posting the digest by hand and exporting the data are for admins.
 */
import type { App } from '@slack/bolt';
import { DEFAULT_CATALOGUE } from '../../../domain/catalogue.js';
import { RapportError } from '../../../domain/errors.js';
import { quoteCode } from '../../../domain/mrkdwn.js';
import { todoOf } from '../../../services/nextSteps.js';
import { setMyCalendar, setMyDigest, setMyLanguage } from '../../../services/workspace.js';
import { PERSONAL_DIGEST_USAGE, personalDigestText } from '../../blocks/settings.js';
import { localDate } from '../../../domain/calendar.js';
import { todoMessage } from '../../blocks/nextSteps.js';
import { changeSettings, lastDigestOf, type WorkspaceContext } from '../../../services/workspace.js';
import { requireAdmin } from '../../authorise.js';
import { sendExport } from '../../exportFiles.js';
import { channelExposure, exposureText } from '../../channels.js';
import { slackErrorCode } from '../../slackError.js';
import { helpMessage, isHelpWord } from '../../blocks/help.js';
import { context, section } from '../../blocks/kit.js';
import { postNowText, settingsBlocks } from '../../blocks/settings.js';
import { onCommand, type Turn, type SlackDeps } from '../../frame.js';
import { COMMANDS } from '../../ids.js';
import { calendarNamed, isDefaultWord, languageChoice, parseSettingsChange } from '../../parse/settings.js';
import { isCadenceWord, parseCadenceSetting } from '../../parse/cadence.js';
import { md, said, t, tPlain } from '../../../i18n/messages.js';
import { formatMoney } from '../../../i18n/format.js';
import { DEFAULT_LOCALE } from '../../../i18n/locales.js';
import type { Reader } from '../../../i18n/reader.js';
import { workspaceLocale } from '../../readers.js';
import { outcomesCommand } from './outcomes.js';
import { valueCommand } from './value.js';

async function showSettings(turn: Turn, { workspace, catalogue }: WorkspaceContext, lead?: string): Promise<void> {
  const reader = await turn.reader();
  const blocks = settingsBlocks(workspace, catalogue, await lastDigestOf(turn.deps.db, turn.teamId), reader);
  await turn.reply({ text: lead ?? t(reader, 'settings.text'), blocks: [...(lead ? [section(lead)] : []), ...blocks] });
}

async function settings(turn: Turn, words: string[]): Promise<void> {
  if (words.length === 0) return showSettings(turn, await turn.workspace());
  if (words[0]?.toLowerCase() === 'me') return personalSettings(turn, words.slice(1));
  await requireAdmin(turn, 'errors.admin.settings');
  const parse = isCadenceWord(words[0] ?? '') ? parseCadenceSetting : parseSettingsChange;
  const patch = parse((await turn.workspace()).workspace.settings, words, (await turn.reader()).locale);
  // A digest channel a client could read is refused before it is saved.
  const exposed = patch.digestChannelId
    ? await channelExposure(turn.web, patch.digestChannelId).catch((error: unknown) => cannotSee(patch.digestChannelId!, error))
    : undefined;
  if (exposed) {
    throw new RapportError(
      'forbidden',
      said('settings.exposed', { channel: md(`<#${patch.digestChannelId}>`), why: md(exposureText(await turn.reader(), exposed)) }),
    );
  }
  const changed = await changeSettings(turn.deps.db, turn.act, patch);
  turn.forgetReader();
  const reader = await turn.reader();
  const lead =
    patch.language !== undefined
      ? t(reader, 'language.workspace', { language: tPlain(reader, `language.name.${workspaceLocale(changed.workspace) ?? DEFAULT_LOCALE}`) })
      : patch.currency !== undefined
        ? currencyText(reader)
        : t(reader, 'settings.saved');
  await showSettings(turn, changed, lead);
}

const currencyText = (reader: Reader) =>
  reader.currency ? t(reader, 'language.currency', { currency: reader.currency, example: formatMoney(12_500, reader) }) : t(reader, 'language.currencyNone');

/** `/rapport settings me digest on|off | language tr | calendar persian`: anyone's own choices, no admin needed. */
async function personalSettings(turn: Turn, words: string[]): Promise<void> {
  const [what = '', value = ''] = words.map((w) => w.toLowerCase());
  if (what === 'language' || what === 'calendar') return personalLanguage(turn, what, words.slice(1).join(' '));
  if (what !== 'digest' || !['on', 'off'].includes(value))
    throw new RapportError('invalid_input', said('settings.sayOnOff', { usage: md(`\`${PERSONAL_DIGEST_USAGE}\``) }));
  const { workspace } = await turn.workspace();
  const on = await setMyDigest(turn.deps.db, turn.act, value === 'on');
  const { timeZone } = await turn.deps.people.person(turn.web, turn.teamId, turn.userId);
  await turn.reply({ text: personalDigestText(on, workspace, timeZone, await turn.reader()) });
}

async function personalLanguage(turn: Turn, what: 'language' | 'calendar', value: string): Promise<void> {
  if (what === 'language') {
    const language = languageChoice(value);
    await setMyLanguage(turn.deps.db, turn.act, language);
    turn.forgetReader();
    const reader = await turn.reader();
    const name = tPlain(reader, `language.name.${reader.locale}`);
    await turn.reply({ text: language ? t(reader, 'language.mine', { language: name }) : t(reader, 'language.mineDefault', { language: name }) });
    return;
  }
  const calendar = isDefaultWord(value) ? null : calendarNamed(value);
  if (calendar === undefined) throw new RapportError('invalid_input', said('language.calendarUnknown', { typed: value || '…' }));
  await setMyCalendar(turn.deps.db, turn.act, calendar);
  turn.forgetReader();
  const reader = await turn.reader();
  await turn.reply({ text: t(reader, 'language.calendarMine', { calendar: tPlain(reader, `language.calendar.${reader.calendar}`) }) });
}

/** Slack would not describe the channel: nothing is saved, and the admin is told what to do about it. */
function cannotSee(channelId: string, error: unknown): never {
  const code = slackErrorCode(error);
  const channel = md(`<#${channelId}>`);
  throw new RapportError(
    'conflict',
    code === 'channel_not_found'
      ? said('settings.cannotSee.notFound', { channel })
      : code === 'missing_scope'
        ? said('settings.cannotSee.scope')
        : said('settings.cannotSee.other', { channel, code: md(quoteCode(code)) }),
  );
}

async function digest(turn: Turn, words: string[]): Promise<void> {
  const [what = '', ...flags] = words;
  if (what === 'preview') {
    const pages = await turn.deps.digest.preview(turn.teamId, turn.userId);
    const reader = await turn.reader();
    await turn.reply({
      text: pages[0]?.text ?? t(reader, 'settings.previewText'),
      blocks: [context(t(reader, 'settings.preview')), ...pages.flatMap((p) => p.blocks)],
    });
    return;
  }
  if (what !== 'now') {
    const usage = md('`/rapport digest preview | /rapport digest now [--force]`');
    throw new RapportError(
      'invalid_input',
      what ? said('settings.digestUnknown', { command: md(quoteCode(`/rapport digest ${words.join(' ')}`)), usage }) : said('settings.digestWhich', { usage }),
    );
  }
  await requireAdmin(turn, 'errors.admin.digest');
  const force = flags.some((w) => /^(--force|force)$/i.test(w));
  const outcome = await turn.deps.digest.postNow(turn.teamId, turn.userId, force);
  await turn.reply({ text: postNowText(outcome, await turn.reader()) });
}

/** The person's open next steps, overdue first, each with Done and Snooze. */
async function todo(turn: Turn): Promise<void> {
  const act = await turn.actIn();
  await turn.reply(todoMessage(await todoOf(turn.deps.db, act, turn.userId), localDate(turn.now, act.timeZone), await turn.reader()));
}

export function registerRapportCommand(app: App, deps: SlackDeps): void {
  onCommand(app, deps, COMMANDS.rapport, {
    // Help, and the answer to a word Rapport does not know, are given by the work rather than in the ack: they are
    // fast, and the work knows who reads, so they are written in the person's language.
    run: async (turn, text) => {
      const [sub = '', ...words] = text.split(/\s+/).filter(Boolean);
      const command = sub.toLowerCase();
      if (command === 'settings') await settings(turn, words);
      else if (command === 'export') await sendExport(turn);
      else if (command === 'todo') await todo(turn);
      else if (command === 'digest') await digest(turn, words);
      else if (command === 'outcomes') await outcomesCommand(turn, words);
      else if (command === 'value' || command === 'profit') await valueCommand(turn, words);
      else {
        const unknown = !sub || isHelpWord(sub) ? undefined : `/rapport ${[sub, ...words].join(' ')}`;
        await turn.reply(helpMessage('rapport', DEFAULT_CATALOGUE, await turn.reader(), unknown));
      }
    },
  });
}
