/** Ephemeral confirmations after a log: what was stored, the new health, Undo and Edit, in the reader's words. */
import { UNDO_MINUTES, type Catalogue } from '../../domain/catalogue.js';
import type { ClientProfile, Incident } from '../../domain/types.js';
import type { CallOutcome, IncidentOutcome } from '../../services/clientActivity.js';
import { formatDay } from '../../i18n/format.js';
import { incidentLabel, traitLabel } from '../../i18n/labels.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import type { Reader } from '../../i18n/reader.js';
import { ACTIONS } from '../ids.js';
import { actions, button, context, section, type Block } from './kit.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import { blocksFor, commandFor, escapeText, joinParts, mention, signedNumber } from './text.js';
import { criterionLineFor, incidentFactsFor, problemReminder } from './format.js';
import { callAgainstItsNotes } from '../../domain/explain.js';
import { callAgainstItsNotesText, healthWithCriteria } from './explain.js';
import { paidOnTimeButton, shorterTermsReminder } from './payments.js';

export interface Rendered {
  text: string;
  blocks: Block[];
}

/** An incident as logged, with its facts: "🚩 Lying (invoice INV-7)". */
export function incidentWhat(reader: Reader, incident: Pick<Incident, 'kind' | 'details'>): string {
  const facts = incidentFactsFor(reader, incident);
  return `${incidentLabel(reader, incident.kind)}${facts ? ` (${facts})` : ''}`;
}

/**
 * The health line of a call's confirmation, explaining itself: the change since the previous call splits into
 * what time did (older traits fade, pulling the score toward 50) and what this call did.
 */
export function healthChangeText(outcome: CallOutcome, where: Reader): string {
  const reader = where;
  const { before, after, previous } = outcome;
  const health = md(healthWithCriteria(reader, after, outcome.criteria ?? []));
  if (!after.known) return t(reader, 'commands.healthNow', { health });
  if (!previous?.health.known) {
    return before.known && before.score !== after.score
      ? t(reader, 'commands.healthByCall', { health, change: md(signedNumber(after.score - before.score, reader)) })
      : t(reader, 'commands.healthNow', { health });
  }
  const faded = before.score - previous.health.score;
  const byCall = after.score - before.score;
  const parts = [
    ...(faded !== 0 ? [t(reader, faded > 0 ? 'commands.fadedBad' : 'commands.fadedGood', { change: md(signedNumber(faded, reader)) })] : []),
    ...(byCall !== 0 ? [t(reader, 'commands.fromCall', { change: md(signedNumber(byCall, reader)) })] : []),
  ];
  if (parts.length === 0) return t(reader, 'commands.healthNow', { health });
  const changes = parts.length === 2 ? t(reader, 'commands.twoChanges', { first: md(parts[0]!), second: md(parts[1]!) }) : parts[0]!;
  return t(reader, 'commands.healthSincePrevious', {
    health,
    previous: previous.health.score,
    day: md(formatDay(previous.at, reader)),
    changes: md(changes),
  });
}

export interface CallConfirmationOptions {
  edited?: boolean;
  /** ±words the one-line command read as notes (they came after the notes began). */
  signedWordsInNotes?: readonly string[];
}

/**
 * What everyone logging for a client on prepayment terms is told: a client put on *prepay only* (a digest decision,
 * domain.md §5, or its status set) and a *problem* client (domain.md §1) are worked with only on full prepayment.
 */
function paymentReminder(client: Pick<ClientProfile, 'name' | 'category' | 'status' | 'paymentTerms'>, reader: Reader): string | undefined {
  if (client.status === 'prepay_only' || client.paymentTerms === 'prepayment') return t(reader, 'commands.prepayOnlyReminder', { name: client.name });
  return client.category === 'problem' ? problemReminder(reader) : shorterTermsReminder(client, reader);
}

const undoButton = (reader: Reader, actionId: string, entryId: string) =>
  button(tPlain(reader, 'commands.undo', { minutes: UNDO_MINUTES }), actionId, entryId, 'danger');

/** Dates read in the workspace's time zone, as its people live them; words in the reader's language. */
export function callConfirmation(catalogue: Catalogue, outcome: CallOutcome, where: Reader, options: CallConfirmationOptions = {}): Rendered {
  const reader = where;
  const { client, entry } = outcome.logged;
  const traits = entry.traits.length > 0 ? entry.traits.map((key) => traitLabel(reader, catalogue, key)).join(' · ') : t(reader, 'commands.noTraits');
  const said = t(reader, options.edited ? 'commands.call.updated' : 'commands.call.logged', {
    name: client.name,
    day: md(formatDay(entry.occurredAt, reader)),
  });
  const blocks: Block[] = [section(`${said}\n${traits}`)];
  if (entry.notes) blocks.push(context(`📝 ${escapeText(entry.notes)}`));
  const stray = options.signedWordsInNotes ?? [];
  if (stray.length > 0) {
    blocks.push(context(t(reader, 'commands.strayWords', { words: md(joinParts(reader, stray.map(quoteCode))), count: stray.length })));
  }
  blocks.push(section(healthChangeText(outcome, reader)));
  // A call that moved the score against its own notes says why (issue 29: "+1 from this call" after a bad call).
  const { before, after } = outcome;
  const against = after.known && before.known ? callAgainstItsNotes(catalogue, client, entry.traits, after.score - before.score) : undefined;
  if (against) blocks.push(context(callAgainstItsNotesText(reader, against)));
  const reminder = paymentReminder(client, reader);
  if (reminder) blocks.push(section(reminder, { accessory: paidOnTimeButton(reader, client.id) }));
  blocks.push(actions([undoButton(reader, ACTIONS.undoCall, entry.id), button(tPlain(reader, 'commands.edit'), ACTIONS.editCall, entry.id)]));
  return {
    text: t(reader, options.edited ? 'commands.call.updatedText' : 'commands.call.loggedText', { name: client.name }),
    blocks: blocksFor(reader, blocks),
  };
}

export function incidentConfirmation(outcome: IncidentOutcome, where: Reader, { edited = false }: { edited?: boolean } = {}): Rendered {
  const reader = where;
  const { client, entry } = outcome.logged;
  const day = (d: Date) => formatDay(d, reader);
  const blocks: Block[] = [
    section(
      t(reader, edited ? 'commands.incident.updated' : 'commands.incident.logged', {
        name: client.name,
        day: md(day(entry.occurredAt)),
        what: md(incidentWhat(reader, entry)),
      }),
    ),
  ];
  if (entry.description) blocks.push(context(`📝 ${escapeText(entry.description)}`));
  if (outcome.met.length > 0) {
    blocks.push(section(`${t(reader, 'commands.criteriaMet')}\n${outcome.met.map((m) => criterionLineFor(reader, m, day)).join('\n')}`));
  }
  // Incidents are not in the score (domain.md §3), so the health said after one carries the criteria beside it.
  if (outcome.after.known) blocks.push(context(t(reader, 'commands.healthNow', { health: md(healthWithCriteria(reader, outcome.after, outcome.met)) })));
  const owner = md(mention(client.ownerUserId));
  if (outcome.redFlagNotice) {
    const setOwner = commandFor('/client set', client.name, 'owner @someone');
    const notice = {
      dm_owner: () => t(reader, 'commands.redFlag.dmOwner', { owner }),
      owner_logged: () => t(reader, 'commands.redFlag.ownerLogged'),
      no_owner: () => t(reader, 'commands.redFlag.noOwner', { name: client.name, command: setOwner }),
      owner_not_member: () => t(reader, 'commands.redFlag.ownerNotMember', { name: client.name, owner, command: setOwner }),
    } as const;
    blocks.push(section(notice[outcome.redFlagNotice]()));
  }
  if (outcome.driftStarted) {
    const d = outcome.driftStarted;
    blocks.push(
      section(
        t(reader, 'commands.driftStarted', {
          name: client.name,
          payments: d.latePayments.length,
          days: d.windowDays,
          dates: md(
            joinParts(
              reader,
              d.latePayments.map((i) => day(i.occurredAt)),
            ),
          ),
          command: commandFor('/client set', client.name, 'relationship stepping-stone'),
        }),
      ),
    );
  }
  if (entry.kind === 'mental_abuse' && !outcome.met.some((m) => m.criterion.kind === 'mental_abuse')) {
    blocks.push(context(t(reader, 'commands.abuseNotYet')));
  }
  const reminder = paymentReminder(client, reader);
  if (reminder) blocks.push(section(reminder, { accessory: paidOnTimeButton(reader, client.id) }));
  const buttons = [undoButton(reader, ACTIONS.undoIncident, entry.id), button(tPlain(reader, 'commands.edit'), ACTIONS.editIncident, entry.id)];
  if (entry.kind === 'mental_abuse') buttons.push(button(tPlain(reader, 'commands.clientWasTold'), ACTIONS.clientWasTold, entry.id, 'primary'));
  blocks.push(actions(buttons));
  return {
    text: t(reader, edited ? 'commands.incident.updatedText' : 'commands.incident.loggedText', { name: client.name }),
    blocks: blocksFor(reader, blocks),
  };
}
