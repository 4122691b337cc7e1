/** Next steps as people set and settle them (domain/nextSteps.ts): who does it and by when, with sensible defaults. */
import { localDate } from '../domain/calendar.js';
import { RapportError } from '../domain/errors.js';
import { addDays, DEFAULT_DUE_DAYS, dueDaySaid, todoOrder, type NextStep, type NextStepSource } from '../domain/nextSteps.js';
import type { ClientProfile } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { createNextStep, openNextSteps, settleNextStep } from '../db/queries/nextSteps.js';
import { authorOf, type ActIn } from './act.js';

export interface NextStepRequest {
  client: Pick<ClientProfile, 'id' | 'ownerUserId'>;
  what: string;
  /** Default: the client's owner, else whoever sets it. */
  assigneeUserId?: string | undefined;
  /** Default: a week from today (the workspace's date). */
  dueOn?: string | undefined;
  source: NextStepSource;
}

export async function addNextStep(db: Database, act: ActIn, request: NextStepRequest): Promise<NextStep> {
  const today = localDate(act.at, act.timeZone);
  const dueOn = request.dueOn ?? addDays(today, DEFAULT_DUE_DAYS);
  const problem = dueDaySaid(dueOn, today);
  if (problem) throw new RapportError('invalid_input', problem, { field: 'dueOn' });
  return createNextStep(db, {
    teamId: act.teamId,
    by: authorOf(act),
    input: {
      clientId: request.client.id,
      what: request.what,
      assigneeUserId: request.assigneeUserId ?? request.client.ownerUserId ?? act.actor,
      dueOn,
      source: request.source,
    },
  });
}

/** Someone's open steps, overdue first. */
export async function todoOf(db: Database, act: Pick<ActIn, 'teamId'>, userId: string): Promise<NextStep[]> {
  return todoOrder(await openNextSteps(db, { teamId: act.teamId, of: { assigneeUserId: userId } }));
}

/** Done, or snoozed a week (never earlier than it was due), by its assignee or whoever set it (`isAdmin`: anyone's). */
export async function settleStep(db: Database, act: ActIn, id: string, how: 'done' | 'snooze', isAdmin: boolean): Promise<NextStep> {
  const change = how === 'done' ? ({ done: true } as const) : { snoozeFrom: localDate(act.at, act.timeZone) };
  return settleNextStep(db, { teamId: act.teamId, by: authorOf(act), input: { id, change, mayAnyone: isAdmin } });
}
