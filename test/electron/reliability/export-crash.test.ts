import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkBig,
  checkCsv,
  checkReportJson,
  runExportRounds,
} from '../../../scripts/reliability/export-rounds';
import { tempDir } from '../../fixtures/cards';

// The small version of the export kill rounds; the full run does 20.
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('kortliggaren-export-crash-'));
});
afterAll(() => cleanup());

describe('killing a child that rewrites export files', () => {
  it('always leaves the previous complete file or the new one', async () => {
    const result = await runExportRounds({ rounds: 3, dir, seed: 99, maxDelayMs: 600 });
    expect(result).toMatchObject({ exportKillRounds: 3, truncatedExports: 0, integrityFailures: 0 });
    expect(result.problems).toEqual([]);
    expect(result.writes).toBeGreaterThan(0);
  }, 30_000);

  it('would notice a torn report, CSV or big file', () => {
    const cut = (name: string) => {
      const path = join(dir, name);
      const text = readFileSync(path, 'utf8');
      writeFileSync(join(dir, `kapad-${name}`), text.slice(0, Math.floor(text.length * 0.6)));
      return join(dir, `kapad-${name}`);
    };
    expect(checkReportJson(join(dir, 'rapport.json'))).toBeNull();
    expect(checkReportJson(cut('rapport.json'))).toMatch(/unreadable/);
    expect(checkCsv(join(dir, 'rapport-anledningar.csv'))).toBeNull();
    expect(checkCsv(cut('rapport-anledningar.csv'))).not.toBeNull();
    const big = JSON.parse(readFileSync(join(dir, 'stor.json'), 'utf8')) as {
      seq: number;
      sha: string;
      pad: string;
    };
    writeFileSync(join(dir, 'trasig.json'), JSON.stringify({ ...big, pad: big.pad.slice(1) }));
    expect(checkBig(join(dir, 'trasig.json'), big.seq, 99)).toMatch(/hash/);
    expect(checkBig(join(dir, 'stor.json'), big.seq + 5, 99)).toMatch(/neither/);
  });
});
