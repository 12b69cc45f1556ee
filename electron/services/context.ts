import { createAuditRepository, type AuditRepository } from '../db/repositories/audit';
import { createAuditReader, type AuditReader } from '../db/repositories/audit-read';
import { createBulkRepository, type BulkRepository } from '../db/repositories/bulk';
import { createCardRepository, foldName, type CardRepository } from '../db/repositories/cards';
import { createFindingRepository, type FindingRepository } from '../db/repositories/findings';
import { createHubLinkRepository, type HubLinkRepository } from '../db/repositories/hub-link';
import { createOrganisationRepository, type OrganisationRepository } from '../db/repositories/organisations';
import { createOutboxRepository, type OutboxRepository } from '../db/repositories/outbox';
import { createPersonalDataRepository, type PersonalDataRepository } from '../db/repositories/personal-data';
import {
  createPulledCardRepository,
  withRegionHistory,
  type PulledCardRepository,
} from '../db/repositories/pulled-cards';
import { createRegionCardRepository, type RegionCardRepository } from '../db/repositories/region-cards';
import {
  createRegionReportedRepository,
  type RegionReportedRepository,
} from '../db/repositories/region-reported';
import { createRegisterMetaRepository, type RegisterMetaRepository } from '../db/repositories/register-meta';
import { createReportRepository, type ReportRepository } from '../db/repositories/report';
import {
  createDecisionRepository,
  createSettingsRepository,
  type DecisionRepository,
  type SettingsRepository,
} from '../db/repositories/rules-data';
import type { Db } from '../db/types';
import { writeTransaction } from '../db/write-transaction';

/** Every repository of one connection, each prepared once when the connection opens. */
export interface Repositories {
  cards: CardRepository;
  organisations: OrganisationRepository;
  /** The append-only audit log: appends, and one entity's entries. */
  audit: AuditRepository;
  /** Reads of the whole audit log: the chain in order, the UI's pages. */
  auditReader: AuditReader;
  /** What the rules read and the stored findings, over the whole region (own and pulled cards). */
  findings: FindingRepository;
  decisions: DecisionRepository;
  settings: SettingsRepository;
  /** The monthly statistics and the record of reported months. */
  report: ReportRepository;
  /** Retention: erasure and access requests. */
  personalData: PersonalDataRepository;
  /** This desk's events for the hub. */
  outbox: OutboxRepository;
  /** Index suspension for an import at least as large as the register. */
  bulk: BulkRepository;
  registerMeta: RegisterMetaRepository;
  /** The register's link to its regional hub. */
  hubLink: HubLinkRepository;
  /** The other desks' cards and names, as the pulls left them. */
  pulledCards: PulledCardRepository;
  /** The register's region view: own and pulled cards in one list. */
  regionCards: RegionCardRepository;
  /** The months whose region-wide report this desk exported. */
  regionReported: RegionReportedRepository;
}

/** What services need: the database, its repositories, who acts and the clock. */
export interface ServiceContext extends Repositories {
  db: Db;
  /** The desk user recorded in the audit log. */
  actor: () => string;
  now: () => number;
  /**
   * Runs `fn` as one write transaction (BEGIN IMMEDIATE, so a busy register is waited
   * for); throwing rolls it back. Every service that writes goes through this.
   */
  transaction<T>(fn: () => T): T;
}

/** Prepares every repository of a database connection, once. */
export function createRepositories(db: Db): Repositories {
  const pulledCards = createPulledCardRepository(db);
  return {
    cards: createCardRepository(db),
    organisations: createOrganisationRepository(db),
    audit: createAuditRepository(db),
    auditReader: createAuditReader(db),
    findings: withRegionHistory(createFindingRepository(db), pulledCards),
    decisions: createDecisionRepository(db),
    settings: createSettingsRepository(db),
    report: createReportRepository(db),
    personalData: createPersonalDataRepository(db),
    outbox: createOutboxRepository(db),
    bulk: createBulkRepository(db),
    registerMeta: createRegisterMetaRepository(db),
    hubLink: createHubLinkRepository(db),
    pulledCards,
    regionCards: createRegionCardRepository(db, foldName),
    regionReported: createRegionReportedRepository(db),
  };
}

/** The services' context of a database connection: its repositories, the desk user and the clock. */
export function createServiceContext(
  db: Db,
  options: { actor: () => string; now?: () => number },
): ServiceContext {
  return {
    db,
    ...createRepositories(db),
    actor: options.actor,
    now: options.now ?? Date.now,
    transaction: (fn) => writeTransaction(db, fn),
  };
}
