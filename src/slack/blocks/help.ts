/**
 * Help for each command, generated from the catalogue so it lists the real traits and kinds. It is answered in
 * the ack, before anything is read, so it shows Rapport's default traits and says so (the `/call` form lists the
 * workspace's own).
 */
import { CATEGORIES, CRITERIA, INCIDENT_KIND_ALIASES, RELATIONSHIPS, type Catalogue } from '../../domain/catalogue.js';
import { CLIENT_FIELDS, USAGE } from '../parse/commandText.js';
import { section, context, type Block } from './kit.js';

export type HelpTopic = 'call' | 'incident' | 'client' | 'rapport';

function traitLines(catalogue: Catalogue): string {
  const line = (polarity: 'good' | 'bad', sign: string) =>
    catalogue.traits
      .filter((t) => t.polarity === polarity)
      .map(
        (t) =>
          `\`${sign}${t.aliases[0] ?? t.key}\` ${t.label}${
            t.aliases.length > 1
              ? ` (also ${t.aliases
                  .slice(1)
                  .map((a) => `\`${sign}${a}\``)
                  .join(', ')})`
              : ''
          }`,
      )
      .join('\n');
  return `*Good traits* (Rapport’s defaults; \`/call\` alone opens a form listing your workspace’s own)\n${line('good', '+')}\n*Bad traits*\n${line('bad', '-')}`;
}

export function helpBlocks(topic: HelpTopic, catalogue: Catalogue): Block[] {
  switch (topic) {
    case 'call':
      return [
        section(
          `*Log a call* — \`${USAGE.call}\`\nExample: \`/call acme +communication -reporting Weekly sync, still no usage data\`\n\`/call\` alone opens a form; \`/call acme\` opens it for Acme. Names with spaces work as typed, or in quotes.`,
        ),
        section(traitLines(catalogue)),
      ];
    case 'incident':
      return [
        section(
          `*Log an incident* — \`${USAGE.incident}\`\nExamples: \`/incident acme late 45 invoice=INV-7 amount=1200\` · \`/incident acme dispute invoice=INV-9\` · \`/incident acme competitor competitor=Globex\` (add \`off-contract\` when it was not about agreed work)\n\`/incident\` alone opens a form with the right fields for each kind.`,
        ),
        section(
          `*Kinds* (firing criterion number, then the words you can type)\n${CRITERIA.map((c) => `${c.number}. ${c.class === 'red_flag' ? '🚩 ' : ''}${c.label}: \`${[c.kind, ...INCIDENT_KIND_ALIASES[c.kind]].join('`, `')}\``).join('\n')}`,
        ),
        context('Mental abuse (2) counts only after the client was told it is unacceptable: the confirmation has a button to record that.'),
      ];
    case 'client':
      return [
        section(
          [
            '*Clients*',
            `\`${USAGE.clientAdd}\` e.g. \`/client add Acme Corp vip long-term @dana 12k\``,
            `\`${USAGE.clientShow}\` health, 8-week trend, criteria, last calls and incidents, decisions`,
            `\`${USAGE.clientList}\` e.g. \`/client list vip\` or \`/client list at-risk\``,
            `\`${USAGE.clientSet}\` fields: ${CLIENT_FIELDS.join(', ')}`,
            `\`${USAGE.clientDelete}\` erases a client and everything about it, after you confirm (its owner or an admin)`,
            `\`${USAGE.clientLink}\`: forms opened there, and messages logged from there, are for that client`,
            `\`${USAGE.clientNext}\` e.g. \`/client next acme Send the renewal deck @dana friday\`: who (default: the client’s owner) is reminded by DM that morning`,
            `Categories: ${CATEGORIES.join(', ')} · relationships: ${RELATIONSHIPS.join(', ').replace(/_/g, '-')}`,
          ].join('\n'),
        ),
      ];
    case 'rapport':
      return [
        section(
          [
            '*Rapport* keeps score of your client relationships.',
            '`/call help` · `/incident help` · `/client help`',
            `\`${USAGE.settings}\` (changes: workspace admins only)`,
            '`/rapport digest preview` this week’s digest so far, just for you · `/rapport digest now [--force]` post it (admins)',
            '`/rapport export` every record of this workspace as CSV files, sent to you by DM (admins)',
            '`/rapport todo` your open next steps, overdue first, with Done and Snooze',
            '`/rapport settings me digest on` your own clients’ part of the weekly digest, by DM, at the digest’s time in your time zone (`off` stops it)',
            'The App Home tab lists your own clients, worst first.',
          ].join('\n'),
        ),
      ];
  }
}

/** The ack that answers `help` (or an unknown word, `lead` saying so): ephemeral, at once. */
export function helpResponse(topic: HelpTopic, catalogue: Catalogue, lead?: string): { response_type: 'ephemeral'; text: string; blocks: Block[] } {
  return { response_type: 'ephemeral', text: lead ?? `Rapport help: /${topic}`, blocks: [...(lead ? [section(lead)] : []), ...helpBlocks(topic, catalogue)] };
}
