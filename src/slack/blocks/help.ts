/**
 * Help for each command, generated from the catalogue so it lists the real traits and kinds, in the reader's
 * language: the usage lines and the words a person types stay as they are (they are the commands' syntax), what
 * explains them is translated. It lists Rapport's default traits and says so (the `/call` form lists the
 * workspace's own).
 */
import { CATEGORIES, CRITERIA, INCIDENT_KIND_ALIASES, RELATIONSHIPS, type Catalogue } from '../../domain/catalogue.js';
import { quoteCode } from '../../domain/mrkdwn.js';
import { formatNumber } from '../../i18n/format.js';
import { categoryLabel, criterionLabel, relationshipLabel, traitName } from '../../i18n/labels.js';
import { md, t, tPlain } from '../../i18n/messages.js';
import type { Reader } from '../../i18n/reader.js';
import { CLIENT_FIELDS, usageIn } from '../parse/commandText.js';
import { section, context, type Block } from './kit.js';
import { blocksFor } from './text.js';

export type HelpTopic = 'call' | 'incident' | 'client' | 'rapport';

const code = (text: string) => md(`\`${text}\``);

/** The words a person types for categories or relationships, each with what it means in the reader's language. */
function typedWords<W extends string>(reader: Reader, words: readonly W[], label: (reader: Reader, word: W) => string): string {
  const typed = (word: W) => word.replace(/_/g, '-');
  return words
    .map((w) => (reader.locale === 'en' ? typed(w) : `${typed(w)} (${label(reader, w).replace(/\u200F/g, '')})`))
    .join(reader.locale === 'fa' ? '، ' : ', ');
}

function traitLines(catalogue: Catalogue, reader: Reader): string {
  const line = (polarity: 'good' | 'bad', sign: string) =>
    catalogue.traits
      .filter((trait) => trait.polarity === polarity)
      .map((trait) => {
        const also = trait.aliases.slice(1).map((a) => `\`${sign}${a}\``);
        const label = traitName(reader, catalogue, trait.key);
        return `\`${sign}${trait.aliases[0] ?? trait.key}\` ${label}${also.length > 0 ? ` ${t(reader, 'help.also', { words: md(also.join(', ')) })}` : ''}`;
      })
      .join('\n');
  return `${t(reader, 'help.goodTraits')}\n${line('good', '+')}\n${t(reader, 'help.badTraits')}\n${line('bad', '-')}`;
}

export function helpBlocks(topic: HelpTopic, catalogue: Catalogue, reader: Reader): Block[] {
  switch (topic) {
    case 'call':
      return [section(t(reader, 'help.call', { usage: code(usageIn(reader, 'call')) })), section(traitLines(catalogue, reader))];
    case 'incident':
      return [
        section(t(reader, 'help.incident', { usage: code(usageIn(reader, 'incident')) })),
        section(
          `${t(reader, 'help.kinds')}\n${CRITERIA.map(
            (c) =>
              `${formatNumber(c.number, reader)}. ${c.class === 'red_flag' ? '🚩 ' : ''}${criterionLabel(reader, c.kind)}: \`${[c.kind, ...INCIDENT_KIND_ALIASES[c.kind]].join('`, `')}\``,
          ).join('\n')}`,
        ),
        context(t(reader, 'help.abuseNote')),
      ];
    case 'client':
      return [
        section(
          [
            t(reader, 'help.client.title'),
            t(reader, 'help.client.add', { usage: code(usageIn(reader, 'clientAdd')) }),
            t(reader, 'help.client.show', { usage: code(usageIn(reader, 'clientShow')) }),
            t(reader, 'help.client.list', { usage: code(usageIn(reader, 'clientList')) }),
            t(reader, 'help.client.renewals'),
            t(reader, 'help.client.set', { usage: code(usageIn(reader, 'clientSet')), fields: md(CLIENT_FIELDS.join(', ')) }),
            t(reader, 'help.client.delete', { usage: code(usageIn(reader, 'clientDelete')) }),
            t(reader, 'help.client.link', { usage: code(usageIn(reader, 'clientLink')) }),
            t(reader, 'help.client.next', { usage: code(usageIn(reader, 'clientNext')) }),
            t(reader, 'help.client.words', {
              categories: md(typedWords(reader, CATEGORIES, categoryLabel)),
              relationships: md(typedWords(reader, RELATIONSHIPS, relationshipLabel)),
            }),
          ].join('\n'),
        ),
      ];
    case 'rapport':
      return [
        section(
          [
            t(reader, 'help.rapport.intro'),
            '`/call help` · `/incident help` · `/client help`',
            t(reader, 'help.rapport.settings', { usage: code(usageIn(reader, 'settings')) }),
            t(reader, 'help.rapport.digest'),
            t(reader, 'help.rapport.export'),
            t(reader, 'help.rapport.todo'),
            t(reader, 'help.rapport.outcomes'),
            t(reader, 'help.rapport.value'),
            t(reader, 'help.rapport.meDigest'),
            t(reader, 'help.rapport.meLanguage'),
            t(reader, 'help.rapport.home'),
          ].join('\n'),
        ),
      ];
  }
}

/** The answer to `help` (or to an unknown word, `unknown` naming it): ephemeral, in the reader's words. */
export function helpMessage(topic: HelpTopic, catalogue: Catalogue, reader: Reader, unknown?: string): { text: string; blocks: Block[] } {
  const lead = unknown === undefined ? undefined : t(reader, 'help.unknown', { command: md(quoteCode(unknown)) });
  return {
    text: lead ?? tPlain(reader, 'help.text', { topic }),
    blocks: [...(lead ? [section(lead)] : []), ...blocksFor(reader, helpBlocks(topic, catalogue, reader))],
  };
}

/** The same, as an ack's answer. */
export function helpResponse(
  topic: HelpTopic,
  catalogue: Catalogue,
  reader: Reader,
  unknown?: string,
): { response_type: 'ephemeral'; text: string; blocks: Block[] } {
  return { response_type: 'ephemeral', ...helpMessage(topic, catalogue, reader, unknown) };
}

/** The words that ask for help, in any of Rapport's languages: `/call help`, `/call yardım`, `/call راهنما`, `/call ohje`. */
const HELP_WORDS = new Set(['help', '?', 'yardım', 'yardim', 'راهنما', 'ohje', 'apua']);
export function isHelpWord(word: string | undefined): boolean {
  const typed = (word ?? '').trim();
  return HELP_WORDS.has(typed.toLowerCase()) || HELP_WORDS.has(typed.toLocaleLowerCase('tr'));
}
