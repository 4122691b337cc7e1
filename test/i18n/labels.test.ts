/** The domain's words in each language: default traits and criteria translated, a workspace's own trait as its admins wrote it. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue } from '../../src/domain/catalogue.js';
import { categoryLabel, criterionLabel, healthLabel, incidentLabel, traitLabel } from '../../src/i18n/labels.js';
import { readerIn } from '../../src/i18n/reader.js';

describe('labels', () => {
  it('are in the reader’s language, from the seeds’ vocabulary', () => {
    expect(traitLabel(readerIn('tr'), DEFAULT_CATALOGUE, 'excellent_communication')).toBe('👍 Mükemmel iletişim');
    expect(traitLabel(readerIn('fi'), DEFAULT_CATALOGUE, 'no_data_sharing')).toBe('👎 Ei jaa tietoja eikä raportoi');
    expect(criterionLabel(readerIn('fa'), 'lying')).toContain('دروغ');
    expect(incidentLabel(readerIn('en'), 'lying')).toBe('🚩 Lying');
    expect(categoryLabel(readerIn('tr'), 'problem')).toBe('Sorunlu (yalnızca tam ön ödemeyle)');
  });

  it('a health score in Persian digits beside its band, in order', () => {
    const text = healthLabel(readerIn('fa'), { known: true, score: 64, band: 'watch' } as never);
    expect(text).toContain('۶۴');
    expect(text).toContain('زیر نظر');
    expect(text.indexOf('۶۴')).toBeLessThan(text.indexOf('زیر نظر'));
  });

  it('a trait a workspace added keeps its own label in every language', () => {
    const catalogue = resolveCatalogue({
      extraTraits: [{ key: 'punctual', dimension: 'time', polarity: 'good', label: 'Dakik', aliases: ['dakik'] }],
    } as never);
    expect(traitLabel(readerIn('fi'), catalogue, 'punctual')).toBe('👍 Dakik');
  });
});

describe('dates as each reader writes them', () => {
  const day = new Date('2026-12-02T12:00:00Z');
  it('Persian: weekday, day, month, year in the Solar Hijri calendar and Persian digits; Gregorian on request', async () => {
    const { formatDay, formatShortDay } = await import('../../src/i18n/format.js');
    expect(formatDay(day, readerIn('fa'))).toBe('چهارشنبه ۱۱ آذر ۱۴۰۵');
    expect(formatDay(day, readerIn('fa', { calendar: 'gregory' }))).toBe('چهارشنبه ۲ دسامبر ۲۰۲۶');
    expect(formatShortDay(day, readerIn('fa'), new Date('2027-06-01T00:00:00Z'))).toBe('۱۱ آذر ۱۴۰۵');
    expect(formatDay(day, readerIn('en'))).toBe('Wed, 2 Dec 2026');
    expect(formatDay(day, readerIn('tr'))).toBe('2 Ara 2026 Çar');
  });
});
