import Database from 'better-sqlite3';
import { join } from 'node:path';
import { checkRegister } from '../../../scripts/reliability/db-check';
import { runKillRounds } from '../../../scripts/reliability/crash-rounds';
import { createBackend } from '../../../electron/app/backend';
import { tempDir, validCard } from '../../fixtures/cards';

// The small version of `npm run reliability`'s kill rounds; the full run does 200.
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir('kortliggaren-crash-'));
});
afterAll(() => cleanup());

describe('killing a child that registers cards through the real back end', () => {
  it('loses no acknowledged card, leaves no transaction half applied and the file intact', async () => {
    const result = await runKillRounds({ rounds: 4, dir, seed: 4242, maxDelayMs: 250 });
    expect(result).toMatchObject({
      killRounds: 4,
      acknowledgedLost: 0,
      partialTransactions: 0,
      integrityFailures: 0,
      childErrors: 0,
    });
    expect(result.problems).toEqual([]);
    expect(result.cards).toBeGreaterThanOrEqual(result.acknowledged);
  }, 30_000);

  // The check itself must be able to fail, or the zeros above mean nothing.
  it('would notice a lost card, a half-applied transaction and a broken audit chain', async () => {
    const file = join(dir, 'kontroll.db');
    const backend = createBackend({ databasePath: file, mode: 'cli', version: 'test' });
    const registered = await backend.router.invoke('cards:register', validCard(), { trustedSender: true });
    backend.close();
    expect(registered.ok).toBe(true);
    const id = registered.ok ? (registered.value as { id: string }).id : '';
    expect(checkRegister(file, [id])).toMatchObject({ integrityOk: true, missing: [], partial: [] });
    expect(checkRegister(file, ['no-such-card']).missing).toEqual(['no-such-card']);
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare("DELETE FROM audit_log WHERE entity = 'card' AND entity_id = ?").run(id);
    raw.close();
    const check = checkRegister(file, []);
    expect(check.integrityOk).toBe(true);
    expect(check.partial).toEqual(
      expect.arrayContaining([
        `card without its audit entry: ${id}`,
        expect.stringMatching(/^audit chain broken/),
      ]),
    );
  });
});
