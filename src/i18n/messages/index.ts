/** The whole message catalogue: every part of it, merged (each key belongs to one part, named by its prefix). */
import type { Locale } from '../locales.js';
import { languageMessages } from './language.js';
import { pageMessages } from './page.js';

const PARTS = [languageMessages, pageMessages] as const;

type KeysOf<P> = P extends { en: Readonly<Record<infer K, string>> } ? K : never;
export type MessageKey = KeysOf<(typeof PARTS)[number]>;

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  en: Object.assign({}, ...PARTS.map((p) => p.en)),
  tr: Object.assign({}, ...PARTS.map((p) => p.tr)),
  fa: Object.assign({}, ...PARTS.map((p) => p.fa)),
  fi: Object.assign({}, ...PARTS.map((p) => p.fi)),
};
