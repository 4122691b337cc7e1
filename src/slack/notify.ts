/** Direct messages: red flags to a client's owner at once (domain.md §4), word of changes to their clients, a next step set for someone. */
import type { FateOutcome } from '../services/clientFate.js';
import type { IncidentOutcome } from '../services/clientActivity.js';
import type { NextStep } from '../domain/nextSteps.js';
import { redFlagAlertFor } from './blocks/alerts.js';
import { stepAssignedMessage } from './blocks/nextSteps.js';
import { fateNoticeText } from './blocks/fate.js';
import type { Turn } from './frame.js';
import { isMemberHere } from './recipients.js';
import { errorText } from '../log.js';

/**
 * The incident's outcome as the person who logged it is told it: a red flag whose owner is not a member here
 * (a guest, from another organisation, gone) reaches nobody, and the confirmation says so instead of promising a DM.
 */
export async function withRedFlagRecipient(turn: Turn, outcome: IncidentOutcome): Promise<IncidentOutcome> {
  const owner = outcome.logged.client.ownerUserId;
  if (outcome.redFlagNotice !== 'dm_owner' || !owner) return outcome;
  try {
    return (await isMemberHere(turn.deps, turn.web, turn.teamId, owner)) ? outcome : { ...outcome, redFlagNotice: 'owner_not_member' };
  } catch (error) {
    // Slack could not say who the owner is: the DM checks again, and tells nobody it cannot place.
    turn.deps.logger.warn('could not check the owner of a client with a red flag', { clientId: outcome.logged.client.id, error: errorText(error) });
    return outcome;
  }
}

export async function notifyOwnerOfRedFlags(turn: Turn, outcome: IncidentOutcome): Promise<void> {
  const owner = outcome.logged.client.ownerUserId;
  if (outcome.redFlagNotice !== 'dm_owner' || !owner) return;
  try {
    // In the owner's own language.
    await turn.dm(owner, (reader) => redFlagAlertFor(reader, outcome, turn.userId));
  } catch (error) {
    // The incident is stored and shown in the digest either way; a failed DM must not fail the log.
    turn.deps.logger.error('could not DM the owner about a red flag', { clientId: outcome.logged.client.id, error: errorText(error) });
  }
}

/** Tells everyone a change to a client concerns who is still a member here (a failed DM is logged: the change itself stands). */
export async function tellFateNotices(turn: Turn, outcome: FateOutcome): Promise<void> {
  for (const notice of outcome.notices) {
    try {
      await turn.dm(notice.to, (reader) => ({ text: fateNoticeText(notice, outcome, turn.userId, reader) }));
    } catch (error) {
      turn.deps.logger.warn('could not tell someone of a change to their client', { clientId: outcome.after.id, error: errorText(error) });
    }
  }
}

/**
 * Tells a step's assignee it was set for them by someone else (nobody is told of a step they set themselves), in
 * their words, with its buttons; only while they are a member here (turn.dm). A failed DM is logged: the step stands.
 */
export async function tellAssignee(turn: Turn, step: NextStep): Promise<void> {
  if (step.assigneeUserId === step.createdBy) return;
  try {
    const { today } = await turn.workspace();
    await turn.dm(step.assigneeUserId, (reader) => stepAssignedMessage(step, today, step.createdBy, reader));
  } catch (error) {
    turn.deps.logger.warn('could not tell someone of a next step set for them', { clientId: step.clientId, error: errorText(error) });
  }
}
