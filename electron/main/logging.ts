import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The log file's name inside the logs folder. */
export const LOG_FILE = 'kortliggaren.log';
/** A log file is rotated before it would grow past this. */
export const LOG_MAX_BYTES = 1024 * 1024;
/** How many rotated files are kept besides the current one. */
export const LOG_KEEP = 5;

export interface LoggerOptions {
  /** The folder the log lives in (created when missing). */
  dir: string;
  maxBytes?: number;
  keep?: number;
  now?: () => Date;
  /** Also gets every line, e.g. the terminal in development. */
  echo?: (line: string) => void;
  /** Gets the line when the file cannot be written; logging itself must never throw. */
  fallback?: (line: string, error: unknown) => void;
}

export interface Logger {
  /** The current log file. */
  readonly path: string;
  info(scope: string, message: string): void;
  error(scope: string, error: unknown): void;
}

/** An error's stack (which names its message), or the value as text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * The name of rotated file `n`: kortliggaren.1.log, … The number goes before the
 * extension so a double click on Windows still opens it as a text file.
 */
export function rotatedName(file: string, n: number): string {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? `${file.slice(0, dot)}.${n}${file.slice(dot)}` : `${file}.${n}`;
}

/** Shifts kortliggaren.log → .1.log → … → .keep.log, dropping the oldest. */
export function rotateLogs(dir: string, file: string, keep: number): void {
  rmSync(join(dir, rotatedName(file, keep)), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(join(dir, rotatedName(file, n)), join(dir, rotatedName(file, n + 1)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  renameSync(join(dir, file), join(dir, rotatedName(file, 1)));
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * A logger that appends one line per entry (continuation lines of a stack indented) to
 * `dir/kortliggaren.log`, rotating at `maxBytes` and keeping `keep` old files. Writes are
 * synchronous: entries are rare, and an entry written just before a crash must land.
 */
export function createFileLogger(options: LoggerOptions): Logger {
  const maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
  const keep = options.keep ?? LOG_KEEP;
  const now = options.now ?? (() => new Date());
  const path = join(options.dir, LOG_FILE);
  const fallback =
    options.fallback ??
    ((line: string) => {
      process.stderr.write(line);
    });

  function write(level: 'INFO' | 'ERROR', scope: string, text: string): void {
    const body = text.replace(/\r?\n/g, '\n    ');
    const line = `${now().toISOString()} ${level} [${scope}] ${body}\n`;
    options.echo?.(line);
    try {
      mkdirSync(options.dir, { recursive: true });
      const size = sizeOf(path);
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotateLogs(options.dir, LOG_FILE, keep);
      appendFileSync(path, line, 'utf8');
    } catch (error) {
      fallback(line, error);
    }
  }

  return {
    path,
    info: (scope, message) => write('INFO', scope, message),
    error: (scope, error) => write('ERROR', scope, describeError(error)),
  };
}
