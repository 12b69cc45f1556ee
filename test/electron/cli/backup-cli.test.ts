import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../../electron/app/backend';
import { HOLDER, tempDir, validCard } from '../../fixtures/cards';
import { cliIn } from './cli-helpers';

let dir: string;
let cleanup: () => void;
let cli: ReturnType<typeof cliIn>;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  cli = cliIn(dir);
  const backend = createBackend({ databasePath: join(dir, 'k.db'), mode: 'cli', version: 'test' });
  const result = await backend.router.invoke(
    'cards:register',
    validCard({ issuedAt: '2026-01-10T19:00:00+01:00', expiresAt: '2026-01-20T19:00:00+01:00' }),
    { trustedSender: true },
  );
  expect(result.ok).toBe(true);
  backend.close();
});
afterEach(() => cleanup());

describe('backup and restore commands', () => {
  it('backs up, lists, and restores with --yes only', () => {
    const made = cli('backup');
    expect(made.status).toBe(0);
    expect(made.json).toMatchObject({ backup: { kind: 'manual' } });
    const list = cli('backup', 'list');
    const names = (list.json as { name: string; kind: string }[]).map((b) => b.kind);
    expect(names).toEqual(expect.arrayContaining(['manual', 'daily']));

    const copy = join(dir, 'kopia.db');
    expect(cli('backup', '--out', copy)).toMatchObject({ status: 0, json: { path: copy, backup: null } });
    expect(cli('backup', 'extra').status).toBe(2);
    const relative = cli('backup', '--out', 'saknad-mapp/kopia.db');
    expect(relative.status).toBe(2);

    const name = (list.json as { name: string }[])[0]!.name;
    const unconfirmed = cli('restore', name);
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stderr.join('\n')).toMatch(/--yes/);
    expect(cli('restore', 'k-daily-2020-01-01T00-00-00-000Z.db', '--yes').status).toBe(2);
    expect(cli('restore', '../k.db', '--yes').status).toBe(2);
    expect(cli('restore', name, '--yes')).toMatchObject({ status: 0, json: { restored: { name } } });
  });
});

describe('personal-data commands', () => {
  it('exports one holder, changes the retention, and erases what is due', () => {
    const out = join(dir, 'utdrag.json');
    expect(cli('personal-data', 'export', '--holder', HOLDER, '--out', out).status).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8')) as { cards: { holderName: string }[] };
    expect(exported.cards.map((c) => c.holderName)).toEqual(['Anna Åberg']);
    const bad = cli('personal-data', 'export', '--holder', 'SE2321000017-A1B2');
    expect(bad.status).toBe(2);
    expect(bad.stderr[0]).toMatch(/^holder: /);

    expect(cli('personal-data', 'retention', '--years', '0').status).toBe(2);
    expect(cli('personal-data', 'retention', '--years', '12').json).toEqual({ retentionYears: 12 });
    expect(cli('personal-data', 'erase-expired', '--now', '2030-01-01T00:00:00Z').json).toMatchObject({
      holders: 0,
    });
    // Local times in the DST gap do not exist.
    expect(cli('personal-data', 'erase-expired', '--now', '2026-03-29 02:30').status).toBe(2);
    expect(cli('personal-data', 'erase-expired', '--now', 'igår').status).toBe(2);
    expect(cli('personal-data', 'erase-expired', '--now', '2038-02-01 12:00').json).toMatchObject({
      retentionYears: 12,
      holders: 1,
      cards: 1,
    });
    expect(cli('personal-data', 'export', '--holder', HOLDER).json).toMatchObject({ cards: [] });
    expect(cli('personal-data', 'nonsense').status).toBe(2);
  });
});
