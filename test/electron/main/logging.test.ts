import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFileLogger,
  describeError,
  LOG_FILE,
  LOG_KEEP,
  LOG_MAX_BYTES,
  rotatedName,
} from '../../../electron/main/logging';

let dir: string;
const at = new Date('2026-02-01T08:12:44.000Z');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kortliggaren-logs-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('createFileLogger', () => {
  it('rotates at 1 MB and keeps 5 old files by default', () => {
    expect(LOG_FILE).toBe('kortliggaren.log');
    expect(LOG_MAX_BYTES).toBe(1024 * 1024);
    expect(LOG_KEEP).toBe(5);
  });

  it('appends one timestamped line per entry, creating the folder', () => {
    const logs = join(dir, 'logs');
    const logger = createFileLogger({ dir: logs, now: () => at });
    logger.info('start', 'Kortliggaren 1.2.3');
    logger.error('ipc', 'database is locked');
    expect(logger.path).toBe(join(logs, 'kortliggaren.log'));
    expect(readFileSync(logger.path, 'utf8')).toBe(
      '2026-02-01T08:12:44.000Z INFO [start] Kortliggaren 1.2.3\n' +
        '2026-02-01T08:12:44.000Z ERROR [ipc] database is locked\n',
    );
  });

  it('writes an error with its stack, continuation lines indented', () => {
    const logger = createFileLogger({ dir, now: () => at });
    const error = new Error('disk full');
    logger.error('backup', error);
    const text = read(LOG_FILE);
    expect(text).toMatch(/^2026-02-01T08:12:44\.000Z ERROR \[backup\] Error: disk full\n {4,}at /);
    expect(
      text
        .trimEnd()
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('    ')),
    ).toBe(true);
  });

  it('rotates before the file would pass the limit, keeping only the newest files', () => {
    const logger = createFileLogger({ dir, maxBytes: 200, keep: 3, now: () => at });
    // Each line is 100 bytes: two fit in a file, the third starts a new one.
    const message = (n: number) => `entry ${String(n).padStart(2, '0')} `.padEnd(100 - 38, 'x');
    for (let n = 1; n <= 11; n++) logger.info('test', message(n));
    expect(readdirSync(dir).sort()).toEqual([
      'kortliggaren.1.log',
      'kortliggaren.2.log',
      'kortliggaren.3.log',
      'kortliggaren.log',
    ]);
    const entries = (name: string) => [...read(name).matchAll(/entry (\d+)/g)].map((m) => Number(m[1]));
    expect(entries('kortliggaren.log')).toEqual([11]);
    expect(entries('kortliggaren.1.log')).toEqual([9, 10]);
    expect(entries('kortliggaren.2.log')).toEqual([7, 8]);
    expect(entries('kortliggaren.3.log')).toEqual([5, 6]);
    for (const name of readdirSync(dir)) expect(Buffer.byteLength(read(name))).toBeLessThanOrEqual(200);
  });

  it('never throws: a log it cannot write goes to the fallback', () => {
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, '');
    const fallback = vi.fn();
    const logger = createFileLogger({ dir: notAFolder, fallback, now: () => at });
    expect(() => logger.error('main', new Error('boom'))).not.toThrow();
    expect(fallback).toHaveBeenCalledWith(expect.stringContaining('Error: boom'), expect.any(Error));
    expect(existsSync(join(notAFolder, LOG_FILE))).toBe(false);
  });

  it('echoes every line when asked to', () => {
    const echo = vi.fn();
    createFileLogger({ dir, echo, now: () => at }).info('start', 'hej');
    expect(echo).toHaveBeenCalledWith('2026-02-01T08:12:44.000Z INFO [start] hej\n');
  });
});

describe('helpers', () => {
  it('numbers rotated files before the extension, so Windows still opens them as text', () => {
    expect(rotatedName('kortliggaren.log', 1)).toBe('kortliggaren.1.log');
    expect(rotatedName('log', 2)).toBe('log.2');
  });

  it('describes any thrown value', () => {
    expect(describeError('text')).toBe('text');
    expect(describeError({ code: 'X' })).toBe('{"code":"X"}');
    expect(describeError(undefined)).toBe('undefined');
    expect(describeError(new Error('m'))).toMatch(/^Error: m\n/);
  });
});
