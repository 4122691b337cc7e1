/**
 * The inbox: every Slack request Rapport acknowledged, stored before the ack, and worked from here by any
 * worker of any process reaching the same database. The row is also the job: a worker claims it by moving
 * its `due_at` one lease ahead, and a worker that dies leaves a lease that runs out, so another one takes it.
 */
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { instant, recordedAt, teamId, workspaceKey, workspaceRows } from './columns.js';

export const REQUEST_STATES = ['waiting', 'working', 'done', 'failed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/**
 * A request still to be worked (waiting, or under a lease), and one finished: the predicates of the partial
 * indexes below, as SQL constants. A statement's condition must name the states as constants for the planner to
 * prove it implies an index's predicate: bound as parameters, a prepared statement's generic plan cannot use the
 * index and scans the table (the claim did, measured: 2-3 ms a claim over a day's finished rows).
 */
export const inFlight = (state: AnyPgColumn) => sql`${state} in ('waiting', 'working')`;
export const settled = (state: AnyPgColumn) => sql`${state} in ('done', 'failed')`;

export const slackRequests = pgTable(
  'slack_requests',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    teamId: teamId(),
    /** Stable across Slack's retries of one request (`cmd:<trigger_id>`, `evt:<event_id>`, …). */
    requestKey: text('request_key').notNull(),
    /** The verified `x-slack-signature`: the same delivery replayed to any replica is refused (HTTP only). */
    signature: text('signature'),
    /** Which entry point works it (`command /call`, `action digest_snooze`, …). */
    entry: text('entry').notNull(),
    /** The Slack payload as received, less its verification token. */
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    /** When the person acted, by the app's clock: what the work stamps its writes with. */
    receivedAt: instant('received_at').notNull(),
    /** When it was stored, by the database's clock (queue age is measured on one clock). */
    queuedAt: recordedAt('queued_at'),
    state: text('state', { enum: REQUEST_STATES }).notNull().default('waiting'),
    /** Waiting: when it may be worked. Working: when its worker's lease runs out. */
    dueAt: instant('due_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    /** The process working it (host, pid), for the logs and /healthz. */
    worker: text('worker'),
    /** Set once its person was answered: a request taken over after a crash does not answer twice. */
    answeredAt: instant('answered_at'),
    finishedAt: instant('finished_at'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('slack_requests', t),
    uniqueIndex('slack_requests_team_request_key').on(t.teamId, t.requestKey),
    // A replayed delivery is its workspace's (the signature covers the body naming it). Only signed requests are
    // in it (a null is never a duplicate anyway): a lookup by workspace alone cannot take it, so a plan made while
    // the inbox was small no longer reached a request by it instead of by its primary key.
    uniqueIndex('slack_requests_signature')
      .on(t.teamId, t.signature)
      .where(sql`${t.signature} is not null`),
    // The claim numbers each workspace's first few due requests in turn (db/queries/requests.ts).
    index('slack_requests_due').on(t.teamId, t.dueAt, t.id).where(inFlight(t.state)),
    index('slack_requests_finished').on(t.finishedAt).where(settled(t.state)),
  ],
);
