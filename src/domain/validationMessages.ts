/**
 * Every refusal is a sentence about the person's input. Zod's own defaults ("Too small: expected number to be
 * >=1") never reach anyone: this error map, installed once for every schema, names the field in words and
 * says what it must be. Schemas that need a more particular sentence still give their own message.
 */
import { z } from 'zod';
import { plural } from './words.js';

/** How a field reads in a sentence, by its key (the last segment of the issue's path). */
const FIELD_WORDS: Record<string, string> = {
  name: 'A client name',
  category: 'The category',
  relationship: 'The relationship',
  status: 'The status',
  ownerUserId: 'The owner',
  monthlyValue: 'The monthly value',
  traitWeights: 'A trait weight',
  daysLate: 'Days late',
  amount: 'The amount',
  amountDisputed: 'The amount disputed',
  invoiceRef: 'The invoice reference',
  competitor: 'The competitor’s name',
  traits: 'The traits',
  notes: 'The notes',
  description: 'The description',
  reason: 'The reason',
  note: 'The note',
  occurredAt: 'The date',
  givenAt: 'The date',
  clientId: 'The client',
  digestChannelId: 'The digest channel',
  timeZone: 'The time zone',
  digestDay: 'The digest day',
  digestTime: 'The digest time',
  days: 'The number of days',
};

function fieldWords(path: readonly PropertyKey[]): string {
  const last = path.at(-1);
  const known = typeof last === 'string' ? FIELD_WORDS[last] : undefined;
  if (known) return known;
  const dotted = path.filter((p) => typeof p === 'string').join('.');
  return dotted ? `\`${dotted}\`` : 'This value';
}

type Issue = z.core.$ZodRawIssue;

export function sentenceFor(issue: Issue): string {
  const field = fieldWords(issue.path ?? []);
  switch (issue.code) {
    case 'too_small': {
      const min = issue.minimum as number;
      if (issue.origin === 'string') return min <= 1 ? `${field} cannot be empty.` : `${field} needs at least ${plural(min, 'character')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} needs at least ${min}.`;
      return issue.inclusive === false ? `${field} must be more than ${min}.` : `${field} must be at least ${min}.`;
    }
    case 'too_big': {
      const max = issue.maximum as number;
      if (issue.origin === 'string') return `${field} can be at most ${plural(max, 'character')}.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${field} can have at most ${max}.`;
      return issue.inclusive === false ? `${field} must be less than ${max}.` : `${field} can be at most ${max}.`;
    }
    case 'invalid_type':
      if (issue.expected === 'int') return `${field} must be a whole number.`;
      if (issue.expected === 'number') return `${field} must be a number.`;
      if (issue.input === undefined) return `${field} is missing.`;
      return `${field} is not in a form Rapport understands.`;
    case 'invalid_value':
      return `${field} must be one of: ${(issue.values as unknown[]).map(String).join(', ')}.`;
    case 'invalid_format':
      return issue.format === 'uuid' ? `${field} is not one Rapport knows.` : `${field} is not in the expected form.`;
    case 'unrecognized_keys':
      return `${plural(issue.keys.length, 'setting')} not known: ${issue.keys.join(', ')}.`;
    default:
      return `${field} is not valid.`;
  }
}

z.config({ customError: sentenceFor });
