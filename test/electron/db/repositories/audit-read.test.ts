import { describe, expect, it } from 'vitest';
import { createAuditRepository, type AuditEntry } from '../../../../electron/db/repositories/audit';
import { createAuditReader } from '../../../../electron/db/repositories/audit-read';
import { writeTransaction } from '../../../../electron/db/write-transaction';
import { useTempDb } from '../../support/temp-register';
import { newCard, ORG, seed } from './support';

const db = useTempDb();
const reader = () => createAuditReader(db());
const append = (...entries: Partial<AuditEntry>[]) =>
  writeTransaction(db(), () => {
    const audit = createAuditRepository(db());
    for (const e of entries) {
      audit.append({
        at: 1,
        actor: 'desk-1',
        action: 'x',
        entity: 'card',
        entityId: 'c1',
        before: null,
        after: null,
        ...e,
      });
    }
  });

describe('audit reader', () => {
  it('walks every row oldest first and pages newest first, optionally for one entity', () => {
    append(
      { entityId: 'c1' },
      { entityId: 'c2' },
      { entityId: 'c1' },
      { entity: 'settings', entityId: null },
    );
    expect([...reader().iterate()].map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(
      reader()
        .page(2, 0)
        .map((r) => r.seq),
    ).toEqual([4, 3]);
    expect(
      reader()
        .page(2, 2)
        .map((r) => r.seq),
    ).toEqual([2, 1]);
    expect(
      reader()
        .page(10, 0, { entity: 'card', id: 'c1' })
        .map((r) => r.seq),
    ).toEqual([3, 1]);
    expect(reader().highestSeq()).toBe(4);
  });

  it('remembers the highest seq handed out even when the last rows are removed', () => {
    expect(reader().highestSeq()).toBe(0);
    append({}, {});
    db().exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2');
    expect([...reader().iterate()]).toHaveLength(1);
    expect(reader().highestSeq()).toBe(2);
  });

  it('joins each entry of a page to the card or organisation it is about', () => {
    const card = newCard({ id: 'c1', holderName: 'Anna Åberg' });
    seed(db(), [card]);
    append(
      { entityId: 'c1' },
      { entity: 'organisation', entityId: ORG },
      { entity: 'card', entityId: 'gone' },
      { entity: 'settings', entityId: null },
    );
    const base = { at: '', actor: '', action: '', entity: '', entityId: null, before: null, after: null };
    const subjects = reader()
      .withSubjects([1, 2, 3, 4].map((seq) => ({ ...base, seq })))
      .map((e) => e.subject);
    expect(subjects).toEqual([
      { cardNumber: card.cardNumber, holderName: 'Anna Åberg', organisationName: 'Region Exempel' },
      { cardNumber: null, holderName: null, organisationName: 'Region Exempel' },
      null,
      null,
    ]);
  });
});
