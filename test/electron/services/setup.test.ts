import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { configuredDeskUser } from '../../../electron/services/desk-user';
import { completeSetup, setupStatus } from '../../../electron/services/setup';
import type { CardRecord } from '../../../shared/domain/card';
import type { SetupStatus } from '../../../shared/ipc/setup';
import { tempDir, validCard } from '../../fixtures/cards';

let dir: string;
let cleanup: () => void;
let backend: Backend;

// No fixed actor: the audit log must name the desk user the setup stores.
function open(): Backend {
  return createBackend({ databasePath: join(dir, 'k.db'), mode: 'desktop', version: 'test' });
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  backend = open();
});

afterEach(() => {
  backend.close();
  cleanup();
});

const invoke = (channel: string, input: unknown) =>
  backend.router.invoke(channel, input, { trustedSender: true });

const answers = {
  deskName: 'Västra Götalandsregionen, kortdesk Sahlgrenska',
  deskUser: 'Kim Karlsson',
  officeHours: { start: '09:00', end: '15:01' },
};

const auditRows = () =>
  backend.db.prepare('SELECT actor, action, before_json, after_json FROM audit_log ORDER BY seq').all() as {
    actor: string;
    action: string;
    before_json: string | null;
    after_json: string | null;
  }[];

const settingsRows = () => backend.db.prepare('SELECT key, value FROM settings ORDER BY key').all();

describe('setup:status', () => {
  it('asks for the setup on a new register, offering the default office hours', async () => {
    expect(await invoke('setup:status', undefined)).toEqual({
      ok: true,
      value: { needed: true, deskName: null, deskUser: null, officeHours: { start: '08:00', end: '17:00' } },
    });
  });

  it('still asks when only one of the names is stored, or a stored one is unusable', () => {
    backend.services.settings.set('deskUser', 'Kim');
    expect(setupStatus(backend.services)).toMatchObject({ needed: true, deskName: null, deskUser: 'Kim' });
    backend.services.settings.set('deskName', '   ');
    expect(setupStatus(backend.services).needed).toBe(true);
    backend.services.settings.set('deskName', 42);
    expect(setupStatus(backend.services)).toMatchObject({ needed: true, deskName: null });
  });
});

describe('setup:complete', () => {
  it('stores desk name, desk user and office hours, after which no setup is needed', async () => {
    const done = await invoke('setup:complete', answers);
    const expected: SetupStatus = { needed: false, ...answers };
    expect(done).toEqual({ ok: true, value: expected });
    expect(await invoke('setup:status', undefined)).toEqual({ ok: true, value: expected });
    expect(await invoke('settings:get', undefined)).toMatchObject({
      ok: true,
      value: { officeHours: { start: '09:00', end: '15:01' } },
    });
    expect(configuredDeskUser(backend.services.settings)).toBe('Kim Karlsson');
  });

  it('survives a restart: the answers are in the database file', async () => {
    await invoke('setup:complete', answers);
    backend.close();
    backend = open();
    expect(await invoke('setup:status', undefined)).toEqual({
      ok: true,
      value: { needed: false, ...answers },
    });
  });

  it('audits the names and the office hours, in the new desk user’s name', async () => {
    await invoke('setup:complete', answers);
    const rows = auditRows();
    expect(rows.map((r) => [r.action, r.actor])).toEqual([
      ['setup.complete', 'Kim Karlsson'],
      ['settings.update', 'Kim Karlsson'],
    ]);
    expect(JSON.parse(rows[0]?.before_json ?? '')).toEqual({ deskName: null, deskUser: null });
    expect(JSON.parse(rows[0]?.after_json ?? '')).toEqual({
      deskName: answers.deskName,
      deskUser: answers.deskUser,
    });
    expect(JSON.parse(rows[1]?.after_json ?? '')).toMatchObject({ officeHours: answers.officeHours });
  });

  it('trims and normalises the names like every text field', async () => {
    const done = await invoke('setup:complete', {
      ...answers,
      deskName: '  Region Exempel ',
      deskUser: 'A\u030Asa Öberg',
    });
    expect(done).toMatchObject({ ok: true, value: { deskName: 'Region Exempel', deskUser: 'Åsa Öberg' } });
  });

  it('applies the office hours to the findings, as a settings change does', async () => {
    // Wed 2026-02-11 16:30: inside the default 08:00–17:00, outside 09:00–15:01.
    const card = await invoke('cards:register', {
      ...validCard({ issuedAt: '2026-02-11T16:30:00+01:00' }),
      violationJustification: 'Ingen annan kortdesk var öppen.',
    });
    if (!card.ok) throw new Error(JSON.stringify(card.error));
    const id = (card.value as CardRecord).id;
    const codes = () => backend.services.findings.storedFor(id).map((f) => f.code);
    expect(codes()).toContain('l2-issued-in-office-hours');
    await invoke('setup:complete', answers);
    expect(codes()).not.toContain('l2-issued-in-office-hours');
  });

  it('can be run again to change the answers', async () => {
    await invoke('setup:complete', answers);
    await invoke('setup:complete', { ...answers, deskUser: 'Lo Lind' });
    expect(setupStatus(backend.services).deskUser).toBe('Lo Lind');
    const last = auditRows().find((r) => r.action === 'setup.complete' && r.actor === 'Lo Lind');
    expect(JSON.parse(last?.before_json ?? '')).toMatchObject({ deskUser: 'Kim Karlsson' });
  });

  it.each([
    ['an empty desk name', { deskName: '  ' }, 'deskName'],
    ['a desk name over 100 characters', { deskName: 'x'.repeat(101) }, 'deskName'],
    ['a missing desk user', { deskUser: undefined }, 'deskUser'],
    ['a desk user with a control character', { deskUser: 'Kim\u0007' }, 'deskUser'],
    [
      'office hours that end before they start',
      { officeHours: { start: '17:00', end: '08:00' } },
      'officeHours.end',
    ],
    ['office hours not written HH:MM', { officeHours: { start: '8', end: '17:00' } }, 'officeHours.start'],
    ['an unknown field', { deskId: 'x' }, ''],
  ])('refuses %s and writes nothing', async (_case, change, field) => {
    const before = { settings: settingsRows(), audit: auditRows() };
    const result = await invoke('setup:complete', { ...answers, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    if (field) expect(result.error.fields?.map((f) => f.field)).toContain(field);
    expect({ settings: settingsRows(), audit: auditRows() }).toEqual(before);
  });

  it('is one transaction: when the office hours cannot be stored, the names are not either', () => {
    // Damaged stored settings make updateSettings fail after the names were written.
    backend.services.settings.set('closedDays', 'not a list');
    const before = { settings: settingsRows(), audit: auditRows() };
    expect(() => completeSetup(backend.services, answers)).toThrow();
    expect({ settings: settingsRows(), audit: auditRows() }).toEqual(before);
  });
});
