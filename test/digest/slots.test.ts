import { describe, expect, it } from 'vitest';
import { latestSlot, localTimeToInstant, nextSlot } from '../../src/digest/slots.js';

const monday9 = (timeZone: string) => ({ day: 1, time: '09:00', timeZone });

describe('digest slots: the workspace’s own day, time and zone, across DST', () => {
  it('New York posts at its own 09:00 before and after the November change (EDT → EST)', () => {
    // US clocks went back on Sunday 2026-11-01.
    expect(latestSlot(monday9('America/New_York'), new Date('2026-10-26T13:00:00Z'))).toEqual({ week: '2026-10-26', at: new Date('2026-10-26T13:00:00Z') });
    expect(latestSlot(monday9('America/New_York'), new Date('2026-10-26T12:59:00Z')).week).toBe('2026-10-19');
    expect(latestSlot(monday9('America/New_York'), new Date('2026-11-02T13:59:00Z')).week).toBe('2026-10-26');
    expect(latestSlot(monday9('America/New_York'), new Date('2026-11-02T14:00:00Z'))).toEqual({ week: '2026-11-02', at: new Date('2026-11-02T14:00:00Z') });
  });

  it('Istanbul (no DST, UTC+3) posts at 06:00 UTC in both weeks', () => {
    expect(latestSlot(monday9('Europe/Istanbul'), new Date('2026-10-26T06:00:00Z')).at).toEqual(new Date('2026-10-26T06:00:00Z'));
    expect(latestSlot(monday9('Europe/Istanbul'), new Date('2026-11-02T05:59:00Z')).week).toBe('2026-10-26');
    expect(latestSlot(monday9('Europe/Istanbul'), new Date('2026-11-02T06:00:00Z')).at).toEqual(new Date('2026-11-02T06:00:00Z'));
  });

  it('the week key is the local date, even when UTC is already on another day', () => {
    // Saturday 23:30 in Los Angeles is Sunday 07:30 UTC.
    const slot = latestSlot({ day: 6, time: '23:30', timeZone: 'America/Los_Angeles' }, new Date('2026-11-08T08:00:00Z'));
    expect(slot).toEqual({ week: '2026-11-07', at: new Date('2026-11-08T07:30:00Z') });
  });

  it('a time skipped by spring-forward happens when the clocks allow, a repeated one at its first occurrence', () => {
    expect(localTimeToInstant(2027, 3, 14, 2, 30, 'America/New_York')).toEqual(new Date('2027-03-14T07:30:00Z')); // 03:30 EDT
    expect(localTimeToInstant(2026, 11, 1, 1, 30, 'America/New_York')).toEqual(new Date('2026-11-01T05:30:00Z')); // 01:30 EDT
  });

  it('crosses month and year ends, and gives the next slot', () => {
    expect(latestSlot(monday9('UTC'), new Date('2027-01-01T00:00:00Z')).week).toBe('2026-12-28');
    expect(nextSlot(monday9('America/New_York'), new Date('2026-10-27T00:00:00Z'))).toEqual({ week: '2026-11-02', at: new Date('2026-11-02T14:00:00Z') });
  });
});
