import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashAuditRow } from '../../../electron/db/repositories/audit';

describe('the audit hash', () => {
  it('is SHA-256 over the JSON array of the row’s columns in their fixed order', () => {
    // Registers in use carry hashes made this way: the format must never change.
    const row = {
      seq: 7,
      at: 1_770_000_000_000,
      actor: 'desk-1',
      action: 'card.register',
      entity: 'card',
      entity_id: 'c-1',
      before_json: null,
      after_json: '{"cardNumber":"9752200000000000001","holderName":"Åsa Öberg"}',
      prev_hash: GENESIS_HASH,
    };
    const material = JSON.stringify([
      7,
      1_770_000_000_000,
      'desk-1',
      'card.register',
      'card',
      'c-1',
      null,
      row.after_json,
      GENESIS_HASH,
    ]);
    expect(hashAuditRow(row)).toBe(createHash('sha256').update(material, 'utf8').digest('hex'));
    expect(hashAuditRow({ ...row, seq: 8 })).not.toBe(hashAuditRow(row));
  });
});
