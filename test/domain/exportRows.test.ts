/** The export's sheets for people: clients and people by name, days of the workspace's calendar, words in the reader's language. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../src/domain/catalogue.js';
import { noonIn } from '../../src/domain/calendar.js';
import { readableSheets, type ReadableRecords } from '../../src/domain/exportRows.js';
import { readerIn } from '../../src/i18n/reader.js';

const CLIENT = '00000000-0000-4000-8000-000000000001';
const ZONE = 'Pacific/Auckland';
const records: ReadableRecords = {
  clients: [{ id: CLIENT, name: 'Kiwi Co', category: 'problem', status: 'prepay_only', ownerUserId: 'U0ALICE', monthlyValue: 1200, renewsOn: '2027-01-31' }],
  lastCallAt: new Map([[CLIENT, noonIn('2026-11-20', ZONE)]]),
  calls: [
    {
      clientId: CLIENT,
      occurredAt: noonIn('2026-11-20', ZONE),
      loggedBy: 'U0BOB',
      notes: '',
      evidenceUrl: null,
      traits: ['excellent_communication', 'negative_attitude'],
    },
  ],
  incidents: [
    {
      clientId: CLIENT,
      kind: 'slow_payment',
      occurredAt: noonIn('2026-11-21', ZONE),
      loggedBy: 'U0BOB',
      description: '',
      details: { kind: 'slow_payment', daysLate: 45, invoiceRef: 'INV-7', amount: 1200 },
      evidenceUrl: null,
    },
  ],
  decisions: [{ clientId: CLIENT, kind: 'require_prepayment', reason: null, decidedBy: 'U0ADMIN', decidedAt: new Date('2026-11-22T22:00:00Z') }],
  nextSteps: [{ clientId: CLIENT, what: 'Send the invoice again', assigneeUserId: 'U0ALICE', dueOn: '2026-12-01', doneAt: null, createdBy: 'U0BOB' }],
};
const names: Record<string, string> = { U0ALICE: 'Alice', U0BOB: 'Bob', U0ADMIN: 'Ada' };

describe('the sheets for people', () => {
  const sheets = (locale: 'en' | 'fa') =>
    readableSheets(records, {
      reader: readerIn(locale, { timeZone: ZONE, currency: 'NZD' }),
      catalogue: DEFAULT_CATALOGUE,
      standing: new Map(),
      nameOf: (id) => names[id] ?? id,
    });

  it('name clients and people, date entries on the workspace’s calendar day, and say every value in words', () => {
    const [clients, calls, incidents, decisions, steps] = sheets('en');
    expect(clients!.rows).toEqual([
      [
        'Kiwi Co',
        'Alice',
        'Problem (full prepayment only)',
        'prepay only',
        null,
        '⚪ unknown (nothing observed yet)',
        '2026-11-20',
        '',
        'Full prepayment required',
        '2026-11-23',
        '2027-01-31',
        1200,
        'NZD',
      ],
    ]);
    expect(calls!.rows).toEqual([['2026-11-20', 'Kiwi Co', 'Bob', 'Excellent communication', 'Negative attitude', '', '']]);
    expect(incidents!.rows).toEqual([['2026-11-21', 'Kiwi Co', 'Late payment', 'Bob', 45, 'INV-7', 1200, '', '', '']]);
    expect(decisions!.rows).toEqual([['2026-11-23', 'Kiwi Co', 'Full prepayment required', 'Ada', '']]);
    expect(steps!.header).toEqual(['Client', 'What', 'Who does it', 'Due', 'Done on', 'Set by']);
    expect(steps!.rows).toEqual([['Kiwi Co', 'Send the invoice again', 'Alice', '2026-12-01', '', 'Bob']]);
  });

  it('are in the reader’s language: headers, titles and labels', () => {
    const [clients, calls] = sheets('fa');
    expect(clients!.title).toContain('مشتریان');
    expect(clients!.header[0]).toContain('نام');
    expect(calls!.rows[0]![3]).toContain('ارتباط عالی');
  });
});
