import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { tempDir, validCard } from '../../fixtures/cards';

// Issue 13 item 7, SPEC §3: an HSA-id typed in lower case is the same organisation and the
// same holder as in upper case — in the rules, the register and the report.

let backend: Backend;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  backend = createBackend({ databasePath: join(t.dir, 'k.db'), mode: 'web', version: 'test' });
});
afterEach(() => {
  backend.close();
  cleanup();
});

const call = (channel: string, input: unknown) =>
  backend.router.invoke(channel, input, { trustedSender: true });

describe('HSA-ids in any case', () => {
  it('join the same organisation and holder: no second organisation, no false card reuse', async () => {
    const first = await call('cards:register', validCard());
    expect(first.ok).toBe(true);
    const second = await call(
      'cards:register',
      validCard({
        organisationHsaId: 'se2321000016-a1b2',
        organisationName: undefined,
        holderHsaId: 'se2321000016-ab12',
        issuedAt: '2026-02-26T19:40:00+01:00',
        expiresAt: '2026-03-05T19:40:00+01:00',
      }),
    );
    expect(second).toMatchObject({
      ok: true,
      value: { organisationHsaId: 'SE2321000016-A1B2', holderHsaId: 'SE2321000016-AB12' },
    });
    expect(await call('organisations:list', {})).toMatchObject({
      ok: true,
      value: [{ hsaId: 'SE2321000016-A1B2' }],
    });
    expect(await call('organisations:list', {})).toMatchObject({ value: { length: 1 } });
    const id = (second as { value: { id: string } }).value.id;
    const findings = await call('findings:card', { id });
    expect(findings).toMatchObject({ ok: true });
    expect((findings as { value: { code: string }[] }).value.map((f) => f.code)).not.toContain(
      'card-reused-for-other-holder',
    );
    // The live verdict of a draft typed in lower case sees the holder's card too.
    const preview = await call('findings:preview', {
      assuranceLevel: 2,
      holderHsaId: 'se2321000016-ab12',
      cardNumber: '9752210000000000001',
      unplannedPersonnel: true,
      issuedAt: '2026-02-12T19:40:00+01:00',
      expiresAt: '2026-02-13T19:40:00+01:00',
    });
    expect((preview as { value: { code: string }[] }).value.map((f) => f.code)).toEqual([
      'holder-has-active-card',
    ]);
    // The monthly report has one row for the organisation.
    const report = await call('report:monthly', { month: '2026-02' });
    expect(
      (report as { value: { report: { organisations: unknown[] } } }).value.report.organisations,
    ).toHaveLength(1);
  });
});
