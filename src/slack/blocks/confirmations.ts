/** Ephemeral confirmations after a log: what was stored, the new health, Undo and Edit. */
import { UNDO_MINUTES, type Catalogue } from '../../domain/catalogue.js';
import type { CallOutcome, IncidentOutcome } from '../../services/clientActivity.js';
import { ACTIONS } from '../ids.js';
import { actions, button, context, section, type Block } from './kit.js';
import { PROBLEM_REMINDER, criterionLine, healthText, incidentFacts, kindLabel, traitLabel } from './format.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import { escapeName, escapeText, formatDay, mention, plural } from './text.js';

export interface Rendered {
  text: string;
  blocks: Block[];
}

const signed = (n: number) => (n > 0 ? `+${n}` : `−${-n}`);

/**
 * The health line of a call's confirmation, explaining itself: the change since the previous call splits into
 * what time did (older traits fade, pulling the score toward 50) and what this call did.
 */
export function healthChangeText(outcome: CallOutcome, timeZone: string): string {
  const { before, after, previous } = outcome;
  const now = `Health now: ${healthText(after)}`;
  if (!after.known) return now;
  if (!previous?.health.known) return before.known && before.score !== after.score ? `${now} (${signed(after.score - before.score)} from this call)` : now;
  const faded = before.score - previous.health.score;
  const byCall = after.score - before.score;
  const parts = [
    ...(faded !== 0 ? [`${signed(faded)} as older ${faded > 0 ? 'bad' : 'good'} traits faded`] : []),
    ...(byCall !== 0 ? [`${signed(byCall)} from this call`] : []),
  ];
  if (parts.length === 0) return now;
  return `${now} (${previous.health.score} after the previous call on ${formatDay(previous.at, timeZone)}: ${parts.join(', ')})`;
}

export interface CallConfirmationOptions {
  edited?: boolean;
  /** ±words the one-line command read as notes (they came after the notes began). */
  signedWordsInNotes?: readonly string[];
}

/** Dates read in the workspace's time zone, as its people live them. */
export function callConfirmation(catalogue: Catalogue, outcome: CallOutcome, timeZone: string, options: CallConfirmationOptions = {}): Rendered {
  const { client, entry } = outcome.logged;
  const verb = options.edited ? 'updated' : 'logged';
  const traits = entry.traits.length > 0 ? entry.traits.map((t) => traitLabel(catalogue, t)).join(' · ') : '_no traits_';
  const blocks: Block[] = [section(`✅ Call with *${escapeName(client.name)}* on ${formatDay(entry.occurredAt, timeZone)} ${verb}.\n${traits}`)];
  if (entry.notes) blocks.push(context(`📝 ${escapeText(entry.notes)}`));
  const stray = options.signedWordsInNotes ?? [];
  if (stray.length > 0) {
    blocks.push(
      context(
        `${stray.map(quoteCode).join(', ')} ${stray.length === 1 ? 'was' : 'were'} read as notes: traits go right after the client (and its date), before any notes. Edit adds them.`,
      ),
    );
  }
  blocks.push(section(healthChangeText(outcome, timeZone)));
  if (client.category === 'problem') blocks.push(section(PROBLEM_REMINDER));
  blocks.push(actions([button(`Undo (${UNDO_MINUTES} min)`, ACTIONS.undoCall, entry.id, 'danger'), button('Edit', ACTIONS.editCall, entry.id)]));
  return { text: `Call with ${escapeName(client.name)} ${verb}.`, blocks };
}

export function incidentConfirmation(outcome: IncidentOutcome, timeZone: string, { edited = false }: { edited?: boolean } = {}): Rendered {
  const { client, entry } = outcome.logged;
  const verb = edited ? 'updated' : 'logged';
  const facts = incidentFacts(entry);
  const blocks: Block[] = [
    section(
      `✅ Incident for *${escapeName(client.name)}* on ${formatDay(entry.occurredAt, timeZone)} ${verb}: ${kindLabel(entry.kind)}${facts ? ` (${facts})` : ''}.`,
    ),
  ];
  if (entry.description) blocks.push(context(`📝 ${escapeText(entry.description)}`));
  if (outcome.met.length > 0) {
    blocks.push(section(`*Firing criteria met:*\n${outcome.met.map((m) => criterionLine(m, (d) => formatDay(d, timeZone))).join('\n')}`));
  }
  const name = escapeName(client.name);
  const notice = {
    dm_owner: `🚩 Red flag: its owner ${mention(client.ownerUserId)} is being told by DM now.`,
    owner_logged: '🚩 Red flag: you own this client, so no one else was messaged. Act on it now.',
    no_owner: `🚩 Red flag, and *${name}* has no owner: nobody was told. Name one with \`/client set ${name} owner @someone\`.`,
    owner_not_member: `🚩 Red flag, and the owner of *${name}*, ${mention(client.ownerUserId)}, is not a member of this workspace any more (a guest, someone from another organisation, or gone): nobody was told. Name a member with \`/client set ${name} owner @someone\`.`,
  } as const;
  if (outcome.redFlagNotice) blocks.push(section(notice[outcome.redFlagNotice]));
  if (outcome.driftStarted) {
    const d = outcome.driftStarted;
    blocks.push(
      section(
        `↘️ *${name}* now pays like a stepping-stone client: ${plural(d.latePayments.length, 'late payment')} in ${plural(d.windowDays, 'day')} (${d.latePayments.map((i) => formatDay(i.occurredAt, timeZone)).join(', ')}). ` +
          `Consider \`/client set ${name} relationship stepping-stone\`.`,
      ),
    );
  }
  if (entry.kind === 'mental_abuse' && !outcome.met.some((m) => m.criterion.kind === 'mental_abuse')) {
    blocks.push(context('Criterion 2 counts abuse only after the client was told it is unacceptable. Record it when you have told them.'));
  }
  if (client.category === 'problem') blocks.push(section(PROBLEM_REMINDER));
  const buttons = [button(`Undo (${UNDO_MINUTES} min)`, ACTIONS.undoIncident, entry.id, 'danger'), button('Edit', ACTIONS.editIncident, entry.id)];
  if (entry.kind === 'mental_abuse') buttons.push(button('Client was told this is unacceptable', ACTIONS.clientWasTold, entry.id, 'primary'));
  blocks.push(actions(buttons));
  return { text: `Incident for ${escapeName(client.name)} ${verb}.`, blocks };
}

/** The DM a client's owner gets when a red-flag criterion is newly met (domain.md §4). */
export function redFlagAlert(outcome: IncidentOutcome, loggedBy: string, timeZone: string): Rendered {
  const { client } = outcome.logged;
  const flags = outcome.newlyMet.filter((m) => m.criterion.class === 'red_flag');
  return {
    text: `Red flag for ${escapeName(client.name)}: ${flags.map((m) => m.criterion.label).join(', ')}`,
    blocks: [
      section(`🚩 *${escapeName(client.name)}* now meets a red-flag firing criterion (logged by <@${loggedBy}>):`),
      section(flags.map((m) => criterionLine(m, (d) => formatDay(d, timeZone))).join('\n')),
      context('Red flags call for action now. `/client show ' + escapeName(client.name) + '` has the whole history.'),
    ],
  };
}
