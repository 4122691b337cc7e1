/**
 * What the portfolio reads of each client's history, kept at write time (issue 15), so the digest, `/client
 * list` and the Home tab read one narrow row per client instead of folding every observation and call ever
 * made. Exponential decay makes Σ w · 2^((t − epoch) / h) exact against a fixed epoch: the weight at any moment
 * is that sum × 2^((epoch − moment) / h). Triggers (migration 0013) add and subtract as observations, calls and
 * incidents are written, edited and deleted, whatever the path (undo, edit, erasure, cascades), and recompute a
 * client whose own trait weights change; db/queries/decay.ts rebuilds a workspace's decayed sums in one statement
 * when its half-life or trait weights change, or its epoch grows old.
 */
import { doublePrecision, integer, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import type { IncidentKind, Polarity } from '../../domain/catalogue.js';
import { clientRef } from './clients.js';
import { instant, teamId, workspaceRows } from './columns.js';
import { workspaces } from './workspaces.js';

/** Per incident kind: how many count, the newest's `logged_at` and the latest `occurred_at` among them (ISO). */
export type IncidentTallies = Partial<Record<IncidentKind, { n: number; newest: string; last: string }>>;

/** A trait as the sums weigh it: the workspace catalogue's polarity and weight (a client's own weight goes first). */
export type TraitWeighing = Record<string, { polarity: Polarity; weight: number }>;

/**
 * The basis of a workspace's sums. `half_life_days` null means the sums are not kept yet (the triggers skip
 * the workspace) until the next read rebuilds them. Triggers hold this row FOR SHARE while they write; a
 * rebuild, or a client's weights changing, takes it FOR UPDATE first, so neither misses a concurrent write.
 */
export const decayBases = pgTable(
  'decay_bases',
  {
    teamId: teamId()
      .primaryKey()
      .references(() => workspaces.teamId, { onDelete: 'cascade' }),
    halfLifeDays: doublePrecision('half_life_days'),
    /** The catalogue's traits the sums were weighed with; a trait not in it counts for nothing. */
    traits: jsonb('traits').$type<TraitWeighing>(),
    epoch: instant('epoch').notNull().defaultNow(),
  },
  () => [workspaceRows()],
);

/** Per client, against its workspace's basis. */
export const clientRollups = pgTable(
  'client_rollups',
  {
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    /** Observations of the catalogue's traits. */
    observations: integer('observations').notNull().default(0),
    /** Σ weight × 2^((observed_at − epoch) / half-life) over the good observations, and over the bad ones. */
    goodMass: doublePrecision('good_mass').notNull().default(0),
    badMass: doublePrecision('bad_mass').notNull().default(0),
    /** The latest call's `occurred_at` (gone quiet, domain.md §3). */
    lastCallAt: instant('last_call_at'),
    /**
     * The client's incidents of each kind ever, as a windowless firing rule counts them (criterion 9: those on
     * agreed work), when the newest of them was logged and when the latest happened: { kind: { n, newest, last } }.
     * Rules with a window, and criterion 5 (its severity is the workspace's), count the rows instead.
     */
    incidentTallies: jsonb('incident_tallies').$type<IncidentTallies>().notNull().default({}),
  },
  (t) => [workspaceRows(), clientRef(t), primaryKey({ columns: [t.teamId, t.clientId] })],
);
