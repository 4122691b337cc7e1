/**
 * The week that changed, pure (issue 29): new this week, still named for how many weeks running, recovered since
 * last week, on crafted histories of posted digests (weeks skipped, a schedule moved, a week posted again).
 */
import { describe, expect, it } from 'vitest';
import { weekChanges, type NamedWeek } from '../../src/domain/weekChanges.js';

const week = (day: string, ...clientIds: string[]): NamedWeek => ({ week: day, clientIds: new Set(clientIds) });

describe('weekChanges', () => {
  it('marks a client last week did not name as new, one named week after week with the weeks running', () => {
    const changes = weekChanges(week('2026-12-07', 'acme', 'globex', 'initech'), [
      week('2026-11-30', 'globex', 'initech'),
      week('2026-11-23', 'initech'),
      week('2026-11-16', 'initech', 'acme'),
    ]);
    expect(changes.marks).toEqual(
      new Map([
        ['acme', { kind: 'new' }],
        ['globex', { kind: 'still', weeks: 2 }],
        ['initech', { kind: 'still', weeks: 4 }],
      ]),
    );
    expect(changes.recovered).toEqual([]);
  });

  it('a client named before but not last week is new again: the run counts weeks in a row', () => {
    const changes = weekChanges(week('2026-12-07', 'acme'), [week('2026-11-30', 'globex'), week('2026-11-23', 'acme')]);
    expect(changes.marks.get('acme')).toEqual({ kind: 'new' });
    expect(changes.recovered).toEqual(['globex']);
  });

  it('lists as recovered the clients last week named that this week does not, in last week’s order', () => {
    const changes = weekChanges(week('2026-12-07', 'acme'), [week('2026-11-30', 'initech', 'acme', 'globex'), week('2026-11-23', 'umbrella')]);
    expect(changes.recovered).toEqual(['initech', 'globex']);
  });

  it('a client held back this week (snoozed, or settled by a decision) is not recovered', () => {
    const changes = weekChanges(week('2026-12-07'), [week('2026-11-30', 'snoozed', 'better')], new Set(['snoozed']));
    expect(changes.recovered).toEqual(['better']);
  });

  it('marks nothing when no digest was posted last week: two weeks back is not last week', () => {
    const changes = weekChanges(week('2026-12-07', 'acme', 'globex'), [week('2026-11-23', 'acme', 'initech')]);
    expect(changes.marks.size).toBe(0);
    expect(changes.recovered).toEqual([]);
  });

  it('marks nothing for the first digest ever', () => {
    expect(weekChanges(week('2026-12-07', 'acme'), [])).toEqual({ marks: new Map(), recovered: [] });
  });

  it('stops the run at a skipped week', () => {
    const changes = weekChanges(week('2026-12-07', 'acme'), [week('2026-11-30', 'acme'), week('2026-11-23', 'acme'), week('2026-11-09', 'acme')]);
    expect(changes.marks.get('acme')).toEqual({ kind: 'still', weeks: 3 });
  });

  it('a schedule moved to later in the week still follows last week', () => {
    const changes = weekChanges(week('2026-12-09', 'acme'), [week('2026-11-30', 'acme', 'globex')]);
    expect(changes.marks.get('acme')).toEqual({ kind: 'still', weeks: 2 });
    expect(changes.recovered).toEqual(['globex']);
  });

  it('ignores this week’s own digest (posted again by hand) and later ones, in any order given', () => {
    const changes = weekChanges(week('2026-12-07', 'acme', 'globex'), [
      week('2026-12-14', 'globex'),
      week('2026-11-23', 'acme'),
      week('2026-12-07', 'acme', 'globex'),
      week('2026-11-30', 'acme'),
    ]);
    expect(changes.marks).toEqual(
      new Map([
        ['acme', { kind: 'still', weeks: 3 }],
        ['globex', { kind: 'new' }],
      ]),
    );
  });
});
