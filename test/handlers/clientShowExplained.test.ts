/**
 * `/client show` explains the score (issue 29): its parts add up to it, what moved it since last week adds up to
 * the week's change, a client below the healthy line gets the way back, and following that way does bring it back;
 * a healthy client meeting a firing criterion never reads as plain green. In English and in Turkish.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as schema from '../../src/db/schema/index.js';
import { TEST_DRIVERS } from '../support/database.js';
import { startHandlerBench, type HandlerBench } from '../support/handlerBench.js';
import { ALICE, TEAM, textOf } from '../support/slackHarness.js';

/** "+12" or "−7" as shown (a true minus sign) into a number. */
const signed = (s: string) => Number(s.replace('−', '-').replace('+', '').replace('±', ''));

describe.each(TEST_DRIVERS)('/client show explains the score (handler) on %s', (driver) => {
  let bench: HandlerBench;
  beforeAll(async () => {
    bench = await startHandlerBench(driver);
  });
  afterAll(() => bench?.close());
  beforeEach(async () => {
    await bench.db.delete(schema.personSettings);
  });

  /** The text of what a command's work answered on its response URL. */
  const reply = async (command: string, text: string) => {
    const [answer] = (await bench.run(`command ${command}`, ALICE, { text })).filter((c) => c.method === 'response_url');
    return textOf(answer!.params);
  };
  const show = (name: string) => reply('/client', `show ${name}`);

  it('shows the parts adding up to the score, the week’s moves adding up to its change, and the way back to healthy', async () => {
    await reply('/client', 'add Initech <@U0BOB|bob>');
    await reply('/call', 'initech 2026-10-20 +communication +reporting +attitude');
    await reply('/call', 'initech 2026-11-10 -reporting -communication');
    await reply('/call', 'initech 2026-11-20 -reporting +communication');
    const text = await show('initech');

    // Where the score comes from: 50, and each area's part, adding up to the score shown.
    const score = Number(/\*Where (\d+) comes from\*: every client starts at 50/.exec(text)?.[1]);
    expect(score).toBeLessThan(70);
    const parts = [
      ...text.matchAll(
        /^• (Communication|Information sharing|Attitude) \*([+−]\d+)\*: good (?:never|once|twice|\d+ times), bad (?:never|once|twice|\d+ times)$/gm,
      ),
    ];
    expect(parts.map((p) => p[1]).sort()).toEqual(['Attitude', 'Communication', 'Information sharing']);
    expect(50 + parts.reduce((s, p) => s + signed(p[2]!), 0)).toBe(score);
    expect(text).toMatch(/• Information sharing \*−\d+\*: good once, bad twice/);

    // Since last week: time passing, and the call of the week, adding up to the change.
    const week = /\*Since last week\*: (\d+) → (\d+) \(([+−±]\d+)\)/.exec(text)!;
    expect(Number(week[2])).toBe(score);
    const moves = [
      ...text.matchAll(
        /^• ([+−±]\d+): (older (?:good|bad) notes count less each week|call on Fri, 20 Nov 2026 \(<@U0ALICE>\): 👎 No data sharing or reporting · 👍 Excellent communication)$/gm,
      ),
    ];
    expect(moves.map((m) => m[2]!.slice(0, 4))).toContain('call');
    expect(moves.reduce((s, m) => s + signed(m[1]!), 0)).toBe(signed(week[3]!));

    // The way back, in a sentence.
    expect(text).toContain('*Back to healthy*');
    expect(text).toMatch(/noting _Shares information_(?: and _[^_]+_)?.* would bring it back to healthy \(\d+\)/);
  });

  it('following the suggestion does bring the client back to healthy', async () => {
    await reply('/client', 'add Hooli <@U0BOB|bob>');
    await reply('/call', 'hooli 2026-11-19 +communication');
    const before = await show('hooli');
    expect(before).toContain('🟡 watch');
    expect(before).toContain('*Since last week*: from the neutral 50 (nothing noted before) to 66 (+16)');
    expect(before).toContain('One call noting _Excellent communication_ would bring it back to healthy (74).');
    await reply('/call', 'hooli +communication');
    const after = await show('hooli');
    expect(after).toMatch(/\*7\d\* 🟢 healthy/);
    expect(after).not.toContain('*Back to healthy*');
  });

  it('a healthy client who lied this week reads healthy with the criterion beside it, everywhere its health is shown', async () => {
    await reply('/client', 'add Globex <@U0ALICE|alice>');
    await reply('/call', 'globex 2026-11-18 +communication +attitude +reporting');
    const incident = await reply('/incident', 'globex lying Said the data was sent');
    expect(incident).toMatch(/Health now: \*\d+\* 🟢 healthy · 🚩 meets a firing criterion: Lying/);
    const text = await show('globex');
    expect(text).toMatch(/\*\d+\* 🟢 healthy · 🚩 meets a firing criterion: Lying/);
    expect(text).toContain('🚩 Lying on Mon, 23 Nov 2026: not part of the score; incidents are weighed against the firing criteria instead');
    expect(await reply('/client', 'list mine')).toMatch(/🟢 \*Globex\* \d+ · .* · 🚩 meets a firing criterion: Lying/);
    const call = await reply('/call', 'globex +opinions');
    expect(call).toMatch(/Health now: \*\d+\* 🟢 healthy · 🚩 meets a firing criterion: Lying/);
  });

  it('a call with more bad notes than good that still raised health says why', async () => {
    await reply('/client', 'add Umbrella <@U0BOB|bob>');
    await reply('/call', 'umbrella 2026-11-21 -reporting -communication -attitude -etiquette');
    const text = await reply('/call', 'umbrella +communication -reporting -planning');
    expect(text).toMatch(/\+\d+ from this call/);
    expect(text).toContain('Why up, with more bad notes than good?');
    expect(text).toContain('this call’s 1 good note in 3 still beat the record so far');
  });

  it('in Turkish: the parts, the week and the way back in the reader’s words', async () => {
    await bench.db.insert(schema.personSettings).values({ teamId: TEAM, userId: ALICE.userId, language: 'tr' });
    await reply('/client', 'add Soylent <@U0BOB|bob>');
    await reply('/call', 'soylent 2026-11-02 +communication');
    await reply('/call', 'soylent 2026-11-20 -reporting');
    const text = await show('soylent');
    const score = Number(/\*(\d+) puan nereden geliyor\*: her müşteri 50 puanla başlar/.exec(text)?.[1]);
    expect(score).toBeLessThan(70);
    const parts = [...text.matchAll(/^• [^*\n]+ \*([+−]\d+)\*: olumlu (?:hiç|bir kez|\d+ kez), olumsuz (?:hiç|bir kez|\d+ kez)$/gm)];
    expect(parts).toHaveLength(2);
    expect(50 + parts.reduce((s, p) => s + signed(p[1]!), 0)).toBe(score);
    expect(text).toMatch(/\*Geçen haftadan beri\*: \d+ → \d+ \([+−]\d+\)/);
    expect(text).toContain('*Yeniden sağlıklıya dönüş*');
    expect(text).toMatch(/onu (?:[^\n]+ tarihine kadar )?yeniden sağlıklı yapar/);
    expect(text).not.toMatch(/comes from|Since last week|Back to healthy/);
  });
});
