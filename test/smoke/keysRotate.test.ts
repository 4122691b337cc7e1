/**
 * `npm run keys:rotate` as production runs it (`node dist/keysRotate.js`, built by `npm run build`), on Postgres
 * when TEST_DATABASE_URL is set, else on an embedded database folder: it re-encrypts every installation under
 * the newest key, says how many, and names the workspaces no configured key opens; a weak key stops it first.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenKeys } from '../../src/config/tokenKeys.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { saveInstallation } from '../../src/db/queries/installations.js';
import * as schema from '../../src/db/schema/index.js';
import { silentLogger } from '../../src/log.js';
import { builtCommand } from '../support/built.js';
import { sealV1 } from '../support/legacyToken.js';
import { openPrivateDatabase } from '../support/privateDatabase.js';

const OLD = { id: 'old', key: randomBytes(32) };
const NEW = { id: 'new', key: randomBytes(32) };
const listed = (...keys: TokenKeys) => keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');

describe('keys:rotate, compiled', () => {
  /** Where the command finds the database, and how the test opens it (the embedded one: only while the command is not running). */
  let where: Record<string, string>;
  let open: () => Promise<DatabaseHandle>;
  let cleanup: () => Promise<void> = async () => {};

  const rotate = (env: Record<string, string>) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, builtCommand('keysRotate'), {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...where,
          SLACK_SIGNING_SECRET: 'rotate-signing-secret',
          SLACK_CLIENT_ID: '111.222',
          SLACK_CLIENT_SECRET: 'rotate-client-secret',
          SLACK_STATE_SECRET: 'rotate-state-secret-0123',
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', (code) => resolve({ code, stdout, stderr }));
    });

  const withDatabase = async <T>(work: (db: DatabaseHandle['owner']) => Promise<T>): Promise<T> => {
    const handle = await open();
    try {
      return await work(handle.owner);
    } finally {
      await handle.close();
    }
  };
  /** Each row's format and key id (`v2:new`). */
  const sealedAs = async (db: DatabaseHandle['owner']) =>
    Object.fromEntries((await db.select().from(schema.installations)).map((r) => [r.teamId, r.botToken.split(':').slice(0, 2).join(':')]));

  beforeAll(async () => {
    const serverUrl = process.env.TEST_DATABASE_URL?.trim();
    if (serverUrl) {
      const handle = await openPrivateDatabase(serverUrl, 'rapport_keys', 1);
      where = { DATABASE_URL: handle.url };
      open = async () => ({ ...handle, close: async () => {} });
      cleanup = () => handle.close();
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'rapport-keys-'));
      where = { DATA_DIR: dir };
      open = () => openDatabase({ dataDir: dir, logger: silentLogger });
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    await withDatabase(async (db) => {
      const install = (teamId: string, keys: TokenKeys) =>
        saveInstallation(db, {
          keys,
          record: {
            teamId,
            enterpriseId: null,
            isEnterpriseInstall: false,
            botToken: `xoxb-${teamId}`,
            botUserId: null,
            botId: null,
            scopes: '',
            installerUserId: null,
          },
          at: new Date(),
        });
      await install('T0CURRENT', [NEW]);
      await install('T0OLDKEY', [OLD]);
      await install('T0FIRSTFORMAT', [OLD]);
      await db
        .update(schema.installations)
        .set({ botToken: sealV1(OLD.key, 'xoxb-T0FIRSTFORMAT') })
        .where(eq(schema.installations.teamId, 'T0FIRSTFORMAT'));
      await install('T0LOST', [{ id: 'old', key: randomBytes(32) }]);
    });
  }, 120_000);
  afterAll(() => cleanup());

  it('re-encrypts what the older key opens, names what no key opens, and ends with only the newest key', async () => {
    const first = await rotate({ TOKEN_ENCRYPTION_KEYS: listed(NEW, OLD) });
    expect(first.stdout).toContain('Re-encrypted 2 of 4 installations under the key "new".');
    expect(first.stdout).toContain('Could not decrypt 1 of them with the configured keys, left as they were: workspaces T0LOST.');
    expect(first.code).toBe(1);
    expect(first.stdout + first.stderr).not.toContain('xoxb');
    await withDatabase(async (db) => {
      expect(await sealedAs(db)).toEqual({ T0CURRENT: 'v2:new', T0OLDKEY: 'v2:new', T0FIRSTFORMAT: 'v2:new', T0LOST: 'v2:old' });
      await db.delete(schema.installations).where(eq(schema.installations.teamId, 'T0LOST'));
    });
    // The older key removed: everything still opens, nothing left to do.
    const second = await rotate({ TOKEN_ENCRYPTION_KEYS: listed(NEW) });
    expect(second.stdout).toBe(
      'Re-encrypted 0 of 3 installations under the key "new".\nEvery installation is now encrypted with that key: the other keys can be removed.\n',
    );
    expect(second.code).toBe(0);
  }, 120_000);

  it('a weak key, or no OAuth settings, stops it before it touches anything', async () => {
    const weak = await rotate({ TOKEN_ENCRYPTION_KEYS: `new:${NEW.key.toString('base64')},zero:${Buffer.alloc(32).toString('base64')}` });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('TOKEN_ENCRYPTION_KEYS: key "zero" is one byte repeated 32 times');
    const unset = await rotate({ SLACK_CLIENT_ID: '', SLACK_SIGNING_SECRET: '' });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain('keys:rotate re-encrypts the tokens of "Add to Slack" installations');
  }, 60_000);
});
