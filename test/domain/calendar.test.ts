/** An entry dated by hand is stored at noon of that day in the workspace's zone: that day there, from UTC−12 to UTC+14. */
import { describe, expect, it } from 'vitest';
import { entryInstant, localDate, noonIn } from '../../src/domain/calendar.js';

describe('noon of a calendar day in a zone', () => {
  it.each([
    ['Etc/GMT+12', '2026-11-21T00:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-20T20:00:00.000Z'],
    ['UTC', '2026-11-20T12:00:00.000Z'],
    ['Asia/Tehran', '2026-11-20T08:30:00.000Z'],
    ['Pacific/Auckland', '2026-11-19T23:00:00.000Z'],
    ['Pacific/Kiritimati', '2026-11-19T22:00:00.000Z'],
  ])('in %s it is %s, and that day there', (timeZone, instant) => {
    expect(noonIn('2026-11-20', timeZone).toISOString()).toBe(instant);
    expect(localDate(noonIn('2026-11-20', timeZone), timeZone)).toBe('2026-11-20');
  });

  it('is noon on the days the clocks change', () => {
    // Auckland moves to summer time on 27 September 2026, Los Angeles back to winter time on 1 November 2026.
    expect(noonIn('2026-09-27', 'Pacific/Auckland').toISOString()).toBe('2026-09-26T23:00:00.000Z');
    expect(noonIn('2026-11-01', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T20:00:00.000Z');
  });

  it('dates an entry logged for today at the moment it was logged', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(entryInstant('2026-11-23', '2026-11-23', now, 'Pacific/Auckland')).toBe(now);
  });
});
