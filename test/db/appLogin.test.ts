/**
 * The app's workspace connections log in as rapport_app: on a server that asks rapport_app for a password
 * (scram-sha-256 in pg_hba.conf), Rapport stops at startup saying to set DATABASE_APP_PASSWORD, and with it
 * set, gives the role that password and logs in. A throwaway server of the suite's own, since its pg_hba.conf
 * changes (the shared server's trusts every local login).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseSetupError, openDatabase } from '../../src/db/client.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { silentLogger } from '../../src/log.js';
import { TEST_DRIVERS } from '../support/database.js';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres.js';

describe.runIf(TEST_DRIVERS.includes('postgres') && postgresBinaries())('the app role logging in with a password (postgres)', () => {
  let server: ThrowawayPostgres;
  let admin: postgres.Sql;

  beforeAll(async () => {
    server = await startThrowawayPostgres();
    admin = postgres(server.url, { max: 1, onnotice: () => {} });
    const [{ hba_file: hba }] = await admin<[{ hba_file: string }]>`show hba_file`;
    // The first matching line counts: rapport_app must give a password; every other user is still trusted.
    writeFileSync(hba, `host all rapport_app 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
    await admin`select pg_reload_conf()`;
    // rapport_app made, as by a first start: an ordinary owner below may not create it.
    await (await open('made-by-the-first-start')).close();
    await admin.unsafe('create role rapport_plain_owner login');
    await admin.unsafe('grant rapport_app to rapport_plain_owner');
    await admin.unsafe('create database rapport_plain owner rapport_plain_owner');
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await server?.stop();
  });

  const open = (appPassword?: string, databaseUrl = server.url) => openDatabase({ databaseUrl, logger: silentLogger, poolSize: 2, appPassword });
  const whoAmI = async (handle: Awaited<ReturnType<typeof open>>) => {
    const result = await inWorkspace('T0LOGIN', () => handle.db.execute(sql`select session_user as "user"`));
    return (result as unknown as { user: string }[])[0]!.user;
  };

  it('without DATABASE_APP_PASSWORD, stops at startup saying to set it', async () => {
    const opening = open();
    await expect(opening).rejects.toThrow(DatabaseSetupError);
    await expect(opening).rejects.toThrow(
      /^Rapport's workspace connections log in as the role rapport_app, and the server refused them: .+\nSet DATABASE_APP_PASSWORD to a long random string/,
    );
  });

  it('with it, gives rapport_app that password (as a SCRAM verifier) and logs in; a new one replaces it at the next start', async () => {
    for (const password of ['first-app-password', "second 'app' password"]) {
      const handle = await open(password);
      try {
        expect(await whoAmI(handle)).toBe('rapport_app');
      } finally {
        await handle.close();
      }
    }
    const [{ stored }] = await admin<[{ stored: string }]>`select rolpassword as stored from pg_authid where rolname = 'rapport_app'`;
    expect(stored).toMatch(/^SCRAM-SHA-256\$4096:/);
    // The password now set is the second: the first no longer logs in.
    const stale = postgres(server.url, { max: 1, username: 'rapport_app', password: 'first-app-password', onnotice: () => {} });
    await expect(stale`select 1`).rejects.toMatchObject({ code: '28P01' });
    await stale.end();
  });

  it('an owner that may not set the password: Rapport starts once a superuser set it, and says so until then', async () => {
    const url = new URL(server.url);
    url.username = 'rapport_plain_owner';
    url.pathname = '/rapport_plain';
    const opening = open('set-by-a-superuser', url.toString());
    await expect(opening).rejects.toThrow(DatabaseSetupError);
    await expect(opening).rejects.toThrow(
      /^Rapport gives the role rapport_app the password in DATABASE_APP_PASSWORD at startup, and rapport_plain_owner may not \(permission denied.*\), so rapport_app could not log in with it\.\nAs a superuser, either set it yourself/,
    );
    await admin.unsafe("alter role rapport_app password 'set-by-a-superuser'");
    const handle = await open('set-by-a-superuser', url.toString());
    try {
      expect(await whoAmI(handle)).toBe('rapport_app');
    } finally {
      await handle.close();
    }
  });
});
