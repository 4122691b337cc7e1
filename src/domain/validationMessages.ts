/**
 * Every refusal is a sentence about the person's input. Zod's own defaults ("Too small: expected number to be
 * >=1") never reach anyone: this error map, installed once for every schema, names the field in words and
 * says what it must be. Schemas that need a more particular sentence give their own (`phrase`).
 *
 * Each sentence is a catalogue message (`saidFor`), told in its reader's words; zod itself only carries strings,
 * so the English of each sentence is what zod's issue holds, and `saidOfIssue` finds the message again from it.
 */
import { z } from 'zod';
import { ENGLISH } from '../i18n/reader.js';
import { md, said, say, type MessageKey, type Said } from '../i18n/messages.js';
import { escapeText } from './mrkdwn.js';
import { MESSAGES } from '../i18n/messages/index.js';

/** How a field reads in a sentence, by its key (the last segment of the issue's path): `validation.field.<key>`. */
function fieldSaid(path: readonly PropertyKey[]): Said {
  const last = path.at(-1);
  const key = `validation.field.${String(last)}`;
  if (typeof last === 'string' && key !== 'validation.field.path' && key !== 'validation.field.value' && key in MESSAGES.en) return said(key as MessageKey);
  const dotted = path.filter((p) => typeof p === 'string').join('.');
  return dotted ? said('validation.field.path', { path: md(escapeText(dotted)) }) : said('validation.field.value');
}

type Issue = z.core.$ZodRawIssue | z.core.$ZodIssue;

/** The sentence an issue is refused with, as a catalogue message. */
export function saidFor(issue: Issue): Said {
  const field = fieldSaid(issue.path ?? []);
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? said('validation.empty', { field }) : said('validation.minChars', { field, min });
      if (issue.origin === 'array' || issue.origin === 'set') return said('validation.minItems', { field, min });
      return said(issue.inclusive === false ? 'validation.moreThan' : 'validation.atLeast', { field, min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return said('validation.maxChars', { field, max });
      if (issue.origin === 'array' || issue.origin === 'set') return said('validation.maxItems', { field, max });
      return said(issue.inclusive === false ? 'validation.lessThan' : 'validation.atMost', { field, max });
    }
    case 'invalid_type':
      if (issue.expected === 'int') return said('validation.wholeNumber', { field });
      if (issue.expected === 'number') return said('validation.number', { field });
      if ('input' in issue && issue.input === undefined) return said('validation.missing', { field });
      return said('validation.notUnderstood', { field });
    case 'invalid_value':
      return said('validation.oneOf', { field, values: md(escapeText((issue.values as unknown[]).map(String).join(', '))) });
    case 'invalid_format':
      return said(issue.format === 'uuid' ? 'validation.unknownId' : 'validation.badForm', { field });
    case 'unrecognized_keys':
      return said('validation.unknownKeys', { count: issue.keys.length, keys: md(escapeText(issue.keys.join(', '))) });
    default:
      return said('validation.invalid', { field });
  }
}

/**
 * The catalogue message behind an English sentence zod carries: a schema's own (`phrase`) or this map's. Bounded:
 * the map's sentences name typed setting keys, so a flood of made-up keys must not grow it without end.
 */
const KNOWN_MAX = 2000;
const known = new Map<string, Said>();
function remember(english: string, message: Said): string {
  if (!known.has(english)) {
    if (known.size >= KNOWN_MAX) known.delete(known.keys().next().value!);
    known.set(english, message);
  }
  return english;
}
/** Schemas' own sentences are kept apart: never dropped. */
const phrases = new Map<string, Said>();

/** The English sentence zod carries for an issue (this map's message), its catalogue message remembered. */
export function sentenceFor(issue: Issue): string {
  const message = saidFor(issue);
  return remember(say(ENGLISH, message), message);
}

/** A schema's own sentence (`.min(1, phrase('validation.…'))`): its English for zod, its message for the reader. */
export function phrase(key: MessageKey, args?: Said['args']): string {
  const message = said(key, args);
  const english = say(ENGLISH, message);
  phrases.set(english, message);
  return english;
}

/** What to tell the reader about an issue zod reported: its catalogue message, or undefined for a sentence of no catalogue. */
export function saidOfIssue(issue: Pick<z.core.$ZodIssue, 'message'>): Said | undefined {
  return phrases.get(issue.message) ?? known.get(issue.message);
}

z.config({ customError: sentenceFor });
