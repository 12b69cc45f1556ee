/** The value below which a fraction `p` (0–1) of the sorted samples lie (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** The median of some samples. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** Milliseconds rounded for the report: two decimals below 10, one below 1000, whole above. */
export function round(ms: number): number {
  const digits = ms < 10 ? 100 : ms < 1000 ? 10 : 1;
  return Math.round(ms * digits) / digits;
}

/** Runs `work` once and returns its duration in milliseconds and its result. */
export function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

/** Like {@link timed} for promises. */
export async function timedAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** Writes a progress line (stderr, so stdout ends with the JSON result). */
export function progress(text: string): void {
  const peak = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stderr.write(`[bench] ${text} (peak RSS so far ${peak} MB)\n`);
}
