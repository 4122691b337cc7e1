/**
 * The keys that encrypt the bot tokens at rest, as configured: `TOKEN_ENCRYPTION_KEYS` (`id:base64key`, newest
 * first; the first encrypts, every one decrypts) or `TOKEN_ENCRYPTION_KEY` (one key, with the id `default`).
 * Pure: the environment is read by env.ts, the keys are used by db/tokenCipher.ts.
 */

export interface TokenKey {
  /** Named in each ciphertext (`v2:<id>:…`), so a row says which key opens it: a key keeps its id for life. */
  id: string;
  /** 32 bytes: AES-256. */
  key: Buffer;
}

/** Newest first: the first encrypts, every one decrypts. Never empty. */
export type TokenKeys = readonly [TokenKey, ...TokenKey[]];

/** The id `TOKEN_ENCRYPTION_KEY` (one key) has: the same as `TOKEN_ENCRYPTION_KEYS=default:<that key>`. */
export const SINGLE_KEY_ID = 'default';

const KEY_ID = /^[a-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
/**
 * A random 32-byte key has about 30 distinct byte values. Fewer than 16 is a key made by hand or from a short
 * pattern; a random key has it with probability about 3.2 × 10⁻¹⁷ (the sum over k < 16 of
 * C(256, k) · S(32, k) · k! / 256³², S being Stirling numbers of the second kind), so refusing it refuses no
 * key `openssl rand` made.
 */
const MIN_DISTINCT_BYTES = 16;

const GENERATE = 'openssl rand -base64 32';

/**
 * Parses `id:base64key,…`; returns why it is refused (a sentence saying what to do, naming no key material)
 * or the keys. `single` parses one bare key (`TOKEN_ENCRYPTION_KEY`) under SINGLE_KEY_ID.
 */
export function parseTokenKeys(text: string, format: 'list' | 'single'): { keys: TokenKeys } | { refused: string } {
  const entries = format === 'single' ? [`${SINGLE_KEY_ID}:${text.trim()}`] : text.split(',').map((entry) => entry.trim());
  const keys: TokenKey[] = [];
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    if (format === 'list' && !KEY_ID.test(id)) {
      return { refused: `each key must be written id:base64key (an id of 1 to 32 of a-z, 0-9, _ and -, then the key), comma-separated, newest first` };
    }
    const refusal = weakness(entry.slice(colon + 1));
    if (refusal) return { refused: format === 'list' ? `key "${id}" ${refusal}` : refusal };
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    const sameId = keys.find((k) => k.id === id);
    if (sameId) return { refused: `the key id "${id}" is used twice: each key needs an id of its own` };
    const sameKey = keys.find((k) => k.key.equals(key));
    if (sameKey) return { refused: `keys "${sameKey.id}" and "${id}" are the same key: list each key once, under its one id` };
    keys.push({ id, key });
  }
  // Every entry (at least one: split always gives one) was refused or kept.
  return { keys: [keys[0]!, ...keys.slice(1)] };
}

/** Why a base64 key is not one to encrypt with, or undefined when it is 32 bytes that look random. */
function weakness(base64: string): string | undefined {
  const key = Buffer.from(base64, 'base64');
  // Buffer.from skips what is not base64: only a key that encodes back to what was written is taken as written.
  if (key.length !== KEY_BYTES || key.toString('base64') !== base64) return `must be ${KEY_BYTES} random bytes, base64 (${GENERATE})`;
  const distinct = new Set(key).size;
  if (distinct === 1) return `is one byte repeated ${KEY_BYTES} times (such as all zeros), not a random key: make one with ${GENERATE}`;
  if (distinct < MIN_DISTINCT_BYTES) {
    return `has only ${distinct} different byte values in ${KEY_BYTES} bytes, which a random key practically never has: make one with ${GENERATE}`;
  }
  return undefined;
}
