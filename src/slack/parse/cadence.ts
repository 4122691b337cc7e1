/** `/rapport settings cadence <category> <days>`: a category's stay-in-touch cadence, as the threshold it is. Pure. */
import type { WorkspaceOverrides } from '../../domain/catalogue.js';
import type { WorkspaceSettingsPatch } from '../../domain/inputs.js';
import type { Locale } from '../../i18n/locales.js';
import { md } from '../../i18n/messages.js';
import { CLIENT_FIELD_WORDS, lookUp } from '../../i18n/vocabulary.js';
import { categoryFromWord, refusal } from './commandText.js';
import { parseSettingsChange } from './settings.js';

/** Whether `/rapport settings <word> …` asks for a cadence (`cadence`, `sıklık`, `تناوب`, `yhteysväli`). */
export const isCadenceWord = (word: string): boolean => lookUp(CLIENT_FIELD_WORDS, word) === 'cadence';

/** `cadence vip 10` → the `cadenceDays.vip` threshold set to 10 (checked as every threshold is). */
export function parseCadenceSetting(stored: WorkspaceOverrides, words: readonly string[], locale: Locale = 'en'): WorkspaceSettingsPatch {
  const [, categoryWord = '', raw = ''] = words;
  const category = categoryFromWord(categoryWord);
  if (!category || !raw) throw refusal(locale, 'settings', 'cadence.settingsWhich', { example: md('`/rapport settings cadence vip 10`') });
  return parseSettingsChange(stored, ['threshold', `cadenceDays.${category}`, raw], locale);
}
