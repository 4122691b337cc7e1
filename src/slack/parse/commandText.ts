/**
 * Slash-command text → plain values. Pure: no database, no Slack. Client names are resolved elsewhere
 * (they need the workspace's names), so these parsers work on the words after the client.
 */
import { addDays } from '../../domain/nextSteps.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import {
  CATEGORIES,
  CLIENT_STATUSES,
  RELATIONSHIPS,
  incidentKindFromWord,
  resolveTraitWord,
  type Catalogue,
  type Category,
  type ClientStatus,
  type IncidentKind,
  type Polarity,
  type Relationship,
} from '../../domain/catalogue.js';
import { entryDayProblem, entryInstant } from '../../domain/calendar.js';
import { RapportError } from '../../domain/errors.js';
import type { ClientPatch } from '../../domain/inputs.js';
import { unquoteName } from '../../domain/names.js';

export interface Token {
  value: string;
  /** Offsets in the original text, so notes keep the user's own spacing. */
  start: number;
  end: number;
  quoted: boolean;
}

/** A slash command's text as Rapport reads it: NFC (a decomposed "é" from a Mac keyboard is one letter), trimmed. */
export function commandText(command: { text: string }): string {
  return command.text.normalize('NFC').trim();
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
}

/** `+communication -reporting Weekly sync…`: leading ±words are traits, the rest is notes. */
export function parseCallArgs(catalogue: Catalogue, text: string, tokens: readonly Token[]): CallArgs {
  const traits: string[] = [];
  const unknown: string[] = [];
  let i = 0;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    const m = /^([+-])([\p{L}\p{N}_-]+)$/u.exec(t.value);
    if (t.quoted || !m) break;
    const polarity: Polarity = m[1] === '+' ? 'good' : 'bad';
    const trait = resolveTraitWord(catalogue, polarity, m[2]!);
    if (trait) traits.push(trait.key);
    else unknown.push(t.value);
  }
  if (unknown.length > 0) {
    throw new RapportError(
      'invalid_input',
      `I don't know the trait${unknown.length > 1 ? 's' : ''} ${unknown.map(quoteCode).join(', ')}. ` +
        `Use \`+\` for a good trait and \`-\` for a bad one; \`/call help\` lists them.`,
      { field: 'traits' },
    );
  }
  const signedWordsInNotes = tokens
    .slice(i)
    .filter((t) => !t.quoted && /^[+-]\p{L}/u.test(t.value))
    .map((t) => t.value);
  return { traits: [...new Set(traits)], notes: restOf(text, tokens, i), signedWordsInNotes };
}

/** The instant an entry named with `day` happened, or a refusal saying why that day cannot be used. */
export function occurredOn(day: string, today: string, now: Date): Date {
  const problem = entryDayProblem(day, today);
  if (problem) throw new RapportError('invalid_input', problem, { field: 'occurredAt' });
  return entryInstant(day, today, now);
}

// ---------------------------------------------------------------------------------------------
// Dates in one-line logging: `/call acme yesterday +comms …`

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function weekdayOf(word: string): number {
  const w = word.toLowerCase();
  return w.length >= 3 ? WEEKDAYS.findIndex((d) => d.startsWith(w)) : -1;
}

/**
 * A day named at `tokens[from]` (optionally after "on"): `today`, `yesterday`, a weekday (the latest one, today
 * included, so `monday` on a Monday is today; `last monday` is the one before), or an ISO date. `today` is the
 * workspace's date, YYYY-MM-DD. Returns the day and how many tokens it took, or undefined when none is named.
 */
export function parseDayWords(tokens: readonly Token[], from: number, today: string): { day: string; used: number } | undefined {
  let i = from;
  const word = (k: number) => (tokens[k] && !tokens[k]!.quoted ? tokens[k]!.value.toLowerCase().replace(/,$/, '') : undefined);
  if (word(i) === 'on') i++;
  const anchor = Date.parse(`${today}T12:00:00Z`);
  const back = (days: number) => new Date(anchor - days * 86_400_000).toISOString().slice(0, 10);
  const w = word(i);
  if (!w) return undefined;
  if (w === 'today') return { day: today, used: i - from + 1 };
  if (w === 'yesterday') return { day: back(1), used: i - from + 1 };
  if (/^\d{4}-\d{2}-\d{2}$/.test(w)) return { day: w, used: i - from + 1 };
  const last = w === 'last';
  const weekday = weekdayOf(last ? (word(i + 1) ?? '') : w);
  if (weekday < 0) return undefined;
  const since = (new Date(anchor).getUTCDay() - weekday + 7) % 7;
  return { day: back(last ? since || 7 : since), used: i - from + (last ? 2 : 1) };
}

// ---------------------------------------------------------------------------------------------
// /incident

export interface IncidentArgs {
  kind: IncidentKind;
  /** Kind-specific fields as typed; validated by `incidentDetailsSchema` by the caller. */
  fields: { daysLate?: number; invoiceRef?: string; amount?: number; amountDisputed?: number; competitor?: string; onAgreedWork?: boolean };
  notes: string;
}

const NUMBER = /^\$?(\d[\d,]*(?:\.\d+)?)(k)?$/i;

export function parseAmount(word: string): number | undefined {
  const m = NUMBER.exec(word.trim());
  if (!m) return undefined;
  const n = Number(m[1]!.replace(/,/g, ''));
  return m[2] ? n * 1000 : n;
}

/** Which `key=value` fields each kind takes (domain.md §4, last column). */
const KIND_FIELDS: Partial<Record<IncidentKind, readonly string[]>> = {
  slow_payment: ['days', 'invoice', 'amount'],
  invoice_dispute: ['invoice', 'amount'],
  competitor_play: ['competitor'],
};

export function parseIncidentArgs(text: string, tokens: readonly Token[]): IncidentArgs {
  const kindToken = tokens[0];
  const kind = kindToken && !kindToken.quoted ? incidentKindFromWord(kindToken.value) : undefined;
  if (!kind) {
    throw usageError(
      kindToken ? `${quoteCode(kindToken.value)} is not an incident kind; \`/incident help\` lists them.` : 'Which kind of incident?',
      USAGE.incident,
    );
  }
  const fields: IncidentArgs['fields'] = {};
  let i = 1;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted) break;
    const kv = /^(days|invoice|amount|competitor)=(.+)$/i.exec(t.value);
    const bareDays = kind === 'slow_payment' && fields.daysLate === undefined && /^(\d+)d?$/i.exec(t.value);
    if (bareDays) {
      fields.daysLate = Number(bareDays[1]);
      if (tokens[i + 1]?.value.toLowerCase() === 'days') i++;
    } else if (kv) {
      const key = kv[1]!.toLowerCase();
      const value = kv[2]!;
      const allowed = KIND_FIELDS[kind] ?? [];
      if (!allowed.includes(key)) {
        throw usageError(
          `\`${key}=\` does not apply to this kind of incident${allowed.length ? ` (it takes ${allowed.map((a) => `${a}=`).join(', ')})` : ''}.`,
          USAGE.incident,
        );
      }
      if (key === 'days') {
        if (!/^\d+$/.test(value)) throw usageError(`days must be a whole number of days late, not ${quoteCode(value)}.`, USAGE.incident);
        fields.daysLate = Number(value);
      } else if (key === 'amount') {
        const amount = parseAmount(value);
        if (amount === undefined) throw usageError(`amount must be a number, not ${quoteCode(value)}.`, USAGE.incident);
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

const CATEGORY_WORDS: Record<string, Category> = { critical: 'vip', staff: 'employee' };
const RELATIONSHIP_WORDS: Record<string, Relationship> = {
  'long-term': 'long_term',
  longterm: 'long_term',
  maintenance: 'long_term',
  'stepping-stone': 'stepping_stone',
  steppingstone: 'stepping_stone',
};

export function categoryFromWord(word: string): Category | undefined {
  const w = word.toLowerCase();
  return (CATEGORIES as readonly string[]).includes(w) ? (w as Category) : CATEGORY_WORDS[w];
}

export function relationshipFromWord(word: string): Relationship | undefined {
  const w = word.toLowerCase();
  return (RELATIONSHIPS as readonly string[]).includes(w) ? (w as Relationship) : RELATIONSHIP_WORDS[w];
}

export function statusFromWord(word: string): ClientStatus | undefined {
  const w = word.toLowerCase().replace(/-/g, '_');
  return (CLIENT_STATUSES as readonly string[]).includes(w) ? (w as ClientStatus) : undefined;
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
export function parseClientAdd(text: string, tokens: readonly Token[]): ClientAddArgs {
  const args: Omit<ClientAddArgs, 'name'> = {};
  let end = tokens.length;
  while (end > 1) {
    const t = tokens[end - 1]!;
    if (t.quoted) break;
    const category = categoryFromWord(t.value);
    const relationship = relationshipFromWord(t.value);
    const owner = userFromMention(t.value);
    const value = parseAmount(t.value);
    if (category && !args.category) args.category = category;
    else if (relationship && !args.relationship) args.relationship = relationship;
    else if (owner && !args.ownerUserId) args.ownerUserId = owner;
    else if (value !== undefined && args.monthlyValue === undefined) args.monthlyValue = value;
    else if (/^@\S+$/.test(t.value)) {
      throw usageError(`Mention the owner so Slack sends their id (pick them from the @ list), not ${quoteCode(t.value)}.`, USAGE.clientAdd);
    } else break;
    end--;
  }
  const nameTokens = tokens.slice(0, end);
  const name = nameTokens.length === 1 ? nameTokens[0]!.value : unquoteName(text.slice(nameTokens[0]?.start ?? 0, nameTokens.at(-1)?.end ?? 0));
  if (!name) throw usageError('Give the new client a name.', USAGE.clientAdd);
  return { name, ...args };
}

export const CLIENT_FIELDS = ['name', 'category', 'relationship', 'owner', 'value', 'status', 'renews'] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

/** `/client set <name…> <field> <value…>`: the last field word with something on both sides splits it. */
export function splitClientSet(tokens: readonly Token[]): { nameTokens: Token[]; field: ClientField; valueTokens: Token[] } {
  for (let i = tokens.length - 2; i >= 1; i--) {
    const t = tokens[i]!;
    const field = CLIENT_FIELDS.find((f) => f === t.value.toLowerCase());
    if (field && !t.quoted) return { nameTokens: tokens.slice(0, i), field, valueTokens: tokens.slice(i + 1) };
  }
  throw usageError(`Say which field to change: ${CLIENT_FIELDS.join(', ')}.`, USAGE.clientSet);
}

/** What `/client list` narrows to (one word, or an @mention). */
export interface ClientListFilter {
  category?: Category;
  band?: 'healthy' | 'watch' | 'at_risk';
  status?: ClientStatus;
  ownerUserId?: string;
}

const BAND_WORDS: Record<string, NonNullable<ClientListFilter['band']>> = {
  healthy: 'healthy',
  watch: 'watch',
  'at-risk': 'at_risk',
  at_risk: 'at_risk',
  risk: 'at_risk',
};
const STATUS_WORDS: Record<string, ClientStatus> = {
  exited: 'exited',
  prepay: 'prepay_only',
  'prepay-only': 'prepay_only',
  prepay_only: 'prepay_only',
  'under-review': 'under_review',
  review: 'under_review',
  active: 'active',
};

export function parseClientListFilter(words: readonly string[], actor: string): ClientListFilter {
  const raw = words.join(' ').trim();
  if (!raw || /^all$/i.test(raw)) return {};
  const owner = userFromMention(raw);
  if (owner) return { ownerUserId: owner };
  const word = words.join('-').toLowerCase();
  if (word === 'mine' || word === 'my' || word === 'me') return { ownerUserId: actor };
  const category = categoryFromWord(word);
  if (category) return { category };
  if (BAND_WORDS[word]) return { band: BAND_WORDS[word] };
  if (STATUS_WORDS[word]) return { status: STATUS_WORDS[word] };
  throw usageError(
    `${quoteCode(raw)} is not something I can list by. Try a category (regular, vip, problem, employee), a band (healthy, watch, at-risk), a status (exited, prepay), \`mine\` or an @owner.`,
    USAGE.clientList,
  );
}

/** The value of `/client set <name> <field> <value…>` as the change it asks for. */
export function parseClientSetValue(field: ClientField, valueTokens: readonly Token[], rawValue: string): ClientPatch {
  const word = valueTokens[0]?.value ?? '';
  const invalid = (what: string) => usageError(`${quoteCode(rawValue)} is not a ${what}.`, USAGE.clientSet);
  switch (field) {
    case 'name':
      return { name: rawValue };
    case 'category': {
      const category = categoryFromWord(word);
      if (!category) throw invalid('category (regular, vip, problem, employee)');
      return { category };
    }
    case 'relationship': {
      const relationship = relationshipFromWord(word);
      if (!relationship) throw invalid('relationship (long-term, stepping-stone, unknown)');
      return { relationship };
    }
    case 'owner': {
      if (/^(none|nobody|-)$/i.test(word)) return { ownerUserId: null };
      const owner = userFromMention(word);
      if (!owner) throw usageError('Mention the new owner with @ (pick them from the list), or say `none`.', USAGE.clientSet);
      return { ownerUserId: owner };
    }
    case 'value': {
      if (/^(none|-)$/i.test(word)) return { monthlyValue: null };
      const monthlyValue = parseAmount(word);
      if (monthlyValue === undefined) throw invalid('monthly value (e.g. 1200 or 12k)');
      return { monthlyValue };
    }
    case 'status': {
      const status = statusFromWord(word);
      if (!status) throw invalid('status (active, under_review, prepay_only, exited)');
      return { status };
    }
    case 'renews': {
      if (/^(none|never|-)$/i.test(word)) return { renewsOn: null };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(word) || Number.isNaN(Date.parse(`${word}T12:00:00Z`))) throw invalid('renewal day (e.g. 2027-03-31), or `none`');
      return { renewsOn: word };
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
export function parseDueAtEnd(tokens: readonly Token[], today: string): { day: string; from: number } | undefined {
  const words = tokens.map((t) => (t.quoted ? '' : t.value.toLowerCase().replace(/[.,;]$/, '')));
  const n = words.length;
  const at = (k: number) => words[n - k] ?? '';
  const ahead = (days: number) => addDays(today, days);
  let found: { day: string; length: number } | undefined;
  if (at(1) === 'today') found = { day: today, length: 1 };
  else if (at(1) === 'tomorrow') found = { day: ahead(1), length: 1 };
  else if (/^\d{4}-\d{2}-\d{2}$/.test(at(1))) found = { day: at(1), length: 1 };
  else if (at(2) === 'next' && at(1) === 'week') found = { day: ahead(7), length: 2 };
  else if (at(3) === 'in' && /^\d{1,3}$/.test(at(2)) && /^(days?|weeks?)$/.test(at(1))) {
    found = { day: ahead(Number(at(2)) * (at(1).startsWith('week') ? 7 : 1)), length: 3 };
  } else {
    const weekday = weekdayOf(at(1));
    if (weekday >= 0) {
      const todayIndex = new Date(`${today}T12:00:00Z`).getUTCDay();
      found = { day: ahead((weekday - todayIndex + 7) % 7 || 7), length: 1 };
    }
  }
  if (!found) return undefined;
  const from = n - found.length;
  return ['by', 'due', 'on'].includes(words[from - 1] ?? '') ? { day: found.day, from: from - 1 } : { day: found.day, from };
}

/** The words after the client of `/client next`: what to do, then optionally @who and a day. */
export function parseNextStepArgs(text: string, tokens: readonly Token[], today: string): NextStepArgs {
  let end = tokens.length;
  const due = parseDueAtEnd(tokens, today);
  if (due) end = due.from;
  const assigneeUserId = end > 0 ? userFromMention(tokens[end - 1]!.value) : undefined;
  if (assigneeUserId) end--;
  if (end === 0) throw usageError('What is the next step? Say what to do after the client’s name.', USAGE.clientNext);
  const what = text.slice(tokens[0]!.start, tokens[end - 1]!.end).trim();
  return { what, ...(assigneeUserId ? { assigneeUserId } : {}), ...(due ? { dueOn: due.day } : {}) };
}
