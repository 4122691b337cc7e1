/** Next steps: what someone will do about a client, by when; reminded on the due morning (issue 14). */
import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { clientRef } from './clients.js';
import { instant, recordedAt, teamId, workspaceKey, workspaceRows } from './columns.js';

export const nextSteps = pgTable(
  'next_steps',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    what: text('what').notNull(),
    /** Slack user id of who does it (the client's owner unless someone else was named). */
    assigneeUserId: text('assignee_user_id').notNull(),
    /** A calendar day: reminded on its morning in the assignee's own time zone. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    /** Where it was set: `/client next`, or a decision to keep the client (its review). */
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: recordedAt('created_at'),
    doneAt: instant('done_at'),
    doneBy: text('done_by'),
    /** The Slack request that set it: a retried delivery finds it instead of adding another. */
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('next_steps', t),
    clientRef(t),
    uniqueIndex('next_steps_team_request_key').on(t.teamId, t.requestKey),
    // Someone's open steps (todo list, reminders), and a client's (digest, overview).
    index('next_steps_assignee').on(t.teamId, t.assigneeUserId, t.dueOn),
    index('next_steps_client').on(t.teamId, t.clientId, t.dueOn),
  ],
);
