import { describe, expect, it } from 'vitest';
import { createRegisterMetaRepository, META_KEYS } from '../../../../electron/db/repositories/register-meta';
import { useTempDb } from '../../support/temp-register';

const db = useTempDb();

describe('register-meta repository', () => {
  it('gives a new register its identity, and stores, replaces and removes a key', () => {
    const meta = createRegisterMetaRepository(db());
    expect(meta.get(META_KEYS.registerId)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(meta.get(META_KEYS.findingsStale)).toBeUndefined();
    meta.set(META_KEYS.findingsStale, '1');
    meta.set(META_KEYS.findingsStale, '2');
    expect(meta.get(META_KEYS.findingsStale)).toBe('2');
    meta.remove(META_KEYS.findingsStale);
    meta.remove(META_KEYS.findingsStale);
    expect(meta.get(META_KEYS.findingsStale)).toBeUndefined();
  });
});
