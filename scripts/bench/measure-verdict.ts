import type { Backend } from '../../electron/app/backend';
import { formatInstant } from '../../shared/time/stockholm';
import { fromLocal } from './local-time';
import { ADMINISTRATORS } from './names';
import { createRng } from './prng';
import { percentile, timedAsync } from './stats';

const TRUSTED = { trustedSender: true };

/** What a desk types into the form: a holder and card from the register, a new issue time. */
function drafts(backend: Backend, count: number, seed: number): Record<string, unknown>[] {
  const rng = createRng(seed);
  const maxRowid = backend.db.prepare<[], { n: number }>('SELECT max(rowid) AS n FROM cards').get()!.n;
  const byRowid = backend.db.prepare<[number], { holder_hsa_id: string; card_number: string }>(
    'SELECT holder_hsa_id, card_number FROM cards WHERE rowid = ?',
  );
  const out: Record<string, unknown>[] = [];
  while (out.length < count) {
    const row = byRowid.get(1 + rng.int(maxRowid));
    const other = byRowid.get(1 + rng.int(maxRowid));
    if (!row || !other) continue;
    const level = rng.chance(0.8) ? 2 : 3;
    // A day in the dispensation period (2025-12-01 … 2026-06-30), mostly in the evening.
    const day = new Date(Date.UTC(2025, 11, 1) + rng.int(212) * 86_400_000);
    const second = rng.chance(0.9) ? 17 * 3600 + rng.int(6 * 3600) : rng.int(86_400);
    const issuedAt = fromLocal(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), second);
    const u = rng.next();
    // Mostly the holder's own card, sometimes a new one, now and then someone else's.
    const cardNumber =
      u < 0.7 ? row.card_number : u < 0.95 ? `97522199${String(rng.int(1e11))}` : other.card_number;
    out.push({
      assuranceLevel: level,
      cardNumber,
      holderHsaId: row.holder_hsa_id,
      holderIdType: 'personnummer',
      unplannedPersonnel: true,
      issuedAt: formatInstant(issuedAt),
      expiresAt: formatInstant(issuedAt + (1 + rng.int(16)) * 86_400_000),
      issuedBy: level === 3 ? [ADMINISTRATORS[0]!, ADMINISTRATORS[1]!] : [rng.pick(ADMINISTRATORS)],
    });
  }
  return out;
}

/**
 * The live verdict of the form (`findings:preview` through the router, history rules and
 * all) for random drafts against the register, each timed once after a warm-up on other
 * drafts.
 */
export async function measureVerdict(backend: Backend, count = 1000): Promise<{ p50: number; p99: number }> {
  const list = drafts(backend, count + 100, 4711);
  const preview = async (draft: Record<string, unknown>) => {
    const result = await backend.router.invoke('findings:preview', draft, TRUSTED);
    if (!result.ok) throw new Error(`findings:preview refused a draft: ${JSON.stringify(result.error)}`);
  };
  for (const draft of list.slice(count)) await preview(draft); // warm-up: JIT and statements
  const times: number[] = [];
  for (const draft of list.slice(0, count)) times.push((await timedAsync(() => preview(draft))).ms);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}
