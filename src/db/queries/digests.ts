/**
 * Exactly one digest per workspace-week (slack-contract.md, scheduling): claiming the week is inserting its
 * unique row; a claim whose holder vanished before posting is taken over after a lease; the posted message's
 * ts is recorded at once so nobody posts it again.
 */
import type { KnownBlock } from '@slack/types';
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { digestMessages, digests } from '../schema/index.js';
import { appendAudit } from './audit.js';

export type Digest = typeof digests.$inferSelect;
export type DigestMessage = typeof digestMessages.$inferSelect;

/** How long a claim without a post protects the week before another instance may finish it. */
export const CLAIM_LEASE_SECONDS = 120;

/** The claim's holder has not renewed it for `leaseSeconds` (database clock): another instance may take it. */
const leaseLapsed = (leaseSeconds: number) => lt(digests.claimedAt, sql`now() - make_interval(secs => ${leaseSeconds})`);

/**
 * Claims the week for `instance`: a new row, or a stale claim nobody finished (its holder crashed or Slack
 * failed). Returns the row when this instance now holds the week, undefined when another has it or it is posted.
 */
export async function claimDigestWeek(
  db: Database,
  {
    teamId,
    week,
    channelId,
    instance,
    leaseSeconds = CLAIM_LEASE_SECONDS,
  }: { teamId: string; week: string; channelId: string; instance: string; leaseSeconds?: number },
): Promise<{ digest: Digest; takenOver: boolean } | undefined> {
  const [created] = await db.insert(digests).values({ teamId, week, channelId, claimedBy: instance }).onConflictDoNothing().returning();
  if (created) return { digest: created, takenOver: false };
  const [takenOver] = await db
    .update(digests)
    .set({ claimedBy: instance, claimedAt: sql`now()`, channelId })
    .where(and(eq(digests.teamId, teamId), eq(digests.week, week), eq(digests.status, 'claimed'), leaseLapsed(leaseSeconds)))
    .returning();
  return takenOver ? { digest: takenOver, takenOver: true } : undefined;
}

/** True while `instance` still holds the claim (checked right before posting: a slow holder may have lost it). */
export async function renewClaim(db: Database, { digest, instance }: { digest: Pick<Digest, 'id' | 'teamId'>; instance: string }): Promise<boolean> {
  const rows = await db
    .update(digests)
    .set({ claimedAt: sql`now()` })
    .where(and(eq(digests.teamId, digest.teamId), eq(digests.id, digest.id), eq(digests.claimedBy, instance), eq(digests.status, 'claimed')))
    .returning({ id: digests.id });
  return rows.length > 0;
}

/** A message of the digest as composed: what a thread page waits with until it is posted. */
export interface DigestPageDraft {
  text: string;
  clientIds: string[];
  blocks: KnownBlock[];
}

/** The digest's first message, posted: the rest of its pages follow in its thread. */
export interface PostedDigestMessage extends DigestPageDraft {
  channelId: string;
  ts: string;
}

/**
 * Records the week's post: the digest is posted (nobody posts it again) and its thread pages wait, unposted,
 * for whoever holds the digest to post them. One transaction: no post is recorded without its pages.
 */
export async function markDigestPosted(
  db: Database,
  { digest, first, thread }: { digest: Pick<Digest, 'id' | 'teamId'>; first: PostedDigestMessage; thread: readonly DigestPageDraft[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(digests)
      .set({ status: 'posted', postedAt: sql`now()`, claimedAt: sql`now()`, messageTs: first.ts, lastError: null })
      .where(and(eq(digests.teamId, digest.teamId), eq(digests.id, digest.id)));
    await recordDigestPost(tx, { digest, first, thread });
    await appendAudit(tx, {
      teamId: digest.teamId,
      entry: { actor: 'system', action: 'digest.post', entityType: 'digest', entityId: digest.id, details: { ts: first.ts } },
    });
  });
}

/** A further post of a digest already posted (`/rapport digest now force`): its own first message and thread. */
export async function recordDigestPost(
  db: Database,
  { digest, first, thread }: { digest: Pick<Digest, 'id' | 'teamId'>; first: PostedDigestMessage; thread: readonly DigestPageDraft[] },
): Promise<void> {
  const common = { teamId: digest.teamId, digestId: digest.id, channelId: first.channelId };
  await db
    .insert(digestMessages)
    .values([{ ...common, ...first, page: 0, postedAt: sql`now()` }, ...thread.map((page, i) => ({ ...common, ...page, threadTs: first.ts, page: i + 1 }))]);
}

/** The digest's pages waiting to be posted in their thread, in posting order (threads oldest first). */
export async function unpostedPages(db: Database, digest: Pick<Digest, 'id' | 'teamId'>): Promise<DigestMessage[]> {
  return db
    .select()
    .from(digestMessages)
    .where(and(eq(digestMessages.teamId, digest.teamId), eq(digestMessages.digestId, digest.id), isNull(digestMessages.ts)))
    .orderBy(asc(digestMessages.threadTs), asc(digestMessages.page));
}

export async function recordPagePosted(db: Database, { page, ts }: { page: Pick<DigestMessage, 'id' | 'teamId'>; ts: string }): Promise<void> {
  await db
    .update(digestMessages)
    .set({ ts, postedAt: sql`now()` })
    .where(and(eq(digestMessages.teamId, page.teamId), eq(digestMessages.id, page.id), isNull(digestMessages.ts)));
}

/**
 * Takes or keeps the right to post a posted digest's thread pages: `instance` holds it already (unless
 * `staleOnly`), or the holder has not renewed it for a lease (it stopped mid-thread, or Slack refused a page).
 * Renewed before every page.
 */
export async function holdDigestThread(
  db: Database,
  {
    digest,
    instance,
    leaseSeconds = CLAIM_LEASE_SECONDS,
    staleOnly = false,
  }: { digest: Pick<Digest, 'id' | 'teamId'>; instance: string; leaseSeconds?: number; staleOnly?: boolean },
): Promise<boolean> {
  const rows = await db
    .update(digests)
    .set({ claimedBy: instance, claimedAt: sql`now()` })
    .where(
      and(
        eq(digests.teamId, digest.teamId),
        eq(digests.id, digest.id),
        eq(digests.status, 'posted'),
        or(staleOnly ? undefined : eq(digests.claimedBy, instance), leaseLapsed(leaseSeconds)),
      ),
    )
    .returning({ id: digests.id });
  return rows.length > 0;
}

/**
 * Posting failed: the claim stays (so nobody else posts meanwhile) and is retried once its lease runs out.
 * Returns the failed attempts so far.
 */
export async function recordDigestFailure(db: Database, { digest, error }: { digest: Pick<Digest, 'id' | 'teamId'>; error: string }): Promise<number> {
  const [row] = await db
    .update(digests)
    .set({ attempts: sql`${digests.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(and(eq(digests.teamId, digest.teamId), eq(digests.id, digest.id)))
    .returning({ attempts: digests.attempts });
  return row?.attempts ?? 0;
}

/** The workspace's most recent digest week, posted or not (shown by `/rapport settings`). */
export async function latestDigest(db: Database, teamId: string): Promise<Digest | undefined> {
  const [row] = await db.select().from(digests).where(eq(digests.teamId, teamId)).orderBy(desc(digests.week)).limit(1);
  return row;
}

export async function digestForWeek(db: Database, { teamId, week }: { teamId: string; week: string }): Promise<Digest | undefined> {
  const [row] = await db
    .select()
    .from(digests)
    .where(and(eq(digests.teamId, teamId), eq(digests.week, week)));
  return row;
}

/** The latest week (local date) the workspace's digest was posted for, or null. */
export async function lastPostedWeek(db: Database, teamId: string): Promise<string | null> {
  const [row] = await db
    .select({ week: sql<string | null>`max(${digests.week})::text` })
    .from(digests)
    .where(and(eq(digests.teamId, teamId), eq(digests.status, 'posted')));
  return row?.week ?? null;
}

/** The latest `count` posted digests, newest first, with every client their messages named. */
export async function postedDigestsNaming(
  db: Database,
  { teamId, count }: { teamId: string; count: number },
): Promise<{ digest: Digest; clientIds: Set<string> }[]> {
  const posted = await db
    .select()
    .from(digests)
    .where(and(eq(digests.teamId, teamId), eq(digests.status, 'posted')))
    .orderBy(desc(digests.week))
    .limit(count);
  const out: { digest: Digest; clientIds: Set<string> }[] = [];
  for (const digest of posted) {
    const pages = await db
      .select({ clientIds: digestMessages.clientIds })
      .from(digestMessages)
      .where(and(eq(digestMessages.teamId, teamId), eq(digestMessages.digestId, digest.id)));
    out.push({ digest, clientIds: new Set(pages.flatMap((p) => p.clientIds)) });
  }
  return out;
}

/** The messages of a digest that name the client: a decision updates each in place. */
export async function digestMessagesNaming(
  db: Database,
  { teamId, digestId, clientId }: { teamId: string; digestId: string; clientId: string },
): Promise<DigestMessage[]> {
  return db
    .select()
    .from(digestMessages)
    .where(and(eq(digestMessages.teamId, teamId), eq(digestMessages.digestId, digestId), sql`${digestMessages.clientIds} ? ${clientId}`));
}

export async function digestMessageAt(
  db: Database,
  { teamId, channelId, ts }: { teamId: string; channelId: string; ts: string },
): Promise<DigestMessage | undefined> {
  const [row] = await db
    .select()
    .from(digestMessages)
    .where(and(eq(digestMessages.teamId, teamId), eq(digestMessages.channelId, channelId), eq(digestMessages.ts, ts)));
  return row;
}

export async function updateDigestMessageBlocks(
  db: Database,
  { message, blocks }: { message: Pick<DigestMessage, 'id' | 'teamId'>; blocks: KnownBlock[] },
): Promise<void> {
  await db
    .update(digestMessages)
    .set({ blocks })
    .where(and(eq(digestMessages.teamId, message.teamId), eq(digestMessages.id, message.id)));
}

/** Pages read at a time when a workspace's pages are gone through. */
const PAGES_AT_ONCE = 100;

/**
 * Goes through the workspace's stored digest pages that hold any of `needles` (in their text, or in a string of
 * their blocks or client ids: found by the database, which compares the JSON as it stores it), a batch at a time:
 * each page `rewrite` returns changed is stored so (one still waiting to be posted goes out as rewritten).
 * Returns the pages it changed.
 */
export async function rewriteDigestPagesHolding(
  db: Database,
  { teamId, needles, rewrite }: { teamId: string; needles: readonly string[]; rewrite: (page: DigestPageDraft) => DigestPageDraft | undefined },
): Promise<Pick<DigestMessage, 'id' | 'ts'>[]> {
  const inJson = (needle: string) => JSON.stringify(needle).slice(1, -1);
  const holding = or(
    ...needles.flatMap((needle) => [
      sql`strpos(${digestMessages.text}, ${needle}) > 0`,
      sql`strpos(${digestMessages.blocks}::text, ${inJson(needle)}) > 0`,
      sql`strpos(${digestMessages.clientIds}::text, ${inJson(needle)}) > 0`,
    ]),
  );
  const changed: Pick<DigestMessage, 'id' | 'ts'>[] = [];
  for (let after: string | undefined; ;) {
    const pages = await db
      .select({ id: digestMessages.id, ts: digestMessages.ts, text: digestMessages.text, clientIds: digestMessages.clientIds, blocks: digestMessages.blocks })
      .from(digestMessages)
      .where(and(eq(digestMessages.teamId, teamId), holding, after === undefined ? undefined : gt(digestMessages.id, after)))
      .orderBy(asc(digestMessages.id))
      .limit(PAGES_AT_ONCE);
    for (const page of pages) {
      const rewritten = rewrite(page);
      if (!rewritten) continue;
      await db
        .update(digestMessages)
        .set({ text: rewritten.text, clientIds: rewritten.clientIds, blocks: rewritten.blocks })
        .where(and(eq(digestMessages.teamId, teamId), eq(digestMessages.id, page.id)));
      changed.push({ id: page.id, ts: page.ts });
    }
    if (pages.length < PAGES_AT_ONCE) return changed;
    after = pages.at(-1)!.id;
  }
}

export async function digestMessagesWithIds(db: Database, { teamId, ids }: { teamId: string; ids: readonly string[] }): Promise<DigestMessage[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(digestMessages)
    .where(and(eq(digestMessages.teamId, teamId), inArray(digestMessages.id, [...ids])));
}
