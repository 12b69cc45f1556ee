import { describe, expect, it } from 'vitest';
import { createBulkRepository } from '../../../../electron/db/repositories/bulk';
import { createCardRepository } from '../../../../electron/db/repositories/cards';
import { writeTransaction } from '../../../../electron/db/write-transaction';
import { useTempDb } from '../../support/temp-register';
import { newCard, seed } from './support';

const db = useTempDb();
const indexes = () =>
  db()
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cards', 'audit_log', 'card_findings') ORDER BY name",
    )
    .all();

describe('bulk repository', () => {
  it('counts every card, voided ones included', () => {
    seed(db(), [newCard(), newCard()]);
    db().prepare("UPDATE cards SET voided_at = 1, void_reason = 'fel'").run();
    expect(createBulkRepository(db()).cardCount()).toBe(2);
  });

  it('suspends the plain indexes but those kept, and restores them exactly as they were', () => {
    const before = indexes();
    expect(before.map((i) => i.name)).toContain('cards_holder');
    seed(db(), []);
    // Prepared before: a statement that names a suspended index cannot be prepared during the load.
    const [bulk, cards] = [createBulkRepository(db()), createCardRepository(db())];
    writeTransaction(db(), () => {
      const restore = bulk.suspendIndexes(['cards_holder']);
      expect(indexes().map((i) => i.name)).toEqual(['cards_holder']);
      cards.insert(newCard(), 1);
      restore();
    });
    expect(indexes()).toEqual(before);
    expect(cards.count()).toBe(1);
  });

  it('rolls the dropped indexes back with a failed transaction, and refuses outside one', () => {
    const before = indexes();
    const bulk = createBulkRepository(db());
    expect(() => bulk.suspendIndexes()).toThrow(/inside a transaction/);
    expect(() =>
      writeTransaction(db(), () => {
        bulk.suspendIndexes();
        throw new Error('import refused');
      }),
    ).toThrow('import refused');
    expect(indexes()).toEqual(before);
  });
});
