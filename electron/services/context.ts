import { createAuditRepository, type AuditRepository } from '../db/repositories/audit';
import { createCardRepository, type CardRepository } from '../db/repositories/cards';
import { createFindingRepository, type FindingRepository } from '../db/repositories/findings';
import { createOrganisationRepository, type OrganisationRepository } from '../db/repositories/organisations';
import { withRegionHistory } from '../db/repositories/pulled-cards';
import {
  createDecisionRepository,
  createSettingsRepository,
  type DecisionRepository,
  type SettingsRepository,
} from '../db/repositories/rules-data';
import type { Db } from '../db/types';
import { writeTransaction } from '../db/write-transaction';

/** What services need: the database, its repositories, who acts and the clock. */
export interface ServiceContext {
  db: Db;
  cards: CardRepository;
  organisations: OrganisationRepository;
  audit: AuditRepository;
  findings: FindingRepository;
  decisions: DecisionRepository;
  settings: SettingsRepository;
  /** The desk user recorded in the audit log. */
  actor: () => string;
  now: () => number;
  /**
   * Runs `fn` as one write transaction (BEGIN IMMEDIATE, so a busy register is waited
   * for); throwing rolls it back. Every service that writes goes through this.
   */
  transaction<T>(fn: () => T): T;
}

/** Prepares every repository once for a database connection. */
export function createServiceContext(
  db: Db,
  options: { actor: () => string; now?: () => number },
): ServiceContext {
  return {
    db,
    cards: createCardRepository(db),
    organisations: createOrganisationRepository(db),
    audit: createAuditRepository(db),
    findings: withRegionHistory(db, createFindingRepository(db)),
    decisions: createDecisionRepository(db),
    settings: createSettingsRepository(db),
    actor: options.actor,
    now: options.now ?? Date.now,
    transaction: (fn) => writeTransaction(db, fn),
  };
}
