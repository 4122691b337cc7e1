/**
 * Staying in touch and observers who disagree, as people read them: the cadence line of `/client show`, the
 * digest's overdue line and its disputes, the DM to those who disagree, the answers of `/client set … cadence`
 * and the settings line. Pure.
 */
import { CATEGORIES, type Catalogue } from '../../domain/catalogue.js';
import { cadenceOf, type ContactLine, type OverdueForContact } from '../../domain/cadence.js';
import type { Disagreement, Observed } from '../../domain/disagreements.js';
import type { ClientProfile } from '../../domain/types.js';
import { formatDay } from '../../i18n/format.js';
import { categoryLabel, traitName } from '../../i18n/labels.js';
import { md, t, tPlain, type MessageKey } from '../../i18n/messages.js';
import { MESSAGES } from '../../i18n/messages/index.js';
import type { Reader } from '../../i18n/reader.js';
import { section, type Block } from './kit.js';
import { blocksFor, escapeText } from './text.js';

const who = (userId: string) => md(`<@${userId}>`);
const dayOf = (reader: Reader) => (d: Date) => md(formatDay(d, reader));

/** A dimension in the reader's words (the default ones are in the catalogue; a workspace's own as its key). */
function dimensionName(reader: Reader, dimension: string): string {
  const key = `digest.dimension.${dimension}`;
  return key in MESSAGES.en ? tPlain(reader, key as MessageKey) : dimension;
}

/** `/client show`'s stay-in-touch lines: the cadence, the last contact (who, when, how), a newer incident, when due. */
export function contactLines(reader: Reader, catalogue: Catalogue, client: Pick<ClientProfile, 'category'>, c: ContactLine): string[] {
  const day = dayOf(reader);
  const category = md(categoryLabel(reader, client.category));
  const lines = [
    c.cadenceOwn
      ? t(reader, 'cadence.everyOwn', { days: c.cadenceDays, category, usual: catalogue.thresholds.cadenceDays[client.category] })
      : t(reader, 'cadence.everyCategory', { days: c.cadenceDays, category }),
  ];
  const last = c.lastContact;
  lines.push(
    !last
      ? t(reader, 'cadence.never')
      : t(reader, last.means === 'message' ? 'cadence.lastMessage' : 'cadence.lastCall', { who: who(last.by), day: day(last.at) }),
  );
  if (c.newerIncident) lines.push(t(reader, 'cadence.newerIncident', { who: who(c.newerIncident.by), day: day(c.newerIncident.at) }));
  lines.push(
    c.daysOverdue > 0
      ? t(reader, 'cadence.overdue', { days: c.daysOverdue })
      : c.daysOverdue === 0
        ? t(reader, 'cadence.dueToday')
        : t(reader, 'cadence.dueIn', { days: -c.daysOverdue }),
  );
  return lines;
}

/** One disputed dimension: who saw what, when. */
export function disputeLine(reader: Reader, catalogue: Catalogue, d: Disagreement<Observed>): string {
  const day = dayOf(reader);
  return t(reader, 'cadence.dispute.line', {
    dimension: escapeText(dimensionName(reader, d.dimension)),
    goodWho: who(d.good.loggedBy),
    good: traitName(reader, catalogue, d.good.trait),
    goodDay: day(d.good.observedAt),
    badWho: who(d.bad.loggedBy),
    bad: traitName(reader, catalogue, d.bad.trait),
    badDay: day(d.bad.observedAt),
  });
}

/** The disputed dimensions, under their title, with what they mean for the score. */
function disputeText(reader: Reader, catalogue: Catalogue, disputed: readonly Disagreement<Observed>[]): string {
  return [
    t(reader, 'cadence.dispute.title'),
    ...disputed.map((d) => disputeLine(reader, catalogue, d)),
    t(reader, 'cadence.dispute.scoreNote', { count: disputed.length }),
  ].join('\n');
}

/**
 * What `/client show` adds: staying in touch and, when two people see a dimension oppositely, the dispute beside
 * the score (it weighs both views; it is not to be read as settled).
 */
export function clientCadenceBlocks(
  reader: Reader,
  catalogue: Catalogue,
  o: { client: ClientProfile; contact?: ContactLine | undefined; disputed?: readonly Disagreement<Observed>[] | undefined },
): Block[] {
  const blocks: Block[] = [];
  if (o.contact) blocks.push(section(contactLines(reader, catalogue, o.client, o.contact).join('\n')));
  if (o.disputed && o.disputed.length > 0) blocks.push(section(disputeText(reader, catalogue, o.disputed)));
  return blocksFor(reader, blocks);
}

/** The digest's line for a client overdue for contact: how long, against which cadence, and who was last in touch, how. */
export function overdueLine(reader: Reader, quiet: OverdueForContact, day: (d: Date) => string): string {
  const args = { days: quiet.daysSilent, cadence: quiet.cadenceDays };
  if (!quiet.lastCallAt) return t(reader, 'cadence.digest.overdueNever', args);
  const last = quiet.lastContact;
  return last
    ? t(reader, 'cadence.digest.overdueBy', { ...args, day: md(day(last.at)), who: who(last.by), means: last.means })
    : t(reader, 'cadence.digest.overdueLast', { ...args, day: md(day(quiet.lastCallAt)) });
}

/** The DM to each observer and the owner: the disputes one call made, and the ask to compare notes. */
export function disagreementDm(
  reader: Reader,
  catalogue: Catalogue,
  client: Pick<ClientProfile, 'name'>,
  disagreements: readonly Disagreement<Observed>[],
): { text: string; blocks: Block[] } {
  return {
    text: t(reader, 'cadence.dispute.dmText', { name: client.name }),
    blocks: blocksFor(reader, [
      section(t(reader, 'cadence.dispute.dm', { name: client.name })),
      section(disagreements.map((d) => disputeLine(reader, catalogue, d)).join('\n')),
    ]),
  };
}

/** Clients at most in one digest section of disputes (Block Kit's section text limit keeps the rest for `/client show`). */
export const DIGEST_DISPUTES_AT_MOST = 15;

/**
 * The digest's section of observers who disagree: one line per disputed dimension, clients by name. To be placed
 * after the sections of clients to act on (it asks for a conversation, not a decision).
 */
export function digestDisputeBlocks(
  reader: Reader,
  catalogue: Catalogue,
  entries: readonly { client: Pick<ClientProfile, 'name'>; disputed: readonly Disagreement<Observed>[] }[],
): Block[] {
  const shown = entries.filter((e) => e.disputed.length > 0);
  if (shown.length === 0) return [];
  const lines = shown
    .slice(0, DIGEST_DISPUTES_AT_MOST)
    .flatMap((e) => e.disputed.map((d) => t(reader, 'cadence.dispute.digestItem', { name: e.client.name, line: md(disputeLine(reader, catalogue, d)) })));
  return blocksFor(reader, [section([t(reader, 'cadence.dispute.digestTitle', { count: shown.length }), ...lines].join('\n'))]);
}

/** What `/client set <name> cadence <days|default>` answers. */
export function cadenceSetReply(reader: Reader, catalogue: Catalogue, client: ClientProfile): { text: string; blocks: Block[] } {
  const cadence = cadenceOf(catalogue, client);
  const args = { name: client.name, days: cadence.days };
  const line = cadence.own
    ? t(reader, 'cadence.setOwn', args)
    : t(reader, 'cadence.setDefault', { ...args, category: md(categoryLabel(reader, client.category)) });
  return { text: t(reader, 'cadence.setText', args), blocks: [section(line)] };
}

/** The settings' line: each category's cadence, the snooze, and the disagreement window. */
export function cadenceSettingsLine(reader: Reader, catalogue: Catalogue): string {
  const th = catalogue.thresholds;
  const list = CATEGORIES.map((c) => t(reader, 'cadence.settingsItem', { category: md(categoryLabel(reader, c)), days: th.cadenceDays[c] })).join(' · ');
  return t(reader, 'cadence.settings', { list: md(list), snooze: th.snoozeDays, disagreement: th.disagreementDays });
}
