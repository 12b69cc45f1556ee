import { describe, expect, it } from 'vitest';
import {
  createAuditRepository,
  GENESIS_HASH,
  hashAuditRow,
  type AuditEntry,
  type AuditRow,
} from '../../../../electron/db/repositories/audit';
import { writeTransaction } from '../../../../electron/db/write-transaction';
import { useTempDb } from '../../support/temp-register';

const db = useTempDb();
const repo = () => createAuditRepository(db());
const entry = (n: number, entityId = 'c1'): AuditEntry => ({
  at: 1_000 + n,
  actor: 'desk-1',
  action: 'card.register',
  entity: 'card',
  entityId,
  before: n === 1 ? null : { n: n - 1 },
  after: { n },
});
const rows = () => db().prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').all();

describe('audit repository', () => {
  it('refuses to append outside a transaction', () => {
    expect(() => repo().append(entry(1))).toThrow(/inside a transaction/);
    expect(() => repo().transactionAppender()).toThrow(/inside a transaction/);
    expect(repo().count()).toBe(0);
  });

  it('chains each entry to the one before by its hash', () => {
    writeTransaction(db(), () => {
      repo().append(entry(1));
      repo().append(entry(2, 'c2'));
    });
    const [first, second] = rows();
    expect(first).toMatchObject({
      seq: 1,
      prev_hash: GENESIS_HASH,
      before_json: null,
      after_json: '{"n":1}',
    });
    expect(second).toMatchObject({ seq: 2, prev_hash: first!.hash, before_json: '{"n":1}' });
    for (const row of [first!, second!]) {
      const { hash, ...content } = row;
      expect(hashAuditRow(content)).toBe(hash);
    }
    expect(repo().count()).toBe(2);
  });

  it('writes the same chain through the transaction appender as one append at a time', () => {
    writeTransaction(db(), () => repo().append(entry(1)));
    const expected = (() => {
      writeTransaction(db(), () => [2, 3].forEach((n) => repo().append(entry(n))));
      return rows().map((r) => r.hash);
    })();
    // Take the two back (lifting the trigger, as only a test may) and write them again.
    db().exec('DROP TRIGGER audit_log_no_delete');
    db().exec('DELETE FROM audit_log WHERE seq > 1');
    writeTransaction(db(), () => {
      const append = repo().transactionAppender();
      [2, 3].forEach((n) => append(entry(n)));
    });
    expect(rows().map((r) => r.hash)).toEqual(expected);
  });

  it('lists one entity’s entries oldest first', () => {
    writeTransaction(db(), () => [1, 2, 3].forEach((n) => repo().append(entry(n, n === 2 ? 'c2' : 'c1'))));
    expect(
      repo()
        .listFor('card', 'c1')
        .map((r) => r.seq),
    ).toEqual([1, 3]);
    expect(repo().listFor('organisation', 'c1')).toEqual([]);
  });

  it('is append-only: the schema refuses to change or remove an entry', () => {
    writeTransaction(db(), () => repo().append(entry(1)));
    expect(() => db().prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => db().prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(repo().count()).toBe(1);
  });
});
