/**
 * Decayed trait sums kept at write time (issue 15), so portfolio reads fold O(clients) rows instead of every
 * observation ever made. Exponential decay makes Σ 2^((t − epoch) / h) exact against a fixed epoch: the value
 * at any moment is that sum × 2^((epoch − moment) / h). Triggers on trait_observations (migration 0012) add and
 * subtract rows as observations are inserted, edited and deleted, whatever the path (undo, edit, cascade);
 * db/queries/decay.ts rebuilds a workspace's sums in one statement when its half-life changes or the epoch
 * grows old. Weights are applied at read time, so a weight change needs no rebuild.
 */
import { doublePrecision, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { clientRef } from './clients.js';
import { instant, teamId, workspaceRows } from './columns.js';
import { workspaces } from './workspaces.js';

/**
 * The basis of a workspace's sums. `half_life_days` null means the sums are not kept yet (the triggers skip
 * the workspace) until the next read rebuilds them. Triggers hold this row FOR SHARE while they write, and a
 * rebuild updates it first, so a rebuild never misses a concurrent observation.
 */
export const decayBases = pgTable(
  'decay_bases',
  {
    teamId: teamId()
      .primaryKey()
      .references(() => workspaces.teamId, { onDelete: 'cascade' }),
    halfLifeDays: doublePrecision('half_life_days'),
    epoch: instant('epoch').notNull().defaultNow(),
  },
  () => [workspaceRows()],
);

/** Per client and trait: how many observations, and Σ 2^((observed_at − epoch) / half-life) over them. */
export const traitDecaySums = pgTable(
  'trait_decay_sums',
  {
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    trait: text('trait').notNull(),
    observations: integer('observations').notNull(),
    mass: doublePrecision('mass').notNull(),
  },
  (t) => [workspaceRows(), clientRef(t), primaryKey({ columns: [t.teamId, t.clientId, t.trait] })],
);
