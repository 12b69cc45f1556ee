import type { Backend } from '../../electron/app/backend';
import { createRng } from './prng';
import { percentile, timedAsync } from './stats';

const TRUSTED = { trustedSender: true };

/**
 * The register's search as a desk uses it: the start of a holder's name (3 letters up to
 * the whole first name, now and then with the start of the surname) and a month, first
 * page of 50 through `cards:list` — page and total, as the register asks for them. Every
 * query is new, so the total is counted each time, as for a person typing.
 */
export async function measureSearch(backend: Backend, count = 200): Promise<{ p50: number; p99: number }> {
  const rng = createRng(99);
  const maxRowid = backend.db.prepare<[], { n: number }>('SELECT max(rowid) AS n FROM cards').get()!.n;
  const nameOf = backend.db.prepare<[number], { holder_name: string }>(
    'SELECT holder_name FROM cards WHERE rowid = ?',
  );
  const queries: { search: string; month: string; limit: number }[] = [];
  const seen = new Set<string>();
  while (queries.length < count + 20) {
    const name = nameOf.get(1 + rng.int(maxRowid))?.holder_name;
    if (!name) continue;
    const [first = '', last = ''] = name.split(' ');
    const search = rng.chance(0.2)
      ? `${first} ${last.slice(0, 2)}`
      : first.slice(0, 3 + rng.int(Math.max(1, first.length - 2)));
    // Months of the last three years.
    const m = rng.int(36);
    const month = `${2023 + Math.floor((m + 6) / 12)}-${String(((m + 6) % 12) + 1).padStart(2, '0')}`;
    const key = `${search.toLowerCase()}|${month}`;
    if (seen.has(key)) continue;
    seen.add(key);
    queries.push({ search, month, limit: 50 });
  }
  const run = async (query: (typeof queries)[number]) => {
    const result = await backend.router.invoke('cards:list', query, TRUSTED);
    if (!result.ok) throw new Error(`cards:list refused ${JSON.stringify(query)}: ${result.error.message}`);
  };
  for (const query of queries.slice(count)) await run(query); // warm-up: JIT and statements
  const times: number[] = [];
  for (const query of queries.slice(0, count)) times.push((await timedAsync(() => run(query))).ms);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99) };
}
