// Child of the export kill rounds: rewrites the same export files again and again through
// the real export code until it is killed. Usage (bundled): node export-child.mjs DIR ROUND
// Prints `ready`, then after each completed write `json`, `csv` or `big <seq>`.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createBackend } from '../../electron/app/backend';
import { writeFileAtomic } from '../../electron/export/atomic-write';
import { exportMonthlyReport } from '../../electron/services/report-export';
import { reportLine } from './child-io';

const [dir, roundText] = process.argv.slice(2);
if (!dir || !roundText) throw new Error('usage: export-child DIR ROUND');
const round = Number(roundText);
const backend = createBackend({
  databasePath: join(dir, 'kortliggaren.db'),
  mode: 'cli',
  version: 'reliability',
  actor: 'export-child',
});
reportLine('ready');

/** A few megabytes whose last line says what they must hash to, so a torn file shows. */
export function bigFile(seq: number): string {
  const pad = `${seq.toString(36)}-`.repeat(600_000).slice(0, 3_000_000);
  const sha = createHash('sha256').update(pad).digest('hex');
  return JSON.stringify({ seq, sha, pad });
}

for (let i = 0; ; i++) {
  const kind = i % 3;
  if (kind === 0) {
    await exportMonthlyReport(
      backend.services,
      { month: '2026-01', format: 'json', path: join(dir, 'rapport.json') },
      'reliability',
    );
    reportLine('json');
  } else if (kind === 1) {
    await exportMonthlyReport(
      backend.services,
      { month: '2026-01', format: 'csv', path: join(dir, 'rapport') },
      'reliability',
    );
    reportLine('csv');
  } else {
    const seq = round * 1_000_000 + i;
    writeFileAtomic(join(dir, 'stor.json'), bigFile(seq));
    reportLine(`big ${seq}`);
  }
}
