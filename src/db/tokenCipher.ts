/**
 * How a bot token is kept in `installations.bot_token`: AES-256-GCM, a random 12-byte IV per token, the auth
 * tag beside it, base64 parts joined by colons. Pure functions of the keys, the workspace and the text.
 *
 * - `v2:<keyId>:<iv>:<tag>:<ciphertext>`: sealed under the key with that id, the workspace's team id bound as
 *   associated data, so a ciphertext copied into another workspace's row does not open there.
 * - `v1:<iv>:<tag>:<ciphertext>`: the first format (one key, no id, nothing bound); still opened, with whichever
 *   configured key opens it, and sealed again as v2 when used.
 *
 * A key that cannot open a token fails loudly (TokenKeyError); nothing ever falls back to plaintext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TokenKey, TokenKeys } from '../config/tokenKeys.js';

/** A stored token the configured keys cannot open (a key changed or removed, a row copied from elsewhere). */
export class TokenKeyError extends Error {
  readonly code = 'token_key';
}

const ALGORITHM = 'aes-256-gcm';
/** The whole 16-byte tag, always: Node would otherwise accept a tag cut short, down to 4 bytes. */
const TAG = { authTagLength: 16 };

/** Seals `token` for workspace `teamId` under the newest key. */
export function sealToken(keys: TokenKeys, teamId: string, token: string): string {
  const { id, key } = keys[0];
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv, TAG).setAAD(Buffer.from(teamId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return ['v2', id, iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join(':');
}

/**
 * Opens a stored token of workspace `teamId`. `current`: it is sealed as the newest key seals today (v2 under
 * keys[0]); otherwise it should be sealed again (sealToken) and stored in its place.
 */
export function openToken(keys: TokenKeys, teamId: string, stored: string): { token: string; current: boolean } {
  const parts = stored.split(':');
  if (parts[0] === 'v2' && parts.length === 5) {
    const [, keyId, iv, tag, sealed] = parts as [string, string, string, string, string];
    const named = keys.find((k) => k.id === keyId);
    if (!named) throw new TokenKeyError(`A stored bot token was encrypted with the key "${keyId}", which is not among the configured keys.`);
    const token = open(named, iv, tag, sealed, teamId);
    if (token === undefined)
      throw new TokenKeyError(
        `The configured key "${keyId}" cannot decrypt a stored bot token: it is not the key it was encrypted with, or the token belongs to another workspace.`,
      );
    return { token, current: keyId === keys[0].id };
  }
  if (parts[0] === 'v1' && parts.length === 4) {
    const [, iv, tag, sealed] = parts as [string, string, string, string];
    for (const key of keys) {
      const token = open(key, iv, tag, sealed, undefined);
      if (token !== undefined) return { token, current: false };
    }
    throw new TokenKeyError('None of the configured keys can decrypt a stored bot token: it was encrypted with another key.');
  }
  throw new TokenKeyError('A stored bot token is not in an encrypted form Rapport knows.');
}

/** The plaintext, or undefined when the key (or the workspace bound to it) is not the one it was sealed with. */
function open({ key }: TokenKey, iv: string, tag: string, sealed: string, teamId: string | undefined): string | undefined {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'), TAG);
    if (teamId !== undefined) decipher.setAAD(Buffer.from(teamId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
