/** Red flags go to the client's owner at once, by DM (domain.md §4). */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../log.js';
import type { IncidentOutcome } from '../services/clientActivity.js';
import { redFlagAlert } from './blocks/confirmations.js';

export async function notifyOwnerOfRedFlags(client: WebClient, logger: Logger, outcome: IncidentOutcome, loggedBy: string, timeZone: string): Promise<void> {
  const owner = outcome.logged.client.ownerUserId;
  if (!owner || !outcome.newlyMet.some((m) => m.criterion.class === 'red_flag')) return;
  try {
    const dm = await client.conversations.open({ users: owner });
    const message = redFlagAlert(outcome, loggedBy, timeZone);
    await client.chat.postMessage({ channel: dm.channel!.id!, text: message.text, blocks: message.blocks as never });
  } catch (error) {
    // The incident is stored and shown in the digest either way; a failed DM must not fail the log.
    logger.error('could not DM the owner about a red flag', { clientId: outcome.logged.client.id, error: String(error) });
  }
}
