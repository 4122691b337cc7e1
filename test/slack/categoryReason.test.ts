/**
 * Why a client moved category (`/client set acme category problem Paid late three times`) is kept with the move
 * whole, or refused whole: a reason over 500 characters is refused in the person's language, and nothing changes
 * (it used to be cut at 500 and kept as if the mover had written that).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { TEST_DRIVERS } from '../support/database.js';
import { speaking } from '../support/languages.js';
import { ALICE, BOB, TEAM, startHarness, textOf, type Harness } from '../support/slackHarness.js';

/** A reason of exactly `length` characters, in words as a person writes one. */
const reasonOf = (length: number) => 'Paid late again and disputed the invoice. '.repeat(20).slice(0, length).trimEnd().padEnd(length, '!');

describe.each(TEST_DRIVERS)('a category move’s reason on %s', (driver) => {
  let h: Harness;
  const reply = async (actor: typeof ALICE, text: string) => {
    const { reply } = await h.command(actor, '/client', text);
    expect(reply.params.response_type).toBe('ephemeral');
    return textOf(reply.params);
  };
  const moves = async (name: string) => {
    const client = await findClientByName(h.db, { teamId: TEAM, name });
    return h.db
      .select({ reason: schema.clientCategoryChanges.reason })
      .from(schema.clientCategoryChanges)
      .where(eq(schema.clientCategoryChanges.clientId, client.id));
  };

  beforeAll(async () => {
    h = await startHarness(driver);
    await h.command(ALICE, '/client', 'add Umbrella Corp regular');
    await h.command(ALICE, '/client', 'add Wayne Industries regular');
  });
  beforeEach(() => speaking(h));
  afterAll(() => h?.close());

  it('keeps a reason of 500 characters whole', async () => {
    const reason = reasonOf(500);
    expect(await reply(ALICE, `set wayne industries category problem ${reason}`)).toContain('*Wayne Industries*: category is now Problem');
    expect(await moves('Wayne Industries')).toEqual([{ reason }]);
  });

  it('refuses a reason of 501 characters, and the client stays where it was', async () => {
    const text = await reply(ALICE, `set umbrella corp category problem ${reasonOf(501)}`);
    expect(text).toContain('The reason for a category move can be at most 500 characters, so nothing was saved. Shorten it and send the command again.');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'Umbrella Corp' })).category).toBe('regular');
    expect(await moves('Umbrella Corp')).toEqual([]);
  });

  it('refuses it to a member proposing the move too: the owner is not asked', async () => {
    const [before] = await h.db.select({ n: count() }).from(schema.proposals);
    expect(await reply(BOB, `set umbrella corp category vip ${reasonOf(800)}`)).toContain('can be at most 500 characters, so nothing was saved');
    expect((await h.db.select({ n: count() }).from(schema.proposals))[0]).toEqual(before);
  });

  it.each([
    ['tr', 'Kategori değişikliğinin nedeni en fazla 500 karakter olabilir; hiçbir şey kaydedilmedi.'],
    ['fa', 'دلیل جابه‌جایی دسته حداکثر ۵۰۰ نویسه می‌تواند باشد، پس چیزی ذخیره نشد.'],
    ['fi', 'Luokan siirron syy saa olla enintään 500 merkkiä, joten mitään ei tallennettu.'],
  ] as const)('tells it in the person’s language (%s)', async (locale, refusal) => {
    await speaking(h, { U0ALICE: locale });
    expect(await reply(ALICE, `set umbrella corp category problem ${reasonOf(501)}`)).toContain(refusal);
    expect(await moves('Umbrella Corp')).toEqual([]);
  });
});
