import type {
  HubSyncStatus,
  RegionCardPage,
  RegionCardQuery,
  RegionReportStatus,
} from '../../shared/ipc/hub';
import { formatInstant, monthBounds } from '../../shared/time/stockholm';
import { toCardRecord } from '../db/repositories/cards';
import { createRegionCardRepository } from '../db/repositories/region-cards';
import type { Db } from '../db/types';
import { readTransaction } from '../db/write-transaction';
import type { ServiceContext } from '../services/context';
import { checkMonth } from '../services/report';
import { pendingEvents } from './join';
import { hubLinks, pulledCards, regionReported } from './region-data';
import { buildRegionReport, compareWithRegionReported, deskCoverage } from './region-report';

const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));

/**
 * The sync state at a glance (SPEC §8): the hub and desk the register joined, when the
 * region's data was last pulled, how many changes wait to be pushed, and the last error.
 */
export function hubSyncStatus(ctx: ServiceContext, passwordSaved: boolean): HubSyncStatus {
  return readTransaction(ctx.db, () => {
    const link = hubLinks(ctx.db).get();
    return {
      joined: link !== undefined,
      url: link?.url ?? null,
      hubId: link?.hub_id ?? null,
      deskId: link?.desk_id ?? null,
      deskName: link?.desk_name ?? null,
      regionDataAsOf: iso(link?.last_pull_at ?? null),
      pendingEvents: pendingEvents(ctx),
      lastPush: iso(link?.last_push_at ?? null),
      lastError: link?.last_error ?? null,
      lastErrorAt: iso(link?.last_error_at ?? null),
      passwordSaved,
    };
  });
}

const regionRepositories = new WeakMap<Db, ReturnType<typeof createRegionCardRepository>>();

/**
 * One page of the register over the whole region, newest first: this desk's cards in full
 * with their stored findings, and the other desks' cards as their events carry them,
 * marked with the station's name and never with a holder's name (they are read-only here).
 */
export function listRegionCards(
  ctx: ServiceContext,
  query: Required<Pick<RegionCardQuery, 'offset' | 'limit'>> & RegionCardQuery,
): RegionCardPage {
  let repository = regionRepositories.get(ctx.db);
  if (!repository) regionRepositories.set(ctx.db, (repository = createRegionCardRepository(ctx.db)));
  const period = query.month ? monthBounds(checkMonth(query.month)) : null;
  const search = query.search?.trim() ? query.search.trim().toUpperCase().replace(/[\s-]/g, '') : null;
  return readTransaction(ctx.db, () => {
    const link = hubLinks(ctx.db).get();
    const desks = pulledCards(ctx.db).desks();
    const page = repository.page(
      {
        start: period?.start ?? null,
        end: period?.end ?? null,
        level: query.level ?? null,
        organisation: query.organisationHsaId ?? null,
        own: query.owner === undefined ? null : query.owner === 'own' ? 1 : 0,
        search,
      },
      query.offset,
      query.limit,
    );
    const findings = ctx.cards.findingsOf(page.rows.filter((r) => r.own === 1).map((r) => r.id));
    return {
      total: page.total,
      rows: page.rows.map((r) => {
        const own = r.own === 1;
        const deskId = own ? (link?.desk_id ?? null) : r.desk_id;
        const record = own ? ctx.cards.get(r.id) : undefined;
        return {
          id: r.id,
          own,
          deskId,
          deskName: own ? (link?.desk_name ?? null) : (desks.get(r.desk_id ?? '')?.name ?? r.desk_id),
          organisationHsaId: r.organisation_hsa_id,
          organisationName: r.organisation_name,
          assuranceLevel: r.assurance_level,
          cardNumber: r.card_number,
          holderHsaId: r.holder_hsa_id,
          holderIdType: r.holder_id_type,
          issuedAt: formatInstant(r.issued_at),
          expiresAt: formatInstant(r.expires_at),
          reasonCode: r.reason_code,
          reasonText: r.reason_text,
          extendsCardId: r.extends_card_id,
          endedAt: iso(r.ended_at),
          endReason: r.end_reason,
          voided: r.voided === 1,
          record: record ? toCardRecord(record) : null,
          findings: own ? (findings.get(r.id) ?? []) : [],
        };
      }),
    };
  });
}

/**
 * The report page over the whole region: the report, its last export from this desk and
 * what changed since (the changed-since-export alert), each station's last push, and how
 * fresh the region's data is.
 */
export function regionReportStatus(ctx: ServiceContext, month: string): RegionReportStatus {
  const checked = checkMonth(month);
  return readTransaction(ctx.db, () => {
    const report = buildRegionReport(ctx, checked);
    const row = regionReported(ctx.db).get(checked);
    const link = hubLinks(ctx.db).get();
    return {
      report,
      reported: row ? { exportedAt: formatInstant(row.exported_at), contentHash: row.content_hash } : null,
      changes: compareWithRegionReported(ctx, checked, report),
      deskCoverage: deskCoverage(ctx, checked),
      regionDataAsOf: iso(link?.last_pull_at ?? null),
    };
  });
}
