import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../electron/app/backend';
import { MonthlyReport } from '../../shared/report/monthly';
import { bundleChild } from './bundle';
import { seededRandom } from './child-io';
import { checkRegister } from './db-check';
import { runAndKill } from './kill';
import { hsaId, validLevel3Card } from './valid-data';

/** Options of the export kill rounds. */
export interface ExportRoundsOptions {
  rounds: number;
  dir: string;
  seed: number;
  maxDelayMs: number;
  log?: (line: string) => void;
}

/** The figures of the export kill rounds. */
export interface ExportRoundsResult {
  exportKillRounds: number;
  /** Completed writes the child reported before it was killed. */
  writes: number;
  truncatedExports: number;
  integrityFailures: number;
  /** Hidden temporary files an interrupted write left beside the targets (harmless). */
  strayTempFiles: number;
  problems: string[];
}

/** Null when the report file is absent or a complete report; otherwise what is wrong. */
export function checkReportJson(path: string): string | null {
  if (!existsSync(path)) return null;
  try {
    return MonthlyReport.safeParse(JSON.parse(readFileSync(path, 'utf8'))).success ? null : 'not a report';
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
}

/** Null when the CSV file is absent or complete (BOM, CRLF at the end, even rows). */
export function checkCsv(path: string): string | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, 'utf8');
  if (!text.startsWith('\uFEFF') || !text.endsWith('\r\n')) return 'no BOM or no final CRLF';
  const lines = text.slice(1, -2).split('\r\n');
  const columns = lines[0]!.split(';').length;
  return lines.every((l) => l.split(';').length === columns) ? null : 'ragged rows';
}

/**
 * Null when the big file is absent, whole (its hash matches), and either the previous
 * complete file or the one being written this round. `previous` is the newest seq known
 * complete: the last acknowledged, or a later one an earlier check found in the file (a
 * write can finish and be killed before its acknowledgement is printed).
 */
export function checkBig(path: string, previous: number, round: number): string | null {
  if (!existsSync(path)) return null;
  try {
    const { seq, sha, pad } = JSON.parse(readFileSync(path, 'utf8')) as {
      seq: number;
      sha: string;
      pad: string;
    };
    if (createHash('sha256').update(pad).digest('hex') !== sha)
      return `seq ${seq}: content does not match its hash`;
    const inFlight = seq > previous && Math.floor(seq / 1_000_000) === round;
    return seq === previous || inFlight ? null : `seq ${seq} is neither ${previous} nor this round's write`;
  } catch (error) {
    return `unreadable: ${(error as Error).message}`;
  }
}

/** The seq of the big file, or -1 when there is none yet. */
function bigSeq(path: string): number {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { seq: number }).seq : -1;
}

/** Seeds a register with enough January cards that the report has real content. */
async function seedRegister(dir: string): Promise<void> {
  const backend = createBackend({
    databasePath: join(dir, 'kortliggaren.db'),
    mode: 'cli',
    version: 'reliability',
  });
  const random = seededRandom(7);
  try {
    for (let n = 1; n <= 60; n++) {
      const organisation = { hsaId: hsaId(800_000 + (n % 5), `ORG${n % 5}`), name: `Region ${n % 5}` };
      const card = {
        ...validLevel3Card(n, random, organisation),
        issuedAt: `2026-01-${String(1 + (n % 28)).padStart(2, '0')}T20:00:00+01:00`,
        expiresAt: '2026-02-05T20:00:00+01:00',
      };
      const result = await backend.router.invoke('cards:register', card, { trustedSender: true });
      if (!result.ok) throw new Error(`seed refused: ${JSON.stringify(result.error)}`);
    }
  } finally {
    backend.close();
  }
}

/**
 * Kills a child that keeps rewriting the monthly report (JSON and CSV, through the
 * export service) and a 3 MB file (through writeFileAtomic), and checks after each kill
 * that every target is either the previous complete file or the new complete one.
 */
export async function runExportRounds(options: ExportRoundsOptions): Promise<ExportRoundsResult> {
  await seedRegister(options.dir);
  const bundle = await bundleChild(join(import.meta.dirname, 'export-child.ts'));
  const random = seededRandom(options.seed);
  const result: ExportRoundsResult = {
    exportKillRounds: 0,
    writes: 0,
    truncatedExports: 0,
    integrityFailures: 0,
    strayTempFiles: 0,
    problems: [],
  };
  let lastBig = -1;
  const bigPath = join(options.dir, 'stor.json');
  try {
    for (let round = 1; round <= options.rounds; round++) {
      const child = await runAndKill(bundle.path, [options.dir, String(round)], {
        afterReadyMs: Math.floor(random() * options.maxDelayMs),
      });
      if (!child.killedByUs)
        result.problems.push(`round ${round}: child exited ${child.exitCode}: ${child.stderr.slice(0, 300)}`);
      for (const line of child.lines) {
        if (line === 'ready') continue;
        result.writes++;
        if (line.startsWith('big ')) lastBig = Number(line.slice(4));
      }
      const problems = [
        ['rapport.json', checkReportJson(join(options.dir, 'rapport.json'))],
        ['rapport-statistik.csv', checkCsv(join(options.dir, 'rapport-statistik.csv'))],
        ['rapport-anledningar.csv', checkCsv(join(options.dir, 'rapport-anledningar.csv'))],
        ['stor.json', checkBig(bigPath, lastBig, round)],
      ].filter((p): p is [string, string] => p[1] !== null);
      result.truncatedExports += problems.length;
      // A complete write whose acknowledgement the kill cut off is the baseline from now on.
      if (!problems.some(([file]) => file === 'stor.json')) lastBig = Math.max(lastBig, bigSeq(bigPath));
      for (const [file, problem] of problems) result.problems.push(`round ${round}: ${file}: ${problem}`);
      if (!checkRegister(join(options.dir, 'kortliggaren.db'), []).integrityOk) result.integrityFailures++;
      result.exportKillRounds++;
      if (round % 10 === 0) options.log?.(`export kill rounds: ${round}/${options.rounds}`);
    }
  } finally {
    bundle.dispose();
  }
  result.strayTempFiles = readdirSync(options.dir).filter(
    (f) => f.startsWith('.') && f.endsWith('.tmp'),
  ).length;
  return result;
}
