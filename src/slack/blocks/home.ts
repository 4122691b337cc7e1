/** The App Home tab: the user's next steps, then their own clients by band, worst first. */
import type { HomeView } from '@slack/types';
import { BANDS } from '../../domain/health.js';
import { ACTIONS } from '../ids.js';
import type { ClientStanding } from '../../services/portfolio.js';
import type { NextStep } from '../../domain/nextSteps.js';
import { homeStepBlocks } from './nextSteps.js';
import { clientLineSections } from './clients.js';
import { actions, button, context, divider, fitBlocks, header, section, type Block } from './kit.js';
import { BAND_LABEL } from './format.js';
import { formatDay, LIMITS } from './text.js';

const HOME_BLOCKS = 100;

/** `steps`: the user's open next steps, overdue first; `today` their day; `personalDigest`: whether they get theirs by DM. */
export function homeView(lines: ClientStanding[], now: Date, timeZone = 'UTC', steps: readonly NextStep[] = [], today = '', personalDigest = false): HomeView {
  const blocks: Block[] = [
    header('Your clients'),
    actions([
      button('Log a call', ACTIONS.openCallModal, 'home', 'primary'),
      button('Log an incident', ACTIONS.openIncidentModal, 'home'),
      personalDigest ? button('Stop my digest by DM', ACTIONS.personalDigest, 'off') : button('Get my clients’ digest by DM', ACTIONS.personalDigest, 'on'),
    ]),
    ...homeStepBlocks(steps, today),
  ];
  if (lines.length === 0) {
    blocks.push(section('You own no clients yet. `/client add <name> @you` registers one with you as its owner.'));
  }
  // Red flags first, whatever was decided about them (domain.md §4: they call for action now); then by band.
  const rest = lines.filter((l) => l.redFlags === 0);
  const groups: { label: string; lines: ClientStanding[] }[] = [
    { label: '🚩 Meet a red-flag criterion', lines: lines.filter((l) => l.redFlags > 0) },
    ...BANDS.slice()
      .reverse()
      .map((band) => ({ label: BAND_LABEL[band], lines: rest.filter((l) => l.health.known && l.health.band === band) })),
    { label: BAND_LABEL.unknown, lines: rest.filter((l) => !l.health.known) },
  ];
  for (const group of groups) {
    if (group.lines.length === 0) continue;
    blocks.push(divider(), section(`*${group.label}* (${group.lines.length})`), ...clientLineSections(group.lines));
  }
  blocks.push(context(`Updated ${formatDay(now, timeZone)}. \`/client show <name>\` for the details.`));
  return { type: 'home', blocks: fitBlocks(blocks, Math.min(HOME_BLOCKS, LIMITS.modalBlocks), '`/client list` shows them all.') };
}
