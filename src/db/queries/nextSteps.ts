/** Next steps (domain/nextSteps.ts): set, listed, done, postponed. */
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { Refused } from '../../domain/refusals.js';
import { newNextStepSchema, type NewNextStep } from '../../domain/inputs.js';
import { snoozedDueOn, type NextStep, type NextStepSource } from '../../domain/nextSteps.js';
import type { Database } from '../client.js';
import { clients, nextSteps } from '../schema/index.js';
import { appendAudit, authorOf, type By } from './audit.js';
import { requireClient } from './clients.js';
import { parseInput } from './parse.js';

const stepColumns = {
  id: nextSteps.id,
  clientId: nextSteps.clientId,
  clientName: clients.name,
  what: nextSteps.what,
  assigneeUserId: nextSteps.assigneeUserId,
  dueOn: nextSteps.dueOn,
  source: nextSteps.source,
  createdBy: nextSteps.createdBy,
  createdAt: nextSteps.createdAt,
  doneAt: nextSteps.doneAt,
};

const asStep = (row: Omit<NextStep, 'source'> & { source: string }): NextStep => ({ ...row, source: row.source as NextStepSource });

function selectSteps(db: Database, teamId: string) {
  return db
    .select(stepColumns)
    .from(nextSteps)
    .innerJoin(clients, and(eq(clients.teamId, nextSteps.teamId), eq(clients.id, nextSteps.clientId)));
}

async function stepById(db: Database, teamId: string, id: string): Promise<NextStep | undefined> {
  const [row] = await selectSteps(db, teamId).where(and(eq(nextSteps.teamId, teamId), eq(nextSteps.id, id)));
  return row && asStep(row);
}

export async function createNextStep(db: Database, { teamId, by, input }: { teamId: string; by: By; input: NewNextStep }): Promise<NextStep> {
  const { actor, at, requestKey } = authorOf(by);
  const values = parseInput(newNextStepSchema, input);
  return db.transaction(async (tx) => {
    await requireClient(tx, { teamId, clientId: values.clientId });
    const [created] = await tx
      .insert(nextSteps)
      .values({ teamId, ...values, createdBy: actor, createdAt: at, requestKey })
      .onConflictDoNothing()
      .returning({ id: nextSteps.id });
    if (!created) {
      // A retried delivery: the first one set it.
      const [stored] = await selectSteps(tx, teamId).where(and(eq(nextSteps.teamId, teamId), eq(nextSteps.requestKey, requestKey!)));
      return asStep(stored!);
    }
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'next_step.add',
        entityType: 'client',
        entityId: values.clientId,
        details: { nextStepId: created.id, assignee: values.assigneeUserId, dueOn: values.dueOn, source: values.source },
      },
    });
    return (await stepById(tx, teamId, created.id))!;
  });
}

/** Open steps of one person (a to-do list), or of some clients (the digest), due on or before `dueBy` if given. */
export async function openNextSteps(
  db: Database,
  { teamId, of }: { teamId: string; of: { assigneeUserId?: string; clientIds?: readonly string[]; dueBy?: string } },
): Promise<NextStep[]> {
  if (of.clientIds?.length === 0) return [];
  const rows = await selectSteps(db, teamId)
    .where(
      and(
        eq(nextSteps.teamId, teamId),
        isNull(nextSteps.doneAt),
        of.assigneeUserId ? eq(nextSteps.assigneeUserId, of.assigneeUserId) : undefined,
        of.clientIds ? inArray(nextSteps.clientId, [...of.clientIds]) : undefined,
        of.dueBy ? lte(nextSteps.dueOn, of.dueBy) : undefined,
      ),
    )
    .orderBy(asc(nextSteps.dueOn), asc(nextSteps.createdAt));
  return rows.map(asStep);
}

/** Everyone with an open step due on or before `dueBy` (who may need a reminder). */
export async function assigneesWithStepsDue(db: Database, { teamId, dueBy }: { teamId: string; dueBy: string }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ user: nextSteps.assigneeUserId })
    .from(nextSteps)
    .where(and(eq(nextSteps.teamId, teamId), isNull(nextSteps.doneAt), lte(nextSteps.dueOn, dueBy)));
  return rows.map((r) => r.user);
}

/**
 * Marks a step done, or snoozes it (`snoozeFrom`: today, the snooze counted from the later of today and its
 * day): by its assignee, whoever set it, or (`mayAnyone`) an admin. Returns the step as it is now; a step
 * already done stays as it was.
 */
export async function settleNextStep(
  db: Database,
  { teamId, by, input }: { teamId: string; by: By; input: { id: string; change: { done: true } | { snoozeFrom: string }; mayAnyone: boolean } },
): Promise<NextStep> {
  const { actor, at } = authorOf(by);
  return db.transaction(async (tx) => {
    const step = await stepById(tx, teamId, input.id);
    if (!step) throw new Refused({ code: 'step_gone' });
    if (!input.mayAnyone && actor !== step.assigneeUserId && actor !== step.createdBy) {
      throw new Refused({ code: 'step_not_yours', assignee: step.assigneeUserId, creator: step.createdBy });
    }
    if (step.doneAt) return step;
    const dueOn = 'snoozeFrom' in input.change ? snoozedDueOn(step.dueOn, input.change.snoozeFrom) : step.dueOn;
    const set = 'done' in input.change ? { doneAt: at, doneBy: actor } : { dueOn };
    await tx
      .update(nextSteps)
      .set(set)
      .where(and(eq(nextSteps.teamId, teamId), eq(nextSteps.id, step.id)));
    await appendAudit(tx, {
      teamId,
      entry: {
        actor,
        at,
        action: 'done' in input.change ? 'next_step.done' : 'next_step.postpone',
        entityType: 'client',
        entityId: step.clientId,
        details: { nextStepId: step.id, ...('snoozeFrom' in input.change ? { from: step.dueOn, to: dueOn } : {}) },
      },
    });
    return (await stepById(tx, teamId, step.id))!;
  });
}
