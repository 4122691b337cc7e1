/**
 * The rules of the trade, in one place (shared/domain.md). Everything that names a trait, a criterion,
 * a category or a default number reads it from here: the drizzle enums, the engine, help text.
 */
import { z } from 'zod';
import './validationMessages.js';
import { wordKey } from './names.js';
import { DEFAULT_LOCALE, firstDayOfWeek, isLocale } from '../i18n/locales.js';
import { INCIDENT_KIND_WORDS, defaultTraitNamed, lookUp } from '../i18n/vocabulary.js';
import { INCIDENT_KINDS, POLARITIES, type IncidentKind, type Polarity } from './kinds.js';

// The kinds a client, a trait, an incident can be (domain.md §1, §2, §4) live in a leaf, kinds.ts.
export { CATEGORIES, CLIENT_STATUSES, INCIDENT_KINDS, POLARITIES, RELATIONSHIPS } from './kinds.js';
export type { Category, ClientStatus, IncidentKind, Polarity, Relationship } from './kinds.js';

// ---------------------------------------------------------------------------------------------
// Relationship traits (domain.md §2)

const traitKey = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'A trait key is 2–40 lowercase letters, digits or _, starting with a letter.');
const alias = z.string().regex(/^[a-z][a-z0-9_-]{0,29}$/, 'A trait’s short words are lowercase letters, digits, - or _.');
const weight = z.number().positive().max(100);

export const traitDefinitionSchema = z.object({
  key: traitKey,
  dimension: traitKey,
  polarity: z.enum(POLARITIES),
  label: z.string().min(1).max(75),
  weight: weight.default(1),
  /** Short words accepted after `+`/`-` in `/call` (the sign picks the polarity). */
  aliases: z.array(alias).default([]),
});
export type TraitDefinition = z.infer<typeof traitDefinitionSchema>;

const trait = (key: string, dimension: string, polarity: Polarity, label: string, aliases: string[]): TraitDefinition => ({
  key,
  dimension,
  polarity,
  label,
  weight: 1,
  aliases,
});

export const DEFAULT_TRAITS: readonly TraitDefinition[] = [
  trait('excellent_communication', 'communication', 'good', 'Excellent communication', ['communication', 'comms']),
  trait('shares_information', 'information', 'good', 'Shares information', ['information', 'info', 'sharing', 'reporting', 'data']),
  trait('shares_opinions', 'opinions', 'good', 'Shares opinions openly', ['opinions', 'opinion']),
  trait('exceeds_expectations', 'knowledge', 'good', 'Exceeds knowledge and expectations (teaches)', ['knowledge', 'teaches', 'expectations']),
  trait('positive_attitude', 'attitude', 'good', 'Positive attitude', ['attitude', 'positive']),
  trait('terrible_communication', 'communication', 'bad', 'Terrible communication', ['communication', 'comms']),
  trait('no_data_sharing', 'information', 'bad', 'No data sharing or reporting', ['information', 'info', 'sharing', 'reporting', 'data']),
  trait('withholds_opinions', 'opinions', 'bad', 'Withholds opinions', ['opinions', 'opinion']),
  trait('hoards_knowledge', 'knowledge', 'bad', 'Hoards knowledge (no teaching)', ['knowledge', 'hoarding']),
  trait('negative_attitude', 'attitude', 'bad', 'Negative attitude', ['attitude', 'negative']),
  trait('poor_etiquette', 'etiquette', 'bad', 'Poor communication etiquette', ['etiquette']),
  trait('unresolved_arguments', 'conflict', 'bad', 'Arguments end unresolved', ['arguments', 'conflict', 'unresolved']),
  trait('no_strategic_planning', 'planning', 'bad', 'No strategic planning', ['planning', 'strategy']),
];

/** The team's own side of a good relationship: recorded as a checklist, never scored (domain.md §2). */
export const OUR_SIDE_CHECKLIST = ['communication', 'compassion', 'confidence', 'clarity'] as const;

// ---------------------------------------------------------------------------------------------
// Firing criteria (domain.md §4)

export const CRITERION_CLASSES = ['red_flag', 'pattern'] as const;
export type CriterionClass = (typeof CRITERION_CLASSES)[number];

export interface CriterionDefinition {
  /** The criterion's number in domain.md §4 (1–10). */
  number: number;
  kind: IncidentKind;
  class: CriterionClass;
  label: string;
}

export const CRITERIA: readonly CriterionDefinition[] = [
  { number: 1, kind: 'physical_abuse', class: 'red_flag', label: 'Physical abuse' },
  { number: 2, kind: 'mental_abuse', class: 'red_flag', label: 'Mental abuse after being told it is unacceptable' },
  { number: 3, kind: 'lying', class: 'red_flag', label: 'Lying' },
  { number: 4, kind: 'unreasonable_demands', class: 'red_flag', label: 'Unreasonable demands' },
  { number: 5, kind: 'slow_payment', class: 'pattern', label: 'Chronically slow payment' },
  { number: 6, kind: 'invoice_dispute', class: 'pattern', label: 'Constantly disputes invoices' },
  { number: 7, kind: 'changes_mind', class: 'pattern', label: 'Keeps changing their mind' },
  { number: 8, kind: 'ignores_advice', class: 'pattern', label: 'Ignores advice, then expects rescue' },
  { number: 9, kind: 'competitor_play', class: 'pattern', label: 'Plays you against competitors' },
  { number: 10, kind: 'legal_exposure', class: 'pattern', label: 'Legal exposure' },
];

/** Words accepted for each kind in `/incident <client> <kind>` (the key itself, with - or _, always works). */
export const INCIDENT_KIND_ALIASES: Record<IncidentKind, readonly string[]> = {
  physical_abuse: ['physical', 'violence'],
  mental_abuse: ['abuse', 'mental', 'verbal', 'abusive'],
  lying: ['lie', 'lied', 'lies', 'liar'],
  unreasonable_demands: ['demands', 'demand', 'unreasonable'],
  slow_payment: ['late', 'slow', 'late-payment', 'paid-late'],
  invoice_dispute: ['dispute', 'disputes', 'disputed'],
  changes_mind: ['changed-mind', 'mind', 'flip-flop'],
  ignores_advice: ['ignored-advice', 'advice', 'ignored'],
  competitor_play: ['competitor', 'competitors', 'shopping'],
  legal_exposure: ['legal', 'lawsuit', 'liability'],
};

/** The kind a word names: its key or an English alias, or a word of any of the four languages (i18n/vocabulary.ts). */
export function incidentKindFromWord(word: string): IncidentKind | undefined {
  const key = wordKey(word);
  if (!key) return undefined;
  return INCIDENT_KINDS.find((k) => wordKey(k) === key || INCIDENT_KIND_ALIASES[k].some((a) => wordKey(a) === key)) ?? lookUp(INCIDENT_KIND_WORDS, word);
}

export function criterionFor(kind: IncidentKind): CriterionDefinition {
  const found = CRITERIA.find((c) => c.kind === kind);
  if (!found) throw new Error(`no criterion for incident kind ${kind}`);
  return found;
}

/** Kind-specific incident fields (domain.md §4, last column). One schema, used by the store and the Slack modals. */
/** Short one-line texts inside the jsonb details: no control characters (Postgres jsonb cannot hold NUL). */
const detailText = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'This field cannot contain line breaks or control characters.');
const invoiceRef = detailText;
const amount = z.number().nonnegative().max(1e12);
export const incidentDetailsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('physical_abuse') }),
  z.object({ kind: z.literal('mental_abuse') }),
  z.object({ kind: z.literal('lying') }),
  z.object({ kind: z.literal('unreasonable_demands') }),
  z.object({
    kind: z.literal('slow_payment'),
    invoiceRef: invoiceRef.optional(),
    amount: amount.optional(),
    daysLate: z.number().int().min(1).max(3650),
  }),
  z.object({ kind: z.literal('invoice_dispute'), invoiceRef: invoiceRef.optional(), amountDisputed: amount.optional() }),
  z.object({ kind: z.literal('changes_mind') }),
  z.object({ kind: z.literal('ignores_advice') }),
  z.object({
    kind: z.literal('competitor_play'),
    competitor: detailText.optional(),
    /** Criterion 9 counts only play on agreed or ongoing work; that is the usual case, so it defaults to true. */
    onAgreedWork: z.boolean().default(true),
  }),
  z.object({ kind: z.literal('legal_exposure') }),
]);
export type IncidentDetails = z.infer<typeof incidentDetailsSchema>;

// ---------------------------------------------------------------------------------------------
// Thresholds (domain.md §3–5 defaults; each workspace may override, validated below)

const days = z.number().int().min(1).max(3650);
const count = z.number().int().min(1).max(100);
/** `null` window: counts incidents ever. */
const countRule = z.object({ count, windowDays: days.nullable() });

export const thresholdsSchema = z
  .object({
    health: z.object({
      halfLifeDays: z.number().min(1).max(3650),
      healthyFrom: z.number().int().min(1).max(100),
      atRiskBelow: z.number().int().min(1).max(100),
    }),
    turnedBad: z.object({
      dropPoints: z.number().int().min(1).max(100),
      vipDropPoints: z.number().int().min(1).max(100),
      flipRecentCount: count,
      flipRecentDays: days,
      flipPriorDays: days,
    }),
    /**
     * Stay in touch (domain.md §3, issue 29): the longest a client of each category may go without a call before it
     * is overdue for contact; a client's own cadence (clients.cadence_days) overrides its category's.
     */
    cadenceDays: z.object({ vip: days, regular: days, problem: days, employee: days }),
    /** Two people's opposite traits on one dimension this many days apart or less are a disagreement to talk over. */
    disagreementDays: days,
    steppingStoneDrift: z.object({ latePayments: count, windowDays: days }),
    snoozeDays: days,
    /** The digest's retention figure looks this far back. */
    retentionDays: days,
    /** The terms ladder (domain/paymentTerms.ts): when Rapport proposes shorter terms or prepayment, and back. */
    paymentTerms: z.object({
      windowDays: days,
      /** Step down when the late payments in the window weigh this many typical late payments (amount × days late). */
      stepDownWeight: z.number().positive().max(1000),
      /** A typical late payment: a typical invoice this many days late (the invoice is the client's monthly value, else `typicalInvoice`). */
      typicalDaysLate: days,
      typicalInvoice: z.number().positive().max(1e12),
      /** Or when the money paid late or disputed in the window reaches this many typical invoices. */
      stepDownInvoices: z.number().positive().max(1000),
      /** Step back up after this many payments on time in a row. */
      stepUpOnTime: count,
    }),
    criteria: z.object({
      physical_abuse: countRule,
      /** Mental abuse needs a warning first; `count` incidents after it meet the criterion. */
      mental_abuse: countRule,
      lying: countRule,
      unreasonable_demands: countRule,
      slow_payment: countRule.extend({ severeDaysLate: days }),
      invoice_dispute: countRule,
      changes_mind: countRule,
      ignores_advice: countRule,
      competitor_play: countRule,
      legal_exposure: countRule,
    }),
  })
  .refine((t) => t.health.atRiskBelow <= t.health.healthyFrom, {
    message: 'The at-risk band must start below the healthy band.',
    path: ['health', 'atRiskBelow'],
  });
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const DEFAULT_THRESHOLDS: Thresholds = {
  health: { halfLifeDays: 30, healthyFrom: 70, atRiskBelow: 40 },
  turnedBad: { dropPoints: 15, vipDropPoints: 10, flipRecentCount: 2, flipRecentDays: 14, flipPriorDays: 60 },
  // VIPs need more attention (seed 003; domain.md §1, §3 flags them earlier): every 2 weeks. Regular and problem
  // clients keep the former 30-day rule (a problem client's risk is met by prepayment, not by calling more); staff
  // buying at special prices are seen at work anyway: every 2 months.
  cadenceDays: { vip: 14, regular: 30, problem: 30, employee: 60 },
  // The flip rule's recent window (turnedBad.flipRecentDays): the same stretch in which two views still describe one client.
  disagreementDays: 14,
  steppingStoneDrift: { latePayments: 2, windowDays: 180 },
  snoozeDays: 14,
  retentionDays: 90,
  paymentTerms: { windowDays: 180, stepDownWeight: 3, typicalDaysLate: 30, typicalInvoice: 1000, stepDownInvoices: 5, stepUpOnTime: 4 },
  criteria: {
    physical_abuse: { count: 1, windowDays: null },
    mental_abuse: { count: 1, windowDays: null },
    lying: { count: 1, windowDays: null },
    unreasonable_demands: { count: 2, windowDays: 90 },
    slow_payment: { count: 3, windowDays: 180, severeDaysLate: 60 },
    invoice_dispute: { count: 2, windowDays: 180 },
    changes_mind: { count: 3, windowDays: 90 },
    ignores_advice: { count: 2, windowDays: 180 },
    competitor_play: { count: 1, windowDays: 180 },
    legal_exposure: { count: 1, windowDays: null },
  },
};

/** Every threshold a workspace may change, as `/rapport settings threshold <name>` spells it (dotted paths). */
export const THRESHOLD_NAMES: readonly string[] = (function leaves(node: unknown, prefix: string): string[] {
  if (node === null || typeof node !== 'object') return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
})(DEFAULT_THRESHOLDS, '');

/** The dotted names in a threshold override that are not thresholds (typos are refused, never stored). */
export function unknownThresholdNames(patch: unknown, prefix = ''): string[] {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    return THRESHOLD_NAMES.includes(prefix) ? [] : [prefix];
  }
  return Object.entries(patch).flatMap(([k, v]) => {
    const name = prefix ? `${prefix}.${k}` : k;
    return THRESHOLD_NAMES.some((t) => t === name || t.startsWith(`${name}.`)) ? unknownThresholdNames(v, name) : [name];
  });
}

/** A stored override with any unknown names left out (written before they were refused). */
export function knownThresholdsOnly(patch: unknown, prefix = ''): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    const name = prefix ? `${prefix}.${k}` : k;
    if (THRESHOLD_NAMES.includes(name) || (THRESHOLD_NAMES.some((t) => t.startsWith(`${name}.`)) && v !== null && typeof v === 'object')) {
      out[k] = knownThresholdsOnly(v, name);
    }
  }
  return out;
}

/** How long the Undo button of a log confirmation works (its author only); Edit works after that. */
export const UNDO_MINUTES = 10;

/** domain.md §5: Monday 09:00 in the workspace's time zone. Day is 0 (Sunday) – 6 (Saturday). */
export const DEFAULT_DIGEST_SCHEDULE = { day: 1, time: '09:00', timeZone: 'UTC' } as const;

/** The digest's day: the one an admin chose, else the first day of the week where the workspace's language is spoken (Saturday in Iran). */
export const digestDayOf = (w: { digestDay: number | null; language: string | null }): number =>
  w.digestDay ?? firstDayOfWeek(isLocale(w.language) ? w.language : DEFAULT_LOCALE);

// ---------------------------------------------------------------------------------------------
// Workspace overrides

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/**
 * What a workspace may store in its settings: threshold overrides, extra traits, and weight changes to
 * existing traits. Shapes are checked here; the merged result is checked again by `resolveCatalogue`.
 */
export const workspaceOverridesSchema = z
  .object({
    thresholds: z.record(z.string(), z.unknown()).optional(),
    extraTraits: z.array(traitDefinitionSchema).max(50).optional(),
    traitWeights: z.record(traitKey, weight).optional(),
  })
  .strict();
export type WorkspaceOverrides = z.infer<typeof workspaceOverridesSchema> & {
  thresholds?: DeepPartial<Thresholds>;
};

export interface Catalogue {
  traits: readonly TraitDefinition[];
  thresholds: Thresholds;
}

export class CatalogueError extends Error {
  readonly code = 'invalid_settings';
}

function deepMerge<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base) || typeof patch !== 'object' || patch === null) {
    return patch as T;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
  return out as T;
}

/** The issues as sentences (the error map in validationMessages.ts names each field). */
function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => i.message).join(' ');
}

/** The effective catalogue of a workspace: defaults, then its validated overrides. Throws a readable CatalogueError. */
export function resolveCatalogue(overrides: unknown = {}): Catalogue {
  const parsed = workspaceOverridesSchema.safeParse(overrides ?? {});
  if (!parsed.success) throw new CatalogueError(`These settings cannot be used: ${describeIssues(parsed.error)}`);
  const { thresholds: thresholdPatch, extraTraits = [], traitWeights = {} } = parsed.data;

  const thresholds = thresholdsSchema.safeParse(deepMerge(DEFAULT_THRESHOLDS, thresholdPatch));
  if (!thresholds.success) throw new CatalogueError(`These thresholds cannot be used: ${describeIssues(thresholds.error)}`);

  const traits = [...DEFAULT_TRAITS, ...extraTraits];
  const keys = new Set<string>();
  for (const t of traits) {
    if (keys.has(t.key)) throw new CatalogueError(`Trait "${t.key}" is defined twice`);
    keys.add(t.key);
  }
  for (const key of Object.keys(traitWeights)) {
    if (!keys.has(key)) throw new CatalogueError(`Cannot change the weight of unknown trait "${key}"`);
  }
  return {
    traits: traits.map((t) => ({ ...t, weight: traitWeights[t.key] ?? t.weight })),
    thresholds: thresholds.data,
  };
}

export const DEFAULT_CATALOGUE: Catalogue = resolveCatalogue();

/** Each catalogue's traits by key, built on first use: health looks a trait up for every observation it weighs. */
const traitIndexes = new WeakMap<readonly TraitDefinition[], Map<string, TraitDefinition>>();

export function traitByKey(catalogue: Catalogue, key: string): TraitDefinition | undefined {
  let index = traitIndexes.get(catalogue.traits);
  if (!index) {
    index = new Map(catalogue.traits.map((t) => [t.key, t]));
    traitIndexes.set(catalogue.traits, index);
  }
  return index.get(key);
}

/**
 * `+communication` / `-reporting` → the trait of that polarity whose key or alias matches.
 * Returns undefined when nothing matches, so callers can list the choices.
 */
export function resolveTraitWord(catalogue: Catalogue, polarity: Polarity, word: string): TraitDefinition | undefined {
  const key = wordKey(word);
  if (!key) return undefined;
  // The workspace's own words first (its custom traits keep their aliases), then the default traits' words in any language.
  const own = catalogue.traits.find((t) => t.polarity === polarity && (wordKey(t.key) === key || t.aliases.some((a) => wordKey(a) === key)));
  if (own) return own;
  const named = defaultTraitNamed(catalogue.traits, polarity, word);
  return named ? traitByKey(catalogue, named) : undefined;
}
