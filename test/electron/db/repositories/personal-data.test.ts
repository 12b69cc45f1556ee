import { describe, expect, it } from 'vitest';
import { createAuditRepository } from '../../../../electron/db/repositories/audit';
import { createAuditReader } from '../../../../electron/db/repositories/audit-read';
import { createPersonalDataRepository } from '../../../../electron/db/repositories/personal-data';
import { writeTransaction } from '../../../../electron/db/write-transaction';
import { verifyAudit } from '../../../../electron/services/audit-verify';
import { useTempDb } from '../../support/temp-register';
import { HOLDER, HOLDER_2, ms, newCard, seed } from './support';

const db = useTempDb();
const repo = () => createPersonalDataRepository(db());
const CUTOFF = ms('2026-01-01T00:00:00Z');

describe('personal-data repository', () => {
  it('finds holders due only when every card of theirs, in any case of the HSA-id, ended before the cutoff', () => {
    seed(db(), [
      newCard({
        holderHsaId: HOLDER,
        issuedAt: ms('2025-01-01T00:00:00Z'),
        expiresAt: ms('2025-01-10T00:00:00Z'),
      }),
      newCard({
        holderHsaId: HOLDER_2,
        issuedAt: ms('2025-01-01T00:00:00Z'),
        expiresAt: ms('2025-01-10T00:00:00Z'),
      }),
      // The same holder written in lower case, still valid after the cutoff: not due.
      newCard({
        holderHsaId: HOLDER_2.toLowerCase(),
        issuedAt: ms('2025-12-30T00:00:00Z'),
        expiresAt: ms('2026-01-05T00:00:00Z'),
      }),
      newCard({
        holderHsaId: 'raderad-0123456789ab',
        issuedAt: ms('2024-01-01T00:00:00Z'),
        expiresAt: ms('2024-01-10T00:00:00Z'),
      }),
    ]);
    expect(repo().dueHolders(CUTOFF, 'raderad-')).toEqual([HOLDER]);
  });

  it('reads and overwrites a card’s personal columns, and reads a holder’s cards in any case', () => {
    const card = newCard({ id: 'c1', note: 'Anna ringde', holderName: 'Anna Åberg' });
    seed(db(), [card, newCard({ id: 'c2', holderHsaId: HOLDER_2 })]);
    expect(
      repo()
        .cardsOfHolder(HOLDER.toLowerCase())
        .map((c) => c.id),
    ).toEqual(['c1']);
    expect(
      repo()
        .cardTexts()
        .find((t) => t.id === 'c1'),
    ).toMatchObject({ holder_name: 'Anna Åberg', note: 'Anna ringde' });
    repo().updateCardTexts(
      'c1',
      {
        holder_hsa_id: 'raderad-0123456789ab',
        holder_name: 'raderad',
        holder_name_key: 'raderad',
        note: '[raderat] ringde',
        reason_text: '',
        violation_justification: null,
        void_reason: null,
      },
      9,
    );
    expect(repo().cardsOfHolder(HOLDER)).toEqual([]);
    expect(repo().cardsOfHolder('raderad-0123456789ab')[0]).toMatchObject({
      holder_name: 'raderad',
      note: '[raderat] ringde',
      updated_at: 9,
    });
  });

  it('finds audit rows about a holder’s cards or mentioning the HSA-id, and rewrites them with the chain made whole', () => {
    seed(db(), [newCard({ id: 'c1' })]);
    writeTransaction(db(), () => {
      const audit = createAuditRepository(db());
      const base = { at: 1, actor: 'desk-1', before: null };
      audit.append({
        ...base,
        action: 'card.register',
        entity: 'card',
        entityId: 'c1',
        after: { holderHsaId: HOLDER },
      });
      audit.append({
        ...base,
        action: 'settings.update',
        entity: 'settings',
        entityId: 'x',
        after: { a: 1 },
      });
      audit.append({
        ...base,
        action: 'note',
        entity: 'other',
        entityId: null,
        after: { text: HOLDER.toLowerCase() },
      });
    });
    expect(
      repo()
        .auditMentioning(['c1'], HOLDER)
        .map((r) => r.seq),
    ).toEqual([1, 3]);
    const head = repo().auditHead()!;
    expect(head.seq).toBe(3);
    expect(() => repo().rewriteAudit(new Map([[1, { before_json: null, after_json: '{}' }]]))).toThrow(
      /inside a transaction/,
    );
    writeTransaction(db(), () =>
      repo().rewriteAudit(new Map([[1, { before_json: null, after_json: '{"holderHsaId":"raderad-x"}' }]])),
    );
    expect(repo().auditRows()[0]!.after_json).toBe('{"holderHsaId":"raderad-x"}');
    expect(repo().auditHead()!.hash).not.toBe(head.hash);
    expect(verifyAudit({ db: db(), auditReader: createAuditReader(db()) })).toEqual({ ok: true, rows: 3 });
    // The append-only triggers are back.
    expect(() => db().prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
  });

  it('runs the erasure with secure_delete on, and puts the setting back', () => {
    const before = db().pragma('secure_delete', { simple: true });
    const seen = repo().withSecureDelete(() => db().pragma('secure_delete', { simple: true }));
    expect(seen).toBe(1);
    expect(db().pragma('secure_delete', { simple: true })).toBe(before);
  });
});
