/** Ephemeral confirmations after a log: what was stored, the new health, Undo and Edit. */
import type { Catalogue } from '../../domain/catalogue.js';
import { UNDO_MINUTES } from '../../db/queries/activity.js';
import type { CallOutcome, IncidentOutcome } from '../../services/clientActivity.js';
import { ACTIONS } from '../ids.js';
import { actions, button, context, section, type Block } from './kit.js';
import { PROBLEM_REMINDER, criterionLine, healthText, incidentFacts, kindLabel, traitLabel } from './format.js';
import { escapeText, formatDay } from './text.js';

export interface Rendered {
  text: string;
  blocks: Block[];
}

/** Dates read in the workspace's time zone, as its people live them. */
export function callConfirmation(catalogue: Catalogue, outcome: CallOutcome, timeZone: string, edited = false): Rendered {
  const { client, entry, duplicate } = outcome.logged;
  const verb = edited ? 'updated' : duplicate ? 'was already logged' : 'logged';
  const traits = entry.traits.length > 0 ? entry.traits.map((t) => traitLabel(catalogue, t)).join(' · ') : '_no traits_';
  const blocks: Block[] = [
    section(`✅ Call with *${escapeText(client.name)}* on ${formatDay(entry.occurredAt, timeZone)} ${verb}.\n${traits}`),
  ];
  if (entry.notes) blocks.push(context(`📝 ${escapeText(entry.notes)}`));
  const moved = outcome.before.known && outcome.before.score !== outcome.after.score ? ` (was ${outcome.before.score})` : '';
  blocks.push(section(`Health now: ${healthText(outcome.after)}${moved}`));
  if (client.category === 'problem') blocks.push(section(PROBLEM_REMINDER));
  blocks.push(
    actions([
      button(`Undo (${UNDO_MINUTES} min)`, ACTIONS.undoCall, entry.id, 'danger'),
      button('Edit', ACTIONS.editCall, entry.id),
    ]),
  );
  return { text: `Call with ${client.name} ${verb}.`, blocks };
}

export function incidentConfirmation(outcome: IncidentOutcome, timeZone: string, edited = false): Rendered {
  const { client, entry, duplicate } = outcome.logged;
  const verb = edited ? 'updated' : duplicate ? 'was already logged' : 'logged';
  const facts = incidentFacts(entry);
  const blocks: Block[] = [
    section(`✅ Incident for *${escapeText(client.name)}* on ${formatDay(entry.occurredAt, timeZone)} ${verb}: ${kindLabel(entry.kind)}${facts ? ` (${facts})` : ''}.`),
  ];
  if (entry.description) blocks.push(context(`📝 ${escapeText(entry.description)}`));
  if (outcome.met.length > 0) {
    blocks.push(section(`*Firing criteria met:*\n${outcome.met.map((m) => criterionLine(m, timeZone)).join('\n')}`));
  }
  if (entry.kind === 'mental_abuse' && !outcome.met.some((m) => m.criterion.kind === 'mental_abuse')) {
    blocks.push(
      context('Criterion 2 counts abuse only after the client was told it is unacceptable. Record it when you have told them.'),
    );
  }
  if (client.category === 'problem') blocks.push(section(PROBLEM_REMINDER));
  const buttons = [
    button(`Undo (${UNDO_MINUTES} min)`, ACTIONS.undoIncident, entry.id, 'danger'),
    button('Edit', ACTIONS.editIncident, entry.id),
  ];
  if (entry.kind === 'mental_abuse') buttons.push(button('Client was told this is unacceptable', ACTIONS.clientWasTold, entry.id, 'primary'));
  blocks.push(actions(buttons));
  return { text: `Incident for ${client.name} ${verb}.`, blocks };
}

/** The DM a client's owner gets when a red-flag criterion is newly met (domain.md §4). */
export function redFlagAlert(outcome: IncidentOutcome, loggedBy: string, timeZone: string): Rendered {
  const { client } = outcome.logged;
  const flags = outcome.newlyMet.filter((m) => m.criterion.class === 'red_flag');
  return {
    text: `Red flag for ${client.name}: ${flags.map((m) => m.criterion.label).join(', ')}`,
    blocks: [
      section(`🚩 *${escapeText(client.name)}* now meets a red-flag firing criterion (logged by <@${loggedBy}>):`),
      section(flags.map((m) => criterionLine(m, timeZone)).join('\n')),
      context('Red flags call for action now. `/client show ' + escapeText(client.name) + '` has the whole history.'),
    ],
  };
}
