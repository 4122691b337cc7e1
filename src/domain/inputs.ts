/**
 * Every input that can change stored data, defined once. The repository parses with these at its boundary;
 * the Slack layer (command text, modal state) produces the same shapes.
 */
import { LOCALES } from '../i18n/locales.js';
import { z } from 'zod';
import {
  CATEGORIES,
  CLIENT_STATUSES,
  INCIDENT_KINDS,
  OUR_SIDE_CHECKLIST,
  RELATIONSHIPS,
  incidentDetailsSchema,
  traitByKey,
  workspaceOverridesSchema,
  type Catalogue,
  type TraitDefinition,
} from './catalogue.js';
import { displayName, nameKey } from './names.js';
import { NEXT_STEP_SOURCES } from './nextSteps.js';
import { PAYMENT_TERMS } from './paymentTerms.js';
import { DECISION_KINDS } from './types.js';
import { decisionReasonsSchema } from './outcomes.js';
import { phrase } from './validationMessages.js';
import { said, type MessageKey, type Said } from '../i18n/messages.js';
import { traitNameSaid } from '../i18n/labels.js';

/** A field's words in a sentence (validation.ts: `validation.field.<name>`). */
const fieldOf = (name: string) => ({ field: said(`validation.field.${name}` as MessageKey) });

/** No control characters (newlines, NUL, bidi overrides…) in one-line fields. */
const oneLine = (max: number, field: string) =>
  z
    .string()
    .trim()
    .min(1, phrase('validation.empty', fieldOf(field)))
    .max(max, phrase('validation.maxChars', { ...fieldOf(field), max }))
    .regex(/^[^\p{Cc}\u202A-\u202E\u2066-\u2069]*$/u, phrase('validation.controlChars', fieldOf(field)));

/** Long free text (notes, descriptions): bounded, NUL stripped (Postgres text cannot hold it). */
const freeText = (max: number, field: string) =>
  z
    .string()
    .max(max, phrase('validation.maxChars', { ...fieldOf(field), max }))
    .transform((s) => s.replace(/\u0000/g, '').trim());

export const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, phrase('validation.slackPerson'));
export const slackTeamId = z.string().regex(/^[TE][A-Z0-9]{2,}$/, phrase('validation.slackTeam'));
export const slackChannelId = z.string().regex(/^[CGD][A-Z0-9]{2,}$/, phrase('validation.slackChannel'));

/** Stored as typed, in NFC with single spaces (`displayName`); it must have something visible to compare by. */
export const clientNameSchema = oneLine(80, 'name')
  .transform(displayName)
  .refine((s) => nameKey(s).length > 0, phrase('validation.nameVisible'));
export const monthlyValueSchema = z.number().nonnegative(phrase('validation.monthlyNegative')).max(1e10).nullable();

export const newClientSchema = z.object({
  name: clientNameSchema,
  category: z.enum(CATEGORIES).default('regular'),
  relationship: z.enum(RELATIONSHIPS).default('unknown'),
  ownerUserId: slackUserId.nullable().default(null),
  monthlyValue: monthlyValueSchema.default(null),
});
export type NewClient = z.input<typeof newClientSchema>;

export const clientPatchSchema = z
  .object({
    name: clientNameSchema,
    category: z.enum(CATEGORIES),
    relationship: z.enum(RELATIONSHIPS),
    status: z.enum(CLIENT_STATUSES),
    ownerUserId: slackUserId.nullable(),
    monthlyValue: monthlyValueSchema,
    renewsOn: z.iso.date(phrase('validation.renewalDay')).nullable(),
    cadenceDays: z.number().int().min(1).max(3650).nullable(),
    paymentTerms: z.enum(PAYMENT_TERMS).nullable(),
    traitWeights: z.record(z.string(), z.number().positive().max(100)),
  })
  .partial()
  .strict();
export type ClientPatch = z.input<typeof clientPatchSchema>;

/** A Slack message's permalink, kept as an entry's evidence: a web link only (never `javascript:` and the like). */
export const evidenceUrlSchema = z.url({ protocol: /^https?$/, error: phrase('validation.slackLink') }).max(500);

export const newCallSchema = z.object({
  clientId: z.uuid(),
  occurredAt: z.date(),
  /** Trait keys; checked against the workspace catalogue by the repository. */
  traits: z
    .array(z.string())
    .max(30, phrase('validation.maxTraits', { max: 30 }))
    .default([]),
  notes: freeText(3000, 'notes').default(''),
  ourSide: z.array(z.enum(OUR_SIDE_CHECKLIST)).default([]),
  evidenceUrl: evidenceUrlSchema.nullable().default(null),
});
export type NewCall = z.input<typeof newCallSchema>;

/**
 * Opposite traits of one dimension (`+communication` and `-communication`) cannot both be observed on one call:
 * the refusal naming the first such pair, or undefined. The command and the form both ask this before storing.
 */
export function contradictoryTraits(catalogue: Catalogue, keys: readonly string[]): Said | undefined {
  const traits = keys.map((key) => traitByKey(catalogue, key)).filter((t) => t !== undefined);
  const opposite = (t: TraitDefinition) => traits.find((o) => o.dimension === t.dimension && o.polarity !== t.polarity);
  const good = traits.find((t) => t.polarity === 'good' && opposite(t));
  if (!good) return undefined;
  return said('input.contradictoryTraits', { good: traitNameSaid(catalogue, good.key), bad: traitNameSaid(catalogue, opposite(good)!.key) });
}

export const newIncidentSchema = z.object({
  clientId: z.uuid(),
  occurredAt: z.date(),
  description: freeText(3000, 'description').default(''),
  details: incidentDetailsSchema,
  evidenceUrl: evidenceUrlSchema.nullable().default(null),
});
export type NewIncident = z.input<typeof newIncidentSchema>;

/** A payment on time (issue 30): good behaviour, never an incident. */
export const newPaymentSchema = z.object({
  clientId: z.uuid(),
  paidAt: z.date(),
  amount: z.number().nonnegative().max(1e12).nullable().default(null),
  invoiceRef: oneLine(100, 'invoiceRef').nullable().default(null),
});
export type NewPayment = z.input<typeof newPaymentSchema>;

export const newWarningSchema = z.object({
  clientId: z.uuid(),
  /** Criterion 2 is the one that needs a warning, so that is the default. */
  kind: z.enum(INCIDENT_KINDS).default('mental_abuse'),
  givenAt: z.date(),
  incidentId: z.uuid().nullable().default(null),
  note: freeText(1000, 'note').default(''),
});
export type NewWarning = z.input<typeof newWarningSchema>;

/** A decision from the digest; keeping a client that meets firing criteria needs a reason (domain.md §5). */
export const newDecisionSchema = z
  .object({
    clientId: z.uuid(),
    kind: z.enum(DECISION_KINDS),
    reason: freeText(1000, 'reason').nullable().default(null),
    digestId: z.uuid().nullable().default(null),
  })
  .refine((d) => d.kind !== 'keep' || (d.reason ?? '').length > 0, {
    message: phrase('validation.keepNeedsReason'),
    path: ['reason'],
  });
export type NewDecision = z.input<typeof newDecisionSchema>;

/** A next step (domain/nextSteps.ts); whether its day is possible depends on today (`dueDayProblem`). */
export const newNextStepSchema = z.object({
  clientId: z.uuid(),
  what: oneLine(300, 'what'),
  assigneeUserId: slackUserId,
  dueOn: z.iso.date(phrase('validation.dayForm')),
  source: z.enum(NEXT_STEP_SOURCES),
});
export type NewNextStep = z.input<typeof newNextStepSchema>;

/** Accepted by `new Intl.DateTimeFormat` — node-cron only fails later on a bad zone (stack-notes). */
export const timeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, phrase('validation.timeZone'));

export const workspaceSettingsPatchSchema = z
  .object({
    name: z.string().max(200).nullable(),
    digestChannelId: slackChannelId.nullable(),
    timeZone: timeZoneSchema,
    digestDay: z.number().int().min(0).max(6),
    digestTime: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, phrase('validation.digestTime')),
    settings: workspaceOverridesSchema,
    allowGuests: z.boolean(),
    language: z.enum(LOCALES).nullable(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .refine((code) => Intl.supportedValuesOf('currency').includes(code))
      .nullable(),
  })
  .partial()
  .strict();
export type WorkspaceSettingsPatch = z.input<typeof workspaceSettingsPatchSchema>;

const CATEGORY_REASON_MAX = 500;
/** Why a client moves to another category, in the mover's words (kept with the move): refused whole when too long, never cut. */
export const categoryReasonSchema = z
  .string()
  .trim()
  .min(1)
  .max(CATEGORY_REASON_MAX, phrase('validation.categoryReasonTooLong', { max: CATEGORY_REASON_MAX }));

/**
 * A change to a client's fate that a member may only propose (owner or admin decide): a field of `/client set`
 * that decides who answers for the client and how it is worked with, or a digest decision.
 */
export const proposedChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner'), ownerUserId: slackUserId.nullable() }),
  z.object({ kind: z.literal('status'), status: z.enum(CLIENT_STATUSES) }),
  z.object({ kind: z.literal('category'), category: z.enum(CATEGORIES), reason: categoryReasonSchema.nullish() }),
  z.object({
    kind: z.literal('decision'),
    decision: z.enum(DECISION_KINDS),
    reason: freeText(1000, 'reason').nullable().default(null),
    /** Its countable reasons and the day its outcome is asked (domain/outcomes.ts); a proposal's is set on approval. */
    reasons: decisionReasonsSchema.optional(),
    reviewOn: z.iso.date().nullable().optional(),
    digestId: z.uuid().nullable().default(null),
  }),
  /** A step on the terms ladder Rapport proposes (domain/paymentTerms.ts), with the payments that make its case. */
  z.object({
    kind: z.literal('terms'),
    terms: z.enum(PAYMENT_TERMS),
    /** Where the client stood when it was proposed: approved after the terms moved otherwise, it no longer fits. */
    from: z.enum(PAYMENT_TERMS).optional(),
    evidence: z.array(z.uuid()).max(500).default([]),
  }),
]);
export type ProposedChange = z.output<typeof proposedChangeSchema>;
