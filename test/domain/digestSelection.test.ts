import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { isQuietWeek, needsDecision, selectDigest, valueAtRisk } from '../../src/domain/digestSelection.js';
import { clientWeekOf } from '../../src/domain/clientWeek.js';
import type { Decision, Snooze } from '../../src/domain/types.js';
import { aClient, aClientWeek, daysAgo, incident, NOW, observed, observedTimes, selectFromRows, warning } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;

const week = aClientWeek;
const names = (s: ReturnType<typeof selectFromRows>, section: keyof ReturnType<typeof selectFromRows>['sections']) =>
  s.sections[section].map((e) => e.client.name);
const snooze = (at: Date): Snooze => ({ id: 's', clientId: 'c', snoozedBy: 'U0OWNER', snoozedAt: at, until: new Date(at.getTime() + 14 * 86_400_000) });
const decision = (kind: Decision['kind'], at: Date): Decision => ({ id: 'd', clientId: 'c', kind, reason: 'r', decidedBy: 'U0OWNER', decidedAt: at });
const turningBad = {
  history: { observations: [...observedTimes('excellent_communication', 1, daysAgo(10)), ...observedTimes('negative_attitude', 2, daysAgo(1))] },
};

describe('digest selection (domain.md §5)', () => {
  it('puts each client in the first section that applies, in the domain order', () => {
    const selection = selectFromRows(
      cat,
      [
        week(aClient({ name: 'Liar' }), { incidents: [incident('lying', daysAgo(3))], ...turningBad }),
        week(aClient({ name: 'Sour' }), turningBad),
        week(aClient({ name: 'Silent', relationship: 'long_term' }), { lastCallAt: daysAgo(40) }),
        week(aClient({ name: 'Fine' })),
      ],
      NOW,
    );
    expect(names(selection, 'firing')).toEqual(['Liar']);
    expect(names(selection, 'turned_bad')).toEqual(['Sour']);
    expect(names(selection, 'gone_quiet')).toEqual(['Silent']);
    expect(selection.sections.firing[0]!.turnedBad.map((r) => r.kind)).toContain('entered_at_risk'); // evidence kept
    expect(isQuietWeek(selection)).toBe(false);
  });

  it('orders firing: red flags, then VIPs, then most criteria, then worst health', () => {
    const pattern = [incident('legal_exposure', daysAgo(3))];
    const selection = selectFromRows(
      cat,
      [
        week(aClient({ name: 'B pattern' }), { incidents: pattern }),
        week(aClient({ name: 'A pattern vip', category: 'vip' }), { incidents: pattern }),
        week(aClient({ name: 'C two patterns' }), { incidents: [...pattern, incident('competitor_play', daysAgo(2))] }),
        week(aClient({ name: 'D red flag' }), { incidents: [incident('physical_abuse', daysAgo(300))] }),
      ],
      NOW,
    );
    expect(names(selection, 'firing')).toEqual(['D red flag', 'A pattern vip', 'C two patterns', 'B pattern']);
  });

  it('orders turned bad: VIPs first, then worst health; gone quiet: VIPs, then longest silence', () => {
    const selection = selectFromRows(
      cat,
      [
        week(aClient({ name: 'worse' }), { history: { observations: observedTimes('negative_attitude', 4, daysAgo(1)) } }),
        week(aClient({ name: 'bad' }), turningBad),
        week(aClient({ name: 'vip', category: 'vip' }), turningBad),
        week(aClient({ name: 'q40', relationship: 'long_term' }), { lastCallAt: daysAgo(40) }),
        week(aClient({ name: 'q90', relationship: 'long_term' }), { lastCallAt: daysAgo(90) }),
        week(aClient({ name: 'qvip', category: 'vip' }), { lastCallAt: daysAgo(31) }),
      ],
      NOW,
    );
    expect(names(selection, 'turned_bad')).toEqual(['vip', 'worse', 'bad']);
    expect(names(selection, 'gone_quiet')).toEqual(['qvip', 'q90', 'q40']);
  });

  it('a snoozed client is held back until new evidence is logged after the snooze', () => {
    const liar = aClient({ name: 'Liar' });
    const lie = incident('lying', daysAgo(20));
    const held = selectFromRows(cat, [week(liar, { incidents: [lie], snoozes: [snooze(daysAgo(6))] })], NOW);
    expect(held.sections.firing).toEqual([]);
    expect(held.suppressed).toMatchObject([{ client: { name: 'Liar' }, section: 'firing', why: 'snoozed' }]);
    expect(isQuietWeek(held)).toBe(true);

    const newLie = incident('lying', daysAgo(2));
    const lifted = selectFromRows(cat, [week(liar, { incidents: [lie, newLie], snoozes: [snooze(daysAgo(6))] })], NOW);
    expect(names(lifted, 'firing')).toEqual(['Liar']);
    expect(lifted.suppressed).toEqual([]);
  });

  it('a snooze ends after 2 weeks', () => {
    const s = selectFromRows(cat, [week(aClient(), { incidents: [incident('lying', daysAgo(30))], snoozes: [snooze(daysAgo(15))] })], NOW);
    expect(s.sections.firing).toHaveLength(1);
  });

  it('keep and require-prepayment settle pattern criteria until new evidence; acknowledge does not', () => {
    const legal = incident('legal_exposure', daysAgo(20));
    const keep = selectFromRows(cat, [week(aClient(), { incidents: [legal], decisions: [decision('keep', daysAgo(10))] })], NOW);
    expect(keep.sections.firing).toEqual([]);
    expect(keep.suppressed[0]?.why).toBe('decided');
    const ack = selectFromRows(cat, [week(aClient(), { incidents: [legal], decisions: [decision('acknowledge', daysAgo(10))] })], NOW);
    expect(ack.sections.firing).toHaveLength(1);
    expect(ack.sections.firing[0]!.lastDecision?.kind).toBe('acknowledge');
    const again = selectFromRows(
      cat,
      [week(aClient(), { incidents: [legal, incident('legal_exposure', daysAgo(1))], decisions: [decision('keep', daysAgo(10))] })],
      NOW,
    );
    expect(again.sections.firing).toHaveLength(1);
  });

  it('a red flag stays first whatever was decided, with the decision beside it', () => {
    const s = selectFromRows(
      cat,
      [
        week(aClient({ name: 'Hits people' }), {
          incidents: [incident('physical_abuse', daysAgo(20))],
          decisions: [decision('require_prepayment', daysAgo(10))],
          ...turningBad,
        }),
        week(aClient({ name: 'Legal trouble' }), { incidents: [incident('legal_exposure', daysAgo(20))] }),
      ],
      NOW,
    );
    expect(names(s, 'firing')).toEqual(['Hits people', 'Legal trouble']);
    expect(s.sections.firing[0]!.lastDecision?.kind).toBe('require_prepayment');
    expect(names(s, 'turned_bad')).toEqual([]);
  });

  it('a client held back from one section still appears in the next one that applies', () => {
    const s = selectFromRows(
      cat,
      [week(aClient({ name: 'Kept' }), { incidents: [incident('legal_exposure', daysAgo(20))], decisions: [decision('keep', daysAgo(10))], ...turningBad })],
      NOW,
    );
    expect(names(s, 'turned_bad')).toEqual(['Kept']);
    expect(s.suppressed).toEqual([]);
  });

  it('mental abuse without a warning is not a firing criterion; with one before it, it is', () => {
    const abuse = incident('mental_abuse', daysAgo(2));
    expect(selectFromRows(cat, [week(aClient(), { incidents: [abuse] })], NOW).sections.firing).toEqual([]);
    expect(selectFromRows(cat, [week(aClient(), { incidents: [abuse], warnings: [warning(daysAgo(3))] })], NOW).sections.firing).toHaveLength(1);
  });

  it('new stepping-stone drift puts a long-term client in turned bad', () => {
    const longTerm = aClient({ name: 'Drifter', relationship: 'long_term' });
    const s = selectFromRows(cat, [week(longTerm, { incidents: [incident('slow_payment', daysAgo(100)), incident('slow_payment', daysAgo(2))] })], NOW);
    expect(names(s, 'turned_bad')).toEqual(['Drifter']);
    expect(s.sections.turned_bad[0]!.drift).toMatchObject({ isNew: true });
    const old = selectFromRows(cat, [week(longTerm, { incidents: [incident('slow_payment', daysAgo(100)), incident('slow_payment', daysAgo(20))] })], NOW);
    expect(old.sections.turned_bad).toEqual([]);
  });

  it('exited clients are never named, but count in retention', () => {
    const s = selectFromRows(
      cat,
      [
        week(aClient({ name: 'Gone', status: 'exited', exitedAt: daysAgo(5), monthlyValue: 100 }), { incidents: [incident('lying', daysAgo(1))] }),
        week(aClient({ name: 'Stays', monthlyValue: 300, category: 'vip' })),
        week(aClient({ name: 'New', createdAt: daysAgo(10), monthlyValue: 50 })),
      ],
      NOW,
    );
    expect(isQuietWeek(s)).toBe(true);
    expect(s.summary.retention).toEqual({ days: 90, kept: 1, of: 2, rate: 0.5 });
    expect(s.summary.mostProfitableCategory).toEqual({ category: 'vip', monthlyValue: 300 });
  });

  it('summarises the week: logs, bands (unknown apart), revenue at risk', () => {
    const s = selectFromRows(
      cat,
      [
        week(aClient({ monthlyValue: 1000 }), { ...turningBad, loggedThisWeek: { calls: 2, incidents: 0 } }),
        week(aClient({ monthlyValue: 500 }), { incidents: [incident('lying', daysAgo(1))], loggedThisWeek: { calls: 0, incidents: 1 } }),
        week(aClient({ monthlyValue: 200 }), { history: { observations: [observed('positive_attitude', daysAgo(1))] } }),
      ],
      NOW,
    );
    expect(s.summary).toMatchObject({
      callsLogged: 2,
      incidentsLogged: 1,
      bands: { healthy: 0, watch: 1, at_risk: 1, unknown: 1 },
      revenueAtRisk: 1500,
    });
  });
});

describe('renewals in the digest (issue 14)', () => {
  const atRisk = { history: { observations: observedTimes('negative_attitude', 4, daysAgo(1)) } };
  const watch = {
    history: { observations: [...observedTimes('excellent_communication', 2, daysAgo(3)), ...observedTimes('negative_attitude', 2, daysAgo(2))] },
  };
  const firing = { incidents: [incident('legal_exposure', daysAgo(3))] };

  it('names clients in trouble that renew within 60 days, soonest first (the larger value first on the same day)', () => {
    const selection = selectFromRows(
      cat,
      [
        week(aClient({ name: 'Late, at risk', renewsOn: '2027-01-15', monthlyValue: 3000 }), atRisk),
        week(aClient({ name: 'Soon, criteria', renewsOn: '2026-12-01', monthlyValue: 5000 }), firing),
        week(aClient({ name: 'Soon, same day, smaller', renewsOn: '2026-12-01', monthlyValue: 1000 }), atRisk),
        week(aClient({ name: 'Watch, no value', renewsOn: '2026-12-20', monthlyValue: null }), watch),
        week(aClient({ name: 'Healthy renews soon', renewsOn: '2026-12-02', monthlyValue: 9000 })),
        week(aClient({ name: 'At risk, too far', renewsOn: '2027-01-23', monthlyValue: 7000 }), atRisk),
        week(aClient({ name: 'At risk, renewed already', renewsOn: '2026-11-22', monthlyValue: 7000 }), atRisk),
        week(aClient({ name: 'At risk, exited', renewsOn: '2026-12-03', monthlyValue: 7000, status: 'exited', exitedAt: daysAgo(2) }), atRisk),
        week(aClient({ name: 'At risk, no date', monthlyValue: 7000 }), atRisk),
      ],
      NOW,
    );
    expect(selection.renewals.map((r) => [r.client.name, r.renewsOn])).toEqual([
      ['Soon, criteria', '2026-12-01'],
      ['Soon, same day, smaller', '2026-12-01'],
      ['Watch, no value', '2026-12-20'],
      ['Late, at risk', '2027-01-15'],
    ]);
    expect(selection.renewals[0]!.criteria).toBe(1);
    expect(isQuietWeek(selectFromRows(cat, [week(aClient({ name: 'Only renewing', renewsOn: '2026-12-01' }), watch)], NOW))).toBe(false);
  });
});

describe('which clients still need a decision (issue 28)', () => {
  const lie = { incidents: [incident('lying', daysAgo(20))] };
  const kept = (overrides: Partial<Parameters<typeof week>[1]> = {}) =>
    week(aClient({ id: 'c-kept', name: 'Kept', monthlyValue: 5000 }), { ...lie, decisions: [decision('keep', daysAgo(10))], ...overrides });
  const open = week(aClient({ id: 'c-open', name: 'Open', monthlyValue: 2000 }), lie);
  const select = (rows: Parameters<typeof selectFromRows>[1], reviewsDue: ReadonlySet<string> = new Set()) =>
    selectDigest(
      cat,
      rows.map((r) => clientWeekOf(cat, r, NOW)),
      NOW,
      'UTC',
      reviewsDue,
    );
  const needing = (s: ReturnType<typeof select>) => [...s.sections.firing, ...s.sections.turned_bad].filter(needsDecision).map((e) => e.client.name);

  it('a keep taken after the red flag answers it: listed first still, with its decision, but no longer needing one nor counted as revenue at risk', () => {
    const s = select([kept(), open]);
    expect(names(s, 'firing')).toEqual(['Kept', 'Open']);
    expect(s.sections.firing[0]!.decidedBy?.kind).toBe('keep');
    expect(needing(s)).toEqual(['Open']);
    expect(s.summary.revenueAtRisk).toBe(7000);
    expect(s.summary.revenueKept).toBe(5000);
    expect(valueAtRisk(s.sections.firing[0]!)).toBe(false);
    expect(valueAtRisk(s.sections.firing[1]!)).toBe(true);
  });

  it('new evidence after the decision, or its review overdue, asks for a decision again; acknowledging answers nothing', () => {
    expect(needing(select([kept({ incidents: [...lie.incidents, incident('lying', daysAgo(1))] })]))).toEqual(['Kept']);
    expect(needing(select([kept()], new Set(['c-kept'])))).toEqual(['Kept']);
    expect(select([kept()], new Set(['c-kept'])).summary.revenueKept).toBe(0);
    expect(needing(select([kept({ decisions: [decision('acknowledge', daysAgo(10))] })]))).toEqual(['Kept']);
    // A pattern criterion a keep settled comes back to be decided once the keep's review is overdue.
    const legal = week(aClient({ id: 'c-legal', name: 'Legal' }), {
      incidents: [incident('legal_exposure', daysAgo(20))],
      decisions: [decision('keep', daysAgo(10))],
    });
    expect(names(select([legal]), 'firing')).toEqual([]);
    expect(needing(select([legal], new Set(['c-legal'])))).toEqual(['Legal']);
    // A prepayment decision answers it as a keep does; an acknowledgement after it does not undo it.
    expect(needing(select([kept({ decisions: [decision('require_prepayment', daysAgo(10)), decision('acknowledge', daysAgo(5))] })]))).toEqual([]);
  });
});
