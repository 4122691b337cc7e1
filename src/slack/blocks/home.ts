/** The App Home tab: the user's own clients by band, worst first. */
import { BANDS } from '../../domain/health.js';
import { ACTIONS } from '../ids.js';
import type { ClientStanding } from '../../services/portfolio.js';
import { clientLine, worstFirst } from './clients.js';
import { actions, button, context, divider, fitBlocks, header, section, type Block } from './kit.js';
import { BAND_LABEL } from './format.js';
import { formatDay, LIMITS } from './text.js';

const HOME_BLOCKS = 100;

export function homeView(lines: ClientStanding[], now: Date, timeZone = 'UTC'): Block {
  const blocks: Block[] = [
    header('Your clients'),
    actions([button('Log a call', ACTIONS.openCallModal, 'home', 'primary'), button('Log an incident', ACTIONS.openIncidentModal, 'home')]),
  ];
  if (lines.length === 0) {
    blocks.push(section('You own no clients yet. `/client add <name> @you` registers one with you as its owner.'));
  }
  const groups: { label: string; lines: ClientStanding[] }[] = [
    ...BANDS.slice()
      .reverse()
      .map((band) => ({ label: BAND_LABEL[band], lines: lines.filter((l) => l.health.known && l.health.band === band) })),
    { label: BAND_LABEL.unknown, lines: lines.filter((l) => !l.health.known) },
  ];
  for (const group of groups) {
    if (group.lines.length === 0) continue;
    blocks.push(divider(), section(`*${group.label}* (${group.lines.length})`));
    const sorted = [...group.lines].sort(worstFirst);
    for (let i = 0; i < sorted.length; i += 10) blocks.push(section(sorted.slice(i, i + 10).map(clientLine).join('\n')));
  }
  blocks.push(context(`Updated ${formatDay(now, timeZone)}. \`/client show <name>\` for the details.`));
  return { type: 'home', blocks: fitBlocks(blocks, Math.min(HOME_BLOCKS, LIMITS.modalBlocks), '`/client list` shows them all.') };
}
