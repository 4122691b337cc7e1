/**
 * The export's sheets for people (issue 28): one table per kind of record — clients, calls, incidents, decisions,
 * next steps — with clients and people by name, days as days of the workspace's calendar (YYYY-MM-DD, which every
 * spreadsheet reads as a date), amounts as numbers, and every label and header in the reader's language. Pure: the
 * records, each client's standing and people's names come in; the CSV writing is csv.ts's.
 */
import { traitByKey, type Catalogue, type Category, type ClientStatus, type IncidentDetails, type IncidentKind } from './catalogue.js';
import { localDate } from './calendar.js';
import type { CriterionJudged } from './firingCriteria.js';
import type { Health } from './health.js';
import type { DecisionKind } from './types.js';
import { formatList } from '../i18n/format.js';
import { bandLabel, categoryLabel, criterionLabel, incidentLabel, statusLabel, traitName } from '../i18n/labels.js';
import { tPlain, type MessageKey } from '../i18n/messages.js';
import type { Reader } from '../i18n/reader.js';

/** The workspace's records as the sheets show them: each row names its client by id, in time order. */
export interface ReadableRecords {
  clients: {
    id: string;
    name: string;
    category: Category;
    status: ClientStatus;
    ownerUserId: string | null;
    monthlyValue: number | null;
    renewsOn: string | null;
  }[];
  /** Each client's latest call (its last contact), by client id. */
  lastCallAt: ReadonlyMap<string, Date>;
  calls: { clientId: string; occurredAt: Date; loggedBy: string; notes: string; evidenceUrl: string | null; traits: string[] }[];
  incidents: {
    clientId: string;
    kind: IncidentKind;
    occurredAt: Date;
    loggedBy: string;
    description: string;
    details: IncidentDetails;
    evidenceUrl: string | null;
  }[];
  /** Oldest first. */
  decisions: { clientId: string; kind: DecisionKind; reason: string | null; decidedBy: string; decidedAt: Date }[];
  nextSteps: { clientId: string; what: string; assigneeUserId: string; dueOn: string; doneAt: Date | null; createdBy: string }[];
}

/** A client's health and the firing criteria it meets now. */
export interface ClientStandingNow {
  health: Health;
  criteria: readonly CriterionJudged[];
}

export interface SheetContext {
  /** Whose language the headers and labels are in; its zone (the workspace's) dates every entry. */
  reader: Reader;
  catalogue: Catalogue;
  standing: ReadonlyMap<string, ClientStandingNow>;
  /** A person as the sheets name them (their Slack display name, when Slack gave it). */
  nameOf: (userId: string) => string;
}

export const SHEETS = ['clients', 'calls', 'incidents', 'decisions', 'nextSteps'] as const;
export type SheetName = (typeof SHEETS)[number];

export interface Sheet {
  name: SheetName;
  /** The sheet's name in the reader's words. */
  title: string;
  header: string[];
  rows: unknown[][];
}

type Column =
  | 'name'
  | 'owner'
  | 'category'
  | 'status'
  | 'health'
  | 'band'
  | 'lastContact'
  | 'openCriteria'
  | 'lastDecision'
  | 'decidedOn'
  | 'renewsOn'
  | 'monthlyValue'
  | 'currency'
  | 'date'
  | 'client'
  | 'loggedBy'
  | 'goodTraits'
  | 'badTraits'
  | 'notes'
  | 'evidence'
  | 'kind'
  | 'daysLate'
  | 'invoice'
  | 'amount'
  | 'competitor'
  | 'decision'
  | 'decidedBy'
  | 'reason'
  | 'what'
  | 'assignee'
  | 'dueOn'
  | 'doneOn'
  | 'setBy';

/** Every sheet of the export, in the reader's words. */
export function readableSheets(records: ReadableRecords, context: SheetContext): Sheet[] {
  const { reader, catalogue, standing, nameOf } = context;
  const day = (at: Date) => localDate(at, reader.timeZone);
  const clientName = new Map(records.clients.map((c) => [c.id, c.name]));
  const nameOfClient = (id: string) => clientName.get(id) ?? '';
  const lastDecision = new Map(records.decisions.map((d) => [d.clientId, d]));
  const list = (items: readonly string[]) => (items.length > 0 ? formatList(items, reader) : '');
  const decisionWords = (kind: DecisionKind) => tPlain(reader, `export.decision.${kind}`);
  const sheet = (name: SheetName, columns: readonly Column[], rows: unknown[][]): Sheet => ({
    name,
    title: tPlain(reader, `export.sheet.${name}`),
    header: columns.map((c) => tPlain(reader, `export.column.${c}` as MessageKey)),
    rows,
  });
  const traitsOf = (keys: readonly string[], polarity: 'good' | 'bad') =>
    list(keys.filter((key) => traitByKey(catalogue, key)?.polarity === polarity).map((key) => traitName(reader, catalogue, key)));

  return [
    sheet(
      'clients',
      [
        'name',
        'owner',
        'category',
        'status',
        'health',
        'band',
        'lastContact',
        'openCriteria',
        'lastDecision',
        'decidedOn',
        'renewsOn',
        'monthlyValue',
        'currency',
      ],
      records.clients.map((c) => {
        const now = standing.get(c.id);
        const decided = lastDecision.get(c.id);
        const lastCall = records.lastCallAt.get(c.id);
        return [
          c.name,
          c.ownerUserId ? nameOf(c.ownerUserId) : '',
          categoryLabel(reader, c.category),
          statusLabel(reader, c.status),
          now?.health.known ? now.health.score : null,
          bandLabel(reader, now?.health.known ? now.health.band : 'unknown'),
          lastCall ? day(lastCall) : '',
          list((now?.criteria ?? []).map((m) => `${m.criterion.class === 'red_flag' ? '🚩 ' : ''}${criterionLabel(reader, m.criterion.kind)}`)),
          decided ? decisionWords(decided.kind) : '',
          decided ? day(decided.decidedAt) : '',
          c.renewsOn ?? '',
          c.monthlyValue,
          c.monthlyValue === null ? '' : (reader.currency ?? ''),
        ];
      }),
    ),
    sheet(
      'calls',
      ['date', 'client', 'loggedBy', 'goodTraits', 'badTraits', 'notes', 'evidence'],
      records.calls.map((c) => [
        day(c.occurredAt),
        nameOfClient(c.clientId),
        nameOf(c.loggedBy),
        traitsOf(c.traits, 'good'),
        traitsOf(c.traits, 'bad'),
        c.notes,
        c.evidenceUrl ?? '',
      ]),
    ),
    sheet(
      'incidents',
      ['date', 'client', 'kind', 'loggedBy', 'daysLate', 'invoice', 'amount', 'competitor', 'notes', 'evidence'],
      records.incidents.map((i) => {
        const d = i.details;
        return [
          day(i.occurredAt),
          nameOfClient(i.clientId),
          incidentLabel(reader, i.kind),
          nameOf(i.loggedBy),
          d.kind === 'slow_payment' ? d.daysLate : null,
          'invoiceRef' in d ? (d.invoiceRef ?? '') : '',
          d.kind === 'slow_payment' ? (d.amount ?? null) : d.kind === 'invoice_dispute' ? (d.amountDisputed ?? null) : null,
          d.kind === 'competitor_play' ? (d.competitor ?? '') : '',
          i.description,
          i.evidenceUrl ?? '',
        ];
      }),
    ),
    sheet(
      'decisions',
      ['date', 'client', 'decision', 'decidedBy', 'reason'],
      records.decisions.map((d) => [day(d.decidedAt), nameOfClient(d.clientId), decisionWords(d.kind), nameOf(d.decidedBy), d.reason ?? '']),
    ),
    sheet(
      'nextSteps',
      ['client', 'what', 'assignee', 'dueOn', 'doneOn', 'setBy'],
      records.nextSteps.map((s) => [nameOfClient(s.clientId), s.what, nameOf(s.assigneeUserId), s.dueOn, s.doneAt ? day(s.doneAt) : '', nameOf(s.createdBy)]),
    ),
  ];
}

/** Everyone the sheets name, to be looked up once each. */
export function peopleIn(records: ReadableRecords): string[] {
  return [
    ...new Set([
      ...records.clients.flatMap((c) => (c.ownerUserId ? [c.ownerUserId] : [])),
      ...records.calls.map((c) => c.loggedBy),
      ...records.incidents.map((i) => i.loggedBy),
      ...records.decisions.map((d) => d.decidedBy),
      ...records.nextSteps.flatMap((s) => [s.assigneeUserId, s.createdBy]),
    ]),
  ];
}
