/**
 * Observers who disagree (domain/disagreements.ts), told: both observers and the client's owner, one DM each, in
 * each one's language, through the recipient gate (turn.dm: a guest or a stranger is told nothing). A failed DM is
 * logged: the call stands, and `/client show` and the digest show the dispute whatever happened to the DMs.
 */
import type { Catalogue } from '../domain/catalogue.js';
import { concernedBy } from '../domain/disagreements.js';
import type { CallOutcome } from '../services/clientActivity.js';
import { disagreementDm } from './blocks/cadence.js';
import type { Turn } from './frame.js';
import { errorText } from '../log.js';

/** Once per call logged: its disagreements are those it made (each pair is named when its later call is logged). */
export async function tellDisagreements(turn: Turn, catalogue: Catalogue, outcome: CallOutcome): Promise<void> {
  const disagreements = outcome.disagreements ?? [];
  if (disagreements.length === 0) return;
  const { client } = outcome.logged;
  for (const person of concernedBy(disagreements, client.ownerUserId)) {
    try {
      await turn.dm(person, (reader) => disagreementDm(reader, catalogue, client, disagreements));
    } catch (error) {
      turn.deps.logger.warn('could not tell someone that observers disagree about a client', { clientId: client.id, error: errorText(error) });
    }
  }
}
