/**
 * What happens when someone logs something: the repository stores it, the engine says what it changed.
 * Shared by every surface (commands, modals, buttons); no Slack here.
 */
import type { Catalogue } from '../domain/catalogue.js';
import { RapportError } from '../domain/errors.js';
import { firingCriteriaMet, newlyMetCriteria, type CriterionMet } from '../domain/firingCriteria.js';
import { decay, health, traitWeighting, type Health } from '../domain/health.js';
import type { NewCall, NewIncident } from '../domain/inputs.js';
import { goneQuiet, steppingStoneDrift, type GoneQuiet, type SteppingStoneDrift } from '../domain/signals.js';
import { daysBefore, type ClientProfile, type Decision, type Incident } from '../domain/types.js';
import type { Database } from '../db/client.js';
import { incidentsAndWarnings, loadClientRecord, logCall, logIncident, editCall, editIncident, type Call, type ClientRecord, type Logged } from '../db/queries/activity.js';
import { weightedBaselines } from '../db/queries/digestWeek.js';
import { clientByLeadingWords, suggestClientNames } from '../db/queries/clients.js';
import { decisionsFor } from '../db/queries/decisions.js';
import { retryTransient } from '../db/transient.js';

export interface CallOutcome {
  logged: Logged<Call & { traits: string[] }>;
  before: Health;
  after: Health;
}

type Weighted = { good: number; bad: number };

/** The client's decayed good and bad weight now, from its whole history folded in SQL (one aggregate). */
async function weightedNow(db: Database, teamId: string, catalogue: Catalogue, client: ClientProfile, now: Date): Promise<Weighted> {
  return (await weightedBaselines(db, teamId, catalogue, now, { clientId: client.id })).get(client.id) ?? { good: 0, bad: 0 };
}

function healthFrom(catalogue: Catalogue, client: ClientProfile, weighted: Weighted, now: Date): Health {
  return health(catalogue, client, { baseline: { at: now, weighted }, observations: [] }, now);
}

/** The same weights with one call's traits taken back out: the "before" of a confirmation. */
function withoutCall(catalogue: Catalogue, client: ClientProfile, weighted: Weighted, call: { traits: readonly string[]; occurredAt: Date }, now: Date): Weighted {
  const out = { ...weighted };
  const fade = decay(now.getTime() - call.occurredAt.getTime(), catalogue.thresholds.health.halfLifeDays);
  for (const t of call.traits) {
    const w = traitWeighting(catalogue, client, t);
    if (w) out[w.polarity] -= w.weight * fade;
  }
  // What remains of a call's own weight after subtraction is rounding, not history.
  if (out.good < 1e-12) out.good = 0;
  if (out.bad < 1e-12) out.bad = 0;
  return out;
}

export async function logCallAndScore(
  db: Database,
  teamId: string,
  actor: string,
  catalogue: Catalogue,
  input: NewCall,
  now: Date,
  callId?: string,
): Promise<CallOutcome> {
  const logged = await retryTransient(() =>
    callId ? editCall(db, teamId, actor, catalogue, callId, input) : logCall(db, teamId, actor, catalogue, input),
  );
  const weighted = await retryTransient(() => weightedNow(db, teamId, catalogue, logged.client, now));
  return {
    logged,
    before: healthFrom(catalogue, logged.client, withoutCall(catalogue, logged.client, weighted, logged.entry, now), now),
    after: healthFrom(catalogue, logged.client, weighted, now),
  };
}

export interface IncidentOutcome {
  logged: Logged<Incident>;
  met: CriterionMet[];
  /** Criteria this incident made true: red flags among them are sent to the owner at once. */
  newlyMet: CriterionMet[];
  after: Health;
}

export async function logIncidentAndCheck(
  db: Database,
  teamId: string,
  actor: string,
  catalogue: Catalogue,
  input: NewIncident,
  now: Date,
  incidentId?: string,
): Promise<IncidentOutcome> {
  const logged = await retryTransient(() =>
    incidentId ? editIncident(db, teamId, actor, incidentId, input) : logIncident(db, teamId, actor, input),
  );
  const [{ incidents, warnings }, weighted] = await retryTransient(() =>
    Promise.all([incidentsAndWarnings(db, teamId, logged.client.id), weightedNow(db, teamId, catalogue, logged.client, now)]),
  );
  const others = incidents.filter((i) => i.id !== logged.entry.id);
  const before = firingCriteriaMet(catalogue, others, warnings, now);
  const met = firingCriteriaMet(catalogue, incidents, warnings, now);
  return {
    logged,
    met,
    // A retried delivery triggered nothing new: the first one already did.
    newlyMet: logged.duplicate ? [] : newlyMetCriteria(before, met),
    after: healthFrom(catalogue, logged.client, weighted, now),
  };
}

/** The client named by the leading words of a command, or a not_found with "did you mean" suggestions. */
export async function clientFromWords(
  db: Database,
  teamId: string,
  words: readonly string[],
  /** How many words the name may take at most (the rest belong to the command). */
  stopAt = words.length,
): Promise<{ client: ClientProfile; used: number }> {
  if (words.length === 0) throw new RapportError('invalid_input', 'Which client? Start with its name.', { field: 'client' });
  const found = await retryTransient(() => clientByLeadingWords(db, teamId, words.slice(0, stopAt)));
  if (found) return found;
  const typed = words.slice(0, Math.max(1, Math.min(stopAt, 3))).join(' ');
  const suggestions = await suggestClientNames(db, teamId, words.slice(0, Math.max(1, stopAt)).join(' '))
    .then((s) => (s.length > 0 ? s : suggestClientNames(db, teamId, words[0]!)));
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `“${s}”`).join(' or ')}?` : ' `/client add <name>` registers a new client.';
  throw new RapportError('not_found', `No client called “${typed}”.${hint}`, { suggestions, field: 'client' });
}

export interface ClientOverview {
  client: ClientProfile;
  health: Health;
  /** Health at the end of each of the last 8 weeks, oldest first, ending now. */
  trend: { at: Date; score: number; known: boolean }[];
  criteria: CriterionMet[];
  drift: SteppingStoneDrift | undefined;
  quiet: GoneQuiet | undefined;
  record: ClientRecord;
  decisions: Decision[];
}

export async function clientOverview(
  db: Database,
  teamId: string,
  catalogue: Catalogue,
  client: ClientProfile,
  now: Date,
): Promise<ClientOverview> {
  const [record, decisions] = await Promise.all([loadClientRecord(db, teamId, client.id), decisionsFor(db, teamId, client.id)]);
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
    quiet: goneQuiet(catalogue, client, record.lastCallAt, now),
    record,
    decisions,
  };
}
