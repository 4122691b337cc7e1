/** The whole message catalogue: every part of it, merged (each key belongs to one part, named by its prefix). */
import type { Locale } from '../locales.js';
import { cadenceMessages } from './cadence.js';
import { changesMessages } from './changes.js';
import { chartsMessages } from './charts.js';
import { clientMessages } from './client.js';
import { clientChartsMessages } from './clientCharts.js';
import { commandsMessages } from './commands.js';
import { digestMessages } from './digest.js';
import { digestChartsMessages } from './digestCharts.js';
import { eraseMessages } from './erase.js';
import { errorMessages } from './errors.js';
import { explainMessages } from './explain.js';
import { exportMessages } from './export.js';
import { formsMessages } from './forms.js';
import { helpMessages } from './help.js';
import { homeMessages } from './home.js';
import { inputMessages } from './input.js';
import { installMessages } from './install.js';
import { labelMessages } from './labels.js';
import { languageMessages } from './language.js';
import { notifyMessages } from './notify.js';
import { outcomesMessages } from './outcomes.js';
import { pageMessages } from './page.js';
import { paymentsMessages } from './payments.js';
import { settingsMessages } from './settings.js';
import { shortcutsMessages } from './shortcuts.js';
import { validationMessages } from './validation.js';
import { valueMessages } from './value.js';

const PARTS = [
  cadenceMessages,
  changesMessages,
  chartsMessages,
  clientMessages,
  clientChartsMessages,
  commandsMessages,
  digestMessages,
  digestChartsMessages,
  eraseMessages,
  errorMessages,
  explainMessages,
  exportMessages,
  formsMessages,
  helpMessages,
  homeMessages,
  inputMessages,
  installMessages,
  labelMessages,
  languageMessages,
  notifyMessages,
  outcomesMessages,
  pageMessages,
  paymentsMessages,
  settingsMessages,
  shortcutsMessages,
  validationMessages,
  valueMessages,
] as const;
type KeysOf<P> = P extends { en: Readonly<Record<infer K, string>> } ? K : never;
export type MessageKey = KeysOf<(typeof PARTS)[number]>;

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  en: Object.assign({}, ...PARTS.map((p) => p.en)),
  tr: Object.assign({}, ...PARTS.map((p) => p.tr)),
  fa: Object.assign({}, ...PARTS.map((p) => p.fa)),
  fi: Object.assign({}, ...PARTS.map((p) => p.fi)),
};
