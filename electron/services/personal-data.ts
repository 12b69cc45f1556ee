import { randomBytes } from 'node:crypto';
import { integerField } from '../../shared/domain/decision';
import { toFieldErrors } from '../../shared/domain/errors';
import type { PersonalDataExport } from '../../shared/ipc/maintenance';
import { formatInstant, toZoned } from '../../shared/time/stockholm';
import { foldName, toCardRecord } from '../db/repositories/cards';
import type { AuditJsonUpdate, CardTexts, PersonalDataRepository } from '../db/repositories/personal-data';
import { pulledCardsOfHolder } from './pulled-of-holder';
import { invalidInput } from './app-error';
import type { ServiceContext } from './context';
import { recordCardEvent, scrubOutbox } from './outbox';
import { createScrubber, type Scrubber } from './scrub';

/** Settings key of the retention period, in years. */
export const RETENTION_KEY = 'retentionYears';
/** Ten years unless the desk decides otherwise. */
export const DEFAULT_RETENTION_YEARS = 10;
const RetentionYears = integerField(1, 50);

/**
 * What an erased holder's name becomes. The HSA-id becomes `raderad-` plus 12 random hex
 * digits, one pseudonym per holder, so the rules still see "the same holder" exactly where
 * they did before (see docs/reliability.md, "Personal data").
 */
export const ERASED_NAME = 'raderad';
export const PSEUDONYM_PREFIX = 'raderad-';

/** The retention period in years: the stored setting when valid, else the default. */
export function retentionYears(ctx: ServiceContext): number {
  const parsed = RetentionYears.safeParse(ctx.settings.raw()[RETENTION_KEY]);
  return parsed.success ? parsed.data : DEFAULT_RETENTION_YEARS;
}

/** Changes the retention period (1–50 years); audited. Invalid input names `retentionYears`. */
export function setRetentionYears(ctx: ServiceContext, years: unknown): number {
  const parsed = RetentionYears.safeParse(years);
  if (!parsed.success) {
    throw invalidInput(toFieldErrors(parsed.error).map((e) => ({ ...e, field: RETENTION_KEY })));
  }
  ctx.transaction(() => {
    const before = retentionYears(ctx);
    ctx.settings.set(RETENTION_KEY, parsed.data);
    ctx.audit.append({
      at: ctx.now(),
      actor: ctx.actor(),
      action: 'settings.update',
      entity: 'settings',
      entityId: RETENTION_KEY,
      before: { [RETENTION_KEY]: before },
      after: { [RETENTION_KEY]: parsed.data },
    });
  });
  return parsed.data;
}

/** What an erasure run did. */
export interface ErasureSummary {
  retentionYears: number;
  /** Cards whose last end or expiry is before this instant (ISO, Stockholm) qualify. */
  cutoff: string;
  holders: number;
  cards: number;
  auditRowsRewritten: number;
}

function rewriteJson(text: string | null, scrub: Scrubber, keep: ReadonlySet<string>): string | null {
  if (text === null) return null;
  const next = JSON.stringify(scrub.value(JSON.parse(text) as unknown, keep));
  // Unchanged content keeps its exact stored text (and so its hash).
  return next === JSON.stringify(JSON.parse(text)) ? text : next;
}

const NOTHING = new Set<string>();
// A card that is not being erased may belong to a namesake of an erased holder.
const NAMESAKE = new Set(['holderName']);

// Free text anywhere may name an erased holder; erased holders' own fields are replaced whole.
function eraseCards(
  repo: PersonalDataRepository,
  cards: readonly CardTexts[],
  scrub: Scrubber,
  at: number,
  onChange: (cardId: string) => void = () => {},
): string[] {
  const erased: string[] = [];
  for (const card of cards) {
    const pseudonym = scrub.pseudonymOf(card.holder_hsa_id);
    const next = {
      holder_hsa_id: pseudonym ?? card.holder_hsa_id,
      holder_name: pseudonym ? ERASED_NAME : card.holder_name,
      note: scrub.text(card.note),
      reason_text: scrub.text(card.reason_text),
      violation_justification: card.violation_justification && scrub.text(card.violation_justification),
      void_reason: card.void_reason && scrub.text(card.void_reason),
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== card[k]);
    if (!changed) continue;
    repo.updateCardTexts(card.id, { ...next, holder_name_key: foldName(next.holder_name) }, at);
    onChange(card.id);
    if (pseudonym) erased.push(card.id);
  }
  return erased;
}

/**
 * Erases the holder name and HSA-id of every holder whose cards all ended or expired more
 * than the retention period ago: in the cards, in free text anywhere in the register, and
 * in the audit log (whose hash chain is recomputed; the erasure's own entry records the
 * chain head it replaced). Statistics do not change: organisation, level, times, reason
 * and card number stay. One transaction; nothing happens when no holder is due.
 */
export function eraseExpiredPersonalData(ctx: ServiceContext, now = ctx.now()): ErasureSummary {
  const years = retentionYears(ctx);
  const cutoffMs = toZoned(now).subtract({ years }).epochMilliseconds;
  const summary: ErasureSummary = {
    retentionYears: years,
    cutoff: formatInstant(cutoffMs),
    holders: 0,
    cards: 0,
    auditRowsRewritten: 0,
  };
  const repo = ctx.personalData;
  // The common case at every start: nothing due, nothing rewritten, no checkpoint.
  if (repo.dueHolders(cutoffMs, PSEUDONYM_PREFIX).length === 0) return summary;
  return repo.withSecureDelete(() => eraseDue(ctx, repo, cutoffMs, summary));
}

function eraseDue(
  ctx: ServiceContext,
  repo: PersonalDataRepository,
  cutoffMs: number,
  summary: ErasureSummary,
): ErasureSummary {
  return ctx.transaction(() => {
    const holders = repo.dueHolders(cutoffMs, PSEUDONYM_PREFIX);
    if (holders.length === 0) return summary;
    const pseudonyms = new Map(
      holders.map((h) => [h, `${PSEUDONYM_PREFIX}${randomBytes(6).toString('hex')}`]),
    );
    const cards = repo.cardTexts();
    const names = new Set(cards.filter((c) => pseudonyms.has(c.holder_hsa_id)).map((c) => c.holder_name));
    const scrub = createScrubber(pseudonyms, [...names], ERASED_NAME);
    const at = ctx.now();
    const cardIds = eraseCards(repo, cards, scrub, at, (id) => recordCardEvent(ctx, 'erased', id));

    scrubOutbox(ctx, (payload) => rewriteJson(payload, scrub, NOTHING)!);
    const changes = new Map<number, AuditJsonUpdate>();
    const erased = new Set(cardIds);
    for (const row of repo.auditRows()) {
      const keep = row.entity === 'card' && !erased.has(row.entity_id ?? '') ? NAMESAKE : NOTHING;
      const before_json = rewriteJson(row.before_json, scrub, keep);
      const after_json = rewriteJson(row.after_json, scrub, keep);
      if (before_json !== row.before_json || after_json !== row.after_json) {
        changes.set(row.seq, { before_json, after_json });
      }
    }
    const previousHead = repo.auditHead();
    repo.rewriteAudit(changes);
    Object.assign(summary, {
      holders: holders.length,
      cards: cardIds.length,
      auditRowsRewritten: changes.size,
    });
    ctx.audit.append({
      at,
      actor: ctx.actor(),
      action: 'personal-data.erase',
      entity: 'personal-data',
      entityId: null,
      before: null,
      after: {
        ...summary,
        cardIds,
        // Rewritten rows get new hashes; this says from where and what the old head was.
        chainRewrittenFromSeq: changes.size > 0 ? firstSeq(changes) : null,
        previousChainHead: previousHead,
      },
    });
    return summary;
  });
}

// A loop, not Math.min(...keys): an erasure after years may touch more rows than a call takes arguments.
function firstSeq(changes: ReadonlyMap<number, unknown>): number {
  let first = Infinity;
  for (const seq of changes.keys()) first = Math.min(first, seq);
  return first;
}

function parseJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

/**
 * Everything stored about one holder (an access request): their cards, every audit entry
 * about those cards or whose content mentions the HSA-id, and the other stations' cards of
 * the holder pulled from the regional hub, marked with the station. The export is audited
 * (without the holder's name).
 */
export function exportPersonalData(ctx: ServiceContext, holderHsaId: string): PersonalDataExport {
  const repo = ctx.personalData;
  return ctx.transaction(() => {
    const cards = repo.cardsOfHolder(holderHsaId);
    const auditEntries = repo
      .auditMentioning(
        cards.map((c) => c.id),
        holderHsaId,
      )
      .map((row) => ({
        seq: row.seq,
        at: formatInstant(row.at),
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        before: parseJson(row.before_json),
        after: parseJson(row.after_json),
      }));
    const pulledCards = pulledCardsOfHolder(ctx, holderHsaId);
    const at = ctx.now();
    ctx.audit.append({
      at,
      actor: ctx.actor(),
      action: 'personal-data.export',
      entity: 'personal-data',
      entityId: null,
      before: null,
      after: {
        holderHsaId,
        cards: cards.length,
        auditEntries: auditEntries.length,
        pulledCards: pulledCards.length,
      },
    });
    return {
      format: 'kortliggaren/personal-data@1' as const,
      holderHsaId,
      exportedAt: formatInstant(at),
      cards: cards.map(toCardRecord),
      auditEntries,
      pulledCards,
    };
  });
}
