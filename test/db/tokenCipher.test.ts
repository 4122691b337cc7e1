/**
 * How bot tokens are sealed at rest: v2 names its key and binds the workspace, v1 (the first format) still
 * opens and is marked for sealing again, two keys rotate, and nothing opens under the wrong key or workspace.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TokenKey, TokenKeys } from '../../src/config/tokenKeys.js';
import { openToken, sealToken, TokenKeyError } from '../../src/db/tokenCipher.js';
import { sealV1 } from '../support/legacyToken.js';

const OLD: TokenKey = { id: 'old', key: randomBytes(32) };
const NEW: TokenKey = { id: 'new', key: randomBytes(32) };
const TOKEN = 'xoxb-1234-5678-secret';

describe('sealing bot tokens', () => {
  it('round trip: v2 under the newest key, its id in the clear, never the token', () => {
    const stored = sealToken([NEW, OLD], 'T0ACME', TOKEN);
    expect(stored).toMatch(/^v2:new:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('xoxb');
    expect(openToken([NEW, OLD], 'T0ACME', stored)).toEqual({ token: TOKEN, current: true });
    // A fresh IV each time.
    expect(sealToken([NEW], 'T0ACME', TOKEN)).not.toBe(sealToken([NEW], 'T0ACME', TOKEN));
  });

  it('a v2 token does not open for another workspace (the team id is bound as associated data)', () => {
    const stored = sealToken([NEW], 'T0ACME', TOKEN);
    expect(() => openToken([NEW], 'T0OTHER', stored)).toThrow(TokenKeyError);
    expect(() => openToken([NEW], 'T0ACME ', stored)).toThrow(/cannot decrypt a stored bot token/);
  });

  it('a v1 token opens with whichever configured key it was sealed with, and is marked for sealing again', () => {
    const stored = sealV1(OLD.key, TOKEN);
    expect(openToken([NEW, OLD], 'T0ACME', stored)).toEqual({ token: TOKEN, current: false });
    expect(openToken([OLD], 'T0ANY', stored)).toEqual({ token: TOKEN, current: false });
    expect(() => openToken([NEW], 'T0ACME', stored)).toThrow(/None of the configured keys can decrypt/);
  });

  it('rotation: a token under the older key opens while it is listed, is not current, and seals again under the newest', () => {
    const underOld = sealToken([OLD], 'T0ACME', TOKEN);
    const rotated: TokenKeys = [NEW, OLD];
    const opened = openToken(rotated, 'T0ACME', underOld);
    expect(opened).toEqual({ token: TOKEN, current: false });
    const again = sealToken(rotated, 'T0ACME', opened.token);
    expect(again.startsWith('v2:new:')).toBe(true);
    // The old key can go once every row is sealed again.
    expect(openToken([NEW], 'T0ACME', again)).toEqual({ token: TOKEN, current: true });
    expect(() => openToken([NEW], 'T0ACME', underOld)).toThrow(/encrypted with the key "old", which is not among the configured keys/);
  });

  it('a key under the right id but with other bytes, a tampered or cut tag, or an unknown form fails loudly', () => {
    const stored = sealToken([NEW], 'T0ACME', TOKEN);
    expect(() => openToken([{ id: 'new', key: randomBytes(32) }], 'T0ACME', stored)).toThrow(TokenKeyError);
    const [v, id, iv, tag, sealed] = stored.split(':') as [string, string, string, string, string];
    const tagBytes = Buffer.from(tag, 'base64');
    const flipped = Buffer.from(tagBytes.map((b, i) => (i === 0 ? b ^ 1 : b))).toString('base64');
    expect(() => openToken([NEW], 'T0ACME', [v, id, iv, flipped, sealed].join(':'))).toThrow(TokenKeyError);
    // Node would take a 4-byte tag unless told the length: a forger would need 2³² tries, not 2¹²⁸.
    expect(() => openToken([NEW], 'T0ACME', [v, id, iv, tagBytes.subarray(0, 4).toString('base64'), sealed].join(':'))).toThrow(TokenKeyError);
    for (const junk of [TOKEN, 'v3:new:a:b:c', 'v2:new:a:b', '']) expect(() => openToken([NEW], 'T0ACME', junk)).toThrow(/not in an encrypted form/);
  });

  it('no error says the token or a key', () => {
    const stored = sealToken([NEW], 'T0ACME', TOKEN);
    const error = (() => {
      try {
        openToken([OLD], 'T0ACME', stored);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).toBeDefined();
    expect(error!.message).not.toContain(TOKEN);
    expect(error!.message).not.toContain(OLD.key.toString('base64'));
  });
});
