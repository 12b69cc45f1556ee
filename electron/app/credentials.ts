/**
 * Where the desk app keeps its hub password (SPEC §8): never in the SQLite file, never in
 * a log. The desktop app keeps it encrypted with Electron's safeStorage
 * (electron/main/credential-store.ts); the browser development mode and the tests keep it
 * in memory for the life of the process.
 */
export interface CredentialStore {
  /** The stored password, or null when there is none (or it can no longer be read). */
  get(): string | null;
  /** Stores the password, replacing any earlier one. Throws CredentialStoreError when it cannot. */
  set(password: string): void;
  /** Forgets the password. */
  clear(): void;
  /** 'os': protected by the operating system's key store; 'memory': gone when the app ends. */
  readonly kind: 'os' | 'memory';
}

/** The password could not be stored; `message` is Swedish and says what to do. */
export class CredentialStoreError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CredentialStoreError';
  }
}

/** A store in memory: the browser development mode and tests. */
export function createMemoryCredentialStore(initial: string | null = null): CredentialStore {
  let password = initial;
  return {
    kind: 'memory',
    get: () => password,
    set(next) {
      password = next;
    },
    clear() {
      password = null;
    },
  };
}
