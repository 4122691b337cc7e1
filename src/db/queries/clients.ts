/** Clients of a workspace (domain.md §1): registration, lookup by the name users type, changes with history. */
import { and, asc, eq, ilike, inArray, ne, sql } from 'drizzle-orm';
import type { Category } from '../../domain/catalogue.js';
import { RapportError } from '../../domain/errors.js';
import { clientPatchSchema, newClientSchema, type ClientPatch, type NewClient } from '../../domain/inputs.js';
import type { ClientProfile } from '../../domain/types.js';
import type { Database } from '../client.js';
import { clientCategoryChanges, clients } from '../schema/index.js';
import { appendAudit } from './audit.js';
import { isUniqueViolation, parseInput } from './parse.js';
import { ensureWorkspace } from './workspaces.js';

/** The columns of a `ClientProfile`: every query that returns clients selects these. */
export const profileColumns = {
  id: clients.id,
  name: clients.name,
  category: clients.category,
  relationship: clients.relationship,
  status: clients.status,
  ownerUserId: clients.ownerUserId,
  monthlyValue: clients.monthlyValue,
  traitWeights: clients.traitWeights,
  createdAt: clients.createdAt,
  exitedAt: clients.exitedAt,
};

function nameTaken(name: string): RapportError {
  return new RapportError('conflict', `There is already a client called "${name}" (names ignore case).`, { field: 'name' });
}

export async function createClient(db: Database, teamId: string, actor: string, input: NewClient): Promise<ClientProfile> {
  const values = parseInput(newClientSchema, input);
  try {
    return await db.transaction(async (tx) => {
      await ensureWorkspace(tx, teamId);
      const [client] = await tx
        .insert(clients)
        .values({ teamId, ...values })
        .returning(profileColumns);
      await appendAudit(tx, teamId, {
        actor,
        action: 'client.create',
        entityType: 'client',
        entityId: client!.id,
        details: { ...values },
      });
      return client!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(values.name);
    throw error;
  }
}

export async function getClient(db: Database, teamId: string, clientId: string): Promise<ClientProfile | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(clientId)) return undefined;
  const [row] = await db
    .select(profileColumns)
    .from(clients)
    .where(and(eq(clients.teamId, teamId), eq(clients.id, clientId)));
  return row;
}

/** Like getClient, but a missing client (or one of another workspace) is a user-facing not_found. */
export async function requireClient(db: Database, teamId: string, clientId: string): Promise<ClientProfile> {
  const client = await getClient(db, teamId, clientId);
  if (!client) throw new RapportError('not_found', 'That client no longer exists in this workspace.');
  return client;
}

/** What a typed name can be compared as: Postgres text cannot hold NUL, so it can never match one. */
function searchable(text: string): string {
  return text.replace(/\u0000/g, '');
}

/** Levenshtein distance, for "did you mean" on names typed by hand. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The client whose name is exactly `name`, ignoring case and surrounding space. Anything else is an error
 * carrying up to 3 suggestions: a command never silently acts on a client the user did not name.
 */
export async function findClientByName(db: Database, teamId: string, name: string): Promise<ClientProfile> {
  const typed = searchable(name).trim();
  if (!typed) throw new RapportError('invalid_input', 'Which client? Give its name.', { field: 'client' });
  const [exact] = await db
    .select(profileColumns)
    .from(clients)
    .where(and(eq(clients.teamId, teamId), sql`lower(${clients.name}) = lower(${typed})`));
  if (exact) return exact;

  const suggestions = await suggestClientNames(db, teamId, typed);
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `“${s}”`).join(' or ')}?` : '';
  throw new RapportError('not_found', `No client called “${typed}”.${hint}`, { suggestions, field: 'client' });
}

/** Names containing the text, else the closest by edit distance (at most a third of the name wrong). */
export async function suggestClientNames(db: Database, teamId: string, text: string, limit = 3): Promise<string[]> {
  const typed = searchable(text);
  const containing = await db
    .select({ name: clients.name })
    .from(clients)
    .where(and(eq(clients.teamId, teamId), ilike(clients.name, likePattern(typed))))
    .orderBy(sql`length(${clients.name})`, asc(clients.name))
    .limit(limit);
  if (containing.length > 0) return containing.map((c) => c.name);

  const all = await db.select({ name: clients.name }).from(clients).where(eq(clients.teamId, teamId));
  const lower = typed.toLowerCase();
  return all
    .map((c) => ({ name: c.name, d: editDistance(lower, c.name.toLowerCase()) }))
    .filter((c) => c.d <= Math.max(1, Math.floor(c.name.length / 3)))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((c) => c.name);
}

/** Type-ahead for client pickers: names containing the text, shortest first. */
export async function searchClients(db: Database, teamId: string, typed: string, limit = 20): Promise<ClientProfile[]> {
  const text = searchable(typed);
  return db
    .select(profileColumns)
    .from(clients)
    .where(and(eq(clients.teamId, teamId), ne(clients.status, 'exited'), ilike(clients.name, likePattern(text.trim()))))
    .orderBy(sql`length(${clients.name})`, asc(clients.name))
    .limit(limit);
}

export interface ClientFilter {
  category?: Category;
  ownerUserId?: string;
  includeExited?: boolean;
}

export async function listClients(db: Database, teamId: string, filter: ClientFilter = {}): Promise<ClientProfile[]> {
  return db
    .select(profileColumns)
    .from(clients)
    .where(
      and(
        eq(clients.teamId, teamId),
        filter.category ? eq(clients.category, filter.category) : undefined,
        filter.ownerUserId ? eq(clients.ownerUserId, filter.ownerUserId) : undefined,
        filter.includeExited ? undefined : ne(clients.status, 'exited'),
      ),
    )
    .orderBy(asc(sql`lower(${clients.name})`));
}

/** Changes fields of a client. Category changes are kept as history; `exited` stamps exitedAt. */
export async function updateClient(
  db: Database,
  teamId: string,
  actor: string,
  clientId: string,
  patch: ClientPatch,
): Promise<ClientProfile> {
  const values = parseInput(clientPatchSchema, patch);
  try {
    return await db.transaction(async (tx) => {
      const before = await requireClient(tx, teamId, clientId);
      if (values.category && values.category !== before.category) {
        await tx.insert(clientCategoryChanges).values({
          teamId,
          clientId,
          fromCategory: before.category,
          toCategory: values.category,
          changedBy: actor,
        });
      }
      const exitedAt =
        values.status === undefined || values.status === before.status
          ? {}
          : { exitedAt: values.status === 'exited' ? sql`now()` : null };
      const [after] = await tx
        .update(clients)
        .set({ ...values, ...exitedAt, updatedAt: sql`now()` })
        .where(and(eq(clients.teamId, teamId), eq(clients.id, clientId)))
        .returning(profileColumns);
      const changed = Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, { from: before[k as keyof ClientProfile], to: v }]),
      );
      await appendAudit(tx, teamId, { actor, action: 'client.update', entityType: 'client', entityId: clientId, details: changed });
      return after!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(values.name ?? '');
    throw error;
  }
}

/**
 * The client named by the first words of a command (`/call acme corp +comms …`): the longest run of leading
 * words that is exactly a client's name. Returns how many words it used, or undefined when none matches.
 */
export async function clientByLeadingWords(
  db: Database,
  teamId: string,
  words: readonly string[],
): Promise<{ client: ClientProfile; used: number } | undefined> {
  const candidates = words.slice(0, 8).map((_, i) => searchable(words.slice(0, i + 1).join(' ')).toLowerCase());
  if (candidates.length === 0) return undefined;
  const rows = await db
    .select(profileColumns)
    .from(clients)
    .where(and(eq(clients.teamId, teamId), inArray(sql`lower(${clients.name})`, candidates)));
  let best: { client: ClientProfile; used: number } | undefined;
  for (const client of rows) {
    const used = candidates.indexOf(client.name.toLowerCase()) + 1;
    if (used > (best?.used ?? 0)) best = { client, used };
  }
  return best;
}

export async function categoryChangesOf(db: Database, teamId: string, clientId: string) {
  return db
    .select({
      fromCategory: clientCategoryChanges.fromCategory,
      toCategory: clientCategoryChanges.toCategory,
      changedBy: clientCategoryChanges.changedBy,
      changedAt: clientCategoryChanges.changedAt,
    })
    .from(clientCategoryChanges)
    .where(and(eq(clientCategoryChanges.teamId, teamId), eq(clientCategoryChanges.clientId, clientId)));
}
