/** Stay in touch (domain/cadence.ts): each category's cadence, a client's own over it, overdue from the last contact. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, resolveCatalogue } from '../../src/domain/catalogue.js';
import { cadenceOf, contactLineOf, lastContactOf, overdueForContact } from '../../src/domain/cadence.js';
import { aClient, aClientWeek, daysAgo, incident, NOW, selectFromRows } from '../support/builders.js';

const cat = DEFAULT_CATALOGUE;
const call = (id: string, days: number, by = 'U0ANA', evidenceUrl: string | null = null) => ({
  id,
  occurredAt: daysAgo(days),
  loggedAt: daysAgo(days),
  loggedBy: by,
  evidenceUrl,
});

describe('cadence per category and per client', () => {
  it('VIPs every 14 days, regular and problem clients every 30, employees every 60 (the defaults)', () => {
    expect(cadenceOf(cat, aClient({ category: 'vip' }))).toEqual({ days: 14, own: false });
    expect(cadenceOf(cat, aClient({ category: 'regular' }))).toEqual({ days: 30, own: false });
    expect(cadenceOf(cat, aClient({ category: 'problem' }))).toEqual({ days: 30, own: false });
    expect(cadenceOf(cat, aClient({ category: 'employee' }))).toEqual({ days: 60, own: false });
  });

  it('a workspace changes a category’s; a client’s own wins over both, and cleared it falls back', () => {
    const workspace = resolveCatalogue({ thresholds: { cadenceDays: { vip: 7 } } });
    expect(cadenceOf(workspace, aClient({ category: 'vip' }))).toEqual({ days: 7, own: false });
    expect(cadenceOf(workspace, aClient({ category: 'regular' })).days).toBe(30);
    expect(cadenceOf(workspace, aClient({ category: 'vip', cadenceDays: 21 }))).toEqual({ days: 21, own: true });
    expect(cadenceOf(workspace, aClient({ category: 'vip', cadenceDays: null }))).toEqual({ days: 7, own: false });
  });
});

describe('overdue for contact, from the last call', () => {
  it('a VIP is overdue on day 14 after its last call, not on day 13; a regular client on day 30', () => {
    const vip = aClient({ category: 'vip' });
    expect(overdueForContact(cat, vip, daysAgo(13), NOW, 'UTC')).toBeUndefined();
    expect(overdueForContact(cat, vip, daysAgo(14), NOW, 'UTC')).toMatchObject({ daysSilent: 14, cadenceDays: 14, daysOverdue: 0 });
    expect(overdueForContact(cat, aClient(), daysAgo(29), NOW, 'UTC')).toBeUndefined();
    expect(overdueForContact(cat, aClient(), daysAgo(31), NOW, 'UTC')).toMatchObject({ daysOverdue: 1, cadenceOwn: false });
    expect(overdueForContact(cat, aClient({ category: 'employee' }), daysAgo(45), NOW, 'UTC')).toBeUndefined();
  });

  it('a client’s own cadence decides: every 7 days makes a week’s silence overdue, every 90 days keeps 60 in time', () => {
    expect(overdueForContact(cat, aClient({ cadenceDays: 7 }), daysAgo(8), NOW, 'UTC')).toMatchObject({ daysOverdue: 1, cadenceOwn: true });
    expect(overdueForContact(cat, aClient({ category: 'vip', cadenceDays: 90 }), daysAgo(60), NOW, 'UTC')).toBeUndefined();
  });

  it('never called: counted from registration (never assumed fine); exited clients are not expected to be called', () => {
    expect(overdueForContact(cat, aClient({ category: 'vip', createdAt: daysAgo(20) }), null, NOW, 'UTC')).toMatchObject({ lastCallAt: null, daysSilent: 20 });
    expect(overdueForContact(cat, aClient({ createdAt: daysAgo(20) }), null, NOW, 'UTC')).toBeUndefined();
    expect(overdueForContact(cat, aClient({ category: 'vip', status: 'exited' }), daysAgo(90), NOW, 'UTC')).toBeUndefined();
  });

  it('counts calendar days in the workspace’s zone: a call dated 35 days back is 35 days, whatever its hour', () => {
    const dated = new Date('2026-10-19T12:00:00Z'); // an entry dated by day is stored at 12:00 UTC
    expect(overdueForContact(cat, aClient(), dated, NOW, 'UTC')?.daysSilent).toBe(35);
    // In Auckland (UTC+13) that call was on the 20th and now is the 23rd's evening: 34 days.
    expect(overdueForContact(cat, aClient(), dated, NOW, 'Pacific/Auckland')?.daysSilent).toBe(34);
  });

  it('the digest names overdue clients of every category at their cadence, VIPs first, then the most overdue', () => {
    const weeks = [
      aClientWeek(aClient({ name: 'Reg 31', category: 'regular' }), { lastCallAt: daysAgo(31) }),
      aClientWeek(aClient({ name: 'Reg 50', category: 'regular' }), { lastCallAt: daysAgo(50) }),
      aClientWeek(aClient({ name: 'Staff 45', category: 'employee' }), { lastCallAt: daysAgo(45) }),
      aClientWeek(aClient({ name: 'Vip 15', category: 'vip' }), { lastCallAt: daysAgo(15) }),
      aClientWeek(aClient({ name: 'Own 9', cadenceDays: 7 }), { lastCallAt: daysAgo(9) }),
      aClientWeek(aClient({ name: 'Called', category: 'vip' }), { lastCallAt: daysAgo(2) }),
    ];
    const names = selectFromRows(cat, weeks, NOW).sections.gone_quiet.map((e) => e.client.name);
    expect(names).toEqual(['Vip 15', 'Reg 50', 'Own 9', 'Reg 31']);
  });
});

describe('last contact: who, when and how', () => {
  it('the latest call by when it happened, a message logged from Slack said as such', () => {
    const calls = [call('a', 10, 'U0ANA'), call('b', 3, 'U0BOB', 'https://acme.slack.com/archives/C1/p1'), call('c', 5)];
    expect(lastContactOf(calls)).toEqual({ at: daysAgo(3), by: 'U0BOB', means: 'message' });
    expect(lastContactOf(calls, daysAgo(4))).toEqual({ at: daysAgo(5), by: 'U0ANA', means: 'call' });
    expect(lastContactOf([])).toBeUndefined();
  });

  it('any logged call resets the cadence; an incident does not, but is named when newer', () => {
    const vip = aClient({ category: 'vip' });
    const late = incident('slow_payment', daysAgo(2), {}, { loggedBy: 'U0CARL' });
    const line = contactLineOf(cat, vip, [call('a', 20)], [late], NOW, 'UTC')!;
    expect(line).toMatchObject({ cadenceDays: 14, daysSilent: 20, daysOverdue: 6, lastContact: { by: 'U0ANA', means: 'call' } });
    expect(line.newerIncident).toEqual({ at: daysAgo(2), by: 'U0CARL', fromMessage: false });
    const called = contactLineOf(cat, vip, [call('a', 20), call('b', 1, 'U0BOB')], [late], NOW, 'UTC')!;
    expect(called).toMatchObject({ daysOverdue: -13, lastContact: { by: 'U0BOB' } });
    expect(called.newerIncident).toBeUndefined();
    expect(contactLineOf(cat, aClient({ status: 'exited' }), [], [], NOW, 'UTC')).toBeUndefined();
  });
});
