import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import type { ChooseExportPath } from '../../../electron/ipc/handlers';
import { slugify } from '../../../electron/services/report-export';
import { contract } from '../../../shared/ipc/contract';
import { tempDir, validCard } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
let backend: Backend | undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => {
  backend?.close();
  backend = undefined;
  cleanup();
});

function start(chooseExportPath?: ChooseExportPath): Backend {
  backend = createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'desktop',
    version: 'test',
    now: () => Date.parse('2026-03-02T10:00:00+01:00'),
    ...(chooseExportPath ? { chooseExportPath } : {}),
  });
  return backend;
}

async function invoke(
  b: Backend,
  channel: 'report:export' | 'cards:register' | 'setup:complete',
  input: unknown,
) {
  const result = await b.router.invoke(channel, input, { trustedSender: true });
  if (result.ok) expect(contract[channel].output.safeParse(result.value).success).toBe(true);
  return result;
}

describe('report:export without a path: the main process chooses it', () => {
  it('asks the chooser with the suggested name and writes where it answers', async () => {
    const target = join(dir, 'vald.xlsx');
    const chooser = vi.fn<ChooseExportPath>(() => Promise.resolve(target));
    const b = start(chooser);
    expect((await invoke(b, 'cards:register', validCard())).ok).toBe(true);

    const result = await invoke(b, 'report:export', { month: '2026-02', format: 'xlsx' });
    expect(chooser).toHaveBeenCalledWith('reservkort-statistik-2026-02.xlsx', 'xlsx');
    expect(result).toMatchObject({ ok: true, value: { path: target, files: [target] } });
    expect(existsSync(target)).toBe(true);
  });

  it('suggests the desk name, slugified, and a base name without extension for CSV', async () => {
    const chooser = vi.fn<ChooseExportPath>((name) => Promise.resolve(join(dir, name)));
    const b = start(chooser);
    const setup = await invoke(b, 'setup:complete', {
      deskName: 'Kortdisken Väst/Göteborg',
      deskUser: 'Kim',
      officeHours: { start: '08:00', end: '17:00' },
    });
    expect(setup.ok).toBe(true);

    const json = await invoke(b, 'report:export', { month: '2026-02', format: 'json' });
    expect(chooser).toHaveBeenLastCalledWith(
      'reservkort-statistik-2026-02-kortdisken-vast-goteborg.json',
      'json',
    );
    const files = json.ok ? (json.value as { files: string[] }).files : [];
    expect(readFileSync(files[0]!, 'utf8')).toContain('"month": "2026-02"');

    const csv = await invoke(b, 'report:export', { month: '2026-02', format: 'csv' });
    expect(chooser).toHaveBeenLastCalledWith('reservkort-statistik-2026-02-kortdisken-vast-goteborg', 'csv');
    expect(csv).toMatchObject({
      ok: true,
      value: {
        files: [
          join(dir, 'reservkort-statistik-2026-02-kortdisken-vast-goteborg-statistik.csv'),
          join(dir, 'reservkort-statistik-2026-02-kortdisken-vast-goteborg-anledningar.csv'),
        ],
      },
    });
  });

  it('returns cancelled and records nothing when the user closes the dialog', async () => {
    const b = start(() => Promise.resolve(null));
    const result = await invoke(b, 'report:export', { month: '2026-02', format: 'xlsx' });
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
    const status = await b.router.invoke('report:monthly', { month: '2026-02' }, { trustedSender: true });
    expect(status.ok && (status.value as { reported: unknown }).reported).toBeNull();
  });

  it('never asks when a path is given (CLI, tests), and needs one when there is no chooser', async () => {
    const chooser = vi.fn<ChooseExportPath>(() => Promise.resolve(null));
    const b = start(chooser);
    const given = join(dir, 'given.json');
    expect(await invoke(b, 'report:export', { month: '2026-02', format: 'json', path: given })).toMatchObject(
      {
        ok: true,
        value: { path: given },
      },
    );
    expect(chooser).not.toHaveBeenCalled();
    b.close();

    const plain = start();
    const result = await invoke(plain, 'report:export', { month: '2026-02', format: 'json' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', fields: [{ field: 'path', message: 'required' }] },
    });
  });

  it('refuses a bad month before any dialog opens', async () => {
    const chooser = vi.fn<ChooseExportPath>(() => Promise.resolve(join(dir, 'x.json')));
    const result = await invoke(start(chooser), 'report:export', { month: '2026-13', format: 'json' });
    expect(result.ok).toBe(false);
    expect(chooser).not.toHaveBeenCalled();
  });

  it('slugifies desk names to safe file-name parts', () => {
    expect(slugify('  Region Örebro län — SITHS ')).toBe('region-orebro-lan-siths');
    expect(slugify('../../etc')).toBe('etc');
  });
});
