/**
 * Modal submissions → the repository's input shapes, or field errors keyed by block id (what Slack's
 * `response_action: errors` wants). The element states are parsed with zod: a payload of the wrong shape
 * is an error, never a crash.
 */
import { z } from 'zod';
import { INCIDENT_KINDS, incidentDetailsSchema, type Catalogue, type IncidentKind } from '../../domain/catalogue.js';
import { contradictoryTraits, evidenceUrlSchema, type NewCall, type NewIncident } from '../../domain/inputs.js';
import { entryDaySaid, entryInstant } from '../../domain/calendar.js';
import type { Locale } from '../../i18n/locales.js';
import { tPlain } from '../../i18n/messages.js';
import { numberProblem, readNumber } from '../../i18n/numbers.js';
import { addDays, DEFAULT_DUE_DAYS, dueDayProblem } from '../../domain/nextSteps.js';
import { INPUTS } from '../ids.js';

const selected = z.object({ value: z.string(), text: z.object({ text: z.string() }).optional() });
const elementState = z.object({
  type: z.string(),
  value: z.string().nullish(),
  selected_option: selected.nullish(),
  selected_options: z.array(selected).nullish(),
  selected_date: z.string().nullish(),
});
export const viewStateSchema = z.record(z.string(), z.record(z.string(), elementState));
export type ViewState = z.infer<typeof viewStateSchema>;

/** Kept in a form's `private_metadata`: ids only (slack-contract.md), never data the user could tamper with usefully. */
export const modalMetadataSchema = z.object({
  /** Where the form was opened from: its confirmation is answered there. */
  channelId: z.string().max(20).nullable().default(null),
  /** Set when editing a logged entry. */
  entryId: z.uuid().optional(),
  /** The Edit click's response URL: the confirmation it was on is replaced with the edited one. */
  responseUrl: z.url().max(500).optional(),
  /** Logged from a Slack message ("Log to Rapport"): which one, and who wrote it. */
  message: z.object({ channelId: z.string().max(20), ts: z.string().max(20), author: z.string().max(20).nullable() }).optional(),
  /** That message's permalink, once Slack gave it: stored with the entry as evidence. */
  evidenceUrl: evidenceUrlSchema.optional(),
});
export type ModalMetadata = z.input<typeof modalMetadataSchema>;

/** A form's `private_metadata`: we wrote it, but it arrives from outside, so unreadable is undefined, never a crash. */
export function parseFormMetadata<S extends z.ZodTypeAny>(schema: S, raw: string | undefined): z.infer<S> | undefined {
  try {
    return schema.parse(JSON.parse(raw || '{}'));
  } catch {
    return undefined;
  }
}

export function parseMetadata(raw: string | undefined): ModalMetadata {
  return parseFormMetadata(modalMetadataSchema, raw) ?? { channelId: null };
}

export type FieldErrors = Record<string, string>;
export type ViewResult<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The state of the block's element (its action id equals the block id, see ids.ts). */
function element(state: ViewState, blockId: string) {
  return state[blockId]?.[blockId];
}

function text(state: ViewState, blockId: string): string {
  return element(state, blockId)?.value?.normalize('NFC').trim() ?? '';
}

function checked(state: ViewState, blockIdPrefix: string): string[] {
  return Object.keys(state)
    .filter((id) => id === blockIdPrefix || id.startsWith(`${blockIdPrefix}_`))
    .flatMap((id) => element(state, id)?.selected_options?.map((o) => o.value) ?? []);
}

/** What reading a log form takes besides its state: the moment, the workspace's date, zone and traits, and whose words to refuse in. */
export interface FormContext {
  now: Date;
  /** The workspace's date (YYYY-MM-DD) in its zone. */
  today: string;
  timeZone: string;
  catalogue: Catalogue;
  locale: Locale;
}

/** A picked day: today means now; an earlier day, noon of it in the workspace's zone. Future days and days long gone are refused. */
function occurredAt(state: ViewState, errors: FieldErrors, { now, today, timeZone, locale }: FormContext): Date {
  const day = element(state, INPUTS.date)?.selected_date ?? today;
  const problem = entryDaySaid(day, today);
  if (problem) {
    errors[INPUTS.date] = tPlain(locale, problem.key, problem.args);
    return now;
  }
  return entryInstant(day, today, now, timeZone);
}

/** The ticked traits, good and bad; opposite ones of one dimension are refused on the good traits' field. */
function traitsField(state: ViewState, errors: FieldErrors, { catalogue, locale }: FormContext): string[] {
  const traits = [...checked(state, INPUTS.goodTraits), ...checked(state, INPUTS.badTraits)];
  const contradiction = contradictoryTraits(catalogue, traits);
  if (contradiction) errors[INPUTS.goodTraits] = tPlain(locale, contradiction.key, contradiction.args);
  return traits;
}

function clientId(state: ViewState, errors: FieldErrors, locale: Locale): string {
  const id = element(state, INPUTS.client)?.selected_option?.value ?? '';
  if (!z.uuid().safeParse(id).success) errors[INPUTS.client] = tPlain(locale, 'input.pickClient');
  return id;
}

function notesField(state: ViewState, blockId: string, errors: FieldErrors, locale: Locale): string {
  const value = text(state, blockId);
  if (value.length > 3000) errors[blockId] = tPlain(locale, 'input.tooLong', { max: '3000' });
  return value;
}

/** The optional next step of a new call or incident form: what, and its day (not in the past). */
export function readNextStep(state: ViewState, today: string): ViewResult<{ what: string; dueOn: string } | undefined> {
  const what = text(state, INPUTS.nextStep);
  if (!what) return { ok: true, value: undefined };
  const dueOn = element(state, INPUTS.nextStepDue)?.selected_date ?? addDays(today, DEFAULT_DUE_DAYS);
  const problem = dueDayProblem(dueOn, today);
  return problem ? { ok: false, errors: { [INPUTS.nextStepDue]: problem } } : { ok: true, value: { what, dueOn } };
}

export function readCallView(state: ViewState, context: FormContext): ViewResult<Omit<NewCall, 'requestKey'>> {
  const errors: FieldErrors = {};
  const { locale } = context;
  const value = {
    clientId: clientId(state, errors, locale),
    occurredAt: occurredAt(state, errors, context),
    traits: traitsField(state, errors, context),
    notes: notesField(state, INPUTS.notes, errors, locale),
    ourSide: checked(state, INPUTS.ourSide) as NewCall['ourSide'],
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

export function selectedKind(state: ViewState): IncidentKind | undefined {
  const v = element(state, INPUTS.kind)?.selected_option?.value;
  return INCIDENT_KINDS.find((k) => k === v);
}

/** A number field, read as the person writes numbers (`12.500` in Turkish, `12 500` in Finnish); never a guess. */
function number(state: ViewState, blockId: string, errors: FieldErrors, locale: Locale): number | undefined {
  const raw = text(state, blockId);
  if (!raw) return undefined;
  const reading = readNumber(raw, locale);
  if (reading.kind === 'ambiguous') {
    const problem = numberProblem(raw, reading, locale).said!;
    errors[blockId] = tPlain(locale, problem.key, problem.args);
    return undefined;
  }
  if (reading.kind !== 'number' || reading.value < 0) {
    errors[blockId] = tPlain(locale, 'input.positiveNumber');
    return undefined;
  }
  return reading.value;
}

/** Maps a details-schema issue path to the modal field that holds it. */
const DETAIL_FIELDS: Record<string, string> = {
  daysLate: INPUTS.daysLate,
  invoiceRef: INPUTS.invoiceRef,
  amount: INPUTS.amount,
  amountDisputed: INPUTS.amountDisputed,
  competitor: INPUTS.competitor,
};

export function readIncidentView(state: ViewState, context: FormContext): ViewResult<Omit<NewIncident, 'requestKey'>> {
  const errors: FieldErrors = {};
  const { locale } = context;
  const id = clientId(state, errors, locale);
  const at = occurredAt(state, errors, context);
  const description = notesField(state, INPUTS.description, errors, locale);
  const kind = selectedKind(state);
  if (!kind) {
    errors[INPUTS.kind] = tPlain(locale, 'input.pickKind');
    return { ok: false, errors };
  }
  const raw: Record<string, unknown> = { kind };
  const optionalText = (key: string, blockId: string) => {
    const v = text(state, blockId);
    if (v) raw[key] = v;
  };
  if (kind === 'slow_payment') {
    raw.daysLate = number(state, INPUTS.daysLate, errors, locale);
    raw.amount = number(state, INPUTS.amount, errors, locale);
    optionalText('invoiceRef', INPUTS.invoiceRef);
  } else if (kind === 'invoice_dispute') {
    raw.amountDisputed = number(state, INPUTS.amountDisputed, errors, locale);
    optionalText('invoiceRef', INPUTS.invoiceRef);
  } else if (kind === 'competitor_play') {
    optionalText('competitor', INPUTS.competitor);
    raw.onAgreedWork = checked(state, INPUTS.onAgreedWork).includes('yes');
  }
  const details = incidentDetailsSchema.safeParse(raw);
  if (!details.success) {
    for (const issue of details.error.issues) {
      const field = DETAIL_FIELDS[String(issue.path[0])] ?? INPUTS.kind;
      errors[field] ??= field === INPUTS.daysLate && raw.daysLate === undefined ? tPlain(locale, 'input.daysLateMissing') : issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !details.success) return { ok: false, errors };
  return { ok: true, value: { clientId: id, occurredAt: at, description, details: details.data } };
}
