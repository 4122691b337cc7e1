/** Column shapes every table shares. */
import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, text, timestamp } from 'drizzle-orm/pg-core';

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A moment recorded by the database when the row is written. */
export const recordedAt = (name: string) => instant(name).notNull().defaultNow();
/** The Slack workspace. Every table holding workspace data carries it, and every query filters by it. */
export const teamId = () => text('team_id').notNull();

/**
 * The role every statement of the app runs as (db/workspaceScope.ts sets it per transaction): row-level security
 * applies to it, unlike the owner that migrates and runs the few jobs across workspaces. Created, with its
 * grants, by migration 0010 (roles belong to the server, so the migration tolerates one already there).
 */
export const appRole = pgRole('rapport_app').existing();

/** The workspace a transaction works for (`inWorkspace` in db/workspaceScope.ts sets it); unset, no row matches. */
const currentTeam = sql`team_id = current_setting('rapport.team_id', true)`;

/**
 * Row-level security, the second wall behind every query's `team_id` filter: the app's role sees and writes
 * only rows of the workspace its transaction works for. Every table holding workspace data has it (a test
 * lists the tables from the database, so a new one cannot be forgotten).
 */
export const workspaceRows = () => pgPolicy('workspace_rows', { for: 'all', to: appRole, using: currentTeam, withCheck: currentTeam });
