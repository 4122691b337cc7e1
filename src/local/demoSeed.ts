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
import { logPayment } from '../db/queries/payments.js';
import { createClient, listClients, updateClient } from '../db/queries/clients.js';
import { recordDecision } from '../db/queries/decisions.js';
import { answerOutcome, setDecisionReview } from '../db/queries/outcomes.js';
import type { DecisionReason, Outcome } from '../domain/outcomes.js';
import { catalogueOf, ensureWorkspace, updateWorkspaceSettings } from '../db/queries/workspaces.js';
import { RapportError } from '../domain/errors.js';
import { seededRandom } from './seededRandom.js';
import { DEMO_TEXTS, type DemoStory, type DemoTexts } from './demoTexts.js';
import { said } from '../i18n/messages.js';
import type { Locale } from '../i18n/locales.js';

type Mood = 'great' | 'good' | 'mixed' | 'poor';
/** A client of the portfolio; its name is in the language the demo is loaded in (demoTexts.ts), by its place here. */
interface DemoClient {
  category: Category;
  relationship: Relationship;
  value: number;
  mood: Mood;
  story?: DemoStory;
}

const CLIENTS: DemoClient[] = [
  { category: 'regular', relationship: 'stepping_stone', value: 2400, mood: 'mixed', story: 'liar' },
  { category: 'regular', relationship: 'long_term', value: 5200, mood: 'good', story: 'late_payer' },
  { category: 'vip', relationship: 'long_term', value: 9800, mood: 'great', story: 'turning_sour' },
  { category: 'vip', relationship: 'long_term', value: 7600, mood: 'good', story: 'gone_quiet' },
  { category: 'regular', relationship: 'stepping_stone', value: 3100, mood: 'poor', story: 'abusive' },
  { category: 'regular', relationship: 'long_term', value: 4300, mood: 'mixed', story: 'disputes' },
  { category: 'regular', relationship: 'long_term', value: 2900, mood: 'good', story: 'competitor' },
  { category: 'problem', relationship: 'stepping_stone', value: 800, mood: 'poor' },
  { category: 'employee', relationship: 'long_term', value: 150, mood: 'great' },
  { category: 'vip', relationship: 'long_term', value: 12000, mood: 'great' },
  { category: 'vip', relationship: 'long_term', value: 15000, mood: 'good' },
  { category: 'vip', relationship: 'long_term', value: 11000, mood: 'great' },
  { category: 'regular', relationship: 'stepping_stone', value: 2100, mood: 'mixed' },
  { category: 'regular', relationship: 'long_term', value: 3600, mood: 'good' },
  { category: 'regular', relationship: 'long_term', value: 2700, mood: 'great' },
  { category: 'regular', relationship: 'stepping_stone', value: 1900, mood: 'poor' },
  { category: 'vip', relationship: 'long_term', value: 8800, mood: 'good' },
  { category: 'regular', relationship: 'long_term', value: 1500, mood: 'mixed' },
  { category: 'regular', relationship: 'unknown', value: 1200, mood: 'good' },
  { category: 'regular', relationship: 'long_term', value: 4100, mood: 'good' },
  { category: 'regular', relationship: 'stepping_stone', value: 1700, mood: 'mixed' },
  { category: 'regular', relationship: 'long_term', value: 2200, mood: 'great' },
  { category: 'problem', relationship: 'stepping_stone', value: 600, mood: 'mixed' },
  { category: 'regular', relationship: 'long_term', value: 3900, mood: 'good' },
  { category: 'regular', relationship: 'stepping_stone', value: 1400, mood: 'poor' },
  { category: 'regular', relationship: 'long_term', value: 2500, mood: 'good' },
  { category: 'regular', relationship: 'unknown', value: 900, mood: 'mixed' },
  { category: 'vip', relationship: 'long_term', value: 6700, mood: 'good' },
  { category: 'employee', relationship: 'long_term', value: 150, mood: 'good' },
  { category: 'regular', relationship: 'stepping_stone', value: 2000, mood: 'mixed' },
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

/** When the owners of the story clients said they would do what demoTexts.ts says (days from today; negative: overdue). */
const NEXT_STEPS_IN_DAYS: Readonly<Record<keyof DemoTexts['nextSteps'], number>> = { liar: -2, abusive: -5, late_payer: 0, turning_sour: 1, gone_quiet: 7 };
const hasNextStep = (story: DemoStory | undefined): story is keyof DemoTexts['nextSteps'] => !!story && story in NEXT_STEPS_IN_DAYS;

/**
 * Decisions taken weeks ago on clients of the portfolio (by their place in CLIENTS), their reasons picked and what
 * came of them answered a month later (issue 30): `/rapport outcomes` has something to count.
 */
const PAST_DECISIONS: { client: number; daysAgo: number; reasons: DecisionReason[]; outcome: Outcome }[] = [
  { client: 7, daysAgo: 75, reasons: ['slow_payment', 'unreasonable_demands'], outcome: 'same' },
  { client: 22, daysAgo: 45, reasons: ['unreasonable_demands'], outcome: 'better' },
];

/** Days until the contract of a story client renews. */
const RENEWS_IN_DAYS: Partial<Record<NonNullable<DemoClient['story']>, number>> = { liar: 20, late_payer: 45, turning_sour: 12, disputes: 90 };

/**
 * Loads the demo portfolio in `locale`'s words (demoTexts.ts). In Turkish, Persian or Finnish the workspace then
 * speaks that language, in its country's currency and time zone: its digest is in that language too.
 */
export function seedDemoPortfolio(db: Database, people: DemoPeople, now: Date, locale: Locale = 'en'): Promise<DemoLoaded> {
  return inWorkspace(people.teamId, () => seedWorkspace(db, people, now, DEMO_TEXTS[locale]));
}

async function seedWorkspace(db: Database, people: DemoPeople, now: Date, texts: DemoTexts): Promise<DemoLoaded> {
  await ensureWorkspace(db, { teamId: people.teamId });
  if ((await listClients(db, { teamId: people.teamId, filter: { includeExited: true } })).length > 0) {
    throw new RapportError('conflict', said('page.seedNotEmpty'));
  }
  await updateWorkspaceSettings(db, {
    teamId: people.teamId,
    by: people.admin,
    patch: {
      digestChannelId: people.channelId,
      ...(texts.language ? { language: texts.language } : {}),
      ...(texts.currency ? { currency: texts.currency } : {}),
      ...(texts.timeZone ? { timeZone: texts.timeZone } : {}),
    },
  });
  const workspace = await ensureWorkspace(db, { teamId: people.teamId });
  const catalogue = catalogueOf(workspace);
  const rand = seededRandom(20261123);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  let calls = 0;
  let incidents = 0;
  let nextSteps = 0;
  const today = localDate(now, workspace.timeZone);
  const money = (amount: number) => amount * texts.valueFactor;

  const clientIds: string[] = [];
  for (const [i, d] of CLIENTS.entries()) {
    const owner = people.owners[i % people.owners.length]!;
    const client = await createClient(db, {
      teamId: people.teamId,
      by: people.admin,
      input: {
        name: texts.clients[i]!,
        category: d.category,
        relationship: d.relationship,
        ownerUserId: owner,
        monthlyValue: money(d.value),
      },
    });
    clientIds.push(client.id);
    const call = async (daysAgo: number, traits: string[], notes = pick(texts.notes)) => {
      await logCall(db, { teamId: people.teamId, by: owner, catalogue, input: { clientId: client.id, occurredAt: ago(daysAgo), traits, notes } });
      calls++;
    };
    const incident = async (daysAgo: number, details: IncidentDetails, description: string) => {
      const logged = await logIncident(db, {
        teamId: people.teamId,
        by: owner,
        input: { clientId: client.id, occurredAt: ago(daysAgo), details, description },
      });
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

    // Two people who see one VIP differently (issue 29): its owner finds communication excellent, a colleague terrible.
    if (i === 9 && people.owners.length > 1) {
      await call(4, ['excellent_communication'], texts.notes[0]);
      const colleague = people.owners[(i + 1) % people.owners.length]!;
      await logCall(db, {
        teamId: people.teamId,
        by: colleague,
        catalogue,
        input: {
          clientId: client.id,
          occurredAt: ago(2),
          traits: ['terrible_communication'],
          notes: texts.notes[1],
        },
      });
      calls++;
    }

    // Contracts of the clients in trouble renew soon: the digest's renewal part has something to show.
    const renewsIn = d.story && RENEWS_IN_DAYS[d.story];
    if (renewsIn) await updateClient(db, { teamId: people.teamId, by: people.admin, clientId: client.id, patch: { renewsOn: addDays(today, renewsIn) } });
    if (hasNextStep(d.story)) {
      await createNextStep(db, {
        teamId: people.teamId,
        by: owner,
        input: {
          clientId: client.id,
          what: texts.nextSteps[d.story],
          assigneeUserId: owner,
          dueOn: addDays(today, NEXT_STEPS_IN_DAYS[d.story]),
          source: 'client',
        },
      });
      nextSteps++;
    }

    const invoice = (prefix: string, n: number) => `${prefix}-${n}`;
    switch (d.story) {
      case 'liar':
        await incident(4, { kind: 'lying' }, texts.liar);
        break;
      case 'late_payer': {
        const [first, second, third] = texts.latePayer;
        const p = texts.invoicePrefix.latePayer;
        await incident(150, { kind: 'slow_payment', daysLate: 21, invoiceRef: invoice(p, 1041), amount: money(5200) }, first);
        await incident(70, { kind: 'slow_payment', daysLate: 34, invoiceRef: invoice(p, 1077), amount: money(5200) }, second);
        await incident(3, { kind: 'slow_payment', daysLate: 18, invoiceRef: invoice(p, 1102), amount: money(5200) }, third);
        // Already on shorter terms (the terms ladder's first step down, issue 30): every log for it says so.
        await updateClient(db, { teamId: people.teamId, by: owner, clientId: client.id, patch: { paymentTerms: 'shorter' } });
        break;
      }
      case 'turning_sour':
        await call(5, ['no_data_sharing', 'withholds_opinions'], texts.turningSour[0]);
        await call(2, ['no_data_sharing', 'negative_attitude'], texts.turningSour[1]);
        break;
      case 'abusive': {
        const first = await incident(30, { kind: 'mental_abuse' }, texts.abusive.first);
        await recordWarning(db, {
          teamId: people.teamId,
          by: owner,
          input: {
            clientId: client.id,
            givenAt: ago(29),
            incidentId: first.id,
            note: texts.abusive.warning,
          },
        });
        await incident(6, { kind: 'mental_abuse' }, texts.abusive.again);
        break;
      }
      case 'disputes': {
        const p = texts.invoicePrefix.disputes;
        await incident(100, { kind: 'invoice_dispute', invoiceRef: invoice(p, 88), amountDisputed: money(1200) }, texts.disputes[0]);
        await incident(12, { kind: 'invoice_dispute', invoiceRef: invoice(p, 97), amountDisputed: money(900) }, texts.disputes[1]);
        break;
      }
      case 'competitor':
        await incident(9, { kind: 'competitor_play', competitor: texts.competitor.name, onAgreedWork: true }, texts.competitor.note);
        break;
      default:
        // Good payers' invoices paid on time: the ladder counts good behaviour too (issue 30).
        if (d.mood === 'great')
          for (const daysAgo of [62, 32, 2])
            await logPayment(db, { teamId: people.teamId, by: owner, input: { clientId: client.id, paidAt: ago(daysAgo), amount: money(d.value) } });
        if (d.mood === 'poor' && rand() < 0.7) await incident(20 + Math.floor(rand() * 40), { kind: 'unreasonable_demands' }, texts.unreasonableDemands);
        if (d.relationship === 'stepping_stone' && rand() < 0.4) await incident(40, { kind: 'slow_payment', daysLate: 12 }, texts.paidLate);
    }
  }
  for (const past of PAST_DECISIONS) {
    const clientId = clientIds[past.client]!;
    const owner = people.owners[past.client % people.owners.length]!;
    const decidedAt = ago(past.daysAgo);
    const decision = await recordDecision(db, {
      teamId: people.teamId,
      by: { actor: people.admin, at: decidedAt },
      input: { clientId, kind: 'require_prepayment' },
    });
    const reviewOn = addDays(localDate(decidedAt, workspace.timeZone), 30);
    await setDecisionReview(db, { teamId: people.teamId, decisionId: decision.id, review: { reasons: past.reasons, reviewOn } });
    await answerOutcome(db, { teamId: people.teamId, by: { actor: owner, at: ago(past.daysAgo - 30) }, decisionId: decision.id, outcome: past.outcome });
  }
  return { clients: CLIENTS.length, calls, incidents, nextSteps };
}
