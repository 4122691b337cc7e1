/**
 * Renewals ahead on a time line, checked on its data: only clients renewing from today to 90 days ahead (exited
 * ones off the books), soonest first, each at its day and sized by its monthly value, in its band's colour; the
 * alt text and the title say the money at stake in the reader's currency and digits; the PNG decodes at its size.
 */
import { describe, expect, it } from 'vitest';
import { renderChart } from '../../src/charts/render.js';
import { renewalsAhead, renewalsAlt, renewalsSpec, RENEWALS_AHEAD_DAYS } from '../../src/charts/renewals.js';
import type { Band, Health } from '../../src/domain/health.js';
import type { ClientProfile } from '../../src/domain/types.js';
import { readerIn } from '../../src/i18n/reader.js';

/** The workspace's date: Monday 23 November 2026. */
const TODAY = '2026-11-23';

function standing(name: string, renewsOn: string | null, monthlyValue: number | null, band: Band, status: ClientProfile['status'] = 'active') {
  const client: ClientProfile = {
    id: `id-${name}`,
    name,
    category: 'regular',
    relationship: 'long_term',
    status,
    ownerUserId: 'U0ALICE',
    monthlyValue,
    renewsOn,
    traitWeights: {},
    createdAt: new Date('2026-01-01T00:00:00Z'),
    exitedAt: null,
  };
  const health: Health = { score: band === 'healthy' ? 80 : band === 'watch' ? 55 : 30, band, known: true } as Health;
  return { client, health };
}

const PORTFOLIO = [
  standing('Globex', '2027-01-15', 3000, 'healthy'),
  standing('Acme Corp', '2026-12-10', 12000, 'watch'),
  standing('Umbrella', '2026-12-10', 25000, 'at_risk'),
  standing('Initech', '2027-02-21', null, 'at_risk'), // the 90th day: in
  standing('Late Co', '2027-02-22', 9000, 'at_risk'), // the 91st: not yet
  standing('Lapsed Co', '2026-11-22', 4000, 'watch'), // yesterday: past
  standing('Gone Co', '2026-12-01', 7000, 'watch', 'exited'),
  standing('Undated Co', null, 5000, 'healthy'),
];

type Spec = { data: { values: Record<string, unknown>[] }; layer: any[]; encoding: any; title: { text: string }; height: number; width: number };

describe('renewals ahead', () => {
  it('keeps the clients renewing from today to 90 days ahead, soonest first, the biggest first on one day', () => {
    const ahead = renewalsAhead(PORTFOLIO, TODAY);
    expect(ahead.map((r) => [r.name, r.renewsOn, r.inDays, r.monthlyValue])).toEqual([
      ['Umbrella', '2026-12-10', 17, 25000],
      ['Acme Corp', '2026-12-10', 17, 12000],
      ['Globex', '2027-01-15', 53, 3000],
      ['Initech', '2027-02-21', RENEWALS_AHEAD_DAYS, null],
    ]);
  });

  it('draws each at its day, sized by its monthly value, in its band’s colour, and says the money in words', () => {
    const reader = readerIn('en', { currency: 'EUR' });
    const ahead = renewalsAhead(PORTFOLIO, TODAY);
    const spec = renewalsSpec(ahead, TODAY, reader) as unknown as Spec;
    expect(spec.data.values).toEqual([
      { name: 'Umbrella', inDays: 17, value: 25000, valued: true, label: '€25,000', band: 'At risk' },
      { name: 'Acme Corp', inDays: 17, value: 12000, valued: true, label: '€12,000', band: 'Watch' },
      { name: 'Globex', inDays: 53, value: 3000, valued: true, label: '€3,000', band: 'Healthy' },
      { name: 'Initech', inDays: 90, value: 0, valued: false, label: 'no value recorded', band: 'At risk' },
    ]);
    const circles = spec.layer[0];
    expect(circles.mark.type).toBe('circle');
    expect(circles.encoding.size).toMatchObject({ field: 'value', scale: { domain: [0, 25000] } });
    expect(circles.encoding.x.scale.domain).toEqual([0, RENEWALS_AHEAD_DAYS]);
    expect(spec.title.text).toBe('Renewals in the next 90 days: €40,000 a month');
    expect(renewalsAlt(ahead, reader)).toBe(
      '4 clients renew in the next 90 days, worth €40,000 a month together: Umbrella on Thu, 10 Dec 2026, €25,000 a month, Acme Corp on Thu, 10 Dec 2026, €12,000 a month, Globex on Fri, 15 Jan 2027, €3,000 a month and Initech on Sun, 21 Feb 2027',
    );
  });

  it('is in Persian for a Persian reader: Solar Hijri dates, Persian digits, time running right to left', () => {
    const reader = readerIn('fa', { currency: 'IRR' });
    const spec = renewalsSpec(renewalsAhead(PORTFOLIO, TODAY), TODAY, reader) as unknown as Spec;
    expect(spec.layer[0].encoding.x.scale.reverse).toBe(true);
    expect(spec.encoding.y.axis.orient).toBe('right');
    expect(spec.layer[0].encoding.x.axis.labelExpr).toContain('آذر');
    expect(String(spec.data.values[0]!.label)).toMatch(/[۰-۹]/);
    expect(JSON.stringify(spec)).not.toMatch(/[\u200E\u200F\u2066-\u2069]/);
  });

  it('draws a PNG of twice its size', async () => {
    const spec = renewalsSpec(renewalsAhead(PORTFOLIO, TODAY), TODAY, readerIn('tr', { currency: 'TRY' }));
    const png = await renderChart(spec);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height } = spec as unknown as Spec;
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({ width: width * 2, height: height * 2 });
  }, 60_000);
});
