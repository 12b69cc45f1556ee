import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createBackend } from '../../electron/app/backend';
import { openDatabase } from '../../electron/db/open';
import { addDecision } from '../../electron/services/rules-data';
import { runChild } from './child';
import { appVersion, BROWSERS } from './paths';
import { measureImport } from './measure-import';
import { measureReport } from './measure-report';
import { measureSearch } from './measure-search';
import { measureVerdict } from './measure-verdict';
import { HISTORIC_DECISION, seedRegister } from './seed-register';
import { progress, round, timed } from './stats';

/**
 * `npm run bench`: builds a seeded national-scale register in a temporary folder, measures
 * the live verdict, the monthly report against its raw lower bound, the register search,
 * a 100 000-row CSV import and the register view in Chromium, and prints the figures as
 * one JSON object on the last line. BENCH_CARDS, BENCH_IMPORT_ROWS and BENCH_KEEP=1 (keep
 * the folder) help while working on it.
 */
const CARDS = Number(process.env.BENCH_CARDS ?? 1_000_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const REPORT_MONTH = '2026-03';
const FIRST_DAY = '2016-07-01';
const LAST_DAY = '2026-06-30';

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function main(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-bench-'));
  progress(`folder ${dir}`);
  try {
    const registerPath = join(dir, 'register.db');
    const seeding = openDatabase(registerPath);
    const shape = {
      cards: CARDS,
      organisations: 300,
      firstDay: FIRST_DAY,
      lastDay: LAST_DAY,
      seed: 20260101,
    };
    const seed = seedRegister(seeding, shape);
    seeding.close();
    progress(`seeded ${seed.cards} cards, ${seed.holders} holders in ${round(seed.ms)} ms`);

    // No daily backup: the bench measures the register, not copying 500 MB at every open.
    const opened = timed(() =>
      createBackend({
        databasePath: registerPath,
        mode: 'cli',
        version: appVersion(),
        actor: 'bench',
        dailyBackup: false,
      }),
    );
    const backend = opened.value;
    // The older years' decision goes in through the app, which recomputes every card's
    // findings with the real rules engine: the register's badges are the app's own.
    const recompute = timed(() =>
      addDecision(backend.services, {
        id: HISTORIC_DECISION.id,
        title: HISTORIC_DECISION.title,
        from: FIRST_DAY,
        to: '2025-11-30',
        maxValidityDays: HISTORIC_DECISION.maxValidityDays,
        withoutPersonnummerUntil: null,
      }),
    );
    const withFindings = backend.db
      .prepare<[], { n: number }>('SELECT count(DISTINCT card_id) AS n FROM card_findings')
      .get()!.n;
    progress(
      `opened in ${round(opened.ms)} ms; all findings in ${round(recompute.ms)} ms (${withFindings} cards with findings)`,
    );

    const verdict = await measureVerdict(backend);
    progress(`verdict p50 ${round(verdict.p50)} ms, p99 ${round(verdict.p99)} ms`);
    const report = measureReport(backend, REPORT_MONTH);
    progress(
      `report ${round(report.reportMs)} ms vs raw ${round(report.rawMs)} ms (${report.rawQuery}), ${report.reasons} reasons`,
    );
    const search = await measureSearch(backend);
    progress(`search first page p50 ${round(search.p50)} ms, p99 ${round(search.p99)} ms`);
    backend.close();

    const imported = await measureImport(dir, IMPORT_ROWS);
    progress(
      `import of ${imported.imported} rows: median ${round(imported.ms)} ms of ${imported.runsMs
        .map((ms) => round(ms))
        .join(', ')} ms, its peak RSS ${round(imported.maxRssMb)} MB`,
    );
    if (BROWSERS.length === 0) throw new Error('no Chromium found: apt-get install chromium-headless-shell');
    const paints: (PaintResult & { browser: string })[] = [];
    for (const browser of BROWSERS) {
      const result = await runChild<PaintResult>('list-paint-child', [imported.database, browser]);
      paints.push({ ...result, browser: basename(browser) });
      progress(
        `register first rows in ${basename(browser)}: first starts ${result.firstStartsMs
          .map((ms) => round(ms))
          .join(', ')} ms, restarts ${result.startsMs
          .slice(1)
          .map((ms) => round(ms))
          .join(', ')} ms, from the form ${round(result.inAppMs)} ms`,
      );
    }
    const [paint, fullBrowser] = paints as [
      PaintResult & { browser: string },
      ...(PaintResult & { browser: string })[],
    ];

    return {
      cards: seed.cards,
      verdictP50Ms: round(verdict.p50),
      verdictP99Ms: round(verdict.p99),
      reportMs: round(report.reportMs),
      reportRawMs: round(report.rawMs),
      reportRatio: ratio(report.reportMs, report.rawMs),
      reportRatioOfMedians: Math.round(report.medianRatio * 100) / 100,
      searchFirstPageMs: round(search.p50),
      searchFirstPageP99Ms: round(search.p99),
      import100kMs: round(imported.ms),
      import100kRunsMs: imported.runsMs.map((ms) => round(ms)),
      importInto: 'a fresh database, through runCli in a child process',
      importPeakRssMb: round(imported.maxRssMb),
      peakRssMb: round(process.resourceUsage().maxRSS / 1024),
      listFirstPaintMs: round(paint.firstStartMs),
      listFirstPaintRunsMs: paint.firstStartsMs.map((ms) => round(ms)),
      listFirstPaintRestartMs: round(paint.restartMs),
      listInAppNavigationMs: round(paint.inAppMs),
      listServerPeakRssMb: round(paint.maxRssMb),
      listBrowser: paint.browser,
      ...(fullBrowser
        ? {
            listFirstPaintFullBrowserMs: round(fullBrowser.firstStartMs),
            listFirstPaintFullBrowserRestartMs: round(fullBrowser.restartMs),
            fullBrowser: fullBrowser.browser,
          }
        : {}),
      seedMs: round(seed.ms),
      openMs: round(opened.ms),
      recomputeAllFindingsMs: round(recompute.ms),
    };
  } finally {
    if (process.env.BENCH_KEEP !== '1') rmSync(dir, { recursive: true, force: true });
  }
}

interface PaintResult {
  firstStartMs: number;
  firstStartsMs: number[];
  restartMs: number;
  inAppMs: number;
  startsMs: number[];
  maxRssMb: number;
}

const result = await main();
process.stdout.write(`${JSON.stringify(result)}\n`);
