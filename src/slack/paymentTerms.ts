/**
 * A terms proposal (issue 30) goes to the client's owner while they are a member here, else to every workspace
 * admin (any of them may answer: the proposal flow's Approve and Decline, listeners/actions/proposals.ts).
 */
import type { TermsCase } from '../services/paymentTerms.js';
import { errorText } from '../log.js';
import { termsProposalMessage, type TermsAsked } from './blocks/payments.js';
import type { Turn } from './frame.js';
import { workspaceAdmins } from './people.js';
import { isMemberHere } from './recipients.js';

export interface TermsAsking {
  asked: TermsAsked;
  recipients: string[];
}

/** Who is asked about a terms proposal: read before the answer to the person logging, which says so. */
export async function whoAnswersTerms(turn: Turn, terms: TermsCase): Promise<TermsAsking> {
  const owner = terms.client.ownerUserId;
  if (owner && (await isMemberHere(turn.deps, turn.web, turn.teamId, owner))) return { asked: 'owner', recipients: [owner] };
  const admins = await workspaceAdmins(turn.web, turn.teamId);
  return admins.length > 0 ? { asked: 'admins', recipients: admins } : { asked: 'nobody', recipients: [] };
}

/** Sends the proposal with its evidence, each in their own words. A failed DM is logged: the proposal stands, and the next payment logged asks no more. */
export async function askAboutTerms(turn: Turn, terms: TermsCase, asking: TermsAsking): Promise<void> {
  for (const userId of asking.recipients) {
    try {
      await turn.dm(userId, (reader) => termsProposalMessage(terms, reader, asking.asked === 'admins'));
    } catch (error) {
      turn.deps.logger.warn('could not ask about payment terms', { clientId: terms.client.id, error: errorText(error) });
    }
  }
}

/** Both, for the entry points that tell the person logging nothing more (the incident form). */
export async function proposeTermsBy(turn: Turn, terms: TermsCase | undefined): Promise<void> {
  if (terms) await askAboutTerms(turn, terms, await whoAnswersTerms(turn, terms));
}
