/** How staying in touch and disputes read (slack/blocks/cadence.ts): whole sentences in each reader's words. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { overdueForContact } from '../../src/domain/cadence.js';
import { disagreementsAmong } from '../../src/domain/disagreements.js';
import { formatDay } from '../../src/i18n/format.js';
import { ENGLISH, readerIn } from '../../src/i18n/reader.js';
import { cadenceSettingsLine, contactLines, disagreementDm, overdueLine } from '../../src/slack/blocks/cadence.js';
import { aClient, daysAgo, NOW, observed } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const day = (d: Date) => formatDay(d, ENGLISH);

describe('the digest’s overdue line', () => {
  it('says how long, against which cadence, and who was last in touch and how', () => {
    const vip = aClient({ category: 'vip' });
    const fromMessage = overdueForContact(cat, vip, daysAgo(20), NOW, 'UTC', { at: daysAgo(20), by: 'U0BOB', means: 'message' })!;
    expect(overdueLine(ENGLISH, fromMessage, day)).toBe(
      `🔕 No contact for 20 days, due every 14 days (last a Slack message logged by <@U0BOB> on ${day(daysAgo(20))})`,
    );
    const unknownWho = overdueForContact(cat, aClient(), daysAgo(33), NOW, 'UTC')!;
    expect(overdueLine(ENGLISH, unknownWho, day)).toBe(`🔕 No contact for 33 days, due every 30 days (last a call on ${day(daysAgo(33))})`);
    const never = overdueForContact(cat, aClient({ category: 'vip', createdAt: daysAgo(15) }), null, NOW, 'UTC')!;
    expect(overdueLine(ENGLISH, never, day)).toBe('🔕 No contact in the 15 days since the client was added, due every 14 days');
  });
});

describe('/client show’s lines and the DM, in other languages', () => {
  it('Turkish and Persian readers read the cadence and the dispute in their words and digits', () => {
    const line = { cadenceDays: 14, cadenceOwn: false, daysSilent: 3, daysOverdue: -11, lastContact: { at: daysAgo(3), by: 'U0BOB', means: 'call' as const } };
    const tr = contactLines(readerIn('tr'), cat, { category: 'vip' }, line).join('\n');
    expect(tr).toContain('İletişim sıklığı:* her 14 günde bir');
    expect(tr).toContain('Sonraki temas 11 gün içinde.');
    const fa = contactLines(readerIn('fa'), cat, { category: 'vip' }, line).join('\n');
    expect(fa).toContain('۱۴');
    expect(fa).not.toMatch(/[0-9]{2}/);
    const pair = disagreementsAmong(cat, [
      observed('excellent_communication', daysAgo(5), { loggedBy: 'U0ANA' }),
      observed('terrible_communication', daysAgo(2), { loggedBy: 'U0BOB' }),
    ]);
    expect(disagreementDm(readerIn('fi'), cat, { name: 'Acme' }, pair).text).toBe('Kaksi ihmistä näkee asiakkaan Acme eri tavoin: vertailkaa muistiinpanoja.');
  });

  it('the settings list every category’s cadence', () => {
    expect(cadenceSettingsLine(ENGLISH, cat)).toBe(
      'Stay in touch: Regular 30 d · VIP / critical 14 d · Problem (full prepayment only) 30 d · Employee (special prices) 60 d · snooze 14 d · opposite views within 14 d are named',
    );
  });
});
