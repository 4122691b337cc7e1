/**
 * Rapport uninstalled from a workspace (or its bot token revoked): marked at once, its data purged from every
 * table (listed from the schema, so a new table cannot be forgotten) once the grace period is over, unless it is
 * installed again first; other workspaces untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { workspaceTables } from '../../src/db/queries/export.js';
import { getWorkspace } from '../../src/db/queries/workspaces.js';
import { silentLogger } from '../../src/log.js';
import { purgeUninstalledWorkspaces } from '../../src/services/lifecycle.js';
import { TEST_DRIVERS } from '../support/database.js';
import { rowsByTable } from '../support/rows.js';
import { ADMIN, ALICE, MALLORY, OTHER_TEAM, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

const DAY = 86_400_000;

describe.each(TEST_DRIVERS)('uninstalling Rapport on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  const rowsOf = (teamId: string) => rowsByTable(h.db, workspaceTables({ all: true }), (table) => eq(table.teamId, teamId));
  const purge = (daysLater: number) => purgeUninstalledWorkspaces(h.db, new Date(h.now().getTime() + daysLater * DAY), 7, silentLogger);
  const uninstall = async (event: Record<string, unknown>) => {
    await h.send.event(TEAM, event);
    await h.idle();
  };

  beforeAll(async () => {
    h = await startHarness(driver);
    await say(ALICE, '/client', 'add Keepsake Ltd vip');
    await say(ALICE, '/call', 'keepsake ltd +communication Quarterly review');
    await say(ALICE, '/incident', 'keepsake ltd lie Said it was sent');
    await say(ADMIN, '/rapport', 'settings channel <#C0DIGEST|digest>');
    await say(MALLORY, '/client', 'add Elsewhere Inc');
    await say(MALLORY, '/call', 'elsewhere inc +communication Hello');
  });
  afterAll(() => h?.close());

  it('keeps everything through the grace period and after a re-install; then purges every table, and only that workspace', async () => {
    const others = await rowsOf(OTHER_TEAM);

    // A user's token revoked is no uninstall.
    await uninstall({ type: 'tokens_revoked', tokens: { oauth: ['U0ALICE'], bot: [] }, event_ts: '1.1' });
    expect((await getWorkspace(h.db, TEAM))?.uninstalledAt).toBeNull();

    await uninstall({ type: 'app_uninstalled', event_ts: '1.2' });
    expect((await getWorkspace(h.db, TEAM))?.uninstalledAt).toBeInstanceOf(Date);
    expect(await purge(6)).toEqual([]);
    expect((await rowsOf(TEAM)).clients).toBe(1);

    // Installed again within the grace period: Rapport hears from the workspace, and keeps its data.
    expect(await say(ALICE, '/client', 'show keepsake ltd')).toContain('Keepsake Ltd');
    expect((await getWorkspace(h.db, TEAM))?.uninstalledAt).toBeNull();
    expect(await purge(30)).toEqual([]);

    // The bot token revoked: an uninstall too. Past the grace period, everything of the workspace goes.
    await uninstall({ type: 'tokens_revoked', tokens: { bot: ['B0RAPPORT'] }, event_ts: '1.3' });
    expect(await purge(6)).toEqual([]);
    const before = await rowsOf(TEAM);
    expect(before).toMatchObject({ workspaces: 1, clients: 1, calls: 1, incidents: 1 });
    expect(await purge(8)).toEqual([TEAM]);
    const after = await rowsOf(TEAM);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(await rowsOf(OTHER_TEAM)).toEqual(others);
  });
});
