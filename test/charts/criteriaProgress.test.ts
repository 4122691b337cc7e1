/**
 * Progress towards firing criteria, checked on its data: which criteria a client is on its way to (some incidents
 * counted, fewer than the workspace's threshold, not met another way), the count against the threshold and the
 * window, in the reader's words and digits; and the PNG decodes at the promised size.
 */
import { describe, expect, it } from 'vitest';
import { CRITERIA_CHART_WIDTH, criteriaProgress, criteriaProgressAlt, criteriaProgressSpec } from '../../src/charts/criteriaProgress.js';
import { renderChart } from '../../src/charts/render.js';
import { resolveCatalogue, type IncidentDetails, type IncidentKind } from '../../src/domain/catalogue.js';
import type { Incident } from '../../src/domain/types.js';
import { readerIn } from '../../src/i18n/reader.js';

/** Monday 23 November 2026, 10:00 UTC. */
const NOW = new Date('2026-11-23T10:00:00Z');
const DAY = 86_400_000;

let n = 0;
function incident(kind: IncidentKind, daysAgo: number, details: Partial<IncidentDetails> = {}): Incident {
  const at = new Date(NOW.getTime() - daysAgo * DAY);
  return {
    id: `i${++n}`,
    clientId: 'c1',
    kind,
    occurredAt: at,
    loggedAt: at,
    loggedBy: 'U0ALICE',
    description: '',
    details: { kind, ...details } as IncidentDetails,
  };
}

const CATALOGUE = resolveCatalogue();

describe('criteria progress', () => {
  it('lists the criteria with some incidents counted and fewer than the threshold, with the window, in domain order', () => {
    const incidents = [
      incident('invoice_dispute', 20), // 1 of 2 in 180 days
      incident('unreasonable_demands', 100), // outside its 90 days: counts nothing
      incident('unreasonable_demands', 10), // 1 of 2 in 90 days
      incident('slow_payment', 5, { daysLate: 10 }), // 2 of 3 in 180 days
      incident('slow_payment', 50, { daysLate: 20 }),
      incident('changes_mind', 3), // 3 of 3: met, so not "on the way"
      incident('changes_mind', 4),
      incident('changes_mind', 5),
      incident('lying', 2), // met at 1: never "on the way"
    ];
    expect(criteriaProgress(CATALOGUE, { incidents, warnings: [] }, NOW)).toEqual([
      { kind: 'unreasonable_demands', count: 1, threshold: 2, windowDays: 90 },
      { kind: 'slow_payment', count: 2, threshold: 3, windowDays: 180 },
      { kind: 'invoice_dispute', count: 1, threshold: 2, windowDays: 180 },
    ]);
  });

  it('follows the workspace’s thresholds, and leaves out a criterion met another way (a payment 60+ days late)', () => {
    const strict = resolveCatalogue({ thresholds: { criteria: { invoice_dispute: { count: 4, windowDays: 30 } } } });
    const incidents = [
      incident('invoice_dispute', 10),
      incident('invoice_dispute', 20),
      incident('invoice_dispute', 40),
      incident('slow_payment', 5, { daysLate: 75 }),
    ];
    expect(criteriaProgress(strict, { incidents, warnings: [] }, NOW)).toEqual([{ kind: 'invoice_dispute', count: 2, threshold: 4, windowDays: 30 }]);
  });

  it('has one bar per criterion, count against threshold, and says the same in words', () => {
    const progress = criteriaProgress(CATALOGUE, { incidents: [incident('unreasonable_demands', 10), incident('invoice_dispute', 20)], warnings: [] }, NOW);
    const spec = criteriaProgressSpec('Acme Corp', progress, readerIn('en')) as unknown as { data: { values: unknown[] }; height: number };
    expect(spec.data.values).toEqual([
      { criterion: 'Unreasonable demands', count: 1, threshold: 2, words: '1 of 2 in 90 days' },
      { criterion: 'Constantly disputes invoices', count: 1, threshold: 2, words: '1 of 2 in 180 days' },
    ]);
    expect(criteriaProgressAlt('Acme Corp', progress, readerIn('en'))).toBe(
      'Progress of Acme Corp towards 2 firing criteria: Unreasonable demands: 1 of 2 in 90 days and Constantly disputes invoices: 1 of 2 in 180 days',
    );
  });

  it('is in Persian for a Persian reader: words, digits, bars growing from the right', () => {
    const progress = criteriaProgress(CATALOGUE, { incidents: [incident('unreasonable_demands', 10)], warnings: [] }, NOW);
    const spec = criteriaProgressSpec('آلفا', progress, readerIn('fa')) as unknown as { data: { values: { words: string }[] }; layer: any[]; encoding: any };
    expect(spec.data.values[0]!.words).toBe('۱ از ۲ در ۹۰ روز');
    expect(spec.layer[0].encoding.x.scale.reverse).toBe(true);
    expect(spec.encoding.y.axis.orient).toBe('right');
    expect(JSON.stringify(spec)).not.toMatch(/[\u200E\u200F\u2066-\u2069]/);
    expect(criteriaProgressAlt('آلفا', progress, readerIn('fa'))).toContain('۱ از ۲');
  });

  it('draws a PNG of twice its size', async () => {
    const progress = criteriaProgress(CATALOGUE, { incidents: [incident('unreasonable_demands', 10), incident('invoice_dispute', 20)], warnings: [] }, NOW);
    const spec = criteriaProgressSpec('Acme Corp', progress, readerIn('fi'));
    const png = await renderChart(spec);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) }).toEqual({
      width: CRITERIA_CHART_WIDTH * 2,
      height: (spec as { height: number }).height * 2,
    });
  }, 60_000);
});
