import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { CredentialStoreError, type CredentialStore } from '../app/credentials';

/** The file in the data folder that holds the encrypted hub password. */
export const CREDENTIAL_FILE = 'hub-credential.bin';

/** The part of Electron's safeStorage the store uses (a fake in tests). */
export type SafeStorageLike = Pick<
  typeof safeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> & { getSelectedStorageBackend?: () => string };

export interface SafeCredentialStoreOptions {
  /** The app's data folder (next to the register). */
  dataDir: string;
  /** Default: Electron's own. */
  storage?: SafeStorageLike;
  /** Told when a stored password could not be decrypted (never the password itself). */
  onUnreadable?: (error: unknown) => void;
}

const NO_KEY_STORE_SV =
  'Datorn har inget skyddat lösenordsförråd som Kortliggaren kan använda, så lösenordet sparas inte. Be IT aktivera nyckelringen (på Linux: GNOME Keyring eller KWallet), eller synka från kommandoraden med PGPASSWORD.';
const NO_KEY_STORE_EN =
  'This computer has no protected password store Kortliggaren can use, so the password is not saved. Ask IT to enable the key ring (on Linux: GNOME Keyring or KWallet), or sync from the command line with PGPASSWORD.';

/**
 * The hub password encrypted with Electron's safeStorage (DPAPI on Windows, the Keychain on
 * macOS, the Secret Service on Linux) in a file of its own in the data folder: never in
 * SQLite, never logged. Linux's `basic_text` fallback is refused — it encrypts with a
 * key every installation shares, which protects nothing. The file is written atomically
 * (temporary file, fsync, rename), readable only by the user. The decrypted password is
 * kept in memory once read, so the key store is asked once per start.
 */
export function createSafeCredentialStore(options: SafeCredentialStoreOptions): CredentialStore {
  // Read when first used: safeStorage works only once the app is ready.
  const storage = (): SafeStorageLike => options.storage ?? safeStorage;
  const path = join(options.dataDir, CREDENTIAL_FILE);
  let cached: string | null | undefined;

  const usable = (): boolean =>
    storage().isEncryptionAvailable() && storage().getSelectedStorageBackend?.() !== 'basic_text';

  return {
    kind: 'os',
    get() {
      if (cached !== undefined) return cached;
      let encrypted: Buffer;
      try {
        encrypted = readFileSync(path);
      } catch {
        return (cached = null);
      }
      try {
        cached = usable() ? storage().decryptString(encrypted) : null;
      } catch (error) {
        // Another user's or machine's key (a copied data folder): ask for the password again.
        options.onUnreadable?.(error);
        cached = null;
      }
      return cached;
    },
    set(password) {
      if (!usable()) throw new CredentialStoreError(NO_KEY_STORE_SV, NO_KEY_STORE_EN);
      const encrypted = storage().encryptString(password);
      const temporary = `${path}.tmp`;
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, encrypted);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
      cached = password;
    },
    clear() {
      rmSync(path, { force: true });
      rmSync(`${path}.tmp`, { force: true });
      cached = null;
    },
  };
}
