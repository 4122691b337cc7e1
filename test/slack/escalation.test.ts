/**
 * Escalation (issue 14), through the stand-in Web API: a client meeting firing criteria that two digests in a
 * row named, with nobody acknowledging, snoozing or deciding in between, is named to the admins by DM, once,
 * with the digest's buttons; a client someone answered is not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { WebClient } from '@slack/web-api';
import { findClientByName } from '../../src/db/queries/clients.js';
import { recordDecision } from '../../src/db/queries/decisions.js';
import { updateWorkspaceSettings } from '../../src/db/queries/workspaces.js';
import * as schema from '../../src/db/schema/index.js';
import { Escalations } from '../../src/digest/escalations.js';
import { DigestRunner } from '../../src/digest/run.js';
import { silentLogger } from '../../src/log.js';
import { PeopleDirectory } from '../../src/slack/people.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('escalating unanswered clients on %s', (driver) => {
  let h: Harness;
  let clock = new Date('2026-11-30T09:00:30Z');
  const webFor = async () => new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Liar Co <@U0ALICE|alice>');
    await h.command(ALICE, '/client', 'add Answered Co <@U0BOB|bob>');
    await h.command(ALICE, '/incident', 'liar co lie Said the report was sent');
    await h.command(BOB, '/incident', 'answered co lie Said the invoice was paid');
    await updateWorkspaceSettings(h.db, {
      teamId: TEAM,
      by: 'U0ADMIN',
      patch: { digestChannelId: 'C0DIGEST', timeZone: 'UTC', digestDay: 1, digestTime: '09:00' },
    });
    await h.db
      .update(schema.workspaces)
      .set({ createdAt: new Date('2026-01-01T00:00:00Z') })
      .where(eq(schema.workspaces.teamId, TEAM));
  });
  afterAll(() => h?.close());

  it('names a client to the admins once when two digests in a row named it and nobody answered', async () => {
    const runner = new DigestRunner({ db: h.database.db, owner: h.database.owner, webFor, logger: silentLogger, now: () => clock });
    const instances = [1, 2, 3].map(
      (i) =>
        new Escalations({
          db: h.database.db,
          owner: h.database.owner,
          digest: runner,
          webFor,
          people: new PeopleDirectory(),
          logger: silentLogger,
          now: () => clock,
          instance: `e${i}`,
        }),
    );
    const tickAll = async () => (await Promise.all(instances.map((e) => e.tick()))).flat();

    expect((await runner.tick()).map((r) => r.outcome)).toEqual(['posted']);
    expect(await tickAll()).toEqual([]); // one digest so far
    // Bob acknowledges his client after the first digest.
    const [first] = await h.db
      .select()
      .from(schema.digests)
      .where(and(eq(schema.digests.teamId, TEAM), eq(schema.digests.week, '2026-11-30')));
    const answered = await findClientByName(h.db, { teamId: TEAM, name: 'Answered Co' });
    await recordDecision(h.db, {
      teamId: TEAM,
      by: { actor: 'U0BOB', at: new Date(first!.postedAt!.getTime() + 60_000) },
      input: { clientId: answered.id, kind: 'acknowledge' },
    });

    clock = new Date('2026-12-07T09:00:30Z');
    expect((await runner.tick()).map((r) => r.outcome)).toEqual(['posted']);
    const seq = h.api.lastSeq;
    expect(await tickAll()).toEqual([{ teamId: TEAM, userId: 'U0ADMIN', week: '2026-12-07', clients: 1 }]);
    expect(await tickAll()).toEqual([]);

    const toAdmin = h.since(seq).filter((c) => c.method === 'chat.postMessage');
    const text = toAdmin.map((c) => textOf(c.params)).join('\n');
    expect(text).toContain('1 client was in the last two digests and nobody acknowledged, snoozed or decided');
    expect(text).toContain('Liar Co');
    expect(text).not.toContain('Answered Co');
    expect(toAdmin.some((c) => JSON.stringify(c.params.blocks).includes('digest_decide'))).toBe(true);
    const opened = h
      .since(seq)
      .filter((c) => c.method === 'conversations.open')
      .map((c) => c.params.users);
    expect(new Set(opened)).toEqual(new Set(['U0ADMIN']));
  });
});
