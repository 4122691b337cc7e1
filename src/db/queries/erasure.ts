/**
 * Erasing one client: everything recorded about it goes, in one transaction, and one audit row remains that
 * says who erased which client (its id, not its name) and when, and how many rows of each table went. What
 * speaks of other things too is rewritten without it in the same transaction: the digest's stored pages, and
 * the bodies of the Slack requests in the inbox that named it.
 */
import { and, asc, count, eq, getTableColumns, getTableName, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { Refused } from '../../domain/refusals.js';
import { holdsAnyId, namesAnyOf, stringsOf, type ErasedClient } from '../../domain/mentions.js';
import { escapeName } from '../../domain/mrkdwn.js';
import type { Database } from '../client.js';
import { auditLog, clients, digestMessages, slackRequests, workspaces } from '../schema/index.js';
import { appendAudit, authorOf, type By } from './audit.js';
import { chartFilesOfClient, forgetChartFiles } from './charts.js';
import { rewriteDigestPagesHolding, type DigestPageDraft } from './digests.js';
import { workspaceTables } from './export.js';

export const ERASE_ACTION = 'client.erase';

/** A stored digest page without the erased client (Block Kit's business: given by the caller); undefined when it does not show it. */
export type DigestPageWithout = (page: DigestPageDraft, client: ErasedClient) => DigestPageDraft | undefined;

/** What went, by table (rows); `again` when this client was erased before (the same form worked again). */
export interface Erasure {
  erased: Record<string, number>;
  /** Rows kept but rewritten without the client, by table: digest pages, request bodies. */
  rewritten: Record<string, number>;
  /** The digest messages in Slack that showed the client (ids of their stored pages): Slack's copies are edited after. */
  rewrittenPosts: string[];
  /** The Slack files of its pictures (chart_files): deleted in Slack after. */
  chartFiles: string[];
  again: boolean;
}

export async function eraseClient(
  db: Database,
  { teamId, by, clientId, pageWithout }: { teamId: string; by: By; clientId: string; pageWithout: DigestPageWithout },
): Promise<Erasure> {
  const author = authorOf(by);
  return db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: clients.id, name: clients.name })
      .from(clients)
      .where(and(eq(clients.teamId, teamId), eq(clients.id, clientId)))
      .for('update');
    if (!client) {
      const [before] = await tx
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(and(eq(auditLog.teamId, teamId), eq(auditLog.action, ERASE_ACTION), eq(auditLog.entityId, clientId)));
      if (before) {
        const { erased = {}, rewritten = {}, rewrittenPosts = [], chartFiles = [] } = before.details as Partial<Erasure>;
        return { erased, rewritten, rewrittenPosts, chartFiles, again: true };
      }
      throw new Refused({ code: 'client_erased' });
    }
    // Its pictures (those showing other clients too) are forgotten; their files in Slack go after this commits.
    const chartFiles = await chartFilesOfClient(tx, { teamId, clientId });
    await forgetChartFiles(tx, { teamId, fileIds: chartFiles });
    const erasing: ErasedClient = { id: client.id, names: [client.name, ...(await earlierNames(tx, teamId, clientId))] };
    // Every table that records something about a client (found from the schema, so none is forgotten), with
    // the ids of its records and the Slack requests that wrote them, which the inbox is searched for below.
    const erased: Record<string, number> = {};
    const recordIds: SQL[] = [];
    const ids = new Set([clientId]);
    const requestKeys = new Set<string>();
    for (const table of workspaceTables()) {
      const columns = getTableColumns(table) as Record<string, PgColumn>;
      const isClients = table === (clients as unknown);
      if (!isClients && !columns.clientId) continue;
      const about = and(eq(table.teamId, teamId), eq(isClients ? columns.id! : columns.clientId!, clientId));
      const rows = await tx
        .select({ id: columns.id ? sql<string>`${columns.id}::text` : sql<null>`null`, requestKey: columns.requestKey ?? sql<null>`null` })
        .from(table)
        .where(about);
      for (const row of rows) {
        if (row.id) ids.add(row.id);
        if (typeof row.requestKey === 'string') requestKeys.add(row.requestKey);
      }
      if (isClients) continue;
      erased[getTableName(table)] = rows.length;
      if (columns.id) recordIds.push(sql`select ${columns.id}::text from ${table} where ${about}`);
    }
    // The digest's pages showing it keep the other clients: its part goes, in Slack too once this commits. They
    // show its id, or a name it had as written or escaped for mrkdwn.
    const shownAs = [...new Set([clientId, ...erasing.names.flatMap((name) => [name, escapeName(name)])])];
    const pages = await rewriteDigestPagesHolding(tx, { teamId, needles: shownAs, rewrite: (page) => pageWithout(page, erasing) });
    const rewrittenPosts = pages.filter((page) => page.ts !== null).map((page) => page.id);
    const requests = await scrubInbox(tx, teamId, erasing, ids, requestKeys);
    // The audit trail about it (its creation, each log, each decision) goes too: it holds its data.
    const audit = await tx
      .delete(auditLog)
      .where(and(eq(auditLog.teamId, teamId), or(eq(auditLog.entityId, clientId), sql`${auditLog.entityId} in (${sql.join(recordIds, sql` union all `)})`)))
      .returning({ id: auditLog.id });
    erased[getTableName(auditLog)] = audit.length;
    // The client's own row; the rows above reference it and go with it (on delete cascade).
    await tx.delete(clients).where(and(eq(clients.teamId, teamId), eq(clients.id, clientId)));
    erased[getTableName(clients)] = 1;
    const rewritten = { [getTableName(digestMessages)]: pages.length, [getTableName(slackRequests)]: requests };
    await appendAudit(tx, {
      teamId,
      entry: {
        actor: author.actor,
        at: author.at,
        action: ERASE_ACTION,
        entityType: 'client',
        entityId: clientId,
        details: { erased, rewritten, rewrittenPosts, chartFiles },
      },
    });
    return { erased, rewritten, rewrittenPosts, chartFiles, again: false };
  });
}

/** The names the client had before it was renamed (its audit trail says), which pages posted then show. */
async function earlierNames(db: Database, teamId: string, clientId: string): Promise<string[]> {
  const renames = await db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.teamId, teamId), eq(auditLog.entityId, clientId), inArray(auditLog.action, ['client.update', 'client.rename'])));
  return renames.flatMap(({ action, details }) => {
    const change = (action === 'client.rename' ? details : details.name) as { from?: unknown } | undefined;
    return typeof change?.from === 'string' ? [change.from] : [];
  });
}

/** Requests read at a time when a workspace's inbox is gone through. */
const REQUESTS_AT_ONCE = 200;

/**
 * Empties the body (`{}`) of each finished request in the workspace's inbox that named the client: by a name it
 * had, by its id or the id of one of its records anywhere in the payload, or by having written one of its rows
 * (its request key: a `/call` that named it by its first word only). Requests not yet finished are someone's
 * work still to do (a waiting `/call` may be about another client whose name starts the same way): they keep
 * their body until they are worked, and finishing forgets it (requests.ts). Returns the requests emptied.
 */
async function scrubInbox(db: Database, teamId: string, client: ErasedClient, ids: ReadonlySet<string>, requestKeys: ReadonlySet<string>): Promise<number> {
  const holdsId = holdsAnyId(ids);
  const names = namesAnyOf(client.names);
  const notWorked = and(eq(slackRequests.teamId, teamId), inArray(slackRequests.state, ['done', 'failed']));
  let emptied = 0;
  for (let after = 0; ;) {
    const requests = await db
      .select({ id: slackRequests.id, requestKey: slackRequests.requestKey, body: slackRequests.body })
      .from(slackRequests)
      .where(and(notWorked, sql`${slackRequests.body} <> '{}'::jsonb`, gt(slackRequests.id, after)))
      .orderBy(asc(slackRequests.id))
      .limit(REQUESTS_AT_ONCE);
    const naming = requests.filter((r) => requestKeys.has(r.requestKey) || stringsOf(r.body).some((text) => holdsId(text) || names(text))).map((r) => r.id);
    if (naming.length > 0) {
      const rows = await db
        .update(slackRequests)
        .set({ body: {} })
        .where(and(notWorked, inArray(slackRequests.id, naming)))
        .returning({ id: slackRequests.id });
      emptied += rows.length;
    }
    if (requests.length < REQUESTS_AT_ONCE) return emptied;
    after = requests.at(-1)!.id;
  }
}

/**
 * Removes everything of a workspace Rapport was uninstalled from, in one transaction: every table with a
 * `team_id` (found from the schema, the request inbox included), then the workspace itself. Returns the rows
 * removed by table (a row removed by its parent's cascade is counted under its own table, counted first).
 */
export async function purgeWorkspace(db: Database, teamId: string): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const removed: Record<string, number> = {};
    const tables = workspaceTables({ all: true });
    for (const table of tables) {
      const [counted] = await tx.select({ n: count() }).from(table).where(eq(table.teamId, teamId));
      removed[getTableName(table)] = counted?.n ?? 0;
    }
    for (const table of tables.filter((t) => t !== (workspaces as unknown))) await tx.delete(table).where(eq(table.teamId, teamId));
    await tx.delete(workspaces).where(eq(workspaces.teamId, teamId));
    return removed;
  });
}
