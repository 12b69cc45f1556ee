import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { EXIT, runCli } from '../../../electron/cli/run';
import { ORG, tempDir, validCard } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: { HOME: dir },
    version: '9.9.9',
  });
  return { status, stdout: out.join('\n'), stderr: err };
}

function writeJson(name: string, value: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

function contentOf(db: string) {
  const raw = new Database(join(dir, db), { readonly: true });
  const snapshot = {
    cards: raw.prepare('SELECT * FROM cards ORDER BY id').all(),
    organisations: raw.prepare('SELECT * FROM organisations ORDER BY hsa_id').all(),
    audit: raw.prepare('SELECT * FROM audit_log ORDER BY seq').all(),
  };
  raw.close();
  return snapshot;
}

const ID = (n: number) => `6f1c1f7e-3b7a-4a51-9a51-${String(n).padStart(12, '0')}`;

describe('cli import', () => {
  it('imports organisations and cards and reports counts', () => {
    const file = writeJson('in.json', {
      organisations: [{ hsaId: ORG, name: 'Region Exempel' }],
      cards: [
        validCard({ id: ID(1), organisationName: undefined }),
        validCard({ id: ID(2), cardNumber: '9752000000000000002' }),
      ],
    });
    const r = cli('--db', 'k.db', 'import', file);
    expect(r).toEqual({ status: EXIT.ok, stdout: '{"imported":2,"unchanged":0}', stderr: [] });
    expect(contentOf('k.db').cards).toHaveLength(2);
  });

  it('is a no-op to import the same file twice', () => {
    const file = writeJson('in.json', {
      cards: [validCard({ id: ID(1) }), validCard({ id: ID(2), cardNumber: '9752000000000000002' })],
    });
    expect(cli('--db', 'k.db', 'import', file).stdout).toBe('{"imported":2,"unchanged":0}');
    const before = contentOf('k.db');
    expect(cli('--db', 'k.db', 'import', file).stdout).toBe('{"imported":0,"unchanged":2}');
    expect(contentOf('k.db')).toEqual(before);
  });

  it('refuses the same id with other content, naming the row', () => {
    cli('--db', 'k.db', 'import', writeJson('a.json', { cards: [validCard({ id: ID(1) })] }));
    const r = cli(
      '--db',
      'k.db',
      'import',
      writeJson('b.json', { cards: [validCard({ id: ID(1), holderName: 'Någon annan' })] }),
    );
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toEqual(['row 1: id: Det finns redan en registrering med detta id och annat innehåll.']);
  });

  it('imports nothing when one row of many is invalid, and prints every error', () => {
    const cards = Array.from({ length: 999 }, (_, i) =>
      validCard({ id: ID(i + 1), cardNumber: `9752${String(i).padStart(15, '0')}` }),
    );
    cards.splice(500, 0, validCard({ holderHsaId: 'SE2321000017-A1B2', reasonCode: 'other' }));
    cli('--db', 'k.db', 'import', writeJson('seed.json', { cards: [validCard({ id: ID(5000) })] }));
    const before = contentOf('k.db');
    const r = cli('--db', 'k.db', 'import', writeJson('in.json', { cards }));
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stdout).toBe('');
    expect(r.stderr).toEqual([
      'row 501: holderHsaId: HSA-id:t har fel kontrollsiffra.',
      'row 501: reasonText: Måste fyllas i när anledningen är Annat.',
    ]);
    expect(contentOf('k.db')).toEqual(before);
  });

  it('reports register-dependent errors for every row and rolls back the rest', () => {
    const r = cli(
      '--db',
      'k.db',
      'import',
      writeJson('in.json', {
        cards: [
          validCard({ id: ID(1) }),
          validCard({ id: ID(2), organisationHsaId: 'SE5565594230-ORG1', organisationName: undefined }),
          validCard({ id: ID(3), extendsCardId: ID(99) }),
        ],
      }),
    );
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr).toEqual([
      'row 2: organisationName: Organisationen är ny: ange dess namn.',
      'row 3: extendsCardId: Registreringen som förlängs finns inte.',
    ]);
    expect(contentOf('k.db').cards).toEqual([]);
  });

  it.each([
    ['not JSON', '{ cards: ', /^row 0: \(file\): filen är inte giltig JSON/],
    ['no cards array', '{"organisations": []}', /^row file: cards: Måste fyllas i\.$/],
    [
      'a bad organisation',
      '{"organisations": [{"hsaId": "SE1", "name": "x"}], "cards": []}',
      /^row organisations 1: hsaId: /,
    ],
  ])('refuses a file that is %s with exit 2', (_name, text, line) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    const r = cli('--db', 'k.db', 'import', file);
    expect(r.status).toBe(EXIT.invalid);
    expect(r.stderr[0]).toMatch(line);
  });

  it('speaks English on request', () => {
    const r = cli(
      '--db',
      'k.db',
      '--lang',
      'en',
      'import',
      writeJson('in.json', { cards: [validCard({ cardNumber: '1' })] }),
    );
    expect(r.stderr).toEqual(['row 1: cardNumber: Must be 10–20 digits (spaces and hyphens are removed).']);
  });
});

describe('cli usage', () => {
  it('prints help with exit 0, and usage errors with exit 2 on one line', () => {
    const help = cli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('import FIL');
    expect(cli('frobnicate')).toEqual({
      status: 2,
      stdout: '',
      stderr: ['Felaktig användning: okänt kommando "frobnicate" (se --help)'],
    });
    expect(cli('--bogus').status).toBe(2);
    expect(cli('import').status).toBe(2);
    expect(cli('import', 'missing.json').stderr[0]).toMatch(/kan inte läsa filen/);
  });

  it('uses the desk database in the local data folder without --db', () => {
    const r = runCli(['import', writeJson('in.json', { cards: [validCard()] })], {
      stdout: () => {},
      stderr: () => {},
      cwd: dir,
      env: { KORTLIGGAREN_DATA_DIR: join(dir, 'desk') },
      version: 'x',
    });
    expect(r).toBe(0);
    const raw = new Database(join(dir, 'desk', 'kortliggaren.db'), { readonly: true });
    expect(raw.prepare('SELECT count(*) AS n FROM cards').get()).toEqual({ n: 1 });
    raw.close();
  });

  it('runs through npm without a build step, JSON on stdout and exit codes per SPEC §6', () => {
    const file = writeJson('in.json', { cards: [validCard()] });
    const db = join(dir, 'npm.db');
    const ok = execFileSync('npm', ['run', '--silent', 'cli', '--', '--db', db, 'import', file], {
      encoding: 'utf8',
    });
    expect(JSON.parse(ok)).toEqual({ imported: 1, unchanged: 0 });
    const bad = spawnSync(
      'npm',
      ['run', '--silent', 'cli', '--', '--db', db, 'import', writeJson('b.json', { cards: [{}] })],
      {
        encoding: 'utf8',
      },
    );
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n')[0]).toBe('row 1: organisationHsaId: Måste fyllas i.');
  });
});
