/** Clients of a workspace (domain.md §1): registration, lookup by the name users type, changes with history. */
import { and, asc, eq, like, ne, or, sql } from 'drizzle-orm';
import type { Category } from '../../domain/catalogue.js';
import { Refused, type Refusal } from '../../domain/refusals.js';
import { clientPatchSchema, newClientSchema, type ClientPatch, type NewClient } from '../../domain/inputs.js';
import {
  SUGGESTION_SIMILARITY,
  accentFreeKey,
  displayName,
  leadsByWords,
  looksAlikeTo,
  NAME_WORDS_AT_MOST,
  nameKey,
  nameSimilarity,
  oneLeadsTheOther,
} from '../../domain/names.js';
import type { ClientProfile } from '../../domain/types.js';
import type { Logger } from '../../log.js';
import type { Database } from '../client.js';
import { channelLinks, clientCategoryChanges, clients, personSettings, workspaces } from '../schema/index.js';
import { appendAudit, authorOf, type By } from './audit.js';
import { isRowId, isUniqueViolation, parseInput } from './parse.js';
import { ensureWorkspace, type Workspace } from './workspaces.js';
import { personSettingsFrom, type PersonSettings } from './personal.js';
import { preparedOnce, type Placeholders } from '../builtOnce.js';

/** The columns of a `ClientProfile`: every query that returns clients selects these. */
export const profileColumns = {
  id: clients.id,
  name: clients.name,
  category: clients.category,
  relationship: clients.relationship,
  status: clients.status,
  ownerUserId: clients.ownerUserId,
  monthlyValue: clients.monthlyValue,
  renewsOn: clients.renewsOn,
  cadenceDays: clients.cadenceDays,
  paymentTerms: clients.paymentTerms,
  traitWeights: clients.traitWeights,
  createdAt: clients.createdAt,
  exitedAt: clients.exitedAt,
};

/**
 * Why a new or changed name cannot be taken: the same key, or (unless confirmed) one that looks alike, or one that
 * begins with the same whole words as another ("Northwind" beside "Northwind Traders": a one-liner typing the
 * shorter could mean either, so the person is asked before a colleague's `/call northwind` changes meaning).
 */
async function nameClash(
  db: Database,
  teamId: string,
  name: string,
  key: string,
  { except, allowLookAlike = false }: { except?: string; allowLookAlike?: boolean },
): Promise<Refusal | undefined> {
  const others = await db
    .select({ id: clients.id, name: clients.name, nameKey: clients.nameKey })
    .from(clients)
    .where(and(eq(clients.teamId, teamId), except ? ne(clients.id, except) : undefined));
  const same = others.find((c) => c.nameKey === key);
  if (same) return { code: 'client_name_taken', name: same.name };
  const alike = allowLookAlike ? undefined : others.find(looksAlikeTo(name));
  if (alike) return { code: 'client_name_look_alike', name, existing: alike.name };
  const leading = allowLookAlike ? undefined : others.find((c) => oneLeadsTheOther(key, c.nameKey));
  if (leading) return { code: 'client_name_same_leading_words', name, existing: leading.name };
  return undefined;
}

export interface NameOptions {
  /** The person confirmed that a name looking like an existing one, or sharing its leading words, is a different client. */
  allowLookAlike?: boolean;
}

export async function createClient(
  db: Database,
  { teamId, by, input, options = {} }: { teamId: string; by: By; input: NewClient; options?: NameOptions },
): Promise<ClientProfile> {
  const { actor, at, requestKey } = authorOf(by);
  const values = parseInput(newClientSchema, input);
  const key = nameKey(values.name);
  try {
    return await db.transaction(async (tx) => {
      await ensureWorkspace(tx, { teamId, at: at instanceof Date ? at : undefined });
      // A retried delivery of the request that registered it finds it (before the name clash would refuse it).
      const [registered] = requestKey
        ? await tx
            .select(profileColumns)
            .from(clients)
            .where(and(eq(clients.teamId, teamId), eq(clients.requestKey, requestKey)))
        : [];
      if (registered) return registered;
      const clash = await nameClash(tx, teamId, values.name, key, options);
      if (clash) throw new Refused(clash);
      const [client] = await tx
        .insert(clients)
        .values({ teamId, ...values, nameKey: key, createdAt: at, updatedAt: at, requestKey })
        .returning(profileColumns);
      await appendAudit(tx, {
        teamId,
        entry: {
          actor,
          at,
          action: 'client.create',
          entityType: 'client',
          entityId: client!.id,
          details: { ...values },
        },
      });
      return client!;
    });
  } catch (error) {
    // Two people adding the same name at once: the unique index decides.
    if (isUniqueViolation(error)) throw new Refused({ code: 'client_name_taken', name: values.name });
    throw error;
  }
}

export async function getClient(db: Database, { teamId, clientId }: { teamId: string; clientId: string }): Promise<ClientProfile | undefined> {
  if (!isRowId(clientId)) return undefined;
  const [row] = await readingClient(db, { teamId, clientId });
  return row;
}

// Most requests about a client read it (db/builtOnce.ts).
const readingClient = preparedOnce((db, p: Placeholders<{ teamId: string; clientId: string }>) =>
  db
    .select(profileColumns)
    .from(clients)
    .where(and(eq(clients.teamId, p.teamId), eq(clients.id, p.clientId)))
    .prepare('client'),
);

/** The client a channel is about (`/client link`), if one is. */
export async function clientLinkedTo(db: Database, { teamId, channelId }: { teamId: string; channelId: string }): Promise<ClientProfile | undefined> {
  const [row] = await db
    .select(profileColumns)
    .from(channelLinks)
    .innerJoin(clients, and(eq(clients.teamId, channelLinks.teamId), eq(clients.id, channelLinks.clientId)))
    .where(and(eq(channelLinks.teamId, teamId), eq(channelLinks.channelId, channelId)));
  return row;
}

/** Links a channel to a client (`client`), or unlinks it (`null`); a channel is about one client at most. */
export async function linkChannel(
  db: Database,
  { teamId, by, channelId, clientId }: { teamId: string; by: By; channelId: string; clientId: string | null },
): Promise<void> {
  const { actor, at } = authorOf(by);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .delete(channelLinks)
      .where(and(eq(channelLinks.teamId, teamId), eq(channelLinks.channelId, channelId)))
      .returning({ clientId: channelLinks.clientId });
    if (clientId) {
      await requireClient(tx, { teamId, clientId });
      await tx.insert(channelLinks).values({ teamId, channelId, clientId, linkedBy: actor, linkedAt: at });
    }
    const subject = clientId ?? before?.clientId;
    if (subject) {
      await appendAudit(tx, {
        teamId,
        entry: {
          actor,
          at,
          action: clientId ? 'channel.link' : 'channel.unlink',
          entityType: 'client',
          entityId: subject,
          details: { channelId },
        },
      });
    }
  });
}

/** Like getClient, but a missing client (or one of another workspace) is refused. */
export async function requireClient(db: Database, { teamId, clientId }: { teamId: string; clientId: string }): Promise<ClientProfile> {
  const client = await getClient(db, { teamId, clientId });
  if (!client) throw new Refused({ code: 'client_gone' });
  return client;
}

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** How a typed name found its client: the whole name, or the first whole words of exactly one name. */
export type NameMatch = 'exact' | 'prefix';

/** A name as typed, to look up (shown as typed, NFC); refused when nothing visible is left of it. */
export function typedClientName(name: string): string {
  const typed = displayName(name);
  if (!nameKey(typed)) throw new Refused({ code: 'client_name_missing' });
  return typed;
}

/**
 * The client whose name is `name`: its exact key, else the one client whose name starts with these whole
 * words ("acme" → "Acme Corp" when no other name starts so). Anything else is an error carrying up to 3
 * suggestions: a command never silently acts on a client the user did not name.
 */
export async function findClientByName(db: Database, { teamId, name }: { teamId: string; name: string }): Promise<ClientProfile> {
  const typed = typedClientName(name);
  const found = await clientByLeadingWords(db, { teamId, words: [typed] });
  if (found) return found.client;
  throw await noClientCalled(db, { teamId, typed });
}

/**
 * The refusal a typed name gets, with "did you mean" suggestions (or how to register it). `readings` are the
 * ways the typed words could be meant (a command's first one, two or three words), all searched.
 */
export async function noClientCalled(
  db: Database,
  { teamId, typed, readings = [typed] }: { teamId: string; typed: string; readings?: readonly string[] },
): Promise<Refused> {
  return new Refused({ code: 'client_not_found', typed, suggestions: await suggestClientNames(db, { teamId, texts: readings }) });
}

/**
 * Names like the typed text, most alike first: containing it, or sharing most of its trigrams
 * (`nameSimilarity`). Ranked in TypeScript on the stored keys, so every script is measured alike.
 */
export async function suggestClientNames(
  db: Database,
  { teamId, texts, limit = 3 }: { teamId: string; texts: readonly string[]; limit?: number },
): Promise<string[]> {
  const typed = texts.map(nameKey).filter(Boolean);
  if (typed.length === 0) return [];
  const all = await db
    .select({ name: clients.name, nameKey: clients.nameKey })
    .from(clients)
    .where(and(eq(clients.teamId, teamId), ne(clients.status, 'exited')));
  // Accent-free too: `isik` typed for Işık (a keyboard without Turkish letters) is worth a "did you mean".
  const alike = (t: string, key: string) => Math.max(nameSimilarity(t, key), nameSimilarity(accentFreeKey(t), accentFreeKey(key)));
  return all
    .map((c) => ({ name: c.name, score: Math.max(...typed.map((t) => alike(t, c.nameKey))) }))
    .filter((c) => c.score >= SUGGESTION_SIMILARITY)
    .sort((a, b) => b.score - a.score || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((c) => c.name);
}

/** How many of the names matching a type-ahead are ranked in full: plenty for a picker that shows a page of them. */
const TYPE_AHEAD_RANKED = 500;

/**
 * Type-ahead for client pickers: names containing the typed text (by key), the most relevant first (the whole name,
 * then names starting with it, then a later word starting with it, then anything containing it), alphabetically
 * within each (`byName`: the reader's collation). With nothing typed, the most recently active clients (their last
 * call or incident, else their registration) come first.
 */
export async function searchClients(
  db: Database,
  {
    teamId,
    typed,
    limit = 20,
    byName = (a, b) => a.localeCompare(b),
  }: { teamId: string; typed: string; limit?: number; byName?: (a: string, b: string) => number },
): Promise<ClientProfile[]> {
  const key = nameKey(typed);
  const escaped = likeEscaped(key);
  const relevance = sql<number>`case when ${clients.nameKey} = ${key} then 0 when starts_with(${clients.nameKey}, ${key}) then 1 when ${clients.nameKey} like ${`% ${escaped}%`} then 2 else 3 end`;
  // Written out: drizzle leaves a single table's columns unqualified, which inside these subqueries would name theirs.
  const lastActive = sql<Date>`greatest(
    (select max(c.occurred_at) from calls c where c.team_id = clients.team_id and c.client_id = clients.id),
    (select max(i.occurred_at) from incidents i where i.team_id = clients.team_id and i.client_id = clients.id),
    clients.created_at)`;
  const rows = await db
    .select({ ...profileColumns, nameKey: clients.nameKey, relevance, lastActive })
    .from(clients)
    .where(and(eq(clients.teamId, teamId), ne(clients.status, 'exited'), like(clients.nameKey, `%${escaped}%`)))
    .orderBy(key ? relevance : sql`${lastActive} desc`, asc(clients.nameKey))
    .limit(Math.max(limit, TYPE_AHEAD_RANKED));
  const recency = (r: (typeof rows)[number]) => (key ? 0 : -new Date(r.lastActive).getTime());
  return rows
    .sort((a, b) => Number(a.relevance) - Number(b.relevance) || recency(a) - recency(b) || byName(a.name, b.name))
    .slice(0, limit)
    .map(({ relevance: _relevance, lastActive: _lastActive, ...client }) => withoutKey(client));
}

export interface ClientFilter {
  category?: Category;
  ownerUserId?: string;
  includeExited?: boolean;
}

export async function listClients(db: Database, { teamId, filter = {} }: { teamId: string; filter?: ClientFilter }): Promise<ClientProfile[]> {
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
    .orderBy(asc(clients.nameKey));
}

/** Changes fields of a client. Category changes are kept as history; `exited` stamps exitedAt. */
export async function updateClient(
  db: Database,
  {
    teamId,
    by,
    clientId,
    patch,
    options = {},
    categoryReason = null,
  }: {
    teamId: string;
    by: By;
    clientId: string;
    patch: ClientPatch;
    options?: NameOptions;
    /** Why the category changes, in the mover's words (kept with the move). */
    categoryReason?: string | null;
  },
): Promise<ClientProfile> {
  const { actor, at } = authorOf(by);
  const values = parseInput(clientPatchSchema, patch);
  const key = values.name === undefined ? undefined : nameKey(values.name);
  try {
    return await db.transaction(async (tx) => {
      const before = await requireClient(tx, { teamId, clientId });
      if (key !== undefined) {
        // A new spelling of the same name ("acme corp" → "Acme Corp") is always fine.
        const clash = key === nameKey(before.name) ? undefined : await nameClash(tx, teamId, values.name!, key, { ...options, except: clientId });
        if (clash) throw new Refused(clash);
      }
      if (values.category && values.category !== before.category) {
        await tx.insert(clientCategoryChanges).values({
          teamId,
          clientId,
          fromCategory: before.category,
          toCategory: values.category,
          reason: categoryReason,
          changedBy: actor,
          changedAt: at,
        });
      }
      const exitedAt = values.status === undefined || values.status === before.status ? {} : { exitedAt: values.status === 'exited' ? at : null };
      const [after] = await tx
        .update(clients)
        .set({ ...values, ...(key === undefined ? {} : { nameKey: key }), ...exitedAt, updatedAt: at })
        .where(and(eq(clients.teamId, teamId), eq(clients.id, clientId)))
        .returning(profileColumns);
      const changed = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { from: before[k as keyof ClientProfile], to: v }]));
      await appendAudit(tx, { teamId, entry: { actor, at, action: 'client.update', entityType: 'client', entityId: clientId, details: changed } });
      return after!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refused({ code: 'client_name_taken', name: values.name ?? '' });
    throw error;
  }
}

/**
 * The client named by the first words of a command (`/call acme corp +comms …`): the longest run of leading
 * words that is a client's whole name or, failing that, the first whole words of exactly one client's name.
 * At equal length a whole name wins. Returns how many words it used, or undefined when none matches. When the
 * longest run that matches anything is the first whole words of two or more names, and the whole name of none, it
 * matches them equally well: the person is asked which (refused as `client_ambiguous`), never given one of them,
 * nor a client named by fewer of their words.
 */
export async function clientByLeadingWords(
  db: Database,
  {
    teamId,
    words,
    named,
  }: {
    teamId: string;
    words: readonly string[];
    /** The candidates, read already with the workspace (`workspaceAndClientsNamed`, the same words). */
    named?: readonly NamedClient[];
  },
): Promise<{ client: ClientProfile; used: number; match: NameMatch } | undefined> {
  const naming = namingOf(words);
  if (!naming) return undefined;
  const { keys } = naming;
  const rows = named ?? (await readingByNames(db, { teamId, ...naming }));
  for (let used = keys.length; used >= 1; used--) {
    const key = keys[used - 1]!;
    const exact = rows.find((r) => r.nameKey === key);
    if (exact) return { client: withoutKey(exact), used, match: 'exact' };
    const starting = rows.filter((r) => leadsByWords(key, r.nameKey));
    if (starting.length === 1) return { client: withoutKey(starting[0]!), used, match: 'prefix' };
    if (starting.length > 1) throw new Refused({ code: 'client_ambiguous', typed: words.slice(0, used).join(' '), names: starting.map((r) => r.name) });
  }
  return undefined;
}

/** A client as a name lookup reads it: with its name's key. */
export type NamedClient = ClientProfile & { nameKey: string };

/**
 * What leading words are looked up by: each candidate's exact key, and every name starting with the first word
 * (which includes every name starting with a longer candidate). One read, whatever the number of words.
 */
function namingOf(words: readonly string[]): { keys: string[]; startingWith: string } | undefined {
  const keys = words.slice(0, NAME_WORDS_AT_MOST).map((_, i) => nameKey(words.slice(0, i + 1).join(' ')));
  if (keys.length === 0 || !keys[0]) return undefined;
  return { keys, startingWith: `${likeEscaped(keys[0])} %` };
}

type Naming = { teamId: string; keys: string[]; startingWith: string };
const named = (p: Placeholders<Naming>) =>
  and(eq(clients.teamId, p.teamId), or(sql`${clients.nameKey} = any(${p.keys}::text[])`, like(clients.nameKey, p.startingWith)));

// Every command naming a client reads it (db/builtOnce.ts); the keys go as one array, however many words.
const readingByNames = preparedOnce((db, p: Placeholders<Naming>) =>
  db
    .select({ ...profileColumns, nameKey: clients.nameKey })
    .from(clients)
    .where(named(p))
    .prepare('clients_by_names'),
);

/**
 * The workspace, one person's settings there, and the clients a command's leading words may name
 * (`clientByLeadingWords`), in one read: a command that names a client needs all three first. No workspace yet
 * (its first request): undefined, and no candidates.
 */
export async function workspaceAndClientsNamed(
  db: Database,
  { teamId, userId, words }: { teamId: string; userId: string; words: readonly string[] },
): Promise<{ workspace: Workspace | undefined; person: PersonSettings; named: NamedClient[] }> {
  const naming = namingOf(words) ?? { keys: [], startingWith: '' };
  const rows = await readingWorkspaceAndNames(db, { teamId, userId, ...naming });
  return {
    workspace: rows[0]?.workspace,
    person: personSettingsFrom(rows[0]),
    named: rows.flatMap((row) => (row.client ? [row.client] : [])),
  };
}

// One row per candidate (or one with none): the workspace and the settings repeat on each.
const readingWorkspaceAndNames = preparedOnce((db, p: Placeholders<Naming & { userId: string }>) =>
  db
    .select({
      workspace: workspaces,
      language: personSettings.language,
      calendar: personSettings.calendar,
      client: { ...profileColumns, nameKey: clients.nameKey },
    })
    .from(workspaces)
    .leftJoin(personSettings, and(eq(personSettings.teamId, workspaces.teamId), eq(personSettings.userId, p.userId)))
    .leftJoin(clients, named(p))
    .where(eq(workspaces.teamId, p.teamId))
    .prepare('workspace_and_clients_named'),
);

function withoutKey({ nameKey: _key, ...client }: NamedClient): ClientProfile {
  return client;
}

/**
 * Names stored before keys existed carry a placeholder key (migration 0003): compute their real keys, once.
 * Two old names with one key (e.g. "İstanbul Ltd" and "ıstanbul ltd") cannot both keep it: the later one is
 * renamed "… (2)", audited, and logged, so nothing is lost and both stay reachable.
 */
export async function keyUnkeyedClientNames(db: Database, logger: Logger): Promise<void> {
  const unkeyed = await db
    .select({ id: clients.id, teamId: clients.teamId, name: clients.name })
    .from(clients)
    .where(like(clients.nameKey, `${String.fromCharCode(1)}%`))
    .orderBy(asc(clients.createdAt));
  for (const c of unkeyed) {
    await db.transaction(async (tx) => {
      let name = displayName(c.name);
      for (let n = 2; ; n++) {
        const [taken] = await tx
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.teamId, c.teamId), eq(clients.nameKey, nameKey(name))));
        if (!taken) break;
        name = `${displayName(c.name)} (${n})`;
      }
      await tx
        .update(clients)
        .set({ name, nameKey: nameKey(name) })
        .where(and(eq(clients.teamId, c.teamId), eq(clients.id, c.id)));
      if (name !== displayName(c.name)) {
        await appendAudit(tx, {
          teamId: c.teamId,
          entry: {
            actor: 'system',
            action: 'client.rename',
            entityType: 'client',
            entityId: c.id,
            details: { from: c.name, to: name, why: 'same name key as another client' },
          },
        });
        logger.warn('two clients had names that are now one: renamed the later one', { team: c.teamId, clientId: c.id, to: name });
      }
    });
  }
}

export async function categoryChangesOf(db: Database, { teamId, clientId }: { teamId: string; clientId: string }) {
  return db
    .select({
      fromCategory: clientCategoryChanges.fromCategory,
      toCategory: clientCategoryChanges.toCategory,
      reason: clientCategoryChanges.reason,
      changedBy: clientCategoryChanges.changedBy,
      changedAt: clientCategoryChanges.changedAt,
    })
    .from(clientCategoryChanges)
    .where(and(eq(clientCategoryChanges.teamId, teamId), eq(clientCategoryChanges.clientId, clientId)));
}
