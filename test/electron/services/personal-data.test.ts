import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { verifyAudit } from '../../../electron/services/audit-verify';
import {
  eraseExpiredPersonalData,
  retentionYears,
  setRetentionYears,
} from '../../../electron/services/personal-data';
import { buildMonthlyReport } from '../../../electron/services/report';
import type { CardInputRaw, CardRecord } from '../../../shared/domain/card';
import { PersonalDataExport } from '../../../shared/ipc/maintenance';
import { HOLDER, HOLDER_2, tempDir, validCard } from '../../fixtures/cards';

const ANNA = { holderHsaId: HOLDER, holderName: 'Anna Åberg' };
const BERTIL = { holderHsaId: HOLDER_2, holderName: 'Bertil Berg' };
// Another person with Anna's name: her card is recent, so nothing of hers may change.
const NAMESAKE = { holderHsaId: 'SE2321000016-ZZ77', holderName: 'Anna Åberg' };
const GENERATED_AT = Date.parse('2026-02-01T08:00:00Z');

let dir: string;
let cleanup: () => void;
let backend: Backend;
const clock = { now: Date.parse('2026-07-01T10:00:00Z') };

async function register(raw: CardInputRaw): Promise<CardRecord> {
  const result = await backend.router.invoke('cards:register', raw, { trustedSender: true });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as CardRecord;
}

const level3 = (overrides: Partial<CardInputRaw>): CardInputRaw =>
  validCard({
    assuranceLevel: 3,
    issuedBy: ['Kim Karlsson', 'Lo Lind'],
    unplannedPersonnel: undefined,
    ...overrides,
  });

/** Anna: two January cards (one extended); Bertil: January and June; the namesake: June. */
async function seed(): Promise<{ anna: CardRecord[]; bertil: CardRecord[]; namesake: CardRecord }> {
  const a1 = await register(
    validCard({
      ...ANNA,
      cardNumber: '9752210000000000101',
      issuedAt: '2026-01-10T19:00:00+01:00',
      expiresAt: '2026-01-20T19:00:00+01:00',
      note: 'Ringde själv, Anna Åberg',
    }),
  );
  const extended = await backend.router.invoke(
    'cards:extend',
    {
      id: a1.id,
      issuedAt: '2026-01-18T20:00:00+01:00',
      expiresAt: '2026-01-24T20:00:00+01:00',
      issuedBy: ['Kim'],
    },
    { trustedSender: true },
  );
  if (!extended.ok) throw new Error(JSON.stringify(extended.error));
  const b1 = await register(
    validCard({
      ...BERTIL,
      cardNumber: '9752210000000000201',
      issuedAt: '2026-01-15T21:00:00+01:00',
      expiresAt: '2026-01-25T21:00:00+01:00',
      note: `Ersätter kortet som ${HOLDER} lämnade`,
    }),
  );
  const b2 = await register(
    level3({
      ...BERTIL,
      cardNumber: '9752210000000000202',
      issuedAt: '2026-06-01T10:00:00+02:00',
      expiresAt: '2026-06-10T10:00:00+02:00',
    }),
  );
  const namesake = await register(
    level3({
      ...NAMESAKE,
      cardNumber: '9752210000000000301',
      issuedAt: '2026-06-02T10:00:00+02:00',
      expiresAt: '2026-06-12T10:00:00+02:00',
    }),
  );
  return { anna: [a1, extended.value as CardRecord], bertil: [b1, b2], namesake };
}

async function findingsOfAll(): Promise<unknown> {
  const ids = backend.db.prepare('SELECT id FROM cards ORDER BY id').pluck().all() as string[];
  return Promise.all(
    ids.map(async (id) => backend.router.invoke('findings:card', { id }, { trustedSender: true })),
  );
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  clock.now = Date.parse('2026-07-01T10:00:00Z');
  backend = createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'web',
    version: 'test',
    actor: 'desk',
    now: () => clock.now,
  });
});
afterEach(() => {
  backend.close();
  cleanup();
});

describe('erasing personal data after the retention period', () => {
  it('pseudonymises holders whose every card ended long ago, leaving statistics and findings as they were', async () => {
    const { anna, bertil, namesake } = await seed();
    const ctx = backend.services;
    const reportBefore = buildMonthlyReport(ctx, '2026-01', GENERATED_AT);
    const findingsBefore = await findingsOfAll();

    // Ten years after Anna's last card; Bertil's June card keeps his January one too.
    const summary = eraseExpiredPersonalData(ctx, Date.parse('2036-03-01T12:00:00+01:00'));
    expect(summary).toMatchObject({
      retentionYears: 10,
      cutoff: '2026-03-01T12:00:00+01:00',
      holders: 1,
      cards: 2,
    });

    expect(buildMonthlyReport(ctx, '2026-01', GENERATED_AT)).toEqual(reportBefore);
    expect(await findingsOfAll()).toEqual(findingsBefore);

    const get = (id: string) => ctx.cards.get(id)!;
    const [first, second] = anna.map((c) => get(c.id));
    expect(first).toMatchObject({ holder_name: 'raderad', note: 'Ringde själv, raderad' });
    expect(first!.holder_hsa_id).toMatch(/^raderad-[0-9a-f]{12}$/);
    // One pseudonym per holder: the rules still see Anna's two cards as one person's.
    expect(second!.holder_hsa_id).toBe(first!.holder_hsa_id);
    expect(get(bertil[0]!.id)).toMatchObject({
      holder_hsa_id: HOLDER_2,
      holder_name: 'Bertil Berg',
      note: `Ersätter kortet som ${first!.holder_hsa_id} lämnade`,
    });
    expect(get(namesake.id)).toMatchObject({
      holder_name: 'Anna Åberg',
      holder_hsa_id: NAMESAKE.holderHsaId,
    });

    // The audit log no longer holds her HSA-id anywhere, its chain still verifies, and the
    // namesake's own history keeps her name.
    const audit = ctx.db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<
      string,
      string | null
    >[];
    expect(JSON.stringify(audit).toLowerCase()).not.toContain(HOLDER.toLowerCase());
    expect(verifyAudit(ctx)).toMatchObject({ ok: true });
    const namesakeEntry = ctx.audit.listFor('card', namesake.id)[0]!;
    expect(JSON.parse(namesakeEntry.after_json!)).toMatchObject({ holderName: 'Anna Åberg' });
    const erasure = audit.at(-1)!;
    expect(erasure).toMatchObject({ action: 'personal-data.erase', entity: 'personal-data' });
    expect(JSON.parse(erasure.after_json!)).toMatchObject({
      holders: 1,
      cards: 2,
      cardIds: anna.map((c) => c.id).sort(),
    });

    // Nothing of it is left in the file's free pages or the WAL either.
    backend.close();
    const bytes = readFileSync(join(dir, 'k.db')).toString('latin1');
    expect(bytes.toLowerCase()).not.toContain(HOLDER.toLowerCase());
  });

  it('does nothing, and audits nothing, when no holder is due', async () => {
    await seed();
    const ctx = backend.services;
    const entries = ctx.audit.count();
    expect(eraseExpiredPersonalData(ctx, Date.parse('2030-01-01T00:00:00Z'))).toMatchObject({
      holders: 0,
      cards: 0,
    });
    eraseExpiredPersonalData(ctx, Date.parse('2036-03-01T12:00:00+01:00'));
    const afterFirst = ctx.audit.count();
    expect(afterFirst).toBe(entries + 1);
    expect(eraseExpiredPersonalData(ctx, Date.parse('2036-03-01T12:00:00+01:00')).holders).toBe(0);
    expect(ctx.audit.count()).toBe(afterFirst);
  });

  it('has a retention setting of 1–50 years, 10 by default, audited when changed', async () => {
    await seed();
    const ctx = backend.services;
    expect(retentionYears(ctx)).toBe(10);
    for (const bad of [0, 51, 2.5, '5', null]) {
      expect(() => setRetentionYears(ctx, bad)).toThrow(
        expect.objectContaining({
          code: 'invalid-input',
          fields: [expect.objectContaining({ field: 'retentionYears' })],
        }),
      );
    }
    expect(setRetentionYears(ctx, 5)).toBe(5);
    expect(ctx.audit.listFor('settings', 'retentionYears')).toHaveLength(1);
    expect(eraseExpiredPersonalData(ctx, Date.parse('2031-03-01T12:00:00+01:00'))).toMatchObject({
      holders: 1,
    });
  });
});

describe('personal:export (access request)', () => {
  it('returns the holder’s cards and every audit entry that mentions them, and is audited', async () => {
    const { anna, bertil } = await seed();
    const result = await backend.router.invoke(
      'personal:export',
      { holderHsaId: HOLDER },
      { trustedSender: true },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const exported = PersonalDataExport.parse(result.value);
    expect(exported.cards.map((c) => c.id)).toEqual(anna.map((c) => c.id));
    const entries = exported.auditEntries.map((e) => [e.action, e.entityId]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['card.register', anna[0]!.id],
        ['card.extend', anna[1]!.id],
        ['card.end', anna[0]!.id],
        // Bertil's card mentions her HSA-id in its note.
        ['card.register', bertil[0]!.id],
      ]),
    );
    expect(entries).not.toContainEqual(['card.register', bertil[1]!.id]);
    expect(backend.services.audit.count()).toBeGreaterThan(exported.auditEntries.length);
    const last = backend.db
      .prepare('SELECT action, after_json FROM audit_log ORDER BY seq DESC LIMIT 1')
      .get();
    expect(last).toMatchObject({ action: 'personal-data.export' });

    // After erasure there is nothing left to export about her.
    eraseExpiredPersonalData(backend.services, Date.parse('2036-03-01T12:00:00+01:00'));
    const after = await backend.router.invoke(
      'personal:export',
      { holderHsaId: HOLDER },
      { trustedSender: true },
    );
    expect(after).toMatchObject({ ok: true, value: { cards: [], auditEntries: [] } });
  });

  it('refuses anything but an HSA-id', async () => {
    for (const holderHsaId of ['', 'SE2321000017-A1B2', "' OR 1=1 --", 5]) {
      expect(
        await backend.router.invoke('personal:export', { holderHsaId }, { trustedSender: true }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
  });
});
