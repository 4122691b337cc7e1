/**
 * A client's pictures end to end through the signed receiver: History shows the health chart above the timeline
 * (one private answer, its image block referring to an uploaded file); `/client show` adds progress towards a
 * firing criterion the client is close to; `/client renewals` answers with the list in the reader's currency and
 * a time line; the files are kept in the database, so another instance (or a restart) shows the same file
 * without drawing it again; `/client delete` deletes the client's files in Slack.
 */
import { WebClient } from '@slack/web-api';
import { and, eq } from 'drizzle-orm';
import type { TopLevelSpec } from 'vega-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClientByName } from '../../src/db/queries/clients.js';
import { chartFiles } from '../../src/db/schema/index.js';
import { inWorkspace } from '../../src/db/workspaceScope.js';
import { uploadedChart } from '../../src/slack/chartFiles.js';
import type { SlackApiCall } from '../../src/local/slackWebApi.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ADMIN, ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

type Image = { type: 'image'; slack_file: { id: string }; alt_text: string };
const imagesOf = (call: SlackApiCall) => (call.params.blocks as { type: string }[]).filter((b): b is Image => b.type === 'image');

describe.each(TEST_DRIVERS)('a client’s pictures, on %s', (driver) => {
  let h: Harness;
  const say = async (actor: typeof ALICE, command: string, text: string) => textOf((await h.command(actor, command, text)).reply.params);
  const id = async (name: string) => (await findClientByName(h.db, { teamId: TEAM, name })).id;
  /** Chart files kept for a client. */
  const keptFor = async (clientId: string) =>
    (
      await h.db
        .select({ fileId: chartFiles.fileId })
        .from(chartFiles)
        .where(and(eq(chartFiles.teamId, TEAM), eq(chartFiles.clientId, clientId)))
    ).map((r) => r.fileId);

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ADMIN, '/rapport', 'settings currency EUR');
    await say(ALICE, '/client', 'add Northwind Traders vip long-term 12000');
    await say(ALICE, '/client', 'add Globex 3000');
    await say(ALICE, '/client', 'add Far Away Co 9000');
    await say(ALICE, '/call', 'northwind traders +communication +attitude Weekly sync');
    // One unreasonable demand: 1 of the 2 in 90 days that meet criterion 4.
    await say(ALICE, '/incident', 'northwind traders demands wants weekend support for free');
    await say(ALICE, '/client', 'set northwind traders renews 2026-12-10');
    await say(ALICE, '/client', 'set globex renews 2027-01-15');
    await say(ALICE, '/client', 'set far away co renews 2027-06-01');
  }, 120_000);
  afterAll(() => h?.close());

  it('History shows the health chart above the timeline, in one private answer referring to an uploaded file', async () => {
    const seq = h.api.lastSeq;
    await h.send.blockAction(BOB, { action_id: 'digest_history', value: await id('northwind traders') });
    const answer = await h.api.waitFor((c) => c.seq > seq && c.method === 'response_url', 30_000);
    await h.idle();
    expect(answer.params.response_type).toBe('ephemeral');
    const [first, ...rest] = answer.params.blocks as { type: string }[];
    expect(first!.type).toBe('image');
    const image = first as Image;
    expect(image.alt_text).toMatch(/^Health of Northwind Traders over 12 weeks: .*1 incident, no decisions$/);
    expect(h.api.files.get(image.slack_file.id)?.completed).toBe(true);
    expect(textOf({ blocks: rest })).toContain('History of Northwind Traders');
  }, 60_000);

  it('History still answers with the timeline when the picture cannot be uploaded (an install without files:write)', async () => {
    await say(ALICE, '/client', 'add Scopeless Co');
    await say(ALICE, '/call', 'scopeless co +communication Kick-off');
    h.api.failNext('files.getUploadURLExternal', 'missing_scope');
    const seq = h.api.lastSeq;
    await h.send.blockAction(BOB, { action_id: 'digest_history', value: await id('scopeless co') });
    const answer = await h.api.waitFor((c) => c.seq > seq && c.method === 'response_url', 30_000);
    await h.idle();
    expect(
      h
        .since(seq)
        .filter((c) => c.method === 'files.getUploadURLExternal')
        .map((c) => c.response?.error),
    ).toEqual(['missing_scope']);
    expect((answer.params.blocks as { type: string }[]).map((b) => b.type)).not.toContain('image');
    expect(textOf(answer.params)).toContain('History of Scopeless Co');
    expect(h.since(seq).filter((c) => c.method === 'response_url')).toHaveLength(1);
  }, 60_000);

  it('/client show adds how close the client is to a firing criterion, in a picture and in words', async () => {
    const { reply } = await h.command(BOB, '/client', 'show northwind traders');
    const picture = h.since(reply.seq).find((c) => c.method === 'response_url' && c.responseUrlId === reply.responseUrlId)!;
    const [health, criteria] = imagesOf(picture);
    expect(health!.alt_text).toContain('Health of Northwind Traders');
    expect(criteria!.alt_text).toBe('Progress of Northwind Traders towards a firing criterion: Unreasonable demands: 1 of 2 in 90 days');
    expect(textOf(picture.params)).toContain('1 of 2 in 90 days');
    expect(await keptFor(await id('northwind traders'))).toEqual(expect.arrayContaining([health!.slack_file.id, criteria!.slack_file.id]));
  }, 60_000);

  it('a picture kept in the database is shown by another instance (or after a restart) without drawing it again', async () => {
    await say(ALICE, '/client', 'add Initech');
    const { reply } = await h.command(ALICE, '/client', 'show initech');
    const [shown] = imagesOf(h.since(reply.seq).find((c) => c.method === 'response_url' && c.responseUrlId === reply.responseUrlId)!);
    expect(await keptFor(await id('initech'))).toEqual([shown!.slack_file.id]);
    // A new instance remembers nothing of its own: the database has it.
    const seq = h.api.lastSeq;
    const web = new WebClient('xoxb-test-token', { slackApiUrl: h.api.apiUrl });
    const spec: TopLevelSpec = { data: { values: [{ x: 1 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' } } };
    const to = { web, teamId: TEAM, instance: {}, db: h.database.db };
    const picture = { title: 't', alt: 'a', filename: 'p.png' };
    const first = await inWorkspace(TEAM, () => uploadedChart(to, spec, picture));
    const again = await inWorkspace(TEAM, () => uploadedChart({ ...to, instance: {} }, spec, picture));
    expect(again).toBe(first);
    expect(h.since(seq).filter((c) => c.method === 'files.getUploadURLExternal')).toHaveLength(1);
  }, 60_000);

  it('a kept picture Slack no longer has (deleted there, or a stand-in restarted) is drawn and uploaded again', async () => {
    await say(ALICE, '/client', 'add Phoenix Co');
    const shown = async () => {
      const { reply } = await h.command(ALICE, '/client', 'show phoenix co');
      return imagesOf(h.since(reply.seq).find((c) => c.method === 'response_url' && c.responseUrlId === reply.responseUrlId && c.response?.ok)!)[0]!;
    };
    const first = await shown();
    h.api.files.delete(first.slack_file.id);
    const again = await shown();
    expect(again.slack_file.id).not.toBe(first.slack_file.id);
    expect(h.api.files.get(again.slack_file.id)?.completed).toBe(true);
    expect(await keptFor(await id('phoenix co'))).toEqual([again.slack_file.id]);
  }, 60_000);

  it('/client renewals lists the next 90 days in the reader’s currency, then shows them on a time line', async () => {
    const { reply } = await h.command(ALICE, '/client', 'renewals');
    const text = textOf(reply.params);
    expect(text).toContain('*Renewals in the next 90 days* · 2 clients, €15,000 a month at stake');
    expect(text).toMatch(/Thu, 10 Dec 2026 · \*Northwind Traders\* · €12,000 a month/);
    expect(text).toMatch(/Fri, 15 Jan 2027 · \*Globex\* · €3,000 a month/);
    expect(text).not.toContain('Far Away Co');
    const picture = h.since(reply.seq).find((c) => c.method === 'response_url' && c.responseUrlId === reply.responseUrlId)!;
    const [timeLine] = imagesOf(picture);
    expect(timeLine!.alt_text).toBe(
      '2 clients renew in the next 90 days, worth €15,000 a month together: Northwind Traders on Thu, 10 Dec 2026, €12,000 a month and Globex on Fri, 15 Jan 2027, €3,000 a month',
    );
    expect(h.api.files.get(timeLine!.slack_file.id)?.completed).toBe(true);
    // The time line names both: it goes when either is erased.
    expect(await keptFor(await id('globex'))).toContain(timeLine!.slack_file.id);
  }, 60_000);

  it('/client delete deletes every picture showing the client in Slack, and forgets them', async () => {
    await say(ALICE, '/client', 'add Doomed Co 5000');
    await say(ALICE, '/client', 'set doomed co renews 2026-12-20');
    await say(ALICE, '/incident', 'doomed co dispute invoice=INV-4');
    const doomed = await id('doomed co');
    await say(BOB, '/client', 'show doomed co');
    await say(BOB, '/client', 'renewals');
    const { reply: other } = await h.command(BOB, '/client', 'show globex');
    const [globexHealth] = imagesOf(h.since(other.seq).find((c) => c.method === 'response_url' && c.responseUrlId === other.responseUrlId)!);
    const files = await keptFor(doomed);
    expect(files).toHaveLength(3); // its health, its criteria progress, the renewals time line naming it
    const { reply } = await h.command(ALICE, '/client', 'delete doomed co');
    const seq = h.api.lastSeq;
    await h.send.viewSubmission(ALICE, { ...reply.params.view, id: 'V0ERASECHARTS' }, {});
    await h.api.waitFor((c) => c.seq > seq && textOf(c.params).includes('Deleted *Doomed Co*'), 30_000);
    await h.idle();
    const deleted = h
      .since(seq)
      .filter((c) => c.method === 'files.delete' && c.response?.ok)
      .map((c) => c.params.file);
    expect(deleted.sort()).toEqual([...files].sort());
    for (const file of files) expect(h.api.files.has(file)).toBe(false);
    // The time line also showed Globex: forgotten for it too. Globex's own picture stays.
    const globex = await keptFor(await id('globex'));
    expect(globex).toContain(globexHealth!.slack_file.id);
    for (const file of files) expect(globex).not.toContain(file);
    expect(h.api.files.has(globexHealth!.slack_file.id)).toBe(true);
  }, 60_000);
});
