/**
 * The closed sets of kinds a client, a trait and an incident can be (shared/domain.md §1, §2, §4): a leaf, so
 * the vocabulary that names them in four languages (i18n/vocabulary.ts) and the catalogue that reads that
 * vocabulary (catalogue.ts, which re-exports these) do not import each other.
 */

// Clients (domain.md §1)
export const CATEGORIES = ['regular', 'vip', 'problem', 'employee'] as const;
export type Category = (typeof CATEGORIES)[number];

export const RELATIONSHIPS = ['long_term', 'stepping_stone', 'unknown'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const CLIENT_STATUSES = ['active', 'under_review', 'prepay_only', 'exited'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

// Relationship traits (domain.md §2)
export const POLARITIES = ['good', 'bad'] as const;
export type Polarity = (typeof POLARITIES)[number];

// Firing criteria (domain.md §4)
export const INCIDENT_KINDS = [
  'physical_abuse',
  'mental_abuse',
  'lying',
  'unreasonable_demands',
  'slow_payment',
  'invoice_dispute',
  'changes_mind',
  'ignores_advice',
  'competitor_play',
  'legal_exposure',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
