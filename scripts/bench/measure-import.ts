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

/**
 * Writes a CSV of `rows` cards and imports it into a fresh database through the CLI (see
 * import-child.ts): parsing, validation, per-card audit entries, findings, one commit.
 */
export async function measureImport(
  dir: string,
  rows: number,
): Promise<{ ms: number; maxRssMb: number; database: string; imported: number }> {
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
  const report = await runChild<ChildReport>('import-child', [database, csv]);
  if (report.status !== 0) throw new Error(`import failed (${report.status}): ${report.stderr.join('\n')}`);
  const summary = JSON.parse(report.stdout[0] ?? '{}') as { imported?: number };
  return { ms: report.ms, maxRssMb: report.maxRssMb, database, imported: summary.imported ?? 0 };
}
