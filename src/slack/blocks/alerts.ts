/** The red-flag DM to a client's owner (domain.md §4), in the owner's words, with the digest's buttons to act at once. */
import type { IncidentOutcome } from '../../services/clientActivity.js';
import { context, section, type Block } from './kit.js';
import { clientActions } from './clientButtons.js';
import { criterionLineFor } from './format.js';
import { escapeName } from './text.js';
import { md, t } from '../../i18n/messages.js';
import { criterionLabel } from '../../i18n/labels.js';
import { formatDay, formatList } from '../../i18n/format.js';
import type { Reader } from '../../i18n/reader.js';

export function redFlagAlertFor(reader: Reader, outcome: IncidentOutcome, loggedBy: string): { text: string; blocks: Block[] } {
  const { client } = outcome.logged;
  const flags = outcome.newlyMet.filter((m) => m.criterion.class === 'red_flag');
  return {
    text: t(reader, 'notify.redFlag.text', {
      name: client.name,
      criteria: formatList(
        flags.map((m) => criterionLabel(reader, m.criterion.kind)),
        reader,
      ),
    }),
    blocks: [
      section(t(reader, 'notify.redFlag.head', { name: md(`*${escapeName(client.name)}*`), who: md(`<@${loggedBy}>`) })),
      section(flags.map((m) => criterionLineFor(reader, m, (d) => formatDay(d, reader))).join('\n')),
      clientActions(reader, client.id),
      context(t(reader, 'notify.redFlag.act', { typed: md(escapeName(client.name)) })),
    ],
  };
}
