import type { HubCardState, HubEventKind } from '../../../shared/hub/event';
import type { ReportCardFacts, MonthPeriod } from '../../../shared/report/monthly';
import type { RuleCard } from '../../../shared/rules';
import type { Db } from '../open';
import type { FindingRepository } from './findings';

/**
 * A card's state (HubCardState) as SQLite columns: how pulled_cards stores another desk's
 * card, and how the outbox reads this desk's own card to write its event.
 */
export interface CardStateColumns {
  organisation_hsa_id: string;
  organisation_name: string;
  assurance_level: 2 | 3;
  card_number: string;
  holder_hsa_id: string;
  holder_id_type: HubCardState['holderIdType'];
  unplanned_personnel: 0 | 1 | null;
  issued_at: number;
  expires_at: number;
  reason_code: HubCardState['reasonCode'];
  reason_text: string;
  extends_card_id: string | null;
  ended_at: number | null;
  end_reason: HubCardState['endReason'];
  voided: 0 | 1;
}

/** A row of pulled_cards: another desk's card as its newest pulled event left it. */
export interface PulledCardRow extends CardStateColumns {
  card_id: string;
  desk_id: string;
  desk_seq: number;
  hub_seq: number;
  kind: HubEventKind;
}

/** What the pull stores for one event. */
export interface PulledCardWrite {
  deskId: string;
  deskSeq: number;
  hubSeq: number;
  kind: HubEventKind;
  card: HubCardState;
}

const RULE_COLUMNS = `card_id, assurance_level, card_number, holder_hsa_id, holder_id_type, unplanned_personnel,
  issued_at, expires_at, ended_at`;
type RuleRow = Pick<
  PulledCardRow,
  | 'card_id'
  | 'assurance_level'
  | 'card_number'
  | 'holder_hsa_id'
  | 'holder_id_type'
  | 'unplanned_personnel'
  | 'issued_at'
  | 'expires_at'
  | 'ended_at'
>;

/**
 * The rule view of another desk's card. Its issuers stay at that desk (SPEC §8), so the
 * list is empty: only the history rules read a pulled card, and none of them reads it.
 */
function toRuleCard(r: RuleRow): RuleCard {
  return {
    id: r.card_id,
    assuranceLevel: r.assurance_level,
    cardNumber: r.card_number,
    holderHsaId: r.holder_hsa_id,
    holderIdType: r.holder_id_type,
    unplannedPersonnel: r.unplanned_personnel === null ? null : r.unplanned_personnel === 1,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    issuedBy: [],
    endedAt: r.ended_at,
  };
}

/** Converts a stored row back to the state its event carried. */
export function toPulledState(r: PulledCardRow): HubCardState {
  return {
    cardId: r.card_id,
    organisationHsaId: r.organisation_hsa_id,
    organisationName: r.organisation_name,
    assuranceLevel: r.assurance_level,
    cardNumber: r.card_number,
    holderHsaId: r.holder_hsa_id,
    holderIdType: r.holder_id_type,
    unplannedPersonnel: r.unplanned_personnel === null ? null : r.unplanned_personnel === 1,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    extendsCardId: r.extends_card_id,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    voided: r.voided === 1,
  };
}

/** The statements over pulled cards, exported so a test can check their query plans. */
export const PULLED_SQL = {
  holders: `SELECT ${RULE_COLUMNS} FROM pulled_cards
    WHERE holder_hsa_id IN (SELECT value FROM json_each(?)) AND voided = 0`,
  cardNumbers: `SELECT ${RULE_COLUMNS} FROM pulled_cards
    WHERE card_number IN (SELECT value FROM json_each(?)) AND voided = 0`,
  // The candidates of a month's report, as REPORT_SQL takes them from cards: issued in
  // [S, E), or issued before S and still valid at E.
  reportFacts: `SELECT card_id, organisation_hsa_id, organisation_name, assurance_level, card_number,
      issued_at, expires_at, ended_at, extends_card_id, reason_code, reason_text
    FROM pulled_cards WHERE voided = 0 AND issued_at >= @start AND issued_at < @end
    UNION ALL
    SELECT card_id, organisation_hsa_id, organisation_name, assurance_level, card_number,
      issued_at, expires_at, ended_at, extends_card_id, reason_code, reason_text
    FROM pulled_cards WHERE voided = 0 AND issued_at < @start AND expires_at >= @end`,
  // The same candidates from this desk's own cards, with the organisation's name here.
  ownReportFacts: `SELECT c.id AS card_id, c.organisation_hsa_id, o.name AS organisation_name, c.assurance_level,
      c.card_number, c.issued_at, c.expires_at, c.ended_at, c.extends_card_id, c.reason_code, c.reason_text
    FROM cards c JOIN organisations o ON o.hsa_id = c.organisation_hsa_id
    WHERE c.voided_at IS NULL AND c.issued_at >= @start AND c.issued_at < @end
    UNION ALL
    SELECT c.id, c.organisation_hsa_id, o.name, c.assurance_level, c.card_number, c.issued_at, c.expires_at,
      c.ended_at, c.extends_card_id, c.reason_code, c.reason_text
    FROM cards c JOIN organisations o ON o.hsa_id = c.organisation_hsa_id
    WHERE c.voided_at IS NULL AND c.issued_at < @start AND c.expires_at >= @end`,
} as const;

/** A pulled card's facts for the monthly report, with the organisation name its event carried. */
export type RegionReportFacts = ReportCardFacts & { organisationName: string };

interface ReportRow {
  card_id: string;
  organisation_hsa_id: string;
  organisation_name: string;
  assurance_level: 2 | 3;
  card_number: string;
  issued_at: number;
  expires_at: number;
  ended_at: number | null;
  extends_card_id: string | null;
  reason_code: ReportCardFacts['reasonCode'];
  reason_text: string;
}

/** Converts a report candidate row (from cards or pulled_cards) to the report's facts. */
export function toReportFacts(r: ReportRow): RegionReportFacts {
  return {
    id: r.card_id,
    organisationHsaId: r.organisation_hsa_id,
    organisationName: r.organisation_name,
    assuranceLevel: r.assurance_level,
    cardNumber: r.card_number,
    issuedAt: r.issued_at,
    expiresAt: r.expires_at,
    endedAt: r.ended_at,
    extendsCardId: r.extends_card_id,
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    voided: false,
  };
}

/** A desk known from the hub: its name and newest push seen (epoch ms). */
export interface KnownDesk {
  name: string;
  lastPushAt: number | null;
}

/** SQL for the other desks' cards and names, as the pulls left them. */
export interface PulledCardRepository {
  /** Another desk's card, or undefined. */
  get: (cardId: string) => PulledCardRow | undefined;
  /** Tells whether a card with this id was pulled from another desk. */
  exists: (cardId: string) => boolean;
  /** Every pulled card of a holder, voided ones too (an access request), oldest first. */
  ofHolder: (holderHsaId: string) => PulledCardRow[];
  /** Tells whether anything was pulled at all. */
  any: () => boolean;
  /** The ids among these that are other desks' cards. */
  pulledAmong: (cardIds: readonly string[]) => Set<string>;
  /** Non-voided pulled cards of some holders, for the rules. */
  cardsOfHolders: (holderHsaIds: readonly string[]) => RuleCard[];
  /** Non-voided pulled cards with some card numbers, for the rules. */
  cardsWithNumbers: (cardNumbers: readonly string[]) => RuleCard[];
  /** Every non-voided pulled card, for the rules. */
  allLiveRuleCards: () => RuleCard[];
  /** The rule view of a pulled card. */
  ruleCardOf: (row: PulledCardRow) => RuleCard;
  /** Every non-voided pulled card, oldest first. */
  allLive: () => PulledCardRow[];
  /** The pulled candidates of a month's report. */
  reportFacts: (period: MonthPeriod) => RegionReportFacts[];
  /** This desk's own candidates of a month's report. */
  ownReportFacts: (period: MonthPeriod) => RegionReportFacts[];
  /** Stores one pulled event when it is newer (by desk_seq, from the same desk) than what is known of its card. */
  apply: (write: PulledCardWrite) => void;
  /** Records a desk's name as the hub gives it. */
  saveDesk: (deskId: string, name: string) => void;
  /** Records a desk as the hub's status gives it: its name and last push (epoch ms). */
  saveDeskStatus: (deskId: string, name: string, lastPushAt: number | null) => void;
  /** Records that a desk pushed at `at` (epoch ms), if later than known. */
  saveDeskPush: (deskId: string, at: number) => void;
  /** The desks known from the hub, by id, with their newest push seen. */
  desks: () => Map<string, KnownDesk>;
  /** Records an organisation's name from an event, if it is the newest on the hub. */
  saveOrganisationName: (hsaId: string, name: string, hubSeq: number) => void;
  /** Each organisation's newest name on the hub. */
  organisationNames: () => Map<string, string>;
  /** Pulled cards per desk, by desk id. */
  countsByDesk: () => { desk_id: string; cards: number }[];
  /**
   * Forgets everything pulled from a hub: the other desks' cards, the desks and the
   * organisation names (a register linked to another hub pulls them again from the start).
   * Returns the forgotten cards' keys, so that the findings that counted them can be
   * recomputed. Call inside a transaction.
   */
  clearAll: () => { id: string; holderHsaId: string; cardNumber: string }[];
}

/** Prepares the pulled-card statements of a connection. */
export function createPulledCardRepository(db: Db): PulledCardRepository {
  const get = db.prepare<[string], PulledCardRow>('SELECT * FROM pulled_cards WHERE card_id = ?');
  const any = db.prepare<[], { one: number }>('SELECT 1 AS one FROM pulled_cards LIMIT 1');
  const ofHolder = db.prepare<[string], PulledCardRow>(
    'SELECT * FROM pulled_cards WHERE lower(holder_hsa_id) = lower(?) ORDER BY issued_at, card_id',
  );
  const ofHolders = db.prepare<[string], RuleRow>(PULLED_SQL.holders);
  const withNumbers = db.prepare<[string], RuleRow>(PULLED_SQL.cardNumbers);
  const allLive = db.prepare<[], RuleRow>(`SELECT ${RULE_COLUMNS} FROM pulled_cards WHERE voided = 0`);
  const allLiveRows = db.prepare<[], PulledCardRow>(
    'SELECT * FROM pulled_cards WHERE voided = 0 ORDER BY issued_at, card_id',
  );
  const pulledAmong = db.prepare<[string], { card_id: string }>(
    'SELECT card_id FROM pulled_cards WHERE card_id IN (SELECT value FROM json_each(?))',
  );
  const reportFacts = db.prepare<[MonthPeriod], ReportRow>(PULLED_SQL.reportFacts);
  const ownReportFacts = db.prepare<[MonthPeriod], ReportRow>(PULLED_SQL.ownReportFacts);
  // Newest event wins, by desk_seq; a card stays with the desk that first sent it.
  const upsert = db.prepare(
    `INSERT INTO pulled_cards (card_id, desk_id, desk_seq, hub_seq, kind, organisation_hsa_id, organisation_name,
       assurance_level, card_number, holder_hsa_id, holder_id_type, unplanned_personnel, issued_at, expires_at,
       reason_code, reason_text, extends_card_id, ended_at, end_reason, voided)
     VALUES (@cardId, @deskId, @deskSeq, @hubSeq, @kind, @organisationHsaId, @organisationName,
       @assuranceLevel, @cardNumber, @holderHsaId, @holderIdType, @unplannedPersonnel, @issuedAt, @expiresAt,
       @reasonCode, @reasonText, @extendsCardId, @endedAt, @endReason, @voided)
     ON CONFLICT (card_id) DO UPDATE SET desk_seq = excluded.desk_seq, hub_seq = excluded.hub_seq,
       kind = excluded.kind, organisation_hsa_id = excluded.organisation_hsa_id,
       organisation_name = excluded.organisation_name, assurance_level = excluded.assurance_level,
       card_number = excluded.card_number, holder_hsa_id = excluded.holder_hsa_id,
       holder_id_type = excluded.holder_id_type, unplanned_personnel = excluded.unplanned_personnel,
       issued_at = excluded.issued_at, expires_at = excluded.expires_at, reason_code = excluded.reason_code,
       reason_text = excluded.reason_text, extends_card_id = excluded.extends_card_id,
       ended_at = excluded.ended_at, end_reason = excluded.end_reason, voided = excluded.voided
     WHERE excluded.desk_id = pulled_cards.desk_id AND excluded.desk_seq > pulled_cards.desk_seq`,
  );
  const deskUpsert = db.prepare<[string, string]>(
    `INSERT INTO hub_desks (desk_id, name) VALUES (?, ?)
     ON CONFLICT (desk_id) DO UPDATE SET name = excluded.name WHERE name <> excluded.name`,
  );
  const deskPushed = db.prepare<[{ desk: string; at: number }]>(
    `INSERT INTO hub_desks (desk_id, name, last_push_at) VALUES (@desk, @desk, @at)
     ON CONFLICT (desk_id) DO UPDATE SET last_push_at = max(coalesce(last_push_at, 0), excluded.last_push_at)`,
  );
  const deskStatus = db.prepare<[{ desk: string; name: string; at: number | null }]>(
    `INSERT INTO hub_desks (desk_id, name, last_push_at) VALUES (@desk, @name, @at)
     ON CONFLICT (desk_id) DO UPDATE SET name = excluded.name, last_push_at = excluded.last_push_at`,
  );
  const desks = db.prepare<[], { desk_id: string; name: string; last_push_at: number | null }>(
    'SELECT desk_id, name, last_push_at FROM hub_desks ORDER BY desk_id',
  );
  const organisationName = db.prepare<[string, string, number]>(
    `INSERT INTO hub_organisations (hsa_id, name, hub_seq) VALUES (?, ?, ?)
     ON CONFLICT (hsa_id) DO UPDATE SET name = excluded.name, hub_seq = excluded.hub_seq
     WHERE excluded.hub_seq > hub_organisations.hub_seq`,
  );
  const organisationNames = db.prepare<[], { hsa_id: string; name: string }>(
    'SELECT hsa_id, name FROM hub_organisations',
  );
  const counts = db.prepare<[], { desk_id: string; cards: number }>(
    'SELECT desk_id, count(*) AS cards FROM pulled_cards GROUP BY desk_id ORDER BY desk_id',
  );
  const keys = db.prepare<[], { card_id: string; holder_hsa_id: string; card_number: string }>(
    'SELECT card_id, holder_hsa_id, card_number FROM pulled_cards',
  );
  const clearCards = db.prepare('DELETE FROM pulled_cards');
  const clearDesks = db.prepare('DELETE FROM hub_desks');
  const clearOrganisations = db.prepare('DELETE FROM hub_organisations');

  return {
    get: (cardId: string): PulledCardRow | undefined => get.get(cardId),
    exists: (cardId: string): boolean => get.get(cardId) !== undefined,
    ofHolder: (holderHsaId: string): PulledCardRow[] => ofHolder.all(holderHsaId),
    any: (): boolean => any.get() !== undefined,
    pulledAmong: (cardIds: readonly string[]): Set<string> =>
      new Set(pulledAmong.all(JSON.stringify(cardIds)).map((r) => r.card_id)),
    cardsOfHolders: (holderHsaIds: readonly string[]): RuleCard[] =>
      ofHolders.all(JSON.stringify(holderHsaIds)).map(toRuleCard),
    cardsWithNumbers: (cardNumbers: readonly string[]): RuleCard[] =>
      withNumbers.all(JSON.stringify(cardNumbers)).map(toRuleCard),
    allLiveRuleCards: (): RuleCard[] => allLive.all().map(toRuleCard),
    ruleCardOf: (row: PulledCardRow): RuleCard => toRuleCard(row),
    allLive: (): PulledCardRow[] => allLiveRows.all(),
    reportFacts: (period: MonthPeriod): RegionReportFacts[] =>
      reportFacts.all({ start: period.start, end: period.end }).map(toReportFacts),
    ownReportFacts: (period: MonthPeriod): RegionReportFacts[] =>
      ownReportFacts.all({ start: period.start, end: period.end }).map(toReportFacts),
    apply(write: PulledCardWrite): void {
      const c = write.card;
      upsert.run({
        ...c,
        deskId: write.deskId,
        deskSeq: write.deskSeq,
        hubSeq: write.hubSeq,
        kind: write.kind,
        unplannedPersonnel: c.unplannedPersonnel === null ? null : c.unplannedPersonnel ? 1 : 0,
        voided: c.voided ? 1 : 0,
      });
    },
    saveDesk: (deskId: string, name: string): void => void deskUpsert.run(deskId, name),
    saveDeskStatus: (deskId: string, name: string, lastPushAt: number | null): void =>
      void deskStatus.run({ desk: deskId, name, at: lastPushAt }),
    saveDeskPush: (deskId: string, at: number): void => void deskPushed.run({ desk: deskId, at }),
    desks: (): Map<string, { name: string; lastPushAt: number | null }> =>
      new Map(desks.all().map((d) => [d.desk_id, { name: d.name, lastPushAt: d.last_push_at }])),
    saveOrganisationName: (hsaId: string, name: string, hubSeq: number): void =>
      void organisationName.run(hsaId, name, hubSeq),
    organisationNames: (): Map<string, string> =>
      new Map(organisationNames.all().map((o) => [o.hsa_id, o.name])),
    countsByDesk: () => counts.all(),
    clearAll() {
      const cleared = keys
        .all()
        .map((r) => ({ id: r.card_id, holderHsaId: r.holder_hsa_id, cardNumber: r.card_number }));
      clearCards.run();
      clearDesks.run();
      clearOrganisations.run();
      return cleared;
    },
  };
}

/**
 * The findings repository over the whole region: the history the rules read (a holder's
 * other cards, a card number's other holders) holds this desk's cards and the other
 * desks' pulled cards (SPEC §8), so every finding of a desk's own card counts what it
 * knows of the region, whether it is computed at registration, after a change or after a
 * pull. Findings are stored for this desk's own cards only: a pulled card's are its own
 * desk's business, and it has no row in `cards` to hang them on.
 */
export function withRegionHistory(
  findings: FindingRepository,
  pulled: PulledCardRepository,
): FindingRepository {
  const ownOnly = <T extends { cardId: string }>(results: readonly T[]): readonly T[] => {
    if (results.length === 0 || !pulled.any()) return results;
    const others = pulled.pulledAmong(results.map((r) => r.cardId));
    return others.size === 0 ? results : results.filter((r) => !others.has(r.cardId));
  };
  return {
    // This desk's own cards: a pulled card is never one of them.
    ruleCard: findings.ruleCard,
    liveIds: findings.liveIds,
    holdersAfter: findings.holdersAfter,
    storedFor: findings.storedFor,
    // The history the rules read: own and pulled cards.
    sameHolder: (holderHsaId, exceptId) => [
      ...findings.sameHolder(holderHsaId, exceptId),
      ...pulled.cardsOfHolders([holderHsaId]),
    ],
    sameCardNumber: (cardNumber, exceptId) => [
      ...findings.sameCardNumber(cardNumber, exceptId),
      ...pulled.cardsWithNumbers([cardNumber]),
    ],
    cardsOfHolders: (holderHsaIds) => [
      ...findings.cardsOfHolders(holderHsaIds),
      ...pulled.cardsOfHolders(holderHsaIds),
    ],
    cardsWithNumbers: (cardNumbers) => [
      ...findings.cardsWithNumbers(cardNumbers),
      ...pulled.cardsWithNumbers(cardNumbers),
    ],
    allLiveCards: () => [...findings.allLiveCards(), ...pulled.allLiveRuleCards()],
    // Stored findings: own cards only.
    replace(cardId, list) {
      if (ownOnly([{ cardId }]).length > 0) findings.replace(cardId, list);
    },
    replaceMany(results) {
      findings.replaceMany(ownOnly(results));
    },
  };
}
