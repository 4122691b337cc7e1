/**
 * Client names in any script work as typed, through the real receiver: registered once, then found by every
 * command in every case and Unicode form people type them in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import * as schema from '../../src/db/schema/index.js';
import { findClientByName } from '../../src/db/queries/clients.js';
import { nameKey } from '../../src/domain/names.js';
import { TEST_DRIVERS } from '../support/database.js';
import { ALICE, BOB, TEAM, buttonsOf, startHarness, textOf, type Harness } from '../support/slackHarness.js';

/** Each name as registered, then the spellings people type for it. */
const NAMES: [string, string, string[]][] = [
  ['Turkish, dotted capital', 'İstanbul Ltd', ['İstanbul Ltd', 'istanbul ltd', 'ISTANBUL LTD', 'ıstanbul ltd']],
  ['Turkish, dotless', 'Işık Holding', ['Işık Holding', 'ışık holding', 'IŞIK HOLDING']],
  ['Finnish, decomposed', 'Oy Sa\u0308hko\u0308 Ab', ['Oy Sähkö Ab', 'oy sa\u0308hko\u0308 ab', 'OY SÄHKÖ AB']],
  ['French, decomposed', 'Cafe\u0301 Noir', ['Café Noir', 'cafe\u0301 noir', 'CAFÉ NOIR']],
  ['German ß', 'Straße GmbH', ['Straße GmbH', 'STRASSE GMBH', 'strasse gmbh']],
  ['Persian with ZWNJ', 'شرکت\u200Cهای نوین', ['شرکت\u200Cهای نوین', 'شركت\u200Cهاي نوين']],
  ['emoji', '🚀 Rocket Labs', ['🚀 Rocket Labs', '🚀 rocket labs', '🚀 ROCKET LABS']],
];

describe.each(TEST_DRIVERS)('client names in any language on %s', (driver) => {
  let h: Harness;
  const clients = async () => (await h.db.select({ n: count() }).from(schema.clients))[0]!.n;
  const say = async (command: string, text: string, actor = ALICE) => {
    const { reply } = await h.command(actor, command, text);
    return reply.params;
  };

  beforeAll(async () => {
    h = await startHarness(driver);
    await say('/client', 'add Acme Corp vip long-term');
    for (const [, name] of NAMES) expect(textOf(await say('/client', `add "${name}" regular long-term`))).toContain('added');
  });
  afterAll(() => h?.close());

  it.each(NAMES)('%s: stored as typed in NFC, found by /call, /incident, /client show and set in every spelling', async (_what, registered, spellings) => {
    const shown = registered.normalize('NFC');
    for (const typed of spellings) {
      expect(textOf(await say('/call', `${typed} +comms Weekly sync`)), typed).toContain(`Call with *${shown}*`);
      expect(textOf(await say('/incident', `${typed} late 12 invoice=INV-1`)), typed).toContain(`Incident for *${shown}*`);
      expect(textOf(await say('/client', `show ${typed}`)), typed).toContain(shown);
      expect(textOf(await say('/client', `set ${typed} value 1200`)), typed).toContain(`*${shown}*: value is now 1,200/month`);
    }
  });

  it('refuses a second client with the same name in another spelling, and asks before adding a look-alike', async () => {
    const before = await clients();
    expect(textOf(await say('/client', 'add ıstanbul ltd'))).toContain('There is already a client called “İstanbul Ltd”');
    expect(textOf(await say('/client', 'add cafe\u0301 noir'))).toContain('There is already a client called “Café Noir”');
    expect(textOf(await say('/client', 'add STRASSE GMBH'))).toContain('already a client called “Straße GmbH”');
    // Accents gone: probably the same client, but it may not be. Nothing is stored until confirmed.
    const alike = await say('/client', 'add Cafe Noir');
    expect(textOf(alike)).toContain('looks very much like the existing client “Café Noir”');
    expect(await clients()).toBe(before);
    const confirm = buttonsOf(alike).client_confirm_look_alike;
    expect(confirm).toBeDefined();
    const seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, { action_id: 'client_confirm_look_alike', value: confirm });
    const done = await h.api.next('response_url', seq);
    expect(done.params.replace_original).toBe(true);
    expect(textOf(done.params)).toContain('*Cafe Noir* added');
    expect(await clients()).toBe(before + 1);
  });

  it('asks before adding a name spelled with look-alike letters of another script, and stores it only once confirmed', async () => {
    await say('/client', 'add Globex');
    const before = await clients();
    const cyrillic = 'Gl\u043Ebex'; // Cyrillic о (U+043E)
    const alike = await say('/client', `add ${cyrillic}`);
    expect(textOf(alike)).toContain(`“${cyrillic}” looks very much like the existing client “Globex”`);
    expect(await clients()).toBe(before);
    for (const spoof of ['\u050Clobex', 'Gl0bex']) {
      expect(textOf(await say('/client', `add ${spoof}`)), spoof).toContain('looks very much like the existing client “Globex”');
    }
    // Full-width letters are the same name outright: refused, not asked about.
    expect(textOf(await say('/client', 'add \uFF27lobex'))).toContain('There is already a client called “Globex”');
    expect(await clients()).toBe(before);
    const seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, { action_id: 'client_confirm_look_alike', value: buttonsOf(alike).client_confirm_look_alike });
    expect(textOf((await h.api.next('response_url', seq)).params)).toContain(`*${cyrillic}* added`);
    expect(await clients()).toBe(before + 1);
    const stored = await h.db
      .select({ name: schema.clients.name })
      .from(schema.clients)
      .where(and(eq(schema.clients.teamId, TEAM), eq(schema.clients.nameKey, nameKey(cyrillic))));
    expect(stored.map((c) => c.name)).toEqual([cyrillic]);
  });

  it('adds a name written wholly in another script without asking, and takes its Arabic-keyboard spelling for the same client', async () => {
    for (const name of ['شرکت پارس', 'Αθηνά', 'Москва']) {
      expect(textOf(await say('/client', `add ${name}`)), name).toContain(`*${name}* added`);
    }
    expect(textOf(await say('/client', 'add شركت پارس'))).toContain('There is already a client called “شرکت پارس”');
    expect(textOf(await say('/call', 'شركت پارس +comms Weekly sync'))).toContain('Call with *شرکت پارس*');
  });

  it('renaming follows the same rules: the same name in another spelling is refused, a look-alike asked about first', async () => {
    await say('/client', 'add Rename Me Co');
    await say('/client', 'add Zoë Partners');
    expect(textOf(await say('/client', 'set rename me co name ZOË partners'))).toContain('There is already a client called “Zoë Partners”');
    const alike = await say('/client', 'set rename me co name Zoe Partners');
    expect(textOf(alike)).toContain('looks very much like the existing client “Zoë Partners”');
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'rename me co' })).name).toBe('Rename Me Co');
    const seq = h.api.lastSeq;
    await h.send.blockAction(ALICE, { action_id: 'client_confirm_look_alike', value: buttonsOf(alike).client_confirm_look_alike });
    await h.api.next('response_url', seq);
    expect((await findClientByName(h.db, { teamId: TEAM, name: 'zoe partners' })).name).toBe('Zoe Partners');
  });

  it('a unique first word is enough; an ambiguous one asks which, a typo gets suggestions, never a silent pick', async () => {
    expect(textOf(await say('/call', 'acme +comms'))).toContain('Call with *Acme Corp*');
    expect(textOf(await say('/call', 'rocket +comms'))).toContain('No client called “rocket”');
    expect(textOf(await say('/incident', 'acme lie Said the export was sent'))).toContain('Incident for *Acme Corp*');
    await say('/client', 'add Acme Labs');
    const calls = async () => (await h.db.select({ n: count() }).from(schema.calls))[0]!.n;
    const before = await calls();
    expect(textOf(await say('/call', 'acme +comms'))).toContain(
      '“acme” could be more than one client: “Acme Corp” or “Acme Labs”. Nothing was done: type more of the name.',
    );
    expect(await calls()).toBe(before);
    expect(textOf(await say('/client', 'show istnbul ltd'))).toContain('Did you mean “İstanbul Ltd”?');
  });

  it('registers the person adding a client as its owner unless someone else is named', async () => {
    expect(textOf(await say('/client', 'add Owned By Bob', BOB))).toContain('owner <@U0BOB> (you;');
    expect(textOf(await say('/client', 'add Owned By Alice <@U0ALICE|alice>', BOB))).toContain('owner <@U0ALICE>.');
  });
});
