/** Column shapes every table shares. */
import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole, primaryKey, text, timestamp, type ForeignKeyBuilder, type PgColumn } from 'drizzle-orm/pg-core';

export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A moment recorded by the database when the row is written. */
export const recordedAt = (name: string) => instant(name).notNull().defaultNow();
/** The Slack workspace. Every table holding workspace data carries it, and every query filters by it. */
export const teamId = () => text('team_id').notNull();

/**
 * A row's key: `(team_id, id)`, workspace first, as every foreign key naming it, so a distributed Postgres can
 * keep a workspace's rows and their references on one shard (README, "Sharding by workspace"; test/db/keys.test.ts
 * checks every key from the database). Named as Postgres names a primary key.
 */
export const workspaceKey = (table: string, t: { teamId: PgColumn; id: PgColumn }) => primaryKey({ name: `${table}_pkey`, columns: [t.teamId, t.id] });

/**
 * A reference that is forgotten (set to null) when its row goes. Only the reference is: the migrations write it
 * `ON DELETE SET NULL (<reference>)`, as the `team_id` it shares with the key stays (not null), which drizzle-kit
 * cannot write, so a migration it generates for such a key needs the column list added by hand (test/db/keys.test.ts).
 */
export const setNullRef = (key: ForeignKeyBuilder) => key.onDelete('set null');

/**
 * The role the app's workspace statements run as: on Postgres its own connections log in as it (db/client.ts), on
 * the embedded database the one connection takes it per transaction (db/workspaceScope.ts). Row-level security
 * applies to it, unlike the owner that migrates and runs the few jobs across workspaces. Created, with its grants,
 * by migration 0010 (roles belong to the server, so the migration tolerates one already there); allowed to log
 * in by 0014.
 */
export const appRole = pgRole('rapport_app').existing();

/**
 * The workspace a transaction works for: `rapport_team()` (migration 0014) returns `rapport.team_id` only when
 * `rapport.team_proof` proves it with the database's secret, which the app's role cannot read (`inWorkspace` in
 * db/workspaceScope.ts sets both); unproven or unset, no row matches. Inside `(select …)` the function runs once
 * per table a statement reads (an InitPlan), not per row, and its value serves index scans on team_id like a constant.
 */
const currentTeam = sql`team_id = (select rapport_team())`;

/**
 * Row-level security, the second wall behind every query's `team_id` filter: the app's role sees and writes
 * only rows of the workspace its transaction works for. Every table holding workspace data has it (a test
 * lists the tables from the database, so a new one cannot be forgotten). drizzle-kit cannot write the rest
 * that each table needs, so a new table's migration adds by hand what migration 0014 did for the others:
 * `FORCE ROW LEVEL SECURITY`, and the owner's policy `owner_rows` (the same test names what is missing).
 */
export const workspaceRows = () => pgPolicy('workspace_rows', { for: 'all', to: appRole, using: currentTeam, withCheck: currentTeam });
