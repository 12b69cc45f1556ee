import type { Decision } from '../../shared/domain/decision';
import type { RuleSettings } from '../../shared/domain/settings';
import {
  evaluateCard,
  type Finding,
  type FindingTranslator,
  type RuleCard,
  type RuleContext,
} from '../../shared/rules';
import type { ChannelArgs } from '../../shared/ipc/contract';
import { META_KEYS } from '../db/repositories/register-meta';
import { AppError } from './app-error';
import type { ServiceContext } from './context';

/** The decisions and settings in force, read once per operation. */
export interface RuleData {
  decisions: Decision[];
  settings: RuleSettings;
}

/** Reads the decisions and settings the rules need. */
export function loadRuleData(ctx: ServiceContext): RuleData {
  return { decisions: ctx.decisions.list(), settings: ctx.settings.rules() };
}

/** The context for one card: rule data plus its history through the indexed lookups. */
export function ruleContextFor(ctx: ServiceContext, card: RuleCard, data: RuleData): RuleContext {
  return {
    decisions: data.decisions,
    settings: data.settings,
    history: {
      sameHolder: card.holderHsaId ? ctx.findings.sameHolder(card.holderHsaId, card.id) : [],
      sameCardNumber: card.cardNumber ? ctx.findings.sameCardNumber(card.cardNumber, card.id) : [],
    },
  };
}

/** Evaluates a card (stored or draft) against the register as it is now. */
export function evaluate(
  ctx: ServiceContext,
  card: RuleCard,
  data: RuleData = loadRuleData(ctx),
  translate?: FindingTranslator,
): Finding[] {
  return evaluateCard(card, ruleContextFor(ctx, card, data), translate);
}

/**
 * The findings of a form being filled in (`findings:preview`), against the register as it
 * is now. What the form has not got yet counts as empty and the card as not ended; an
 * empty card number is not reported as unusual, since the form will ask for it anyway.
 */
export function previewFindings(ctx: ServiceContext, draft: ChannelArgs<'findings:preview'>): Finding[] {
  return evaluate(ctx, {
    ...draft,
    id: draft.id ?? '',
    cardNumber: draft.cardNumber ?? '',
    holderHsaId: draft.holderHsaId ?? '',
    endedAt: null,
  }).filter((f) => draft.cardNumber || f.code !== 'card-number-unusual-format');
}

/** The findings of one stored card, computed fresh. Voided cards have none. */
export function findingsForCard(ctx: ServiceContext, id: string, translate?: FindingTranslator): Finding[] {
  const card = ctx.findings.ruleCard(id);
  if (!card) {
    if (ctx.cards.exists(id)) return [];
    throw new AppError('not-found', `card ${id} not found`);
  }
  return evaluate(ctx, card, loadRuleData(ctx), translate);
}

/**
 * The live cards of each holder and card number, read in batches of a few hundred keys and
 * kept for the length of one recompute: an import of 100 000 rows touches each holder's
 * history many times, and reading it per card was most of the import's time.
 */
interface HistoryCache {
  /** Reads the holders and numbers not yet known, in batches. */
  prefetch(holderHsaIds: Iterable<string>, cardNumbers: Iterable<string>): void;
  /** Adds cards just stored, whose holders and numbers were read before they were. */
  add(cards: Iterable<RuleCard>): void;
  /** Reads the whole register at once; from then on nothing is read from the database. */
  loadAll(): void;
  holder(holderHsaId: string): RuleCard[];
  number(cardNumber: string): RuleCard[];
}

// Keys per batched statement: large enough to amortise the call, small enough for the
// JSON parameter to stay a few kilobytes.
const KEYS_PER_QUERY = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function createHistoryCache(ctx: ServiceContext): HistoryCache {
  const byHolder = new Map<string, RuleCard[]>();
  const byNumber = new Map<string, RuleCard[]>();
  let complete = false;
  const load = (
    keys: Iterable<string>,
    into: Map<string, RuleCard[]>,
    read: (batch: string[]) => RuleCard[],
    keyOf: (card: RuleCard) => string,
  ) => {
    const missing = [...new Set(keys)].filter((key) => !into.has(key));
    if (complete) {
      for (const key of missing) into.set(key, []);
      return;
    }
    for (const batch of chunks(missing, KEYS_PER_QUERY)) {
      for (const key of batch) into.set(key, []);
      for (const card of read(batch)) into.get(keyOf(card))?.push(card);
    }
  };
  const cache: HistoryCache = {
    prefetch(holderHsaIds, cardNumbers) {
      load(holderHsaIds, byHolder, ctx.findings.cardsOfHolders, (c) => c.holderHsaId);
      load(cardNumbers, byNumber, ctx.findings.cardsWithNumbers, (c) => c.cardNumber);
    },
    loadAll() {
      for (const card of ctx.findings.allLiveCards()) {
        byHolder.set(card.holderHsaId, [...(byHolder.get(card.holderHsaId) ?? []), card]);
        byNumber.set(card.cardNumber, [...(byNumber.get(card.cardNumber) ?? []), card]);
      }
      complete = true;
    },
    add(cards) {
      // A list read after some of the cards were stored holds them already.
      const join = (list: RuleCard[] | undefined, card: RuleCard) => {
        if (list && !list.some((other) => other.id === card.id)) list.push(card);
      };
      for (const card of cards) {
        join(byHolder.get(card.holderHsaId), card);
        join(byNumber.get(card.cardNumber), card);
      }
    },
    holder(holderHsaId) {
      if (!byHolder.has(holderHsaId)) cache.prefetch([holderHsaId], []);
      return byHolder.get(holderHsaId)!;
    },
    number(cardNumber) {
      if (!byNumber.has(cardNumber)) cache.prefetch([], [cardNumber]);
      return byNumber.get(cardNumber)!;
    },
  };
  return cache;
}

// Only codes and severities are stored; formatting a message nobody reads was a tenth of
// an import's time.
const noMessage: FindingTranslator = () => '';

// The lists hold the card itself too; the rules ignore history entries with its own id.
function evaluateFromCache(history: HistoryCache, card: RuleCard, data: RuleData): Finding[] {
  return evaluateCard(
    card,
    {
      decisions: data.decisions,
      settings: data.settings,
      history: {
        sameHolder: history.holder(card.holderHsaId),
        sameCardNumber: history.number(card.cardNumber),
      },
    },
    noMessage,
  );
}

/** Evaluates live cards against the cached histories and stores the findings, in batches. */
function storeFindings(
  ctx: ServiceContext,
  history: HistoryCache,
  cards: readonly RuleCard[],
  data: RuleData,
  fresh: ReadonlySet<string> = new Set(),
) {
  // Every holder and number the rules will ask about, read in batches up front.
  history.prefetch(
    cards.map((c) => c.holderHsaId),
    cards.map((c) => c.cardNumber),
  );
  // Stored in one call, so that the rows go into the table in key order.
  ctx.findings.replaceMany(
    cards.map((card) => ({
      cardId: card.id,
      findings: evaluateFromCache(history, card, data),
      fresh: fresh.has(card.id),
    })),
  );
}

/**
 * Recomputes and stores the findings of cards and of every card whose findings can
 * depend on them: the holders' other cards and the other cards with the same numbers.
 * The cards passed may be stale (the state before a change): each affected card is
 * evaluated as it is now. Call inside the transaction that changed the cards.
 */
export function recomputeAround(
  ctx: ServiceContext,
  cards: Iterable<Pick<RuleCard, 'id' | 'holderHsaId' | 'cardNumber'>>,
  data = loadRuleData(ctx),
): void {
  const passed = [...cards];
  const history = createHistoryCache(ctx);
  history.prefetch(
    passed.map((c) => c.holderHsaId),
    passed.map((c) => c.cardNumber),
  );
  // id → the card as it is now; null until known (a passed card may be voided or changed).
  const affected = new Map<string, RuleCard | null>();
  for (const card of passed) {
    if (!affected.has(card.id)) affected.set(card.id, null);
    for (const other of history.holder(card.holderHsaId)) affected.set(other.id, other);
    for (const other of history.number(card.cardNumber)) affected.set(other.id, other);
  }
  const live: RuleCard[] = [];
  const gone: string[] = [];
  for (const [id, known] of affected) {
    const card = known ?? ctx.findings.ruleCard(id);
    if (card) live.push(card);
    else gone.push(id);
  }
  for (const batch of chunks(gone, KEYS_PER_QUERY)) {
    ctx.findings.replaceMany(batch.map((cardId) => ({ cardId, findings: [] })));
  }
  storeFindings(ctx, history, live, data);
}

/** A recompute begun before an import writes; see {@link prepareImportRecompute}. */
export interface ImportRecompute {
  /** Reads the live cards of these cards' holders and numbers; call before storing them. */
  prefetch(cards: readonly Pick<RuleCard, 'holderHsaId' | 'cardNumber'>[]): void;
  /** Stores the findings of the cards just inserted and of their holders' and numbers' other cards. */
  finish(inserted: readonly RuleCard[]): void;
}

/**
 * Starts the findings recompute of an import: each step reads the live cards of its
 * holders and card numbers before storing its rows (or, for an import at least as large
 * as the register, the whole register at once, so the load can run without the history
 * indexes), so that at the end the 100 000 new cards join their histories from memory
 * instead of being read back, and need no old findings cleared. Use inside the import's
 * transaction, before it stores anything.
 */
export function prepareImportRecompute(
  ctx: ServiceContext,
  options: { wholeRegister: boolean },
): ImportRecompute {
  const data = loadRuleData(ctx);
  const history = createHistoryCache(ctx);
  if (options.wholeRegister) history.loadAll();
  return {
    prefetch(cards) {
      history.prefetch(
        cards.map((c) => c.holderHsaId),
        cards.map((c) => c.cardNumber),
      );
    },
    finish(inserted) {
      history.add(inserted);
      const affected = new Map<string, RuleCard>();
      for (const card of inserted) {
        for (const other of history.holder(card.holderHsaId)) affected.set(other.id, other);
        for (const other of history.number(card.cardNumber)) affected.set(other.id, other);
      }
      const fresh = new Set(inserted.map((card) => card.id));
      storeFindings(ctx, history, [...affected.values()], data, fresh);
    },
  };
}

// Holders per batch of a full recompute: bounds memory whatever the register's size.
const HOLDERS_PER_BATCH = 2_000;

/** Recomputes the stored findings of every card (after a decision or setting changed). */
export function recomputeAll(ctx: ServiceContext): number {
  const data = loadRuleData(ctx);
  let count = 0;
  let after = '';
  for (;;) {
    const holders = ctx.findings.holdersAfter(after, HOLDERS_PER_BATCH);
    if (holders.length === 0) return count;
    const history = createHistoryCache(ctx);
    history.prefetch(holders, []);
    const cards = holders.flatMap((holder) => history.holder(holder));
    storeFindings(ctx, history, cards, data);
    count += cards.length;
    after = holders[holders.length - 1]!;
  }
}

/**
 * Recomputes every card's stored findings when a migration marked them stale (008
 * upper-cased the HSA-ids the rules compare), and clears the mark, in one transaction.
 * Returns the number of cards recomputed, or null when nothing was stale.
 */
export function recomputeStaleFindings(ctx: ServiceContext): number | null {
  const meta = ctx.registerMeta;
  if (meta.get(META_KEYS.findingsStale) === undefined) return null;
  return ctx.transaction(() => {
    const count = recomputeAll(ctx);
    meta.remove(META_KEYS.findingsStale);
    return count;
  });
}
