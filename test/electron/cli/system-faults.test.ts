import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/app/backend';
import { runCli } from '../../../electron/cli/run';
import { tempDir, validCard } from '../../fixtures/cards';
import { canMount, readOnlyView, smallDisk } from '../support/faulty-disk';
import { uuid } from './cli-helpers';

// Issue 13 item 8: no raw English from SQLite or the file system reaches the desk. The
// reading commands work on a read-only folder and a full disk; a write there fails with
// a Swedish message that says what to do (exit 1, SPEC §6), and nothing is written.

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

function cli(db: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(['--db', db, ...argv], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: { HOME: dir },
    version: 'test',
  });
  return { status, stdout: out.join('\n'), stderr: err };
}

// Every reading command, with what it printed on the healthy register.
const READS: string[][] = [
  ['findings'],
  ['report', '--month', '2026-02'],
  ['audit', 'verify'],
  ['organisations'],
  ['decisions'],
  ['settings'],
  ['review', '--now', '2026-02-24T12:00:00+01:00'],
  ['backup', 'list'],
  ['personal-data', 'retention'],
];

/** A register with three cards (one with a violation) in `folder`, closed cleanly. */
function seedRegister(folder: string): string {
  const db = join(folder, 'k.db');
  const file = join(dir, 'kort.json');
  writeFileSync(
    file,
    JSON.stringify({
      cards: [
        validCard({ id: uuid(1) }),
        validCard({ id: uuid(2), cardNumber: '9752210000000000002', unplannedPersonnel: false }),
        validCard({ id: uuid(3), cardNumber: '9752210000000000003', holderHsaId: 'SE5565594230-H001' }),
      ],
    }),
  );
  expect(cli(db, 'import', file)).toMatchObject({ status: 0 });
  return db;
}

function readAll(db: string): Record<string, string> {
  return Object.fromEntries(
    READS.map((argv) => {
      const result = cli(db, ...argv);
      expect(result.stderr, argv.join(' ')).toEqual([]);
      expect(result.status, argv.join(' ')).toBe(0);
      // The reading commands name no path, except backup list (none here) and the report's.
      return [argv.join(' '), result.stdout.replace(/"generatedAt": ?"[^"]+"/, '')];
    }),
  );
}

describe.skipIf(!canMount && process.getuid?.() === 0)('a read-only folder', () => {
  it('answers every reading command as before, and refuses a write in Swedish', () => {
    const folder = join(dir, 'data');
    mkdirSync(folder);
    seedRegister(folder);
    const healthy = readAll(join(folder, 'k.db'));
    const view = readOnlyView(folder);
    if (!view) return;
    try {
      const db = join(view.path, 'k.db');
      expect(readAll(db)).toEqual(healthy);
      const write = cli(db, 'void', uuid(1), '--why', 'fel kort');
      expect(write.status).toBe(1);
      expect(write.stderr).toHaveLength(1);
      expect(write.stderr[0]).toMatch(
        /^Fel: Registret eller mappen det ligger i är skrivskyddad.*Be IT om skrivrätt/,
      );
      expect(write.stderr[0]).not.toMatch(/readonly database|unable to open/);
      const en = cli(db, '--lang', 'en', 'void', uuid(1), '--why', 'wrong card');
      expect(en.stderr[0]).toMatch(/^Error: The register or its folder is read-only/);
    } finally {
      view.release();
    }
    // Nothing was written: the card is not voided.
    const findings = cli(join(folder, 'k.db'), 'findings').stdout;
    expect(JSON.parse(findings)).toHaveLength(3);
  });
});

describe.skipIf(!canMount)('a full disk', () => {
  it('answers every reading command as before; a write says the disk is full, and nothing is lost', () => {
    const disk = smallDisk(1024)!;
    try {
      const db = seedRegister(disk.path);
      const healthy = readAll(db);
      disk.fill();
      expect(readAll(db)).toEqual(healthy);
      const write = cli(db, 'void', uuid(1), '--why', 'fel kort');
      expect(write.status).toBe(1);
      expect(write.stderr).toEqual([
        expect.stringMatching(/^Fel: Disken är full, så ingenting kunde sparas/),
      ]);
      disk.free();
      expect(readAll(db)).toEqual(healthy);
      expect(cli(db, 'void', uuid(1), '--why', 'fel kort').status).toBe(0);
    } finally {
      disk.release();
    }
  });

  it('a card saved in the app when the disk fills up gets the disk-full code, and is saved once there is room', async () => {
    const disk = smallDisk(1024)!;
    const backend = createBackend({ databasePath: join(disk.path, 'k.db'), mode: 'web', version: 'test' });
    try {
      const first = await backend.router.invoke('cards:register', validCard(), { trustedSender: true });
      expect(first.ok).toBe(true);
      disk.fill();
      const card = validCard({ cardNumber: '9752210000000000009', note: 'x'.repeat(2000) });
      // Several, so that the WAL must grow past the pages it already has.
      let refused: unknown;
      for (let i = 0; i < 50 && !refused; i++) {
        const result = await backend.router.invoke(
          'cards:register',
          { ...card, id: uuid(100 + i) },
          {
            trustedSender: true,
          },
        );
        if (!result.ok) refused = result.error;
      }
      expect(refused).toMatchObject({ code: 'disk-full' });
      disk.free();
      const later = await backend.router.invoke(
        'cards:register',
        { ...card, id: uuid(999) },
        {
          trustedSender: true,
        },
      );
      expect(later.ok).toBe(true);
    } finally {
      backend.close();
      disk.release();
    }
  });
});

describe('a folder where a file belongs, and the other way round', () => {
  it('a register path that is a folder is named as such, not "unable to open database file"', () => {
    mkdirSync(join(dir, 'k.db'));
    const result = cli('k.db', 'findings');
    expect(result.status).toBe(1);
    expect(result.stderr).toEqual([
      expect.stringMatching(/^Fel: En mapp ligger där en fil ska ligga.*\(EISDIR: /),
    ]);
  });

  it('a file named backups where the backups folder belongs', () => {
    const db = seedRegister(dir);
    rmSync(join(dir, 'backups'), { recursive: true, force: true });
    writeFileSync(join(dir, 'backups'), 'inte en mapp');
    // The register still opens (the daily backup's failure is reported, not thrown).
    expect(cli(db, 'void', uuid(1), '--why', 'fel kort').status).toBe(0);
    const result = cli(db, 'backup');
    expect(result.status).toBe(1);
    expect(result.stderr).toEqual([expect.stringMatching(/^Fel: En mapp ligger där en fil ska ligga/)]);
  });
});

describe.skipIf(process.platform === 'win32')('no permission', () => {
  it('a register the desk user may not read says so, in Swedish, from a real CLI process', () => {
    const folder = join(dir, 'låst');
    mkdirSync(folder);
    seedRegister(folder);
    chmodSync(join(folder, 'k.db'), 0o600);
    chmodSync(dir, 0o755);
    // Root may read anything: the CLI runs as another user (nobody) where the test is root.
    const asOther =
      process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    if (process.getuid?.() !== 0) chmodSync(join(folder, 'k.db'), 0o000);
    const tsx = join(import.meta.dirname, '../../../node_modules/.bin/tsx');
    const main = join(import.meta.dirname, '../../../electron/cli/main.ts');
    const [command, ...args] = [...asOther, tsx, main, '--db', join(folder, 'k.db'), 'findings'];
    const run = spawnSync(command, args, {
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^Fel: Kortliggaren saknar behörighet till filen eller mappen.*\(EACCES: .*k\.db\)$/,
    );
  });
});
