// localStorage can be missing or throw (private mode, storage disabled): remembering a
// preference is a convenience, never a reason to fail.

/** Reads a remembered value, or null. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Remembers a value; an empty value forgets it. */
export function writeStored(key: string, value: string): void {
  try {
    if (value) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  } catch {
    // Not remembered; the user types it again next time.
  }
}

/** The keys this UI remembers, in one place so they never collide. */
export const STORAGE_KEYS = {
  language: 'kortliggaren.language',
  firstAdministrator: 'kortliggaren.issuedBy.first',
} as const;
