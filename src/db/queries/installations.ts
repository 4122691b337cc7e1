/**
 * Installations ("Add to Slack"): bot tokens stored encrypted with AES-256-GCM under TOKEN_ENCRYPTION_KEY (a
 * random 12-byte IV per token, the auth tag kept beside it). A wrong key fails loudly; nothing ever falls back
 * to plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.js';
import { installations } from '../schema/index.js';
import { markInstalledAgain } from './workspaces.js';

export class TokenKeyError extends Error {
  readonly code = 'token_key';
}

export function encryptToken(key: Buffer, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
}

export function decryptToken(key: Buffer, stored: string): string {
  const [version, iv, tag, sealed] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || !sealed) throw new TokenKeyError('A stored bot token is not in the expected encrypted form.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new TokenKeyError('TOKEN_ENCRYPTION_KEY cannot decrypt the stored bot tokens: it is not the key they were encrypted with.');
  }
}

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
export async function saveInstallation(db: Database, key: Buffer, record: InstallationRecord, at: Date): Promise<void> {
  const row = { ...record, botToken: encryptToken(key, record.botToken), installedAt: at, updatedAt: at };
  await db.transaction(async (tx) => {
    await tx
      .insert(installations)
      .values(row)
      .onConflictDoUpdate({ target: installations.teamId, set: { ...row, installedAt: sql`${installations.installedAt}` } });
    await markInstalledAgain(tx, record.teamId);
  });
}

export async function findInstallation(db: Database, key: Buffer, teamId: string): Promise<InstallationRecord | undefined> {
  const [row] = await db.select().from(installations).where(eq(installations.teamId, teamId));
  return row && { ...row, botToken: decryptToken(key, row.botToken) };
}

export async function removeInstallation(db: Database, teamId: string): Promise<void> {
  await db.delete(installations).where(eq(installations.teamId, teamId));
}
