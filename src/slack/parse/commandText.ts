/**
 * Slash-command text → plain values. Pure: no database, no Slack. Client names are resolved elsewhere
 * (they need the workspace's names), so these parsers work on the words after the client.
 */
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
import { RapportError } from '../../domain/errors.js';

export interface Token {
  value: string;
  /** Offsets in the original text, so notes keep the user's own spacing. */
  start: number;
  end: number;
  quoted: boolean;
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
  call: '/call <client> [+trait …] [-trait …] [notes]',
  incident: '/incident <client> <kind> [days=N] [invoice=REF] [amount=N] [competitor=NAME] [notes]',
  clientAdd: '/client add <name> [category] [relationship] [@owner] [monthly value]',
  clientShow: '/client show <name>',
  clientList: '/client list [category|band]',
  clientSet: '/client set <name> <field> <value>',
  settings: '/rapport settings [channel #c | day monday | time 09:00 | timezone Europe/Istanbul | threshold <name> <value>]',
} as const;

// ---------------------------------------------------------------------------------------------
// /call

export interface CallArgs {
  traits: string[];
  notes: string;
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
      `I don't know the trait${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `\`${u}\``).join(', ')}. ` +
        `Use \`+\` for a good trait and \`-\` for a bad one; \`/call help\` lists them.`,
      { field: 'traits' },
    );
  }
  return { traits: [...new Set(traits)], notes: restOf(text, tokens, i) };
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
      kindToken ? `\`${kindToken.value}\` is not an incident kind; \`/incident help\` lists them.` : 'Which kind of incident?',
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
        throw usageError(`\`${key}=\` does not apply to this kind of incident${allowed.length ? ` (it takes ${allowed.map((a) => `${a}=`).join(', ')})` : ''}.`, USAGE.incident);
      }
      if (key === 'days') {
        if (!/^\d+$/.test(value)) throw usageError(`days must be a whole number of days late, not \`${value}\`.`, USAGE.incident);
        fields.daysLate = Number(value);
      } else if (key === 'amount') {
        const amount = parseAmount(value);
        if (amount === undefined) throw usageError(`amount must be a number, not \`${value}\`.`, USAGE.incident);
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
      throw usageError(`Mention the owner so Slack sends their id (pick them from the @ list), not \`${t.value}\`.`, USAGE.clientAdd);
    } else break;
    end--;
  }
  const nameTokens = tokens.slice(0, end);
  const name = nameTokens.length === 1 ? nameTokens[0]!.value : text.slice(nameTokens[0]?.start ?? 0, nameTokens.at(-1)?.end ?? 0).trim();
  if (!name) throw usageError('Give the new client a name.', USAGE.clientAdd);
  return { name, ...args };
}

export const CLIENT_FIELDS = ['name', 'category', 'relationship', 'owner', 'value', 'status'] as const;
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
