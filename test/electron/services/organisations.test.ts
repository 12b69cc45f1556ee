import { beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/app/backend';
import { openTempRegister } from '../support/temp-register';
import { verifyAudit } from '../../../electron/services/audit-verify';
import { ensureOrganisation, renameOrganisation } from '../../../electron/services/organisations';
import type { MonthlyReportStatus } from '../../../shared/ipc/report';
import { ORG, validCard } from '../../fixtures/cards';

let backend: Backend;
beforeEach(async () => {
  const register = openTempRegister();
  backend = register.backend;
  // An organisation whose name came in garbled (an old import, a mistyped name).
  const r = await invoke('cards:register', validCard({ organisationName: 'Region V?stra G?taland' }));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return register.close;
});

const invoke = (channel: Parameters<Backend['router']['invoke']>[0], input: unknown) =>
  backend.router.invoke(channel, input, { trustedSender: true });
const organisationAudit = () =>
  backend.services.audit.listFor('organisation', ORG).map((r) => ({
    action: r.action,
    actor: r.actor,
    before: JSON.parse(r.before_json ?? 'null') as unknown,
    after: JSON.parse(r.after_json ?? 'null') as unknown,
  }));

describe('a name with U+FFFD (bytes an encoding could not give)', () => {
  it('is refused when a card would create the organisation, naming the field', async () => {
    const r = await invoke(
      'cards:register',
      validCard({ organisationHsaId: 'SE2321000016-B2C3', organisationName: 'Region V\uFFFDstra' }),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'organisationName', message: 'text.replacementCharacter' }] },
    });
    expect(backend.services.organisations.get('SE2321000016-B2C3')).toBeUndefined();
  });
});

describe('renaming an organisation', () => {
  it('changes the name and audits before and after in the same transaction; the report shows the new name', async () => {
    const renamed = await invoke('organisations:rename', { hsaId: ORG, name: ' Region Västra Götaland ' });
    expect(renamed).toEqual({ ok: true, value: { hsaId: ORG, name: 'Region Västra Götaland' } });
    expect(backend.services.organisations.get(ORG)?.name).toBe('Region Västra Götaland');
    expect(organisationAudit().at(-1)).toEqual({
      action: 'organisation.rename',
      actor: 'desk-1',
      before: { hsaId: ORG, name: 'Region V?stra G?taland' },
      after: { hsaId: ORG, name: 'Region Västra Götaland' },
    });
    expect(verifyAudit(backend.services).ok).toBe(true);
    const report = await invoke('report:monthly', { month: '2026-02' });
    if (!report.ok) throw new Error(JSON.stringify(report.error));
    expect((report.value as MonthlyReportStatus).report.organisations.map((o) => o.organisationName)).toEqual(
      ['Region Västra Götaland'],
    );
  });

  it('finds the organisation whatever the case of the HSA-id it is given', () => {
    const renamed = renameOrganisation(
      backend.services,
      ORG.toLowerCase().replace(/^se/, 'SE'),
      'Region Öst',
    );
    expect(renamed).toEqual({ hsaId: ORG, name: 'Region Öst' });
  });

  it('writes nothing for the same name, and refuses an unknown organisation or a bad name', async () => {
    const auditBefore = backend.services.audit.count();
    expect(
      await invoke('organisations:rename', { hsaId: ORG, name: 'Region V?stra G?taland' }),
    ).toMatchObject({
      ok: true,
    });
    expect(backend.services.audit.count()).toBe(auditBefore);

    expect(await invoke('organisations:rename', { hsaId: 'SE2321000016-ZZZZ', name: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', fields: [{ field: 'hsaId', message: 'organisation.unknown' }] },
    });
    for (const [input, field, message] of [
      [{ hsaId: ORG, name: '  ' }, 'name', 'required'],
      [{ hsaId: ORG, name: 'x'.repeat(201) }, 'name', 'text.tooLong'],
      [{ hsaId: ORG, name: 'Region V\uFFFDstra' }, 'name', 'text.replacementCharacter'],
      [{ hsaId: ORG, name: 'Rad\u0000' }, 'name', 'text.forbiddenCharacters'],
      [{ hsaId: 'SE2321000017-A1B2', name: 'X' }, 'hsaId', 'hsaId.checksum'],
    ] as const) {
      const r = await invoke('organisations:rename', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: [{ field, message }] } });
    }
    expect(await invoke('organisations:rename', { hsaId: ORG, name: 'X', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(backend.services.audit.count()).toBe(auditBefore);
    expect(backend.services.organisations.get(ORG)?.name).toBe('Region V?stra G?taland');
  });
});

describe('ensureOrganisation: the one place an organisation is created', () => {
  const OTHER = 'SE5565594230-C3D4';
  it('creates an unknown organisation with its audit entry, in the caller’s transaction', () => {
    const ctx = backend.services;
    const created = ctx.transaction(() =>
      ensureOrganisation(ctx, { hsaId: OTHER, name: 'Vårdbolaget' }, 1_000, 'organisation.import'),
    );
    expect(created).toEqual({ hsaId: OTHER, name: 'Vårdbolaget' });
    expect(ctx.organisations.get(OTHER)).toEqual(created);
    expect(
      ctx.audit.listFor('organisation', OTHER).map((r) => [r.action, r.actor, r.at, r.after_json]),
    ).toEqual([['organisation.import', 'desk-1', 1_000, JSON.stringify(created)]]);
    expect(verifyAudit(ctx).ok).toBe(true);
  });

  it('returns a known organisation as it is: no new name, no audit entry', () => {
    const ctx = backend.services;
    const entries = ctx.audit.count();
    const known = ctx.organisations.get(ORG)!;
    const got = ctx.transaction(() =>
      ensureOrganisation(ctx, { hsaId: ORG, name: 'Ett annat namn' }, 2_000, 'organisation.create'),
    );
    expect(got).toEqual(known);
    expect(ctx.organisations.get(ORG)).toEqual(known);
    expect(ctx.audit.count()).toBe(entries);
  });

  it('writes nothing when the transaction is rolled back', () => {
    const ctx = backend.services;
    expect(() =>
      ctx.transaction(() => {
        ensureOrganisation(ctx, { hsaId: OTHER, name: 'Vårdbolaget' }, 1_000, 'organisation.create');
        throw new Error('later step failed');
      }),
    ).toThrow('later step failed');
    expect(ctx.organisations.get(OTHER)).toBeUndefined();
    expect(ctx.audit.listFor('organisation', OTHER)).toEqual([]);
  });
});
