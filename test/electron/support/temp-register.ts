import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../../electron/app/backend';
import { openDatabase } from '../../../electron/db/open';
import type { Db } from '../../../electron/db/types';
import type { ServiceContext } from '../../../electron/services/context';
import { tempDir } from '../../fixtures/cards';

/** A register in a fresh temporary folder: its backend (database, services, router). */
export interface TempRegister {
  dir: string;
  /** The register file, `k.db` in `dir`. */
  path: string;
  backend: Backend;
  /** The backend's services (throws as the backend does when the register is unusable). */
  readonly services: ServiceContext;
  /** Closes the backend and removes the folder (a beforeEach may return it as its teardown). */
  close: () => void;
}

/**
 * Opens a backend on a new register file in a new temporary folder, as the browser mode
 * does (`mode: 'web'`, version `test`, actor `desk-1`); `options` override any of it.
 */
export function openTempRegister(options: Partial<BackendOptions> = {}, prefix?: string): TempRegister {
  const { dir, cleanup } = tempDir(prefix);
  const path = join(dir, 'k.db');
  const backend = createBackend({
    databasePath: path,
    mode: 'web',
    version: 'test',
    actor: 'desk-1',
    ...options,
  });
  return {
    dir,
    path,
    backend,
    get services() {
      return backend.services;
    },
    close: () => {
      backend.close();
      cleanup();
    },
  };
}

/**
 * A new temporary register for each test of the file (or `describe`) that calls this:
 * opened in beforeEach, closed and removed after the test. Read it through the getters.
 */
export function useTempRegister(options: Partial<BackendOptions> = {}): Omit<TempRegister, 'close'> {
  let current: TempRegister | undefined;
  beforeEach(() => {
    current = openTempRegister(options);
    return () => current?.close();
  });
  const open = (): TempRegister => {
    if (!current) throw new Error('useTempRegister: read it inside a test');
    return current;
  };
  return {
    get dir() {
      return open().dir;
    },
    get path() {
      return open().path;
    },
    get backend() {
      return open().backend;
    },
    get services() {
      return open().services;
    },
  };
}

/** A bare register database: a real SQLite file, migrated to the current schema. */
export interface TempDb {
  dir: string;
  path: string;
  db: Db;
  /** Closes the connection and removes the folder. */
  close: () => void;
}

/** Opens (and so migrates) a new register file in a new temporary folder, without a backend. */
export function openTempDb(prefix?: string): TempDb {
  const { dir, cleanup } = tempDir(prefix);
  const path = join(dir, 'k.db');
  const db = openDatabase(path);
  return {
    dir,
    path,
    db,
    close: () => {
      if (db.open) db.close();
      cleanup();
    },
  };
}

/** A new bare migrated database for each test, closed and removed after it. */
export function useTempDb(): () => Db {
  let current: TempDb | undefined;
  beforeEach(() => {
    current = openTempDb();
    return () => current?.close();
  });
  return () => {
    if (!current) throw new Error('useTempDb: read it inside a test');
    return current.db;
  };
}
