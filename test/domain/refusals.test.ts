/**
 * A refusal the database throws is data (a code and what the reply needs); its words are the catalogue's, chosen
 * in domain/refusals.ts. Every code is said in every language, naming what it carries, with the error code and the
 * field the reply points at.
 */
import { describe, expect, it } from 'vitest';
import { Refused, type Refusal } from '../../src/domain/refusals.js';
import { LOCALES } from '../../src/i18n/locales.js';
import { say } from '../../src/i18n/messages.js';

/** One refusal of each code (the record's type makes a missing code a compile error). */
const ONE_OF_EACH: { [C in Refusal['code']]: Extract<Refusal, { code: C }> } = {
  input_invalid: { code: 'input_invalid', issue: undefined },
  client_gone: { code: 'client_gone' },
  client_erased: { code: 'client_erased' },
  client_name_missing: { code: 'client_name_missing' },
  client_not_found: { code: 'client_not_found', typed: 'Acme', suggestions: ['Acme Corp'] },
  client_ambiguous: { code: 'client_ambiguous', typed: 'north', names: ['Northwind Traders', 'Northwind Labs'] },
  client_name_taken: { code: 'client_name_taken', name: 'Globex' },
  client_name_look_alike: { code: 'client_name_look_alike', name: 'Globex Ltd', existing: 'Globex Ltd.' },
  client_name_same_leading_words: { code: 'client_name_same_leading_words', name: 'Northwind', existing: 'Northwind Traders' },
  traits_unknown: { code: 'traits_unknown', traits: ['kindness'] },
  entry_gone: { code: 'entry_gone', entry: 'call' },
  entry_not_yours: { code: 'entry_not_yours', entry: 'incident', loggedBy: 'U0BOB' },
  entry_undo_window: { code: 'entry_undo_window', minutes: 15 },
  entry_moved: { code: 'entry_moved', entry: 'call' },
  incident_gone: { code: 'incident_gone' },
  snooze_days: { code: 'snooze_days' },
  thresholds_unknown: { code: 'thresholds_unknown', names: ['vipDrop2'], known: ['vipDrop'] },
  settings_invalid: { code: 'settings_invalid', problem: 'half-life must be positive' },
  step_gone: { code: 'step_gone' },
  step_not_yours: { code: 'step_not_yours', assignee: 'U0ALICE', creator: 'U0BOB' },
  proposal_gone: { code: 'proposal_gone' },
  proposal_answered: { code: 'proposal_answered', status: 'approved', answeredBy: 'U0BOB' },
};

describe('refusals', () => {
  it.each(Object.values(ONE_OF_EACH))('$code is said in every language', (refusal) => {
    const error = new Refused(refusal);
    if (refusal.code === 'settings_invalid') {
      // The catalogue's own sentence (CatalogueError), English only.
      expect(error.said).toBeUndefined();
      expect(error.message).toBe(refusal.problem);
      return;
    }
    for (const locale of LOCALES) expect(say(locale, error.said!).trim()).not.toBe('');
  });

  it('names what it carries, with the code and field a reply uses', () => {
    const notFound = new Refused(ONE_OF_EACH.client_not_found);
    expect([notFound.code, notFound.detail]).toEqual(['not_found', { suggestions: ['Acme Corp'], field: 'client' }]);
    expect(notFound.message).toContain('Acme Corp');

    const which = new Refused(ONE_OF_EACH.client_ambiguous);
    expect(which.code).toBe('conflict');
    // The first three alphabetically.
    expect(which.message.indexOf('Northwind Labs')).toBeLessThan(which.message.indexOf('Northwind Traders'));

    const notYours = new Refused(ONE_OF_EACH.entry_not_yours);
    expect([notYours.code, notYours.message]).toEqual(['forbidden', expect.stringContaining('<@U0BOB>')]);

    const lookAlike = new Refused(ONE_OF_EACH.client_name_look_alike);
    expect(lookAlike.detail).toEqual({ field: 'name', lookAlike: 'Globex Ltd.' });
  });
});
