/** What the team logs about a client: calls with their trait observations, incidents, warnings given. */
import { bigint, foreignKey, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { IncidentDetails } from '../../domain/catalogue.js';
import { incidentKindEnum } from './enums.js';
import { clientRef } from './clients.js';
import { instant, recordedAt, setNullRef, teamId, workspaceKey, workspaceRows } from './columns.js';

export const calls = pgTable(
  'calls',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    /** When the call happened (may be earlier than it was logged). */
    occurredAt: instant('occurred_at').notNull(),
    loggedBy: text('logged_by').notNull(),
    loggedAt: recordedAt('logged_at'),
    notes: text('notes').notNull().default(''),
    /** The team's own side checklist (domain.md §2): recorded, never scored. */
    ourSide: jsonb('our_side').$type<string[]>().notNull().default([]),
    /** Logged from a Slack message ("Log to Rapport"): that message's permalink, kept as evidence. */
    evidenceUrl: text('evidence_url'),
    /** Idempotency key of the Slack request that logged it: a retried delivery finds the row instead of adding one. */
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('calls', t),
    clientRef(t),
    uniqueIndex('calls_team_request_key').on(t.teamId, t.requestKey),
    // Last call per client (gone quiet) and a client's timeline.
    index('calls_client_occurred').on(t.teamId, t.clientId, t.occurredAt),
    // A client's previous call (a call's confirmation: health since then), found by one step back.
    index('calls_client_logged').on(t.teamId, t.clientId, t.loggedAt),
    // Calls logged this week (digest summary).
    index('calls_team_logged').on(t.teamId, t.loggedAt),
  ],
);

/** One trait observed on one call. The bulk of the data (1M rows at 10k clients): keep it narrow. */
export const traitObservations = pgTable(
  'trait_observations',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    callId: uuid('call_id').notNull(),
    /** A trait key of the workspace catalogue. */
    trait: text('trait').notNull(),
    /** Copied from the call: health decays from this moment. */
    observedAt: instant('observed_at').notNull(),
    loggedAt: recordedAt('logged_at'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('trait_observations', t),
    clientRef(t),
    foreignKey({ columns: [t.teamId, t.callId], foreignColumns: [calls.teamId, calls.id] }).onDelete('cascade'),
    // Digest: the workspace's observations by time, covering client and trait for index-only aggregation.
    index('observations_team_time').on(t.teamId, t.observedAt, t.clientId, t.trait),
    // One client's history (/client show, health after a log).
    index('observations_client_time').on(t.teamId, t.clientId, t.observedAt),
    // Dimension flips: a client's trait in a window, probed without reading the rest of its history.
    index('observations_client_trait_time').on(t.teamId, t.clientId, t.trait, t.observedAt),
    // A call's own observations (editing or deleting a call, its disagreements), and the cascade from calls' (team_id, id).
    index('observations_call').on(t.teamId, t.callId),
  ],
);

export const incidents = pgTable(
  'incidents',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    kind: incidentKindEnum('kind').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    loggedBy: text('logged_by').notNull(),
    loggedAt: recordedAt('logged_at'),
    description: text('description').notNull().default(''),
    /** Kind-specific fields, validated by `incidentDetailsSchema`. */
    details: jsonb('details').$type<IncidentDetails>().notNull(),
    /** Logged from a Slack message ("Log to Rapport"): that message's permalink, kept as evidence. */
    evidenceUrl: text('evidence_url'),
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('incidents', t),
    clientRef(t),
    uniqueIndex('incidents_team_request_key').on(t.teamId, t.requestKey),
    // Firing criteria per client, and the digest's window scan.
    index('incidents_client_occurred').on(t.teamId, t.clientId, t.occurredAt),
    index('incidents_team_occurred').on(t.teamId, t.occurredAt),
    // Incidents logged this week (digest summary).
    index('incidents_team_logged').on(t.teamId, t.loggedAt),
  ],
);

/** "The client was told this is unacceptable" (criterion 2 needs one before abuse counts). */
export const warnings = pgTable(
  'warnings',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    kind: incidentKindEnum('kind').notNull(),
    givenAt: instant('given_at').notNull(),
    givenBy: text('given_by').notNull(),
    /** The incident that prompted the warning, if any. */
    incidentId: uuid('incident_id'),
    note: text('note').notNull().default(''),
    loggedAt: recordedAt('logged_at'),
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('warnings', t),
    clientRef(t),
    setNullRef(foreignKey({ columns: [t.teamId, t.incidentId], foreignColumns: [incidents.teamId, incidents.id] })),
    uniqueIndex('warnings_team_request_key').on(t.teamId, t.requestKey),
    index('warnings_client').on(t.teamId, t.clientId, t.givenAt),
  ],
);
