import { sql } from 'drizzle-orm';
import { check, date, integer, foreignKey, index, jsonb, numeric, pgTable, text, uniqueIndex, uuid, type PgColumn } from 'drizzle-orm/pg-core';
import { categoryEnum, clientStatusEnum, relationshipEnum } from './enums.js';
import { instant, recordedAt, teamId, workspaceKey, workspaceRows } from './columns.js';
import { workspaces } from './workspaces.js';
import type { PaymentTerms } from '../../domain/paymentTerms.js';

/** A client of the team (domain.md §1). */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId().references(() => workspaces.teamId, { onDelete: 'cascade' }),
    /** As the user typed it (NFC): what Rapport shows. */
    name: text('name').notNull(),
    /** `nameKey(name)` (domain/names.ts): what every lookup and the uniqueness check compare. */
    nameKey: text('name_key').notNull(),
    category: categoryEnum('category').notNull().default('regular'),
    relationship: relationshipEnum('relationship').notNull().default('unknown'),
    status: clientStatusEnum('status').notNull().default('active'),
    /** Slack user id of the account manager named in digests. */
    ownerUserId: text('owner_user_id'),
    monthlyValue: numeric('monthly_value', { precision: 14, scale: 2, mode: 'number' }),
    /** When the contract ends or renews (a calendar day): the digest names clients at risk before it. */
    renewsOn: date('renews_on', { mode: 'string' }),
    /** Days this client may go without a call (stay in touch), over its category's cadence; null: the category's. */
    cadenceDays: integer('cadence_days'),
    /** Its place on the terms ladder (domain/paymentTerms.ts), set by an accepted terms proposal; null: standard terms. */
    paymentTerms: text('payment_terms').$type<PaymentTerms>(),
    /** Per-client trait weights ({ traitKey: weight }), over the workspace's. */
    traitWeights: jsonb('trait_weights').$type<Record<string, number>>().notNull().default({}),
    createdAt: recordedAt('created_at'),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    /** Set when the status became `exited` (retention figures). */
    exitedAt: instant('exited_at'),
    /** The Slack request that registered it: a retried delivery finds it instead of a name clash. */
    requestKey: text('request_key'),
  },
  (t) => [
    workspaceRows(),
    // Also the target of the (team_id, client_id) foreign keys, so no row can point at another workspace's client.
    workspaceKey('clients', t),
    // Names are unique per workspace by key (case, Unicode form, dotted/dotless i…): users type them in commands.
    // Also serves exact lookups by key and the whole-word prefix scan of one workspace.
    uniqueIndex('clients_team_name_key').on(t.teamId, t.nameKey),
    uniqueIndex('clients_team_request_key').on(t.teamId, t.requestKey),
    // App Home and `/client list` per owner.
    index('clients_team_owner').on(t.teamId, t.ownerUserId),
    check('clients_payment_terms', sql`${t.paymentTerms} in ('standard', 'shorter', 'prepayment')`),
  ],
);

/** (team_id, client_id) → clients: a row can only point at a client of its own workspace. */
export const clientRef = (t: { teamId: PgColumn; clientId: PgColumn }) =>
  foreignKey({ columns: [t.teamId, t.clientId], foreignColumns: [clients.teamId, clients.id] }).onDelete('cascade');

/** Category changes are kept as history (domain.md §1). */
export const clientCategoryChanges = pgTable(
  'client_category_changes',
  {
    id: uuid('id').notNull().defaultRandom(),
    teamId: teamId(),
    clientId: uuid('client_id').notNull(),
    fromCategory: categoryEnum('from_category').notNull(),
    toCategory: categoryEnum('to_category').notNull(),
    /** Why, in the mover's words (`/client set acme category problem Paid late three times`), when they said. */
    reason: text('reason'),
    changedBy: text('changed_by').notNull(),
    changedAt: recordedAt('changed_at'),
  },
  (t) => [
    workspaceRows(),
    workspaceKey('client_category_changes', t),
    clientRef(t),
    // A client's timeline.
    index('category_changes_client').on(t.teamId, t.clientId, t.changedAt),
  ],
);

/**
 * A channel about one client (a Slack Connect channel shared with it, say): forms opened there, and messages
 * logged from there, are for that client unless someone picks another.
 */
export const channelLinks = pgTable(
  'channel_links',
  {
    teamId: teamId(),
    channelId: text('channel_id').notNull(),
    clientId: uuid('client_id').notNull(),
    linkedBy: text('linked_by').notNull(),
    linkedAt: recordedAt('linked_at'),
  },
  (t) => [workspaceRows(), clientRef(t), uniqueIndex('channel_links_channel').on(t.teamId, t.channelId)],
);
