import Database from 'better-sqlite3';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { runCli } from '../../../electron/cli/run';
import { CardInput } from '../../../shared/domain/card';
import { registerCard } from '../../../electron/services/cards';
import { reviewLists } from '../../../electron/services/review';
import { tempDir, validCard } from '../../fixtures/cards';
import { holdWriteLock } from '../support/lock-holder';

// SPEC §6 and issue 13 item 5: while another process writes (a CLI import beside the app),
// a write waits for the lock instead of failing at once with SQLITE_BUSY, and a wait
// longer than the timeout is a clear "registret är upptaget", with nothing written.

let dir: string;
let cleanup: () => void;
let file: string;
let backend: Backend | undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = join(dir, 'k.db');
});
afterEach(() => {
  backend?.close();
  backend = undefined;
  cleanup();
});

function open(busyTimeoutMs?: number): Backend {
  backend = createBackend({
    databasePath: file,
    mode: 'web',
    version: 'test',
    dailyBackup: false,
    ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }),
  });
  return backend;
}

const cardCount = () => {
  const raw = new Database(file, { readonly: true });
  try {
    return (raw.prepare('SELECT count(*) AS n FROM cards').get() as { n: number }).n;
  } finally {
    raw.close();
  }
};

describe('write transactions begin immediate', () => {
  it('a card saved while another process holds the write lock waits and is stored', async () => {
    const b = open();
    const holder = await holdWriteLock(file, 1_500);
    // Deferred, this read the register first and then failed at the write within
    // milliseconds (SQLite never waits to upgrade a read); immediate, it waits its turn.
    const card = registerCard(b.services, CardInput.parse(validCard()));
    await holder.released;
    expect(card.holderName).toBe('Anna Åberg');
    expect(cardCount()).toBe(1);
  });

  it('a wait longer than the timeout is the typed busy error, and nothing is written', async () => {
    const b = open(200);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const result = await b.router.invoke('cards:register', validCard(), { trustedSender: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'busy' } });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(cardCount()).toBe(0);
    // Once the other writer is done, the same card goes in.
    const again = await b.router.invoke('cards:register', validCard(), { trustedSender: true });
    expect(again.ok).toBe(true);
  });

  it('reads do not wait for a writer: the review lists answer while the lock is held', () => {
    const b = open(200);
    registerCard(b.services, CardInput.parse(validCard()));
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const lists = reviewLists(b.services, { now: Date.parse('2026-02-24T12:00:00Z') });
      expect(lists.expiringSoonTotal).toBe(1);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('no service opens a transaction of its own: every write goes through writeTransaction', () => {
    const root = join(import.meta.dirname, '../../../electron');
    const offenders: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && name !== 'write-transaction.ts') {
          const text = readFileSync(path, 'utf8');
          if (/\.transaction\(/.test(text.replace(/ctx\.transaction\(|services\.transaction\(/g, ''))) {
            offenders.push(relative(root, path));
          }
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});

describe('two CLI imports at once', () => {
  const cli = (env: Record<string, string>, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const status = runCli(['--db', 'k.db', ...argv], {
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
      cwd: dir,
      env: { HOME: dir, ...env },
      version: 'test',
    });
    return { status, stdout: out.join('\n'), stderr: err };
  };
  const importFile = () => {
    const path = join(dir, 'kort.json');
    writeFileSync(path, JSON.stringify({ cards: [validCard()] }));
    return path;
  };

  it('the second waits for the first to commit, then imports', async () => {
    cli({}, 'findings'); // creates the register
    const holder = await holdWriteLock(file, 1_500);
    const result = cli({}, 'import', importFile());
    await holder.released;
    expect(result).toMatchObject({ status: 0, stdout: '{"imported":1,"unchanged":0}' });
  });

  it('the second says in Swedish (or English) that the register is busy when the wait is too long', () => {
    cli({}, 'findings');
    const path = importFile();
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      const sv = cli({ KORTLIGGAREN_BUSY_TIMEOUT_MS: '150' }, 'import', path);
      expect(sv.status).toBe(1);
      expect(sv.stderr).toEqual([
        expect.stringMatching(/^Fel: Registret är upptaget: .*Ingenting har sparats/),
      ]);
      expect(sv.stderr[0]).toContain('(SQLITE_BUSY)');
      const en = cli({ KORTLIGGAREN_BUSY_TIMEOUT_MS: '150' }, '--lang', 'en', 'import', path);
      expect(en.status).toBe(1);
      expect(en.stderr[0]).toMatch(/^Error: The register is busy/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(cardCount()).toBe(0);
  });
});
