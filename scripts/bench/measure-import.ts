import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { runChild } from './child';
import { writeImportCsv } from './import-csv';
import type { SeedShape } from './seed-model';

/** What import-child.ts reports. */
interface ChildReport {
  status: number;
  ms: number;
  maxRssMb: number;
  stdout: string[];
  stderr: string[];
}

/** Imports measured, each into a fresh database; the median is the figure. */
export const IMPORT_RUNS = 3;

/**
 * Writes a CSV of `rows` cards and imports it into a fresh database through the CLI (see
 * import-child.ts): parsing, validation, per-card audit entries, findings, one commit.
 * {@link IMPORT_RUNS} times, as single runs on a shared machine vary by a fifth; `ms` is
 * the median, `runsMs` every run, `maxRssMb` the largest peak. The last database is kept.
 */
export async function measureImport(
  dir: string,
  rows: number,
): Promise<{ ms: number; runsMs: number[]; maxRssMb: number; database: string; imported: number }> {
  const csv = resolve(dir, 'import.csv');
  const database = resolve(dir, 'imported.db');
  const shape: SeedShape = {
    cards: rows,
    organisations: 300,
    firstDay: '2025-01-01',
    lastDay: '2026-06-30',
    seed: 11,
  };
  await writeImportCsv(csv, shape);
  const runsMs: number[] = [];
  let maxRssMb = 0;
  let imported = 0;
  for (let run = 0; run < IMPORT_RUNS; run++) {
    rmSync(database, { force: true });
    for (const suffix of ['-wal', '-shm']) rmSync(`${database}${suffix}`, { force: true });
    const report = await runChild<ChildReport>('import-child', [database, csv]);
    if (report.status !== 0) throw new Error(`import failed (${report.status}): ${report.stderr.join('\n')}`);
    const summary = JSON.parse(report.stdout[0] ?? '{}') as { imported?: number };
    runsMs.push(report.ms);
    maxRssMb = Math.max(maxRssMb, report.maxRssMb);
    imported = summary.imported ?? 0;
  }
  const ms = [...runsMs].sort((a, b) => a - b)[Math.floor(runsMs.length / 2)]!;
  return { ms, runsMs, maxRssMb, database, imported };
}
