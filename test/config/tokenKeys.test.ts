/**
 * The keys that encrypt bot tokens, as configured: a list of `id:base64key` (newest first) or one key, and every
 * weak or ambiguous key refused at start with a message naming the variable.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { parseTokenKeys, SINGLE_KEY_ID } from '../../src/config/tokenKeys.js';

const OAUTH = {
  SLACK_SIGNING_SECRET: 'signing-secret',
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret-0123456789',
};
const key = () => randomBytes(32).toString('base64');
const keysOf = (env: Record<string, string>) => loadConfig({ ...OAUTH, ...env }).slack?.oauth?.tokenKeys;

describe('TOKEN_ENCRYPTION_KEYS and TOKEN_ENCRYPTION_KEY', () => {
  it('a list keeps its ids and order (the first encrypts); a single key has the id "default"', () => {
    const [newer, older] = [key(), key()];
    expect(keysOf({ TOKEN_ENCRYPTION_KEYS: ` k2026:${newer} , k-old_1:${older}` })).toEqual([
      { id: 'k2026', key: Buffer.from(newer, 'base64') },
      { id: 'k-old_1', key: Buffer.from(older, 'base64') },
    ]);
    expect(keysOf({ TOKEN_ENCRYPTION_KEY: newer })).toEqual([{ id: SINGLE_KEY_ID, key: Buffer.from(newer, 'base64') }]);
    expect(SINGLE_KEY_ID).toBe('default');
  });

  it('both at once is refused, and OAuth needs one of them', () => {
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEYS: `a:${key()}`, TOKEN_ENCRYPTION_KEY: key() })).toThrow(
      /TOKEN_ENCRYPTION_KEY: leave it unset with TOKEN_ENCRYPTION_KEYS, and list it there as default:<that key>/,
    );
    expect(() => loadConfig(OAUTH)).toThrow(/TOKEN_ENCRYPTION_KEYS: is required with SLACK_CLIENT_ID .* or TOKEN_ENCRYPTION_KEY for a single key/);
  });

  it('a key that is not 32 bytes of base64 is refused, naming the variable and the key id', () => {
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(/TOKEN_ENCRYPTION_KEY: must be 32 random bytes, base64 \(openssl rand -base64 32\)/);
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEYS: `new:${key()},old:${randomBytes(31).toString('base64')}` })).toThrow(
      /TOKEN_ENCRYPTION_KEYS: key "old" must be 32 random bytes/,
    );
    // 32 bytes once the stray characters are skipped: taken as written, it is not base64.
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEY: `${key().slice(0, 20)}!${key().slice(20)}` })).toThrow(/must be 32 random bytes/);
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEYS: key() })).toThrow(/TOKEN_ENCRYPTION_KEYS: each key must be written id:base64key/);
  });

  it('32 equal bytes (all zeros) and keys with too few distinct bytes are refused', () => {
    const zeros = Buffer.alloc(32).toString('base64');
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEY: zeros })).toThrow(
      /TOKEN_ENCRYPTION_KEY: is one byte repeated 32 times \(such as all zeros\), not a random key/,
    );
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEYS: `a:${key()},b:${Buffer.alloc(32, 0xff).toString('base64')}` })).toThrow(
      /TOKEN_ENCRYPTION_KEYS: key "b" is one byte repeated 32 times/,
    );
    // A typed pattern: "0123456789abcdef" twice has 16 distinct bytes (kept); 15 of them is refused.
    const pattern = (distinct: number) => Buffer.from(Array.from({ length: 32 }, (_, i) => 65 + (i % distinct))).toString('base64');
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEY: pattern(15) })).toThrow(/TOKEN_ENCRYPTION_KEY: has only 15 different byte values in 32 bytes/);
    expect(keysOf({ TOKEN_ENCRYPTION_KEY: pattern(16) })).toHaveLength(1);
  });

  it('ids are short [a-z0-9_-] and unique, and a key is listed under one id only', () => {
    const k = key();
    for (const bad of [`Upper:${k}`, `a b:${k}`, `:${k}`, `${'x'.repeat(33)}:${k}`, `a:${k},`]) {
      expect(() => keysOf({ TOKEN_ENCRYPTION_KEYS: bad }), bad).toThrow(/TOKEN_ENCRYPTION_KEYS: each key must be written id:base64key/);
    }
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEYS: `a:${k},a:${key()}` })).toThrow(/TOKEN_ENCRYPTION_KEYS: the key id "a" is used twice/);
    expect(() => keysOf({ TOKEN_ENCRYPTION_KEYS: `a:${k},b:${key()},c:${k}` })).toThrow(/TOKEN_ENCRYPTION_KEYS: keys "a" and "c" are the same key/);
  });

  it('no refusal says the key itself', () => {
    const k = Buffer.alloc(32, 9).toString('base64');
    const refusal = parseTokenKeys(`secret:${k}`, 'list');
    expect(refusal).toMatchObject({ refused: expect.any(String) });
    expect(JSON.stringify(refusal)).not.toContain(k.slice(0, 12));
  });

  it('random keys are never refused (the distinct-byte floor is far below what random keys have)', () => {
    for (let i = 0; i < 2000; i++) expect(parseTokenKeys(key(), 'single')).toHaveProperty('keys');
  });
});
