import { describe, expect, it } from 'vitest';
import { createOrganisationRepository } from '../../../../electron/db/repositories/organisations';
import { useTempDb } from '../../support/temp-register';
import { ORG, ORG_2 } from './support';

const db = useTempDb();
const repo = () => createOrganisationRepository(db());

describe('organisations repository', () => {
  it('stores an organisation and reads it back by its exact HSA-id', () => {
    repo().insert({ hsaId: ORG, name: 'Region Exempel' }, 1_000);
    expect(repo().get(ORG)).toEqual({ hsaId: ORG, name: 'Region Exempel' });
    expect(repo().get(ORG.toLowerCase())).toBeUndefined();
    expect(db().prepare('SELECT created_at FROM organisations').pluck().get()).toBe(1_000);
  });

  it('lists by name, case-insensitively, then by HSA-id (byte order)', () => {
    repo().insert({ hsaId: ORG_2, name: 'vårdbolaget' }, 1);
    repo().insert({ hsaId: ORG, name: 'Apoteket' }, 1);
    repo().insert({ hsaId: 'SE2321000016-0001', name: 'Apoteket' }, 1);
    expect(
      repo()
        .list()
        .map((o) => o.hsaId),
    ).toEqual(['SE2321000016-0001', ORG, ORG_2]);
  });

  it('finds an HSA-id written in another case, and renames only the stored one', () => {
    repo().insert({ hsaId: ORG, name: 'Region Exempel' }, 1);
    expect(repo().findIgnoringCase(ORG.toLowerCase())).toEqual({ hsaId: ORG, name: 'Region Exempel' });
    expect(repo().findIgnoringCase(ORG_2)).toBeUndefined();
    repo().rename(ORG, 'Region Västra');
    expect(repo().get(ORG)?.name).toBe('Region Västra');
  });

  it('refuses a second organisation under the same HSA-id, and an empty name', () => {
    repo().insert({ hsaId: ORG, name: 'Region Exempel' }, 1);
    expect(() => repo().insert({ hsaId: ORG, name: 'Dubblett' }, 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => repo().insert({ hsaId: ORG_2, name: '' }, 2)).toThrow(/CHECK/);
    expect(repo().list()).toEqual([{ hsaId: ORG, name: 'Region Exempel' }]);
  });
});
