/**
 * Exactly one digest per workspace-week (slack-contract.md, scheduling): claiming the week is inserting its
 * unique row; a claim whose holder vanished before posting is taken over after a lease; the posted message's
 * ts is recorded at once so nobody posts it again.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { digestMessages, digests } from '../schema/index.js';
import { appendAudit } from './audit.js';

export type Digest = typeof digests.$inferSelect;
export type DigestMessage = typeof digestMessages.$inferSelect;

/** How long a claim without a post protects the week before another instance may finish it. */
export const CLAIM_LEASE_SECONDS = 120;

/**
 * Claims the week for `instance`: a new row, or a stale claim nobody finished (its holder crashed or Slack
 * failed). Returns the row when this instance now holds the week, undefined when another has it or it is posted.
 */
export async function claimDigestWeek(
  db: Database,
  teamId: string,
  week: string,
  channelId: string,
  instance: string,
  leaseSeconds = CLAIM_LEASE_SECONDS,
): Promise<{ digest: Digest; takenOver: boolean } | undefined> {
  const [created] = await db
    .insert(digests)
    .values({ teamId, week, channelId, claimedBy: instance })
    .onConflictDoNothing()
    .returning();
  if (created) return { digest: created, takenOver: false };
  const [takenOver] = await db
    .update(digests)
    .set({ claimedBy: instance, claimedAt: sql`now()`, channelId })
    .where(
      and(
        eq(digests.teamId, teamId),
        eq(digests.week, week),
        eq(digests.status, 'claimed'),
        lt(digests.claimedAt, sql`now() - make_interval(secs => ${leaseSeconds})`),
      ),
    )
    .returning();
  return takenOver ? { digest: takenOver, takenOver: true } : undefined;
}

/** True while `instance` still holds the claim (checked right before posting: a slow holder may have lost it). */
export async function renewClaim(db: Database, digest: Pick<Digest, 'id' | 'teamId'>, instance: string): Promise<boolean> {
  const rows = await db
    .update(digests)
    .set({ claimedAt: sql`now()` })
    .where(and(eq(digests.teamId, digest.teamId), eq(digests.id, digest.id), eq(digests.claimedBy, instance), eq(digests.status, 'claimed')))
    .returning({ id: digests.id });
  return rows.length > 0;
}

export async function markDigestPosted(
  db: Database,
  digest: Pick<Digest, 'id' | 'teamId'>,
  message: { channelId: string; ts: string; clientIds: string[]; blocks: Record<string, unknown>[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(digests)
      .set({ status: 'posted', postedAt: sql`now()`, messageTs: message.ts, lastError: null })
      .where(and(eq(digests.teamId, digest.teamId), eq(digests.id, digest.id)));
    await tx.insert(digestMessages).values({ teamId: digest.teamId, digestId: digest.id, ...message });
    await appendAudit(tx, digest.teamId, { actor: 'system', action: 'digest.post', entityType: 'digest', entityId: digest.id, details: { ts: message.ts } });
  });
}

export async function recordDigestMessage(
  db: Database,
  teamId: string,
  digestId: string,
  message: { channelId: string; ts: string; clientIds: string[]; blocks: Record<string, unknown>[] },
): Promise<void> {
  await db.insert(digestMessages).values({ teamId, digestId, ...message });
}

/** Posting failed: the claim stays (so nobody else posts meanwhile) and is retried once its lease runs out. */
export async function recordDigestFailure(db: Database, digest: Pick<Digest, 'id' | 'teamId'>, error: string): Promise<void> {
  await db
    .update(digests)
    .set({ attempts: sql`${digests.attempts} + 1`, lastError: error.slice(0, 500) })
    .where(and(eq(digests.teamId, digest.teamId), eq(digests.id, digest.id)));
}

export async function digestForWeek(db: Database, teamId: string, week: string): Promise<Digest | undefined> {
  const [row] = await db.select().from(digests).where(and(eq(digests.teamId, teamId), eq(digests.week, week)));
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

/** The messages of a digest that name the client: a decision updates each in place. */
export async function digestMessagesNaming(db: Database, teamId: string, digestId: string, clientId: string): Promise<DigestMessage[]> {
  return db
    .select()
    .from(digestMessages)
    .where(and(eq(digestMessages.teamId, teamId), eq(digestMessages.digestId, digestId), sql`${digestMessages.clientIds} ? ${clientId}`));
}

export async function digestMessageAt(db: Database, teamId: string, channelId: string, ts: string): Promise<DigestMessage | undefined> {
  const [row] = await db
    .select()
    .from(digestMessages)
    .where(and(eq(digestMessages.teamId, teamId), eq(digestMessages.channelId, channelId), eq(digestMessages.ts, ts)));
  return row;
}

export async function updateDigestMessageBlocks(db: Database, message: Pick<DigestMessage, 'id' | 'teamId'>, blocks: Record<string, unknown>[]): Promise<void> {
  await db
    .update(digestMessages)
    .set({ blocks })
    .where(and(eq(digestMessages.teamId, message.teamId), eq(digestMessages.id, message.id)));
}
