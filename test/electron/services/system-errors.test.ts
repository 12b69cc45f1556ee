import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../../electron/db/open';
import { AppError } from '../../../electron/services/app-error';
import {
  classifySystemError,
  SYSTEM_FAULT_CODES,
  systemErrorDetail,
  systemFaultCode,
} from '../../../electron/services/system-errors';
import { en } from '../../../shared/i18n/en';
import { sv } from '../../../shared/i18n/sv';
import { tempDir } from '../../fixtures/cards';

// The one classifier of faults outside the app (issue 13 item 8).

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('classifySystemError', () => {
  it('reads real SQLite errors', () => {
    const file = join(dir, 'k.db');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x)');
    const other = new Database(file, { timeout: 0 });
    db.exec('BEGIN IMMEDIATE');
    expect(systemFaultCode(thrown(() => other.exec('BEGIN IMMEDIATE')))).toBe('busy');
    db.exec('ROLLBACK');
    other.close();
    db.close();
    const reader = new Database(file, { readonly: true });
    expect(systemFaultCode(thrown(() => reader.exec('INSERT INTO t VALUES (1)')))).toBe('read-only');
    reader.close();
    expect(systemFaultCode(thrown(() => new Database(join(dir, 'saknas.db'), { fileMustExist: true })))).toBe(
      'cannot-open',
    );
    writeFileSync(join(dir, 'trasig.db'), Buffer.alloc(8192, 0x41));
    const broken = new Database(join(dir, 'trasig.db'));
    const notADatabase = thrown(() => broken.prepare('SELECT 1 FROM sqlite_master').get());
    broken.close();
    // Damage has its own path (restore a backup), not one of the system faults.
    expect(classifySystemError(notADatabase)?.code).toBe('database-damaged');
    expect(systemFaultCode(notADatabase)).toBeUndefined();
  });

  it('reads real file-system errors, with the path as the detail', () => {
    mkdirSync(join(dir, 'mapp'));
    writeFileSync(join(dir, 'fil'), '');
    const missing = thrown(() => readFileSync(join(dir, 'saknas')));
    expect(systemFaultCode(missing)).toBe('file-missing');
    expect(systemErrorDetail(missing)).toBe(`ENOENT: ${join(dir, 'saknas')}`);
    expect(systemFaultCode(thrown(() => readFileSync(join(dir, 'mapp'))))).toBe('path-conflict');
    expect(systemFaultCode(thrown(() => readFileSync(join(dir, 'fil', 'x'))))).toBe('path-conflict');
    expect(systemFaultCode(thrown(() => mkdirSync(join(dir, 'fil'), { recursive: true })))).toBe(
      'path-conflict',
    );
  });

  it.each([
    ['EACCES', 'access-denied'],
    ['EPERM', 'access-denied'],
    ['EBUSY', 'access-denied'],
    ['EROFS', 'read-only'],
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EIO', 'io-error'],
    ['SQLITE_FULL', 'disk-full'],
    ['SQLITE_READONLY_DBMOVED', 'read-only'],
    ['SQLITE_BUSY_SNAPSHOT', 'busy'],
    ['SQLITE_IOERR_WRITE', 'io-error'],
    ['SQLITE_CANTOPEN', 'cannot-open'],
  ])('%s is %s', (code, expected) => {
    expect(systemFaultCode(Object.assign(new Error('x'), { code }), dir)).toBe(expected);
  });

  it('an I/O error on a disk with room is an I/O error; a newer register is its own fault', () => {
    expect(
      systemFaultCode(Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_SHMSIZE' }), dir),
    ).toBe('io-error');
    const tooNew = new DatabaseTooNewError(9, 6);
    expect(systemFaultCode(tooNew)).toBe('database-too-new');
    expect(systemErrorDetail(tooNew)).toBe('schema 9 > 6');
  });

  it('leaves bugs and the app’s own refusals alone', () => {
    expect(classifySystemError(new TypeError('x is undefined'))).toBeUndefined();
    expect(systemFaultCode(new AppError('invalid-input', 'invalid input'))).toBeUndefined();
    const refusal = new AppError('not-found', 'card x not found');
    expect(classifySystemError(refusal)).toBe(refusal);
  });

  it('every fault has a Swedish and an English text that says what to do', () => {
    for (const code of SYSTEM_FAULT_CODES) {
      expect(sv.error[code], code).toMatch(/\. .+\.$/);
      expect(en.error[code], code).toMatch(/\. .+\.$/);
    }
  });
});
