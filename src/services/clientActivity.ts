/**
 * What happens when someone logs something: the repository stores it, the engine says what it changed.
 * Shared by every surface (commands, modals, buttons); no Slack here.
 */
import type { Catalogue } from '../domain/catalogue.js';
import { RapportError } from '../domain/errors.js';
import { md, said } from '../i18n/messages.js';
import { firingCriteriaMet, newlyMetCriteria, type CriterionMet } from '../domain/firingCriteria.js';
import { health, healthOfTotals, type Health } from '../domain/health.js';
import { scoreParts, weekMovement, type ScoreParts, type WeekMovement } from '../domain/explain.js';
import { restoreGreen, type RestoreGreen } from '../domain/restoreGreen.js';
import type { NewCall, NewIncident } from '../domain/inputs.js';
import { steppingStoneDrift, type SteppingStoneDrift } from '../domain/signals.js';
import { contactLineOf, overdueForContact, type ContactLine, type OverdueForContact } from '../domain/cadence.js';
import { disagreementsMadeBy, disputedAt, disputeShownDays, type Disagreement } from '../domain/disagreements.js';
import type { Observation } from '../domain/types.js';
import { daysBefore, type ClientProfile, type Decision, type Incident, type Warning, type WeightedTotals } from '../domain/types.js';
import type { Database } from '../db/client.js';
import {
  editCall,
  editIncident,
  getCall,
  getIncident,
  incidentsAndWarnings,
  logCall,
  logIncident,
  recordWarning,
  undoEntry as undoLoggedEntry,
  type Call,
  type ClientRecord,
  type Logged,
} from '../db/queries/activity.js';
import { weightedBaselines } from '../db/queries/portfolio/weights.js';
import { loadClientOverview } from '../db/queries/clientOverview.js';
import { readAroundCall } from '../db/queries/aroundCall.js';
import { requireClient } from '../db/queries/clients.js';
import { authorOf, type Act, type ActIn } from './act.js';
import { PAYMENT_INCIDENTS, reviewPaymentTerms, type TermsCase } from './paymentTerms.js';
import { paymentEvents } from '../db/queries/payments.js';
import type { PaymentEvent } from '../domain/paymentTerms.js';

export interface CallOutcome {
  logged: Logged<Call & { traits: string[] }>;
  /** Health now, without this call: `after − before` is what the call itself did. */
  before: Health;
  after: Health;
  /** Health when the client's previous call was logged (what people last saw), if it had one. */
  previous?: { at: Date; health: Health };
  /** The firing criteria the client meets now: said beside its health (issue 29). */
  criteria?: CriterionMet[];
  /** Opposite traits this call's observations make with someone else's lately: both observers and the owner are told. */
  disagreements?: Disagreement<Observation>[];
}

/** The client's decayed good and bad weight at `at`, its whole history folded in SQL (one aggregate). */
async function weightedAt(db: Database, teamId: string, catalogue: Catalogue, client: ClientProfile, at: Date, exceptCallId?: string): Promise<WeightedTotals> {
  return (await weightedBaselines(db, { teamId, catalogue, at, scope: { clientId: client.id, exceptCallId } })).get(client.id) ?? { good: 0, bad: 0 };
}

/**
 * Logs (or, with `editing`, edits) a call and says how it moved the client's health: now with and without it,
 * and at the previous call, so a change people did not expect explains itself (older traits fade between calls).
 */
export async function logCallAndScore(
  db: Database,
  act: ActIn,
  input: NewCall,
  /** `editing`: the call edited; `client`: the client as just read (a command named it), not read again. */
  { editing, client: known }: { editing?: string | undefined; client?: ClientProfile } = {},
): Promise<CallOutcome> {
  const { teamId, catalogue, at: now } = act;
  const logged = editing
    ? await editCall(db, { teamId, by: authorOf(act), catalogue, callId: editing, input })
    : await logCall(db, { teamId, by: authorOf(act), catalogue, input, ...(known ? { client: known } : {}) });
  const { client, entry } = logged;
  // An edited call makes no disagreements: its pairs were named when it was first logged.
  const { weights, incidents, warnings, disputing } = await readAroundCall(db, {
    teamId,
    catalogue,
    call: { ...entry, clientId: client.id },
    at: now,
    disputes: !editing,
  });
  return {
    logged,
    // Each pair is named once: when the later of its two calls is logged (an edit reads nothing to judge).
    disagreements: disagreementsMadeBy(catalogue, disputing, entry.id),
    before: healthOfTotals(catalogue, weights.withoutCall),
    after: healthOfTotals(catalogue, weights.withCall),
    ...(weights.previous ? { previous: { at: weights.previous.at, health: healthOfTotals(catalogue, weights.previous.totals) } } : {}),
    criteria: firingCriteriaMet(catalogue, incidents, warnings, now),
  };
}

export interface IncidentOutcome {
  logged: Logged<Incident>;
  met: CriterionMet[];
  /** Criteria this incident made true: red flags among them are sent to the owner at once. */
  newlyMet: CriterionMet[];
  /**
   * Who hears of a red flag this incident newly met (domain.md §4: the owner, at once, by DM): `dm_owner`; or
   * why nobody is DMed (no owner; the owner logged it; the owner is not a member here, which only Slack can tell,
   * so the Slack layer sets it). Undefined when no red flag is newly met.
   */
  redFlagNotice: 'dm_owner' | 'no_owner' | 'owner_logged' | 'owner_not_member' | undefined;
  /** Set when this incident made a long-term client pay like a stepping-stone client (domain.md §4). */
  driftStarted: SteppingStoneDrift | undefined;
  after: Health;
  /** A late payment or a dispute may make the terms ladder propose a step (services/paymentTerms.ts). */
  terms?: TermsCase | undefined;
}

/** Logs (or, with `editing`, edits) an incident and says which firing criteria it met, and what that sets off. */
export async function logIncidentAndCheck(db: Database, act: ActIn, input: NewIncident, editing?: string): Promise<IncidentOutcome> {
  const { teamId, catalogue, actor, at: now } = act;
  const logged = editing
    ? await editIncident(db, { teamId, by: authorOf(act), incidentId: editing, input })
    : await logIncident(db, { teamId, by: authorOf(act), input });
  const [{ incidents, warnings }, weighted] = await Promise.all([
    incidentsAndWarnings(db, { teamId, clientId: logged.client.id }),
    weightedAt(db, teamId, catalogue, logged.client, now),
  ]);
  const others = incidents.filter((i) => i.id !== logged.entry.id);
  const before = firingCriteriaMet(catalogue, others, warnings, now);
  const met = firingCriteriaMet(catalogue, incidents, warnings, now);
  const drift = steppingStoneDrift(catalogue, logged.client, incidents, now);
  // What this incident made true, measured without it: the same when its request is worked again after a crash.
  const newlyMet = newlyMetCriteria(before, met);
  const owner = logged.client.ownerUserId;
  return {
    logged,
    met,
    newlyMet,
    redFlagNotice: !newlyMet.some((m) => m.criterion.class === 'red_flag') ? undefined : !owner ? 'no_owner' : owner === actor ? 'owner_logged' : 'dm_owner',
    driftStarted: drift && !steppingStoneDrift(catalogue, logged.client, others, now) ? drift : undefined,
    after: healthOfTotals(catalogue, weighted),
    terms: PAYMENT_INCIDENTS.has(logged.entry.kind) ? await reviewPaymentTerms(db, act, logged.client.id) : undefined,
  };
}

export interface ClientOverview {
  client: ClientProfile;
  health: Health;
  /** Health at the end of each of the last 8 weeks, oldest first, ending now. */
  trend: { at: Date; score: number; known: boolean }[];
  criteria: CriterionMet[];
  drift: SteppingStoneDrift | undefined;
  /** Overdue for contact (domain/cadence.ts). */
  quiet: OverdueForContact | undefined;
  /** Stay in touch: the cadence, who was last in touch, when and how; undefined once exited. */
  contact?: ContactLine | undefined;
  /** Dimensions two people see oppositely lately (domain/disagreements.ts): the score weighs both, and says so. */
  disputed?: Disagreement<Observation>[];
  record: ClientRecord;
  decisions: Decision[];
  /** The health now as its parts, what moved it in the last week, and what would bring it back to healthy (issue 29). */
  explained: ScoreParts;
  week: WeekMovement;
  restore: RestoreGreen;
  /** Its payments in the terms ladder's window, late and on time (issue 30). */
  payments?: PaymentEvent[];
}

/** Everything `/client show` says about a client, as of the act's moment. */
export async function clientOverview(
  db: Database,
  act: Pick<ActIn, 'teamId' | 'catalogue' | 'at' | 'timeZone'>,
  client: ClientProfile,
): Promise<ClientOverview> {
  const { teamId, catalogue, at: now, timeZone } = act;
  const paymentsFrom = daysBefore(now, catalogue.thresholds.paymentTerms.windowDays);
  // Its late payments and disputes are among the record's incidents.
  const { record, decisions, onTime } = await loadClientOverview(db, { teamId, clientId: client.id, paymentsFrom });
  const payments = paymentEvents(record.incidents, onTime, paymentsFrom);
  const history = { observations: record.observations };
  const trend = Array.from({ length: 8 }, (_, i) => {
    const at = daysBefore(now, 7 * (7 - i));
    const h = health(catalogue, client, history, at);
    return { at, score: h.score, known: h.known };
  });
  return {
    client,
    health: health(catalogue, client, history, now),
    trend,
    criteria: firingCriteriaMet(catalogue, record.incidents, record.warnings, now),
    drift: steppingStoneDrift(catalogue, client, record.incidents, now),
    quiet: overdueForContact(catalogue, client, record.lastCallAt, now, timeZone),
    contact: contactLineOf(catalogue, client, record.calls, record.incidents, now, timeZone),
    disputed: disputedAt(catalogue, record.observations, now, disputeShownDays(catalogue)),
    record,
    decisions,
    explained: scoreParts(catalogue, client, history, now),
    week: weekMovement(catalogue, client, history, record.incidents, now),
    restore: restoreGreen(catalogue, client, history, now),
    payments,
  };
}

/** Undo (its author only, within UNDO_MINUTES): the entry is gone; returns its client. */
export async function undoEntry(db: Database, act: Act, entry: { kind: 'call' | 'incident'; id: string }): Promise<ClientProfile> {
  return undoLoggedEntry(db, { teamId: act.teamId, by: authorOf(act), entry });
}

/** A call, with its client, for its author to edit (anyone else is refused early, and again on submit). */
export async function callForEdit(db: Database, act: Act, callId: string): Promise<{ call: Call & { traits: string[] }; client: ClientProfile }> {
  const call = await getCall(db, { teamId: act.teamId, callId });
  if (!call) throw new RapportError('not_found', said('errors.call.goneForEdit'));
  if (call.loggedBy !== act.actor) throw new RapportError('forbidden', said('errors.call.notYoursToEdit', { who: md(`<@${call.loggedBy}>`) }));
  return { call, client: await requireClient(db, { teamId: act.teamId, clientId: call.clientId }) };
}

export async function incidentForEdit(db: Database, act: Act, incidentId: string): Promise<{ incident: Incident; client: ClientProfile }> {
  const incident = await incidentOf(db, act, incidentId);
  if (incident.loggedBy !== act.actor) throw new RapportError('forbidden', said('errors.incident.notYoursToEdit', { who: md(`<@${incident.loggedBy}>`) }));
  return { incident, client: await requireClient(db, { teamId: act.teamId, clientId: incident.clientId }) };
}

export async function incidentOf(db: Database, act: Pick<Act, 'teamId'>, incidentId: string): Promise<Incident> {
  const incident = await getIncident(db, { teamId: act.teamId, incidentId });
  if (!incident) throw new RapportError('not_found', said('errors.incident.goneForEdit'));
  return incident;
}

/** The client was told this abuse is unacceptable (criterion 2 counts abuse only after this). Who may is checked by the caller. */
export async function recordClientTold(db: Database, act: Act, incident: Incident): Promise<Warning> {
  return recordWarning(db, {
    teamId: act.teamId,
    by: authorOf(act),
    input: { clientId: incident.clientId, kind: 'mental_abuse', givenAt: act.at, incidentId: incident.id },
  });
}

export type { Call, ClientRecord, Logged };
