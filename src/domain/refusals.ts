/**
 * What the database refuses, as data: a code and what a reply needs (names, ids, counts), never words. A query
 * throws `new Refused({ code, ... })` (a throw, so that a refusal inside a write rolls it back); the catalogue
 * message each code is told with is chosen here, in one place, so `db/` names what happened and not how it is said.
 * A `Refused` is a `RapportError`: the Slack frame tells it to its reader like any other.
 */
import type { z } from 'zod';
import { md, said, type Said } from '../i18n/messages.js';
import { RapportError, type RapportErrorCode } from './errors.js';
import { quoteCode } from './mrkdwn.js';
import { displayName } from './names.js';
import { saidOfIssue } from './validationMessages.js';

/** A call or an incident: what a person logged and may undo or edit. */
export type EntryKind = 'call' | 'incident';

export type Refusal =
  /** Input the repository's schema refused (the first issue, if zod gave one). */
  | { code: 'input_invalid'; issue: z.core.$ZodIssue | undefined }
  /** A client id of no client in the workspace (deleted, or another workspace's). */
  | { code: 'client_gone' }
  /** A client erased already, or never there. */
  | { code: 'client_erased' }
  /** Nothing typed where a client's name goes. */
  | { code: 'client_name_missing' }
  /** No client by the typed name; `suggestions` are the names most like it. */
  | { code: 'client_not_found'; typed: string; suggestions: string[] }
  /** The typed words begin several clients' names: the person is asked which (the first three alphabetically). */
  | { code: 'client_ambiguous'; typed: string; names: string[] }
  /** Another client has this name (by key). */
  | { code: 'client_name_taken'; name: string }
  /** Another client's name looks like this one (unless confirmed). */
  | { code: 'client_name_look_alike'; name: string; existing: string }
  /** One name begins with the other's whole words (unless confirmed). */
  | { code: 'client_name_same_leading_words'; name: string; existing: string }
  /** Traits not in the workspace's catalogue. */
  | { code: 'traits_unknown'; traits: string[] }
  /** A call or incident that is no longer there. */
  | { code: 'entry_gone'; entry: EntryKind }
  /** A call or incident someone else logged. */
  | { code: 'entry_not_yours'; entry: EntryKind; loggedBy: string }
  /** A call or incident logged longer ago than the undo window. */
  | { code: 'entry_undo_window'; minutes: number }
  /** An edit that would move a call or incident to another client. */
  | { code: 'entry_moved'; entry: EntryKind }
  /** A warning about an incident that is not the client's (or is gone). */
  | { code: 'incident_gone' }
  /** Snooze days out of range. */
  | { code: 'snooze_days' }
  /** Threshold names the catalogue does not have. */
  | { code: 'thresholds_unknown'; names: string[]; known: readonly string[] }
  /** Settings the catalogue refuses once merged (`CatalogueError`'s sentence, English only). */
  | { code: 'settings_invalid'; problem: string }
  /** A next step that is gone. */
  | { code: 'step_gone' }
  /** A next step neither assigned to nor created by the person. */
  | { code: 'step_not_yours'; assignee: string; creator: string }
  /** A proposal that is gone. */
  | { code: 'proposal_gone' }
  /** A proposal someone answered the other way. */
  | { code: 'proposal_answered'; status: string; answeredBy: string | null };

const mention = (userId: string | null) => md(`<@${userId}>`);

/** The first three of some names, for the messages that name up to three. */
const firstThree = (names: readonly string[]) => {
  const [first = '', second = '', third = ''] = names;
  return { count: names.length, first, second, third };
};

/** How a refusal is told: its error code, its message, and the detail a reply uses (the field, suggestions). */
function toldOf(refusal: Refusal): [RapportErrorCode, Said | string, RapportError['detail']] {
  switch (refusal.code) {
    case 'input_invalid': {
      const { issue } = refusal;
      const field = issue?.path.join('.') || undefined;
      const message = issue ? (saidOfIssue(issue) ?? issue.message) : said('validation.invalid', { field: said('validation.field.value') });
      return ['invalid_input', message, field ? { field } : {}];
    }
    case 'client_gone':
      return ['not_found', said('errors.client.goneHere'), {}];
    case 'client_erased':
      return ['not_found', said('errors.client.gone'), {}];
    case 'client_name_missing':
      return ['invalid_input', said('errors.client.giveName'), { field: 'client' }];
    case 'client_not_found': {
      const { typed, suggestions } = refusal;
      const message =
        suggestions.length > 0 ? said('errors.client.notFoundDidYouMean', { typed, ...firstThree(suggestions) }) : said('errors.client.notFound', { typed });
      return ['not_found', message, { suggestions, field: 'client' }];
    }
    case 'client_ambiguous': {
      const sorted = [...refusal.names].sort((a, b) => a.localeCompare(b));
      return [
        'conflict',
        said('client.name.which', { typed: displayName(refusal.typed), ...firstThree(sorted) }),
        { field: 'client', suggestions: refusal.names },
      ];
    }
    case 'client_name_taken':
      return ['conflict', said('errors.client.nameTaken', { name: refusal.name }), { field: 'name' }];
    case 'client_name_look_alike':
      return ['conflict', said('errors.client.lookAlike', { name: refusal.name, existing: refusal.existing }), { field: 'name', lookAlike: refusal.existing }];
    case 'client_name_same_leading_words':
      return [
        'conflict',
        said('client.name.sameLeadingWords', { name: refusal.name, existing: refusal.existing }),
        { field: 'name', lookAlike: refusal.existing },
      ];
    case 'traits_unknown':
      return ['invalid_input', said('errors.traits.unknown', { count: refusal.traits.length, traits: refusal.traits.join(', ') }), { field: 'traits' }];
    case 'entry_gone':
      return ['not_found', said('errors.entry.gone', { what: refusal.entry }), {}];
    case 'entry_not_yours':
      return ['forbidden', said('errors.entry.notYours', { what: refusal.entry, who: mention(refusal.loggedBy) }), {}];
    case 'entry_undo_window':
      return ['conflict', said('errors.entry.undoWindow', { minutes: refusal.minutes }), {}];
    case 'entry_moved':
      return ['invalid_input', said(refusal.entry === 'call' ? 'errors.call.move' : 'errors.incident.move'), { field: 'client' }];
    case 'incident_gone':
      return ['not_found', said('errors.incident.gone'), {}];
    case 'snooze_days':
      return ['invalid_input', said('errors.snooze.days'), { field: 'days' }];
    case 'thresholds_unknown':
      return [
        'invalid_input',
        said('errors.thresholds.unknown', {
          count: refusal.names.length,
          names: md(refusal.names.map((n) => quoteCode(n)).join(', ')),
          all: md(refusal.known.join(', ')),
        }),
        { field: 'settings' },
      ];
    case 'settings_invalid':
      return ['invalid_input', refusal.problem, { field: 'settings' }];
    case 'step_gone':
      return ['not_found', said('errors.step.gone'), {}];
    case 'step_not_yours':
      return ['forbidden', said('errors.step.notYours', { assignee: mention(refusal.assignee), creator: mention(refusal.creator) }), {}];
    case 'proposal_gone':
      return ['not_found', said('errors.proposal.gone'), {}];
    case 'proposal_answered':
      return ['conflict', said('errors.proposal.answered', { status: refusal.status, who: mention(refusal.answeredBy) }), {}];
  }
}

/** A refusal thrown by a query, told in the catalogue's words (`toldOf`). */
export class Refused extends RapportError {
  constructor(readonly refusal: Refusal) {
    super(...toldOf(refusal));
  }
}
