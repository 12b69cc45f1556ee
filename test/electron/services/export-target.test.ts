import { linkSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  probeCaseInsensitive,
  protectedTarget,
  targetProblem,
} from '../../../electron/services/export-target';
import { tempDir } from '../../fixtures/cards';

// The one guard every export passes (SPEC §6): never the register, its companions, or backups/.
let dir: string;
let cleanup: () => void;
let db: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'Kortliggaren.db');
  writeFileSync(db, 'SQLite format 3\0');
  writeFileSync(`${db}-wal`, '');
  mkdirSync(join(dir, 'backups'));
});
afterEach(() => cleanup());

describe('protectedTarget', () => {
  it.each([
    ['the register', () => db],
    ['its WAL', () => `${db}-wal`],
    ['its shared memory, before SQLite made it', () => `${db}-shm`],
    ['its rollback journal', () => `${db}-journal`],
    ['a sidecar beside it (audit head)', () => `${db}.head`],
    ['any name the register’s name starts with a dash', () => `${db}-statistik.csv`],
    ['the register through a ./.. detour', () => join(dir, 'backups', '..', 'Kortliggaren.db')],
  ])('refuses %s as path.isDatabase', (_name, path) => {
    expect(protectedTarget(path(), db)).toBe('path.isDatabase');
  });

  it.each([
    ['a file in backups/', () => join(dir, 'backups', 'rapport.json')],
    [
      'a file deeper in backups/',
      () => {
        mkdirSync(join(dir, 'backups', 'gamla'));
        return join(dir, 'backups', 'gamla', 'rapport.json');
      },
    ],
    ['a file named backups beside the register', () => join(dir, 'backups')],
  ])('refuses %s as path.inBackups', (_name, path) => {
    expect(protectedTarget(path(), db)).toBe('path.inBackups');
  });

  it('sees through links: to the register, to its folder, and from a linked register', () => {
    const elsewhere = join(dir, 'annan');
    mkdirSync(elsewhere);
    symlinkSync(db, join(elsewhere, 'rapport.json'));
    expect(protectedTarget(join(elsewhere, 'rapport.json'), db)).toBe('path.isDatabase');
    symlinkSync(dir, join(elsewhere, 'genväg'));
    expect(protectedTarget(join(elsewhere, 'genväg', 'Kortliggaren.db-shm'), db)).toBe('path.isDatabase');
    expect(protectedTarget(join(elsewhere, 'genväg', 'backups', 'x.csv'), db)).toBe('path.inBackups');
    // The register opened through a link: its real place is protected too.
    symlinkSync(db, join(elsewhere, 'länk.db'));
    expect(protectedTarget(`${db}-wal`, join(elsewhere, 'länk.db'))).toBe('path.isDatabase');
    expect(protectedTarget(join(elsewhere, 'länk.db-wal'), join(elsewhere, 'länk.db'))).toBe(
      'path.isDatabase',
    );
    // A backups folder that is itself a link elsewhere.
    const store = join(dir, 'lager');
    mkdirSync(store);
    const other = join(elsewhere, 'Other.db');
    writeFileSync(other, '');
    symlinkSync(store, join(elsewhere, 'backups'));
    expect(protectedTarget(join(store, 'x.json'), other)).toBe('path.inBackups');
  });

  it('refuses a hard link to the register', () => {
    linkSync(db, join(dir, 'hård.json'));
    expect(protectedTarget(join(dir, 'hård.json'), db)).toBe('path.isDatabase');
  });

  it('refuses the audit head sidecar, by name and through a hard link elsewhere', () => {
    writeFileSync(`${db}.audit-head`, '{}');
    expect(protectedTarget(`${db}.audit-head`, db)).toBe('path.isDatabase');
    const elsewhere = join(dir, 'annan');
    mkdirSync(elsewhere);
    linkSync(`${db}.audit-head`, join(elsewhere, 'rapport.json'));
    expect(protectedTarget(join(elsewhere, 'rapport.json'), db)).toBe('path.isDatabase');
  });

  it('compares case-insensitively where the file system does (flag), and exactly where not', () => {
    const other = join(dir, 'KORTLIGGAREN.DB');
    const otherWal = join(dir, 'kortliggaren.db-WAL');
    const otherBackups = join(dir, 'Backups');
    mkdirSync(otherBackups);
    for (const [flag, expected] of [
      [true, ['path.isDatabase', 'path.isDatabase', 'path.inBackups']],
      [false, [null, null, null]],
    ] as const) {
      expect([
        protectedTarget(other, db, { caseInsensitive: flag }),
        protectedTarget(otherWal, db, { caseInsensitive: flag }),
        protectedTarget(join(otherBackups, 'r.json'), db, { caseInsensitive: flag }),
      ]).toEqual(expected);
    }
  });

  it('lets ordinary files through, also beside the register', () => {
    for (const name of ['rapport.json', 'Kortliggaren.json', 'Kortliggaren.db2', 'xKortliggaren.db']) {
      expect(protectedTarget(join(dir, name), db)).toBeNull();
    }
    expect(protectedTarget(join(dir, 'rapport.json'), join(dir, 'saknas', 'k.db'))).toBeNull();
  });
});

describe('probeCaseInsensitive', () => {
  it('finds this temp folder case-sensitive by looking the register up in other case', () => {
    // Linux file systems are case-sensitive; the probe must not guess from the platform.
    expect(probeCaseInsensitive(dir, 'Kortliggaren.db')).toBe(false);
    expect(probeCaseInsensitive(dir)).toBe(false);
  });
});

describe('targetProblem', () => {
  it('checks absolute, folder, register, backups and folders, in that order', () => {
    expect(targetProblem('rapport.json', db)).toBe('path.notAbsolute');
    expect(targetProblem(join(dir, 'saknas', 'r.json'), db)).toBe('path.folderMissing');
    expect(targetProblem(db, db)).toBe('path.isDatabase');
    expect(targetProblem(join(dir, 'backups'), db)).toBe('path.inBackups');
    mkdirSync(join(dir, 'mapp'));
    expect(targetProblem(join(dir, 'mapp'), db)).toBe('path.notAFile');
    expect(targetProblem(join(dir, 'ny.json'), db)).toBeNull();
  });
});
