/** Clients as people name them: registering, finding by the words typed, correcting details, their timeline. */
import { RapportError } from '../domain/errors.js';
import { localDate } from '../domain/calendar.js';
import { incidentKindFromWord } from '../domain/catalogue.js';
import { addDays } from '../domain/nextSteps.js';
import { NAME_WORDS_AT_MOST } from '../domain/names.js';
import { said, type Said } from '../i18n/messages.js';
import { dayNamedAt, type DateToken } from '../i18n/dates.js';
import type { ClientPatch, NewClient } from '../domain/inputs.js';
import type { ClientProfile, Decision, Snooze } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { loadClientRecord, type ClientRecord } from '../db/queries/activity.js';
import {
  categoryChangesOf,
  clientByLeadingWords,
  createClient,
  linkChannel,
  noClientCalled,
  requireClient,
  updateClient,
  type NamedClient,
  type NameMatch,
  type NameOptions,
} from '../db/queries/clients.js';
import { auditEntriesAbout } from '../db/queries/audit.js';
import { decisionsFor, snoozesFor } from '../db/queries/decisions.js';
import { eraseClient, type DigestPageWithout, type Erasure } from '../db/queries/erasure.js';
import { authorOf, type Act, type ActIn } from './act.js';

export type { Erasure, NameMatch };

/**
 * Stored, or not yet: the name looks like an existing client's, and the person is asked to confirm (`said`, put
 * into their words; `message` is its English).
 */
export type NameOutcome = { client: ClientProfile; lookAlike?: undefined } | { lookAlike: string; message: string; said: Said; client?: undefined };

/** A refusal for a look-alike name becomes a question to answer; any other refusal stays one. */
async function askOnLookAlike(write: () => Promise<ClientProfile>): Promise<NameOutcome> {
  try {
    return { client: await write() };
  } catch (error) {
    if (error instanceof RapportError && error.detail.lookAlike && error.said)
      return { lookAlike: error.detail.lookAlike, message: error.message, said: error.said };
    throw error;
  }
}

export function addClient(db: Database, act: Act, input: NewClient, options: NameOptions = {}): Promise<NameOutcome> {
  return askOnLookAlike(() => createClient(db, { teamId: act.teamId, by: authorOf(act), input, options }));
}

/** The details of a client anyone may correct, each heard by its owner when someone else changes it. */
export const CORRECTED_FIELDS = ['name', 'relationship', 'monthlyValue', 'renewsOn'] as const;
export type CorrectedField = (typeof CORRECTED_FIELDS)[number];

/** One detail of a client changed: from what, to what (as stored). */
export interface FieldChange {
  field: CorrectedField;
  from: string | number | null;
  to: string | number | null;
}

/** Word for a client's owner that someone else corrected their client, with what Undo restores. */
export interface CorrectionNotice {
  to: string;
  client: ClientProfile;
  change: FieldChange;
}

/**
 * A renewal further back than this is refused: a renewal that lapsed lately (a contract being renegotiated) is
 * still worth recording, and shows as overdue; one years back is a typo, or a client whose next renewal is unknown.
 */
const RENEWAL_DAYS_BACK = 365;

/**
 * Name, relationship, value or renewal: anyone's to correct (a client's fate goes through clientFate). A change to
 * someone else's client comes back with the notice its owner is to get (`notice`); the owner's own changes do not.
 */
export async function correctClient(
  db: Database,
  act: Act & Pick<ActIn, 'timeZone'>,
  clientId: string,
  patch: ClientPatch,
  options: NameOptions = {},
): Promise<NameOutcome & { notice?: CorrectionNotice }> {
  if (patch.renewsOn && patch.renewsOn < addDays(localDate(act.at, act.timeZone), -RENEWAL_DAYS_BACK)) {
    throw new RapportError('invalid_input', said('client.renewalLongPast', { day: patch.renewsOn }), { field: 'renewsOn' });
  }
  const before = await requireClient(db, { teamId: act.teamId, clientId });
  const outcome = await askOnLookAlike(() => updateClient(db, { teamId: act.teamId, by: authorOf(act), clientId, patch, options }));
  if (!outcome.client) return outcome;
  const field = CORRECTED_FIELDS.find((f) => f in patch && (before[f] ?? null) !== (outcome.client[f] ?? null));
  // Anyone but the owner is heard, admins too: an owner answers for the value the digest counts as at risk.
  const owner = before.ownerUserId;
  if (!field || !owner || owner === act.actor) return outcome;
  return { ...outcome, notice: { to: owner, client: outcome.client, change: { field, from: before[field] ?? null, to: outcome.client[field] ?? null } } };
}

export type UndoOutcome = { undone: true; client: ClientProfile } | { undone: false; client: ClientProfile; why: 'undone_before' | 'changed_since' };

/**
 * Puts a corrected detail back as it was (the owner's Undo): done once, as the person who undoes it (so History
 * shows both changes); a second click finds it undone already, and a detail changed again since is left alone.
 */
export function undoCorrection(db: Database, act: Act, clientId: string, change: FieldChange): Promise<UndoOutcome> {
  return db.transaction(async (tx) => {
    const current = await requireClient(tx, { teamId: act.teamId, clientId });
    const now = current[change.field] ?? null;
    if (now === change.from) return { undone: false, client: current, why: 'undone_before' };
    if (now !== change.to) return { undone: false, client: current, why: 'changed_since' };
    // The name it had is its own again, however another client has been named since.
    const client = await updateClient(tx, {
      teamId: act.teamId,
      by: authorOf(act),
      clientId,
      patch: { [change.field]: change.from },
      options: { allowLookAlike: true },
    });
    return { undone: true, client };
  });
}

/**
 * The client named by the leading words of a command (its whole name, or the first whole words of exactly one
 * name), and how many words it took; otherwise a not_found with "did you mean" suggestions.
 */
export async function clientFromWords(
  db: Database,
  act: Pick<Act, 'teamId'>,
  words: readonly string[],
  /** How many words the name may take at most (the rest belong to the command). */
  stopAt = words.length,
  /** The candidates, read already with the workspace (services/workspace.ts `workspaceContextNaming`). */
  named?: readonly NamedClient[],
): Promise<{ client: ClientProfile; used: number; match: NameMatch }> {
  if (words.length === 0) throw new RapportError('invalid_input', said('errors.client.startWithName'), { field: 'client' });
  const found = await clientByLeadingWords(db, { teamId: act.teamId, words: words.slice(0, stopAt), ...(named ? { named } : {}) });
  if (found) return found;
  const readings = words.slice(0, typedAsName(words, stopAt)).map((_, i) => words.slice(0, i + 1).join(' '));
  throw await noClientCalled(db, { teamId: act.teamId, typed: readings.at(-1)!, readings });
}

/** A day named from the i-th word on (`yesterday`, `dün`, `monday`, `28.11.2026`): a one-liner's date, not a name. */
function namesADay(tokens: readonly DateToken[], i: number): boolean {
  try {
    // The day itself does not matter here, only that one is named (an ambiguous date is one too).
    return dayNamedAt(tokens, i, '2026-01-01', 'en') !== undefined;
  } catch {
    return true;
  }
}

/**
 * How many leading words a refusal names as the client nobody has: those before the first (after the first word)
 * that reads as the command's own, a ±trait, an incident kind or a day in any language (`/incident Nonexistent Co lie …`
 * names “Nonexistent Co”); with none, at most three, so that notes are not taken for a name.
 */
function typedAsName(words: readonly string[], stopAt: number): number {
  // Only as far as a name is ever read: a long text's every prefix would be searched for "did you mean" otherwise.
  const longest = Math.min(stopAt, NAME_WORDS_AT_MOST);
  const tokens = words.map((value) => ({ value, quoted: false }));
  const own = words
    .slice(0, longest + 1)
    .findIndex((w, i) => i > 0 && (/^[+-]\p{L}/u.test(w) || incidentKindFromWord(w) !== undefined || namesADay(tokens, i)));
  if (own !== -1) return own;
  return Math.max(1, Math.min(stopAt, 3));
}

/** `/client link <name>` in a channel (a Slack Connect channel shared with that client, say); `null` unlinks. */
export function linkChannelToClient(db: Database, act: Act, channelId: string, client: ClientProfile | null): Promise<void> {
  return linkChannel(db, { teamId: act.teamId, by: authorOf(act), channelId, clientId: client?.id ?? null });
}

export interface ClientTimeline {
  client: ClientProfile;
  record: ClientRecord;
  decisions: Decision[];
  snoozes: Snooze[];
  categoryChanges: Awaited<ReturnType<typeof categoryChangesOf>>;
  /** Its details changed by hand (`/client set`, Undo): category changes and decisions have their own lines. */
  changes: RecordedChange[];
}

/** The details History shows the changes of, as stored. */
export const HISTORY_FIELDS = [...CORRECTED_FIELDS, 'ownerUserId', 'status'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export interface RecordedChange {
  at: Date;
  by: string;
  field: HistoryField;
  from: string | number | null;
  to: string | number | null;
}

/** The audit trail's `client.update` entries as the changes they made (fields that stayed as they were are left out). */
function changesRecorded(entries: Awaited<ReturnType<typeof auditEntriesAbout>>): RecordedChange[] {
  const value = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : null);
  return entries.flatMap((e) =>
    HISTORY_FIELDS.flatMap((field) => {
      const change = e.details[field] as { from?: unknown; to?: unknown } | undefined;
      if (!change || typeof change !== 'object' || value(change.from) === value(change.to)) return [];
      return [{ at: e.at, by: e.actor, field, from: value(change.from), to: value(change.to) }];
    }),
  );
}

/** Everything logged and decided about a client (the digest's History button). */
export async function clientTimeline(db: Database, act: Pick<Act, 'teamId'>, clientId: string): Promise<ClientTimeline> {
  const client = await requireClient(db, { teamId: act.teamId, clientId });
  const [record, decisions, snoozes, categoryChanges, updates] = await Promise.all([
    loadClientRecord(db, { teamId: act.teamId, clientId }),
    decisionsFor(db, { teamId: act.teamId, clientId }),
    snoozesFor(db, { teamId: act.teamId, clientId }),
    categoryChangesOf(db, { teamId: act.teamId, clientId }),
    auditEntriesAbout(db, { teamId: act.teamId, entityType: 'client', entityId: clientId, action: 'client.update' }),
  ]);
  return { client, record, decisions, snoozes, categoryChanges, changes: changesRecorded(updates) };
}

/**
 * Erases a client and everything about it (db/queries/erasure.ts), the digest's stored pages rewritten by
 * `pageWithout`; erased before (the same form worked again), it says what went then. Who may erase is the
 * caller's to check first.
 */
export function eraseClientRecords(db: Database, act: Act, clientId: string, pageWithout: DigestPageWithout): Promise<Erasure> {
  return eraseClient(db, { teamId: act.teamId, by: authorOf(act), clientId, pageWithout });
}
