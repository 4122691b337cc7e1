/**
 * The domain's values in a reader's words: a default trait, criterion, incident kind, category, relationship kind,
 * status or health band by its key. A trait a workspace added has only the label its admins wrote, shown as is.
 */
import { traitByKey, type Catalogue, type Category, type ClientStatus, type IncidentKind, type Relationship } from '../domain/catalogue.js';
import { criterionFor } from '../domain/catalogue.js';
import type { Band, Health } from '../domain/health.js';
import { md, said, t, tPlain, type MessageKey, type Said } from './messages.js';
import { MESSAGES } from './messages/index.js';
import type { Reader } from './reader.js';

const labelKey = (kind: string, key: string): MessageKey | undefined => {
  const found = `label.${kind}.${key}`;
  return found in MESSAGES.en ? (found as MessageKey) : undefined;
};

/** A trait's label, with no sign: the catalogue's words for a default trait, else the workspace's own label. */
export function traitName(reader: Reader, catalogue: Catalogue, key: string): string {
  const known = labelKey('trait', key);
  if (known) return tPlain(reader, known);
  return traitByKey(catalogue, key)?.label ?? key;
}

/** A trait's name as a message to be put into words later (a refusal's argument): a default trait's key, else the workspace's label. */
export function traitNameSaid(catalogue: Catalogue, key: string): Said | string {
  const known = labelKey('trait', key);
  return known ? said(known) : (traitByKey(catalogue, key)?.label ?? key);
}

/** A trait as observed, with its polarity: "👍 Excellent communication". */
export function traitLabel(reader: Reader, catalogue: Catalogue, key: string): string {
  const trait = traitByKey(catalogue, key);
  const name = traitName(reader, catalogue, key);
  return trait ? `${trait.polarity === 'good' ? '👍' : '👎'} ${name}` : name;
}

/** A firing criterion, worded for when it is met. */
export const criterionLabel = (reader: Reader, kind: IncidentKind): string => tPlain(reader, `label.criterion.${kind}`);

/** An incident as logged (never the criterion's wording, which says when it is met), red flags marked. */
export const incidentLabel = (reader: Reader, kind: IncidentKind): string =>
  `${criterionFor(kind).class === 'red_flag' ? '🚩 ' : ''}${tPlain(reader, `label.incident.${kind}`)}`;

export const categoryLabel = (reader: Reader, category: Category): string => tPlain(reader, `label.category.${category}`);
export const relationshipLabel = (reader: Reader, relationship: Relationship): string => tPlain(reader, `label.relationship.${relationship}`);
export const statusLabel = (reader: Reader, status: ClientStatus): string => tPlain(reader, `label.status.${status}`);
export const bandLabel = (reader: Reader, band: Band | 'unknown'): string => tPlain(reader, `label.band.${band}`);

/** A client's health: its score in the reader's digits, bold, and its band. */
export function healthLabel(reader: Reader, health: Health): string {
  return health.known ? t(reader, 'label.health', { score: health.score, band: md(bandLabel(reader, health.band)) }) : bandLabel(reader, 'unknown');
}
