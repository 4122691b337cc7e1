/**
 * A realistic demo portfolio for a local workspace: about 30 clients across categories and 12 weeks of
 * calls and incidents, with a few stories the digest should tell (a lie, chronic late payment, a client
 * turning sour this week, a VIP gone quiet). Deterministic, and written through the repository.
 */
import type { Category, IncidentDetails, Relationship } from '../domain/catalogue.js';
import { DAY_MS } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { inWorkspace } from '../db/workspaceScope.js';
import { createNextStep } from '../db/queries/nextSteps.js';
import { localDate } from '../domain/calendar.js';
import { addDays } from '../domain/nextSteps.js';

import { logCall, logIncident, recordWarning } from '../db/queries/activity.js';
import { createClient, listClients, updateClient } from '../db/queries/clients.js';
import { catalogueOf, ensureWorkspace, updateWorkspaceSettings } from '../db/queries/workspaces.js';
import { RapportError } from '../domain/errors.js';
import { seededRandom } from './seededRandom.js';

type Mood = 'great' | 'good' | 'mixed' | 'poor';
interface DemoClient {
  name: string;
  category: Category;
  relationship: Relationship;
  value: number;
  mood: Mood;
  story?: 'liar' | 'late_payer' | 'turning_sour' | 'gone_quiet' | 'abusive' | 'disputes' | 'competitor';
}

const CLIENTS: DemoClient[] = [
  { name: 'Initech', category: 'regular', relationship: 'stepping_stone', value: 2400, mood: 'mixed', story: 'liar' },
  { name: 'Globex', category: 'regular', relationship: 'long_term', value: 5200, mood: 'good', story: 'late_payer' },
  { name: 'Northwind Traders', category: 'vip', relationship: 'long_term', value: 9800, mood: 'great', story: 'turning_sour' },
  { name: 'Soylent', category: 'vip', relationship: 'long_term', value: 7600, mood: 'good', story: 'gone_quiet' },
  { name: 'Umbrella Corp', category: 'regular', relationship: 'stepping_stone', value: 3100, mood: 'poor', story: 'abusive' },
  { name: 'Hooli', category: 'regular', relationship: 'long_term', value: 4300, mood: 'mixed', story: 'disputes' },
  { name: 'Vandelay Industries', category: 'regular', relationship: 'long_term', value: 2900, mood: 'good', story: 'competitor' },
  { name: 'Problem Pete Plumbing', category: 'problem', relationship: 'stepping_stone', value: 800, mood: 'poor' },
  { name: 'Staff - Jamie Lee', category: 'employee', relationship: 'long_term', value: 150, mood: 'great' },
  { name: 'Acme Corp', category: 'vip', relationship: 'long_term', value: 12000, mood: 'great' },
  { name: 'Stark Industries', category: 'vip', relationship: 'long_term', value: 15000, mood: 'good' },
  { name: 'Wayne Enterprises', category: 'vip', relationship: 'long_term', value: 11000, mood: 'great' },
  { name: 'Cyberdyne Systems', category: 'regular', relationship: 'stepping_stone', value: 2100, mood: 'mixed' },
  { name: 'Tyrell Corp', category: 'regular', relationship: 'long_term', value: 3600, mood: 'good' },
  { name: 'Wonka Industries', category: 'regular', relationship: 'long_term', value: 2700, mood: 'great' },
  { name: 'Oscorp', category: 'regular', relationship: 'stepping_stone', value: 1900, mood: 'poor' },
  { name: 'Gringotts', category: 'vip', relationship: 'long_term', value: 8800, mood: 'good' },
  { name: 'Dunder Mifflin', category: 'regular', relationship: 'long_term', value: 1500, mood: 'mixed' },
  { name: 'Pied Piper', category: 'regular', relationship: 'unknown', value: 1200, mood: 'good' },
  { name: 'Massive Dynamic', category: 'regular', relationship: 'long_term', value: 4100, mood: 'good' },
  { name: 'Blue Sun', category: 'regular', relationship: 'stepping_stone', value: 1700, mood: 'mixed' },
  { name: 'Monarch Solutions', category: 'regular', relationship: 'long_term', value: 2200, mood: 'great' },
  { name: 'Prestige Worldwide', category: 'problem', relationship: 'stepping_stone', value: 600, mood: 'mixed' },
  { name: 'Sterling Cooper', category: 'regular', relationship: 'long_term', value: 3900, mood: 'good' },
  { name: 'Bluth Company', category: 'regular', relationship: 'stepping_stone', value: 1400, mood: 'poor' },
  { name: 'Los Pollos Hermanos', category: 'regular', relationship: 'long_term', value: 2500, mood: 'good' },
  { name: 'Krusty Krab', category: 'regular', relationship: 'unknown', value: 900, mood: 'mixed' },
  { name: 'Aperture Science', category: 'vip', relationship: 'long_term', value: 6700, mood: 'good' },
  { name: 'Staff - Priya Shah', category: 'employee', relationship: 'long_term', value: 150, mood: 'good' },
  { name: 'Black Mesa', category: 'regular', relationship: 'stepping_stone', value: 2000, mood: 'mixed' },
];

const GOOD = ['excellent_communication', 'shares_information', 'shares_opinions', 'exceeds_expectations', 'positive_attitude'];
const BAD = [
  'terrible_communication',
  'no_data_sharing',
  'withholds_opinions',
  'hoards_knowledge',
  'negative_attitude',
  'poor_etiquette',
  'unresolved_arguments',
  'no_strategic_planning',
];
const GOOD_SHARE: Record<Mood, number> = { great: 0.9, good: 0.72, mixed: 0.5, poor: 0.28 };
const NOTES = ['Weekly sync', 'Monthly review', 'Roadmap check-in', 'Quarterly business review', 'Quick catch-up', 'Reporting walkthrough', 'Escalation call'];

export interface DemoPeople {
  teamId: string;
  channelId: string;
  owners: string[];
  admin: string;
}

/** Loads the demo portfolio into `people.teamId`, an empty workspace, as that workspace (row-level security). */
export interface DemoLoaded {
  clients: number;
  calls: number;
  incidents: number;
  nextSteps: number;
}

/** What the owners of the story clients said they would do, and when (days from today; negative: overdue). */
const NEXT_STEPS: Partial<Record<NonNullable<DemoClient['story']>, { what: string; inDays: number }>> = {
  liar: { what: 'Ask for the export log as proof it was sent', inDays: -2 },
  abusive: { what: 'Escalate the steering-meeting insults to their director', inDays: -5 },
  late_payer: { what: 'Agree a payment plan with their finance team', inDays: 0 },
  turning_sour: { what: 'Ask why the usage data stopped', inDays: 1 },
  gone_quiet: { what: 'Book a check-in call', inDays: 7 },
};

/** Days until the contract of a story client renews. */
const RENEWS_IN_DAYS: Partial<Record<NonNullable<DemoClient['story']>, number>> = { liar: 20, late_payer: 45, turning_sour: 12, disputes: 90 };

export function seedDemoPortfolio(db: Database, people: DemoPeople, now: Date): Promise<DemoLoaded> {
  return inWorkspace(people.teamId, () => seedWorkspace(db, people, now));
}

async function seedWorkspace(db: Database, people: DemoPeople, now: Date): Promise<DemoLoaded> {
  await ensureWorkspace(db, people.teamId);
  if ((await listClients(db, people.teamId, { includeExited: true })).length > 0) {
    throw new RapportError('conflict', 'This workspace already has clients: the demo portfolio loads into an empty workspace only.');
  }
  await updateWorkspaceSettings(db, people.teamId, people.admin, { digestChannelId: people.channelId });
  const workspace = await ensureWorkspace(db, people.teamId);
  const catalogue = catalogueOf(workspace);
  const rand = seededRandom(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  let calls = 0;
  let incidents = 0;
  let nextSteps = 0;
  const today = localDate(now, workspace.timeZone);

  for (const [i, d] of CLIENTS.entries()) {
    const owner = people.owners[i % people.owners.length]!;
    const client = await createClient(db, people.teamId, people.admin, {
      name: d.name,
      category: d.category,
      relationship: d.relationship,
      ownerUserId: owner,
      monthlyValue: d.value,
    });
    const call = async (daysAgo: number, traits: string[], notes = pick(NOTES)) => {
      await logCall(db, people.teamId, owner, catalogue, { clientId: client.id, occurredAt: ago(daysAgo), traits, notes });
      calls++;
    };
    const incident = async (daysAgo: number, details: IncidentDetails, description: string) => {
      const logged = await logIncident(db, people.teamId, owner, { clientId: client.id, occurredAt: ago(daysAgo), details, description });
      incidents++;
      return logged.entry;
    };

    // Twelve weeks of calls, roughly weekly, each with a couple of traits in the client's mood.
    const lastCall = d.story === 'gone_quiet' ? 40 : d.story === 'turning_sour' ? 8 : 1;
    for (let day = 84; day >= lastCall; day -= 5 + Math.floor(rand() * 5)) {
      const mood = d.story === 'turning_sour' && day < 20 ? 'great' : d.mood;
      const traits = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => (rand() < GOOD_SHARE[mood] ? pick(GOOD) : pick(BAD))))];
      await call(day, traits);
    }

    // Contracts of the clients in trouble renew soon: the digest's renewal part has something to show.
    const renewsIn = d.story && RENEWS_IN_DAYS[d.story];
    if (renewsIn) await updateClient(db, people.teamId, people.admin, client.id, { renewsOn: addDays(today, renewsIn) });
    const step = d.story && NEXT_STEPS[d.story];
    if (step) {
      await createNextStep(db, people.teamId, owner, {
        clientId: client.id,
        what: step.what,
        assigneeUserId: owner,
        dueOn: addDays(today, step.inDays),
        source: 'client',
      });
      nextSteps++;
    }

    switch (d.story) {
      case 'liar':
        await incident(4, { kind: 'lying' }, 'Said the usage export had been sent; it had not been generated');
        break;
      case 'late_payer':
        await incident(150, { kind: 'slow_payment', daysLate: 21, invoiceRef: 'GX-1041', amount: 5200 }, 'Paid after two reminders');
        await incident(70, { kind: 'slow_payment', daysLate: 34, invoiceRef: 'GX-1077', amount: 5200 }, 'Paid after the account manager escalated');
        await incident(3, { kind: 'slow_payment', daysLate: 18, invoiceRef: 'GX-1102', amount: 5200 }, 'Third late payment this half-year');
        break;
      case 'turning_sour':
        await call(5, ['no_data_sharing', 'withholds_opinions'], 'Would not share the usage data again');
        await call(2, ['no_data_sharing', 'negative_attitude'], 'Still no data; tense call');
        break;
      case 'abusive': {
        const first = await incident(30, { kind: 'mental_abuse' }, 'Shouted at the analyst on the weekly call');
        await recordWarning(db, people.teamId, owner, {
          clientId: client.id,
          givenAt: ago(29),
          incidentId: first.id,
          note: 'Told their director it is unacceptable',
        });
        await incident(6, { kind: 'mental_abuse' }, 'Insulted the team again in the steering meeting');
        break;
      }
      case 'disputes':
        await incident(100, { kind: 'invoice_dispute', invoiceRef: 'HO-88', amountDisputed: 1200 }, 'Disputed the hours on the data migration');
        await incident(12, { kind: 'invoice_dispute', invoiceRef: 'HO-97', amountDisputed: 900 }, 'Disputed the travel costs');
        break;
      case 'competitor':
        await incident(9, { kind: 'competitor_play', competitor: 'Globodyne', onAgreedWork: true }, 'Asked us to match a rival quote for agreed work');
        break;
      default:
        if (d.mood === 'poor' && rand() < 0.7)
          await incident(20 + Math.floor(rand() * 40), { kind: 'unreasonable_demands' }, 'Asked for weekend delivery at no cost');
        if (d.relationship === 'stepping_stone' && rand() < 0.4) await incident(40, { kind: 'slow_payment', daysLate: 12 }, 'Paid late');
    }
  }
  return { clients: CLIENTS.length, calls, incidents, nextSteps };
}
