/**
 * Installations ("Add to Slack"): bot tokens stored encrypted (db/tokenCipher.ts: AES-256-GCM under the
 * configured keys, bound to the workspace). A token not sealed under the newest key is sealed again when it is
 * read, and `reencryptInstallations` does it for every row (npm run keys:rotate).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { TokenKeys } from '../../config/tokenKeys.js';
import type { Database } from '../client.js';
import { installations } from '../schema/index.js';
import { openToken, sealToken, TokenKeyError } from '../tokenCipher.js';
import { markInstalledAgain } from './workspaces.js';

export { TokenKeyError };

export interface InstallationRecord {
  teamId: string;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botToken: string;
  botUserId: string | null;
  botId: string | null;
  scopes: string;
  installerUserId: string | null;
}

/** Stores (or replaces) a workspace's installation; installing again also keeps a workspace marked uninstalled. */
export async function saveInstallation(db: Database, { keys, record, at }: { keys: TokenKeys; record: InstallationRecord; at: Date }): Promise<void> {
  const row = { ...record, botToken: sealToken(keys, record.teamId, record.botToken), installedAt: at, updatedAt: at };
  await db.transaction(async (tx) => {
    await tx
      .insert(installations)
      .values(row)
      .onConflictDoUpdate({ target: installations.teamId, set: { ...row, installedAt: sql`${installations.installedAt}` } });
    await markInstalledAgain(tx, record.teamId);
  });
}

/** The workspace's installation with its token decrypted (sealed again under the newest key if it was not). */
export async function findInstallation(db: Database, { keys, teamId }: { keys: TokenKeys; teamId: string }): Promise<InstallationRecord | undefined> {
  const [row] = await db.select().from(installations).where(eq(installations.teamId, teamId));
  if (!row) return undefined;
  const { token, current } = openToken(keys, teamId, row.botToken);
  if (!current) await sealAgain(db, keys, teamId, row.botToken, token);
  return { ...row, botToken: token };
}

/** Never reads the token: forgetting a workspace works whatever the keys. */
export async function removeInstallation(db: Database, teamId: string): Promise<void> {
  await db.delete(installations).where(eq(installations.teamId, teamId));
}

/**
 * Replaces `stored` by `token` sealed under the newest key, only if the row still holds `stored`: a process
 * doing the same at the same moment, or a new install, wins, and nothing is lost. True when this one wrote it.
 */
async function sealAgain(db: Database, keys: TokenKeys, teamId: string, stored: string, token: string): Promise<boolean> {
  const written = await db
    .update(installations)
    .set({ botToken: sealToken(keys, teamId, token) })
    .where(and(eq(installations.teamId, teamId), eq(installations.botToken, stored)))
    .returning({ teamId: installations.teamId });
  return written.length > 0;
}

/** Whether the keys open the stored tokens: of `checked` rows (all, or a random `limit` of the `stored`), how many do not. */
export async function checkTokenKeys(
  db: Database,
  { keys, limit }: { keys: TokenKeys; limit: number },
): Promise<{ stored: number; checked: number; undecryptable: number }> {
  const rows = await db
    .select({ teamId: installations.teamId, botToken: installations.botToken, stored: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(installations)
    .orderBy(sql`random()`)
    .limit(limit);
  const undecryptable = rows.filter((row) => !tryOpen(keys, row.teamId, row.botToken)).length;
  return { stored: rows[0]?.stored ?? 0, checked: rows.length, undecryptable };
}

/**
 * Seals every stored token under the newest key (key rotation). Safe beside running processes: each row is
 * written only if it still holds what was read. Returns how many rows this call re-encrypted, and the
 * workspaces whose token no configured key opens (left as they are).
 */
export async function reencryptInstallations(db: Database, keys: TokenKeys): Promise<{ stored: number; reencrypted: number; undecryptable: string[] }> {
  const rows = await db.select({ teamId: installations.teamId, botToken: installations.botToken }).from(installations).orderBy(installations.teamId);
  let reencrypted = 0;
  const undecryptable: string[] = [];
  for (const { teamId, botToken } of rows) {
    const opened = tryOpen(keys, teamId, botToken);
    if (!opened) undecryptable.push(teamId);
    else if (!opened.current && (await sealAgain(db, keys, teamId, botToken, opened.token))) reencrypted++;
  }
  return { stored: rows.length, reencrypted, undecryptable };
}

/** openToken, or undefined when the configured keys do not open the token. */
function tryOpen(keys: TokenKeys, teamId: string, stored: string): ReturnType<typeof openToken> | undefined {
  try {
    return openToken(keys, teamId, stored);
  } catch (error) {
    if (error instanceof TokenKeyError) return undefined;
    throw error;
  }
}
