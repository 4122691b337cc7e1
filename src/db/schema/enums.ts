/** Postgres enums, with their values taken from the domain catalogue (one source of truth). */
import { pgEnum } from 'drizzle-orm/pg-core';
import { CATEGORIES, CLIENT_STATUSES, INCIDENT_KINDS, RELATIONSHIPS } from '../../domain/catalogue.js';
import { DECISION_KINDS } from '../../domain/types.js';

export const categoryEnum = pgEnum('client_category', CATEGORIES);
export const relationshipEnum = pgEnum('client_relationship', RELATIONSHIPS);
export const clientStatusEnum = pgEnum('client_status', CLIENT_STATUSES);
export const incidentKindEnum = pgEnum('incident_kind', INCIDENT_KINDS);
export const decisionKindEnum = pgEnum('decision_kind', DECISION_KINDS);
export const DIGEST_STATUSES = ['claimed', 'posted'] as const;
export const digestStatusEnum = pgEnum('digest_status', DIGEST_STATUSES);
export const PROPOSAL_STATUSES = ['open', 'approved', 'declined'] as const;
export const proposalStatusEnum = pgEnum('proposal_status', PROPOSAL_STATUSES);
