/**
 * What an operator reads: JSON log lines in which every line logged while one request is worked (the app's,
 * Bolt's, the Web API client's) carries that request's id, and in which no token, signing secret or message
 * text ever appears, even at debug level.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { createLogger, errorText } from '../../src/log.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, SIGNING_SECRET, startHarness, textOf, type Harness } from '../support/slackHarness.js';

describe.each(TEST_DRIVERS)('log lines on %s', (driver) => {
  let h: Harness;
  const lines: string[] = [];
  const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    h = await startHarness(driver, undefined, createLogger({ level: 'debug', format: 'json', write: (line) => lines.push(line) }));
  });
  afterAll(() => h?.close());

  it("one request's lines, the Web API client's among them, share its id; no secret or message text is logged", async () => {
    await h.command(ALICE, '/client', 'add Lumbergh Holdings <@U0BOB|bob>');
    const secretNote = 'Confidential: they plan to move to a competitor in March';
    // A red flag logged by someone other than the owner: its work also DMs the owner through the Web API.
    const { reply } = await h.command(ALICE, '/incident', `lumbergh holdings lie ${secretNote}`, 'log-trigger-1');
    expect(textOf(reply.params)).toContain('Lumbergh Holdings');
    await h.api.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === `D${BOB.userId.slice(1)}`);
    await h.idle();

    const mine = parsed().filter((l) => l.request === 'cmd:log-trigger-1');
    if (process.env.SHOW_LOG) console.log(mine.map((l) => JSON.stringify(l)).join('\n'));
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.some((l) => String(l.msg).startsWith('bolt:'))).toBe(true); // the Web API client's own lines carry it
    expect(mine.every((l) => l.level && l.time && l.pid)).toBe(true);
    // Another request's lines carry its own id, never this one's.
    expect(parsed().some((l) => typeof l.request === 'string' && l.request !== 'cmd:log-trigger-1')).toBe(true);

    const everything = lines.join('\n');
    expect(everything).not.toContain(SIGNING_SECRET);
    expect(everything).not.toContain('xoxb-test-token');
    expect(everything).not.toContain('plan to move to a competitor');
    expect(everything).not.toContain('Lumbergh Holdings');
  });

  it('a context field that names a secret is redacted, whatever the call site passed', () => {
    const out: string[] = [];
    const logger = createLogger({ level: 'info', format: 'json', write: (line) => out.push(line) });
    logger.info('posting', { token: 'xoxb-should-not-appear', nested: { signingSecret: 'nor-this', text: 'nor this text' }, team: 'T1' });
    expect(out.join('\n')).not.toMatch(/xoxb-should-not-appear|nor-this|nor this text/);
    expect(JSON.parse(out[0]!)).toMatchObject({ msg: 'posting', team: 'T1', token: '[redacted]' });
  });

  it('a failed query is logged with its SQL and what Postgres said, never its parameters', () => {
    const failed = new DrizzleQueryError(
      'insert into calls (notes) values ($1)',
      ['Confidential: churning in March'],
      new Error('unsupported Unicode escape sequence'),
    );
    expect(errorText(failed)).toBe('Error: Failed query: insert into calls (notes) values ($1); cause: Error: unsupported Unicode escape sequence');
    const out: string[] = [];
    createLogger({ level: 'info', format: 'json', write: (line) => out.push(line) }).error('as passed', { error: String(failed), stack: failed.stack });
    expect(out.join('\n')).not.toContain('Confidential');
    expect(out.join('\n')).toContain('Failed query: insert into calls');
  });
});
