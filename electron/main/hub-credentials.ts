import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../export/atomic-write';
import { AppError } from '../ipc/app-error';
import type { HubCredentials } from '../sync/hub-handlers';

/** The part of Electron's safeStorage the desk's hub password needs. */
export interface SecretStore {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The desk's hub password in the operating system's credential store (SPEC §8): Electron
 * safeStorage encrypts it with a key the OS keeps (DPAPI on Windows, the Keychain on
 * macOS, the Secret Service on Linux) and only the encrypted bytes are written, to `file`
 * beside the register — never into the register, a backup or a log. Without a working
 * store the password is refused rather than written in plain text.
 */
export function createSafeStorageCredentials(store: SecretStore | undefined, file: string): HubCredentials {
  return {
    load() {
      if (!store || !existsSync(file)) return undefined;
      try {
        return store.decryptString(readFileSync(file));
      } catch {
        // Another user's or machine's key: as if none were saved; connecting again saves it anew.
        return undefined;
      }
    },
    save(password) {
      if (!store?.isEncryptionAvailable()) {
        throw new AppError(
          'hub-error',
          'Lösenordet kunde inte sparas: operativsystemets nyckelring går inte att använda på den här datorn. Kortstationen är ansluten, men synkningen behöver lösenordet. Be IT aktivera nyckelringen (på Linux: Secret Service, till exempel GNOME Keyring) och anslut igen.',
        );
      }
      writeFileAtomic(file, store.encryptString(password));
    },
  };
}
