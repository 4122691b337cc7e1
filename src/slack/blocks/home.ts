/**
 * The App Home tab, in its reader's words: for an admin, the team's first (teamHome.ts); then the logging
 * buttons, their digest switch and the language Rapport speaks to them, their next steps, then their own clients
 * by band, worst first.
 */
import type { HomeView, PlainTextOption, StaticSelect } from '@slack/types';
import { BANDS } from '../../domain/health.js';
import { ACTIONS } from '../ids.js';
import type { ClientStanding } from '../../services/portfolio.js';
import type { TeamView } from '../../services/team.js';
import { teamBlocks } from './teamHome.js';
import type { NextStep } from '../../domain/nextSteps.js';
import { homeStepBlocks } from './nextSteps.js';
import { clientLineSections } from './clients.js';
import { actions, button, context, divider, fitBlocks, header, option, plain, section, type Block } from './kit.js';
import { LIMITS } from './text.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import { bandLabel } from '../../i18n/labels.js';
import { formatDay } from '../../i18n/format.js';
import { LOCALES, type Locale } from '../../i18n/locales.js';
import type { Reader } from '../../i18n/reader.js';

const HOME_BLOCKS = 100;

/** Each language by its own name, as a person looking for theirs reads it whatever Rapport speaks now. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', tr: 'Türkçe', fa: 'فارسی', fi: 'suomi' };

/** The Home select's value for "no language of my own": the workspace's applies. */
export const DEFAULT_LANGUAGE_VALUE = 'default';

export interface HomeInput {
  /** Who the tab is for: its words, dates and digits are theirs. */
  reader: Reader;
  lines: ClientStanding[];
  now: Date;
  /** Their open next steps, overdue first. */
  steps?: readonly NextStep[];
  /** Their day (YYYY-MM-DD). */
  today?: string;
  /** Whether they get their own digest by DM. */
  personalDigest?: boolean;
  /** The language they chose for themselves (null: the workspace's), and the workspace's own, if it has one. */
  language?: { own: Locale | null; workspace: Locale | undefined };
  /** An admin's: what needs them across the team, shown before their own. */
  team?: Omit<TeamView, 'standings'>;
}

/** The language select: the four languages, and the workspace's default; the person's choice picked. */
function languageSelect(reader: Reader, language: NonNullable<HomeInput['language']>): StaticSelect {
  const fallback = option(
    language.workspace ? tPlain(reader, 'home.languageDefaultIs', { language: LANGUAGE_NAMES[language.workspace] }) : tPlain(reader, 'home.languageDefault'),
    DEFAULT_LANGUAGE_VALUE,
  );
  const options: PlainTextOption[] = [fallback, ...LOCALES.map((locale) => option(LANGUAGE_NAMES[locale], locale))];
  const initial = options.find((o) => o.value === (language.own ?? DEFAULT_LANGUAGE_VALUE));
  return {
    type: 'static_select',
    action_id: ACTIONS.homeLanguage,
    placeholder: plain(tPlain(reader, 'home.languagePlaceholder')),
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

export function homeView(m: HomeInput): HomeView {
  const { reader, lines } = m;
  const blocks: Block[] = [
    ...(m.team ? [...teamBlocks(reader, m.team, m.today ?? ''), divider()] : []),
    header(tPlain(reader, 'home.title')),
    actions([
      button(tPlain(reader, 'home.logCall'), ACTIONS.openCallModal, 'home', 'primary'),
      button(tPlain(reader, 'home.logIncident'), ACTIONS.openIncidentModal, 'home'),
      m.personalDigest
        ? button(tPlain(reader, 'home.digestOff'), ACTIONS.personalDigest, 'off')
        : button(tPlain(reader, 'home.digestOn'), ACTIONS.personalDigest, 'on'),
    ]),
    ...(m.language ? [section(t(reader, 'home.language'), { accessory: languageSelect(reader, m.language) })] : []),
    ...homeStepBlocks(m.steps ?? [], m.today ?? '', reader),
  ];
  if (lines.length === 0) {
    blocks.push(section(t(reader, 'home.empty')));
  }
  // Red flags first, whatever was decided about them (domain.md §4: they call for action now); then by band.
  const rest = lines.filter((l) => l.redFlags === 0);
  const groups: { label: string; lines: ClientStanding[] }[] = [
    { label: tPlain(reader, 'home.redFlags'), lines: lines.filter((l) => l.redFlags > 0) },
    ...BANDS.slice()
      .reverse()
      .map((band) => ({ label: bandLabel(reader, band), lines: rest.filter((l) => l.health.known && l.health.band === band) })),
    { label: bandLabel(reader, 'unknown'), lines: rest.filter((l) => !l.health.known) },
  ];
  for (const group of groups) {
    if (group.lines.length === 0) continue;
    blocks.push(divider(), section(t(reader, 'home.group', { label: md(group.label), n: group.lines.length })), ...clientLineSections(group.lines, reader));
  }
  blocks.push(context(t(reader, 'home.updated', { date: md(formatDay(m.now, reader)) })));
  return { type: 'home', blocks: fitBlocks(blocks, Math.min(HOME_BLOCKS, LIMITS.modalBlocks), reader, t(reader, 'home.more')) };
}
