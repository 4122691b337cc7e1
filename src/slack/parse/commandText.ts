/**
 * Slash-command text → plain values. Pure: no database, no Slack. Client names are resolved elsewhere
 * (they need the workspace's names), so these parsers work on the words after the client.
 */
import type { Reader } from '../../i18n/reader.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import {
  incidentKindFromWord,
  resolveTraitWord,
  type Catalogue,
  type Category,
  type ClientStatus,
  type IncidentKind,
  type Polarity,
  type Relationship,
} from '../../domain/catalogue.js';
import { entryDaySaid, entryInstant } from '../../domain/calendar.js';
import { RapportError } from '../../domain/errors.js';
import { categoryReasonSchema, contradictoryTraits, type ClientPatch } from '../../domain/inputs.js';
import { Refused } from '../../domain/refusals.js';
import { unquoteName } from '../../domain/names.js';
import { dateTyped, dayNamedAt, dayNamedAtEnd } from '../../i18n/dates.js';
import type { Locale } from '../../i18n/locales.js';
import { md, said, t, tPlain, type Args, type MessageKey } from '../../i18n/messages.js';
import { latinDigits, numberRunAt, numberRunEndingAt, numberTyped } from '../../i18n/numbers.js';
import { BAND_WORDS, CATEGORY_WORDS, CLIENT_FIELD_WORDS, LIST_WORDS, RELATIONSHIP_WORDS, STATUS_WORDS, isNoneWord, lookUp } from '../../i18n/vocabulary.js';

export interface Token {
  value: string;
  /** Offsets in the original text, so notes keep the user's own spacing. */
  start: number;
  end: number;
  quoted: boolean;
}

/**
 * A slash command's text as Rapport reads it: NFC (a decomposed "é" from a Mac keyboard is one letter), without the
 * direction marks a right-to-left keyboard adds around Latin runs (`‏+ارتباط`, `‎12.500`), trimmed.
 */
export function commandText(command: { text: string }): string {
  return command.text
    .normalize('NFC')
    .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .trim();
}

/** Splits on white space; "double", “curly” or 'single' quotes keep a name with spaces together. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+)/gu;
  for (const m of text.matchAll(re)) {
    const quotedValue = m[1] ?? m[2] ?? m[3];
    tokens.push({
      value: quotedValue ?? m[4]!,
      start: m.index,
      end: m.index + m[0].length,
      quoted: quotedValue !== undefined,
    });
  }
  return tokens;
}

/** The text from a token to the end, as typed. */
export function restOf(text: string, tokens: readonly Token[], from: number): string {
  const first = tokens[from];
  return first ? text.slice(first.start).trim() : '';
}

export function usageError(message: string, usage: string): RapportError {
  return new RapportError('invalid_input', `${message}\nUsage: \`${usage}\``);
}

/** A command's usage line in the reader's words (its syntax stays; the placeholders and day words are theirs). */
export const usageIn = (reader: Reader | Locale, usage: keyof typeof USAGE): string => tPlain(reader, `input.usage.${usage}`);

/**
 * A refusal from the catalogue with the command's usage under it, both in the words of the person who typed it
 * (`locale`: the parsers know whose text they read). Code words the person typed are passed as `md(quoteCode(…))`.
 */
export function refusal(locale: Locale, usage: keyof typeof USAGE, key: MessageKey, args?: Args, detail?: RapportError['detail']): RapportError {
  return new RapportError(
    'invalid_input',
    said('input.withUsage', { refusal: md(t(locale, key, args)), usage: md(tPlain(locale, `input.usage.${usage}`)) }),
    detail,
  );
}

const code = (typed: string) => md(quoteCode(typed));

export const USAGE = {
  call: '/call <client> [yesterday | monday | 2026-11-20] [+trait …] [-trait …] [notes]',
  incident: '/incident <client> [yesterday | monday | 2026-11-20] <kind> [days=N] [invoice=REF] [amount=N] [competitor=NAME] [notes]',
  clientAdd: '/client add <name> [category] [relationship] [@owner] [monthly value]',
  clientShow: '/client show <name>',
  clientList: '/client list [category | band | exited | prepay | mine | @owner]',
  clientFind: '/client find <part of a name>',
  clientSet: '/client set <name> <field> <value>',
  clientDelete: '/client delete <name>',
  clientLink: '/client link <name> (in the client’s channel) | /client unlink',
  clientNext: '/client next <name> <what to do> [@who] [today | tomorrow | friday | next week | in 3 days | 2026-12-01]',
  settings:
    '/rapport settings [channel #c | day monday | time 09:00 | timezone Europe/Istanbul | language tr | currency TRY | threshold <name> <value> | guests allow|refuse]',
} as const;

// ---------------------------------------------------------------------------------------------
// /call

export interface CallArgs {
  traits: string[];
  notes: string;
  /** ±words found inside the notes (read as text, never as traits): the reply says so. */
  signedWordsInNotes: string[];
  /** A day named right after the traits (`/call acme +iletişim dün …`), when `dayAfterTraits` asked for one. */
  day?: string;
}

/**
 * `+communication -reporting Weekly sync…`: leading ±words are traits (in any of the four languages), the rest is
 * notes. With `dayAfterTraits`, a day named just after the traits (`+iletişim dün`) dates the call.
 */
export function parseCallArgs(catalogue: Catalogue, text: string, tokens: readonly Token[], dayAfterTraits?: { today: string; locale: Locale }): CallArgs {
  const traits: string[] = [];
  const unknown: string[] = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    const m = /^([+-])([\p{L}\p{M}\p{N}_\u200C\u200D-]+)$/u.exec(t.value);
    if (t.quoted || !m) break;
    const polarity: Polarity = m[1] === '+' ? 'good' : 'bad';
    const trait = resolveTraitWord(catalogue, polarity, m[2]!);
    if (trait) traits.push(trait.key);
    else unknown.push(t.value);
  }
  if (unknown.length > 0) {
    throw new RapportError('invalid_input', said('input.unknownTraits', { count: unknown.length, traits: md(unknown.map(quoteCode).join(', ')) }), {
      field: 'traits',
    });
  }
  const contradiction = contradictoryTraits(catalogue, traits);
  if (contradiction) throw new RapportError('invalid_input', contradiction, { field: 'traits' });
  const found = dayAfterTraits && i > 0 ? dayNamedAt(tokens, i, dayAfterTraits.today, dayAfterTraits.locale) : undefined;
  // English notes often start with a day ("+info Monday we agreed…"): an English reader's day after the traits
  // dates the call only when nothing follows it, as English logging always read notes.
  const dated = found && (dayAfterTraits?.locale !== 'en' || i + found.used === tokens.length) ? found : undefined;
  if (dated) i += dated.used;
  const signedWordsInNotes = tokens
    .slice(i)
    .filter((t) => !t.quoted && /^[+-]\p{L}/u.test(t.value))
    .map((t) => t.value);
  return { traits: [...new Set(traits)], notes: restOf(text, tokens, i), signedWordsInNotes, ...(dated ? { day: dated.day } : {}) };
}

/**
 * The instant an entry named with `day` happened (that calendar day in the workspace's zone: `today` is its date),
 * or a refusal saying why that day cannot be used.
 */
export function occurredOn(day: string, today: string, now: Date, timeZone: string): Date {
  const problem = entryDaySaid(day, today);
  if (problem) throw new RapportError('invalid_input', problem, { field: 'occurredAt' });
  return entryInstant(day, today, now, timeZone);
}

// ---------------------------------------------------------------------------------------------
// Dates in one-line logging: `/call acme yesterday +comms …`, `/call acme dün +iletişim`, `/call acme 28.11.2026`

/**
 * A day named at `tokens[from]` (optionally after "on"), in any of the four languages (i18n/dates.ts): `today`,
 * `yesterday`, a weekday (the latest one, today included, so `monday` on a Monday is today; `last monday` is the
 * one before), or a date as `locale` writes it. `today` is the workspace's date, YYYY-MM-DD. Returns the day and
 * how many tokens it took, or undefined when none is named; an impossible or ambiguous date is refused.
 */
export function parseDayWords(tokens: readonly Token[], from: number, today: string, locale: Locale = 'en'): { day: string; used: number } | undefined {
  return dayNamedAt(tokens, from, today, locale);
}

// ---------------------------------------------------------------------------------------------
// /incident

export interface IncidentArgs {
  kind: IncidentKind;
  /** Kind-specific fields as typed; validated by `incidentDetailsSchema` by the caller. */
  fields: { daysLate?: number; invoiceRef?: string; amount?: number; amountDisputed?: number; competitor?: string; onAgreedWork?: boolean };
  notes: string;
}

/**
 * An amount as `locale` writes numbers (i18n/numbers.ts): `1200`, `$1,200`, `1.5k`, `12.500` in Turkish, `12 500`.
 * Undefined when the word is no number; a refusal when it is meant as one but reads two ways or none.
 */
export function amountIn(word: string, locale: Locale): number | undefined {
  return numberTyped(word, locale);
}

/** An amount as English writes numbers. */
export const parseAmount = (word: string): number | undefined => amountIn(word, 'en');

/** A whole number typed in any digits (`45`, `۴۵`), or undefined. */
function wholeNumber(word: string): number | undefined {
  const digits = latinDigits(word);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/** Which `key=value` fields each kind takes (domain.md §4, last column). */
const KIND_FIELDS: Partial<Record<IncidentKind, readonly string[]>> = {
  slow_payment: ['days', 'invoice', 'amount'],
  invoice_dispute: ['invoice', 'amount'],
  competitor_play: ['competitor'],
};

export function parseIncidentArgs(text: string, tokens: readonly Token[], locale: Locale = 'en'): IncidentArgs {
  const kindToken = tokens[0];
  const kind = kindToken && !kindToken.quoted ? incidentKindFromWord(kindToken.value) : undefined;
  if (!kind) {
    throw kindToken ? refusal(locale, 'incident', 'input.kindUnknown', { typed: code(kindToken.value) }) : refusal(locale, 'incident', 'input.kindMissing');
  }
  const fields: IncidentArgs['fields'] = {};
  let i = 1;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted) break;
    const kv = /^(days|invoice|amount|competitor)=(.+)$/i.exec(t.value);
    const bareDays = kind === 'slow_payment' && fields.daysLate === undefined && /^(\d+)d?$/i.exec(latinDigits(t.value));
    if (bareDays) {
      fields.daysLate = Number(bareDays[1]);
      if (/^(days|gün|روز|päivää)$/i.test(tokens[i + 1]?.value ?? '')) i++;
    } else if (kv) {
      const key = kv[1]!.toLowerCase();
      const value = kv[2]!;
      const allowed = KIND_FIELDS[kind] ?? [];
      if (!allowed.includes(key)) {
        throw allowed.length
          ? refusal(locale, 'incident', 'input.fieldNotForKindTakes', { field: code(`${key}=`), fields: md(allowed.map((a) => `${a}=`).join(', ')) })
          : refusal(locale, 'incident', 'input.fieldNotForKind', { field: code(`${key}=`) });
      }
      if (key === 'days') {
        const daysLate = wholeNumber(value);
        if (daysLate === undefined) throw refusal(locale, 'incident', 'input.daysWhole', { typed: code(value) });
        fields.daysLate = daysLate;
      } else if (key === 'amount') {
        // `amount=1 200`: a number with spaces in it is read whole (never amount 1 and a note "200").
        const words = [value, ...tokens.slice(i + 1).map((next) => (next.quoted ? '' : next.value))];
        const end = numberRunAt(words, 0);
        const typed = words.slice(0, end).join(' ');
        i += end - 1;
        const amount = amountIn(typed, locale);
        if (amount === undefined) throw refusal(locale, 'incident', 'input.amountNumber', { typed: code(typed) });
        if (kind === 'invoice_dispute') fields.amountDisputed = amount;
        else fields.amount = amount;
      } else if (key === 'invoice') fields.invoiceRef = value;
      else fields.competitor = value;
    } else if (kind === 'competitor_play' && /^off-?contract$/i.test(t.value)) {
      fields.onAgreedWork = false;
    } else break;
  }
  return { kind, fields, notes: restOf(text, tokens, i) };
}

// ---------------------------------------------------------------------------------------------
// /client

/** A category in any of the four languages (`vip`, `kritik`, `ویژه`, `ongelma`…: i18n/vocabulary.ts). */
export function categoryFromWord(word: string): Category | undefined {
  return lookUp(CATEGORY_WORDS, word);
}

export function relationshipFromWord(word: string): Relationship | undefined {
  return lookUp(RELATIONSHIP_WORDS, word);
}

export function statusFromWord(word: string): ClientStatus | undefined {
  return lookUp(STATUS_WORDS, word);
}

/** `<@U123>` or `<@U123|name>` as Slack escapes a mention in command text. */
export function userFromMention(word: string): string | undefined {
  return /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word)?.[1];
}

export function channelFromMention(word: string): string | undefined {
  return /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(word)?.[1];
}

export interface ClientAddArgs {
  name: string;
  category?: Category;
  relationship?: Relationship;
  ownerUserId?: string;
  monthlyValue?: number;
}

/** Options are recognised from the end, in any order; what is left is the name. */
export function parseClientAdd(text: string, tokens: readonly Token[], locale: Locale = 'en'): ClientAddArgs {
  const args: Omit<ClientAddArgs, 'name'> = {};
  const words = tokens.map((t) => (t.quoted ? '' : t.value));
  let end = tokens.length;
  while (end > 1) {
    const t = tokens[end - 1]!;
    if (t.quoted) break;
    const category = categoryFromWord(t.value);
    const relationship = relationshipFromWord(t.value);
    const owner = userFromMention(t.value);
    // `… regular 12 500`: a value with spaces in it is read whole (the name keeps at least one word).
    const valueFrom = args.monthlyValue === undefined ? Math.max(1, numberRunEndingAt(words, end)) : end - 1;
    const value = args.monthlyValue === undefined ? amountIn(words.slice(valueFrom, end).join(' '), locale) : undefined;
    if (category && !args.category) args.category = category;
    else if (relationship && !args.relationship) args.relationship = relationship;
    else if (owner && !args.ownerUserId) args.ownerUserId = owner;
    else if (value !== undefined) {
      args.monthlyValue = value;
      end = valueFrom + 1;
    } else if (/^@\S+$/.test(t.value)) {
      throw refusal(locale, 'clientAdd', 'input.ownerMention', { typed: code(t.value) });
    } else break;
    end--;
  }
  const nameTokens = tokens.slice(0, end);
  const name = nameTokens.length === 1 ? nameTokens[0]!.value : unquoteName(text.slice(nameTokens[0]?.start ?? 0, nameTokens.at(-1)?.end ?? 0));
  if (!name) throw refusal(locale, 'clientAdd', 'input.clientNameMissing');
  return { name, ...args };
}

export const CLIENT_FIELDS = ['name', 'category', 'relationship', 'owner', 'value', 'status', 'renews', 'cadence'] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

/** `/client set <name…> <field> <value…>`: the last field word with something on both sides splits it. */
export function splitClientSet(tokens: readonly Token[], locale: Locale = 'en'): { nameTokens: Token[]; field: ClientField; valueTokens: Token[] } {
  for (let i = tokens.length - 2; i >= 1; i--) {
    const t = tokens[i]!;
    const field = lookUp(CLIENT_FIELD_WORDS, t.value) as ClientField | undefined;
    if (field && !t.quoted) return { nameTokens: tokens.slice(0, i), field, valueTokens: tokens.slice(i + 1) };
  }
  throw refusal(locale, 'clientSet', 'input.whichField', { fields: md(CLIENT_FIELDS.join(', ')) });
}

/** What `/client list` narrows to (one word, or an @mention). */
export interface ClientListFilter {
  category?: Category;
  band?: 'healthy' | 'watch' | 'at_risk';
  status?: ClientStatus;
  ownerUserId?: string;
}

export function parseClientListFilter(words: readonly string[], actor: string, locale: Locale = 'en'): ClientListFilter {
  const raw = words.join(' ').trim();
  if (!raw || lookUp(LIST_WORDS, raw) === 'all') return {};
  const owner = userFromMention(raw);
  if (owner) return { ownerUserId: owner };
  // Any of the four languages (`vip`, `kritik`, `riskli`, `مشکل‌دار`, `ongelma`…), compared by wordKey.
  if (lookUp(LIST_WORDS, raw) === 'mine') return { ownerUserId: actor };
  const category = categoryFromWord(raw);
  if (category) return { category };
  const band = lookUp(BAND_WORDS, raw);
  if (band) return { band };
  const status = lookUp(STATUS_WORDS, raw);
  if (status) return { status };
  throw refusal(locale, 'clientList', 'input.listFilterUnknown', { typed: code(raw) });
}

/**
 * Why a client moves, from what follows the category (`/client set acme category problem Paid late three times`):
 * null when nothing does; refused when too long, since a reason cut short would be kept as if it were the mover's.
 */
export function categoryReasonAfter(argsText: string, valueTokens: readonly Token[]): string | null {
  const next = valueTokens[1];
  const rest = next ? argsText.slice(next.start).trim() : '';
  if (!rest) return null;
  const reason = categoryReasonSchema.safeParse(rest);
  if (!reason.success) throw new Refused({ code: 'input_invalid', issue: reason.error.issues[0] });
  return reason.data;
}

/** The value of `/client set <name> <field> <value…>` as the change it asks for. */
export function parseClientSetValue(field: ClientField, valueTokens: readonly Token[], rawValue: string, locale: Locale = 'en'): ClientPatch {
  const word = valueTokens[0]?.value ?? '';
  const invalid = (key: MessageKey) => refusal(locale, 'clientSet', key, { typed: code(rawValue) });
  switch (field) {
    case 'name':
      return { name: rawValue };
    case 'category': {
      const category = categoryFromWord(word);
      if (!category) throw invalid('input.notCategory');
      return { category };
    }
    case 'relationship': {
      const relationship = relationshipFromWord(word);
      if (!relationship) throw invalid('input.notRelationship');
      return { relationship };
    }
    case 'owner': {
      if (isNoneWord(word)) return { ownerUserId: null };
      const owner = userFromMention(word);
      if (!owner) throw refusal(locale, 'clientSet', 'input.newOwnerMention');
      return { ownerUserId: owner };
    }
    case 'value': {
      if (isNoneWord(word)) return { monthlyValue: null };
      const monthlyValue = amountIn(rawValue, locale);
      if (monthlyValue === undefined) throw invalid('input.notMonthlyValue');
      return { monthlyValue };
    }
    case 'status': {
      const status = statusFromWord(word);
      if (!status) throw invalid('input.notStatus');
      return { status };
    }
    case 'renews': {
      if (isNoneWord(word)) return { renewsOn: null };
      const renewsOn = dateTyped(word, locale, 'renewsOn');
      if (!renewsOn) throw invalid('input.notRenewal');
      return { renewsOn };
    }
    case 'cadence': {
      // Days between contacts for this client (domain/cadence.ts); `default`/`none` in any language: its category's.
      if (isNoneWord(word) || /^(default|varsayılan|پیش‌فرض|oletus)$/iu.test(word)) return { cadenceDays: null };
      const days = numberTyped(word.replace(/(d|days?|gün|روز|pv|päivää?)$/iu, ''), locale);
      if (days === undefined || !Number.isInteger(days) || days < 1 || days > 3650) throw invalid('cadence.notDays');
      return { cadenceDays: days };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// /client next: `/client next acme Send the renewal deck @dana friday`

export interface NextStepArgs {
  what: string;
  /** Named with a mention just before the day (or at the end): who does it. */
  assigneeUserId?: string;
  /** YYYY-MM-DD, when a day ends the text. */
  dueOn?: string;
}

/**
 * The day a text ends with, looking ahead from `today`: `today`, `tomorrow`, a weekday (the next one, so
 * `friday` on a Friday is a week later), `next week`, `in N days|weeks`, or an ISO date; optionally after
 * `by`, `due` or `on`. Returns the day and the index of the token where the phrase starts.
 */
export function parseDueAtEnd(tokens: readonly Token[], today: string, locale: Locale = 'en'): { day: string; from: number } | undefined {
  return dayNamedAtEnd(tokens, today, locale);
}

/** The words after the client of `/client next`: what to do, then optionally @who and a day. */
export function parseNextStepArgs(text: string, tokens: readonly Token[], today: string, locale: Locale = 'en'): NextStepArgs {
  let end = tokens.length;
  const due = parseDueAtEnd(tokens, today, locale);
  if (due) end = due.from;
  const assigneeUserId = end > 0 ? userFromMention(tokens[end - 1]!.value) : undefined;
  if (assigneeUserId) end--;
  if (end === 0) throw refusal(locale, 'clientNext', 'input.nextStepMissing');
  const what = text.slice(tokens[0]!.start, tokens[end - 1]!.end).trim();
  return { what, ...(assigneeUserId ? { assigneeUserId } : {}), ...(due ? { dueOn: due.day } : {}) };
}
