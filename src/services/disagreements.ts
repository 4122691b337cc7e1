/**
 * Observers who disagree (domain/disagreements.ts): what a call just logged makes, and what a client's or a
 * workspace's disputed dimensions are now. Who is told, and how, is the Slack side's (slack/disagreements.ts).
 */
import { disagreementsMadeBy, type Disagreement } from '../domain/disagreements.js';
import type { Observation } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { observationsDisputing } from '../db/queries/disagreements.js';
import type { ActIn } from './act.js';

/**
 * The disagreements a call just logged makes (each pair is named once: when the later of its two calls is logged).
 * An edited call makes none: its pairs were named when it was first logged.
 */
export async function disagreementsMadeByCall(
  db: Database,
  act: Pick<ActIn, 'teamId' | 'catalogue'>,
  call: { id: string; clientId: string; occurredAt: Date; loggedBy: string; traits: readonly string[] },
): Promise<Disagreement<Observation>[]> {
  const observations = await observationsDisputing(db, { teamId: act.teamId, catalogue: act.catalogue, call });
  return disagreementsMadeBy(act.catalogue, observations, call.id);
}
