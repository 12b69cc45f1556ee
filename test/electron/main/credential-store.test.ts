import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryCredentialStore, CredentialStoreError } from '../../../electron/app/credentials';
import { CREDENTIAL_FILE, createSafeCredentialStore } from '../../../electron/main/credential-store';
import { tempDir } from '../../fixtures/cards';

// Electron's safeStorage, imitated: a reversible transform with a per-"machine" key, so the
// test can see that what lands on disk is not the password and that another key cannot read it.
const fake = vi.hoisted(() => {
  const state = { available: true, backend: 'gnome_libsecret', key: 7, decrypts: 0 };
  const shift = (text: Buffer, by: number) => Buffer.from(text.map((b) => (b + by + 256) % 256));
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => state.available),
    getSelectedStorageBackend: vi.fn(() => state.backend),
    encryptString: vi.fn((plain: string) =>
      Buffer.concat([Buffer.from('ENC:'), shift(Buffer.from(`${state.key}|${plain}`, 'utf8'), state.key)]),
    ),
    decryptString: vi.fn((encrypted: Buffer) => {
      state.decrypts++;
      if (encrypted.subarray(0, 4).toString() !== 'ENC:') throw new Error('not encrypted');
      const text = shift(encrypted.subarray(4), -state.key).toString('utf8');
      const [key, ...rest] = text.split('|');
      if (key !== String(state.key)) throw new Error('Error while decrypting the ciphertext provided');
      return rest.join('|');
    }),
  };
  return { state, safeStorage };
});

vi.mock('electron', () => ({ safeStorage: fake.safeStorage }));

const PASSWORD = 'Hemligt-lösen 123 ✓';
let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('credentials-'));
  Object.assign(fake.state, { available: true, backend: 'gnome_libsecret', key: 7, decrypts: 0 });
});
afterEach(() => cleanup());

describe('the hub password under safeStorage', () => {
  it('stores the password encrypted in its own file, readable by a new start', () => {
    const store = createSafeCredentialStore({ dataDir: dir });
    expect(store.kind).toBe('os');
    expect(store.get()).toBeNull();
    store.set(PASSWORD);
    expect(store.get()).toBe(PASSWORD);

    const file = join(dir, CREDENTIAL_FILE);
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from(PASSWORD, 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from('Hemligt', 'utf8'))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    // No temporary file is left behind.
    expect(readdirSync(dir)).toEqual([CREDENTIAL_FILE]);

    const again = createSafeCredentialStore({ dataDir: dir });
    expect(again.get()).toBe(PASSWORD);
    expect(again.get()).toBe(PASSWORD);
    // Asked of the key store once per start.
    expect(fake.state.decrypts).toBe(1);
  });

  it('replaces and clears the password', () => {
    const store = createSafeCredentialStore({ dataDir: dir });
    store.set('första');
    store.set('andra');
    expect(createSafeCredentialStore({ dataDir: dir }).get()).toBe('andra');
    store.clear();
    expect(store.get()).toBeNull();
    expect(existsSync(join(dir, CREDENTIAL_FILE))).toBe(false);
    expect(createSafeCredentialStore({ dataDir: dir }).get()).toBeNull();
    store.clear();
  });

  it('refuses to store without an OS key store, in Swedish, and writes nothing', () => {
    fake.state.available = false;
    const store = createSafeCredentialStore({ dataDir: dir });
    expect(() => store.set(PASSWORD)).toThrow(CredentialStoreError);
    expect(() => store.set(PASSWORD)).toThrow(/lösenordsförråd/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses Linux's basic_text fallback, which protects nothing", () => {
    fake.state.backend = 'basic_text';
    const store = createSafeCredentialStore({ dataDir: dir });
    expect(() => store.set(PASSWORD)).toThrow(CredentialStoreError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('treats a file another key cannot decrypt (a copied data folder) as no password', () => {
    createSafeCredentialStore({ dataDir: dir }).set(PASSWORD);
    fake.state.key = 9;
    const unreadable: unknown[] = [];
    const store = createSafeCredentialStore({ dataDir: dir, onUnreadable: (e) => unreadable.push(e) });
    expect(store.get()).toBeNull();
    expect(unreadable).toHaveLength(1);
    expect(String(unreadable[0])).not.toContain(PASSWORD);
    // A new password replaces the unreadable one.
    store.set('nytt');
    expect(createSafeCredentialStore({ dataDir: dir }).get()).toBe('nytt');
  });

  it('treats a damaged file as no password', () => {
    writeFileSync(join(dir, CREDENTIAL_FILE), 'skräp');
    expect(createSafeCredentialStore({ dataDir: dir }).get()).toBeNull();
  });
});

describe('the in-memory store of the browser mode', () => {
  it('keeps, replaces and forgets the password', () => {
    const store = createMemoryCredentialStore();
    expect(store.kind).toBe('memory');
    expect(store.get()).toBeNull();
    store.set('a');
    expect(store.get()).toBe('a');
    store.clear();
    expect(store.get()).toBeNull();
    expect(createMemoryCredentialStore('b').get()).toBe('b');
  });
});
