import Database from 'better-sqlite3';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/app/backend';
import { createMemoryCredentialStore } from '../../../electron/app/credentials';
import { runCliAsync } from '../../../electron/cli/run';
import { tempDir } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';
import { randomCard, seeded } from './support';

// A desk set up again under its old login (a new computer, a lost register): its outbox
// starts at event 1 again while the hub holds its old events. `hub join` refuses it up
// front, saying what to do, and changes nothing; the two ways out both work. Real hub,
// real SQLite files, through the command line and the app's "Anslut".

const hubs = useHubServer();
const { dir, cleanup } = tempDir('kortliggaren-rejoin-');
const cleanups: (() => void)[] = [cleanup];
afterAll(() => cleanups.reverse().forEach((c) => c()));

async function cli(db: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCliAsync(['--db', db, ...argv], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: { HOME: dir },
    version: '9.9.9',
  });
  const stdout = out.join('\n');
  return { status, stdout, stderr: err, json: stdout ? (JSON.parse(stdout) as unknown) : undefined };
}

const random = seeded(2024);
let files = 0;
function importFile(deskTag: string, count: number): string {
  const path = join(dir, `cards-${++files}.json`);
  writeFileSync(
    path,
    JSON.stringify({ cards: Array.from({ length: count }, () => randomCard(random, deskTag)) }),
  );
  return path;
}

function hubLinkOf(db: string): unknown {
  const sqlite = new Database(join(dir, db), { readonly: true });
  try {
    return sqlite.prepare('SELECT desk_id FROM hub_link').get();
  } finally {
    sqlite.close();
  }
}

describe('hub join for a desk that already has events on the hub', () => {
  it('refuses an empty or older register with what to do, and both ways out work', async () => {
    const hub = await hubs.newHub();
    const boras = await hub.addDesk('boras', 'Borås');

    // Borås's register: 4 cards; a copy of it is kept before it joins (a backup without the link).
    expect((await cli('boras.db', 'import', importFile('boras', 4))).status).toBe(0);
    copyFileSync(join(dir, 'boras.db'), join(dir, 'boras-backup.db'));
    expect((await cli('boras.db', 'hub', 'join', '--url', boras.url)).status).toBe(0);
    expect((await cli('boras.db', 'import', importFile('boras', 2))).status).toBe(0);
    expect((await cli('boras.db', 'sync', '--url', boras.url)).json).toMatchObject({ pushed: 6 });
    const before = await hub.snapshot();

    // The computer is replaced: a new, empty register joins with Borås's login.
    const empty = await cli('new.db', 'hub', 'join', '--url', boras.url);
    expect(empty.status).toBe(1);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toEqual([
      'Fel: Kortstationen boras har redan 6 händelser på hubben, men det här registret är tomt: inloggningen hör till en kortstation som redan finns, och ett nytt register skulle börja om på händelse nummer 1. Registret har inte anslutits och ingenting har ändrats, varken här eller på hubben. Gör så här: återställ kortstationens register från en säkerhetskopia med minst 6 händelser (backup list, backup restore) och anslut igen, eller be regional IT skapa en ny kortstation (hub desk add --desk NYTT-ID) och anslut registret med den inloggningen. Se docs/hub.md, "En kortstation som satts upp på nytt".',
    ]);
    expect(hubLinkOf('new.db')).toBeUndefined();
    // In English too.
    const english = await cli('new.db', '--lang', 'en', 'hub', 'join', '--url', boras.url);
    expect(english.stderr[0]).toMatch(
      /^Error: Station boras already has 6 events on the hub, but this register is empty/,
    );
    expect(english.stderr[0]).toContain('hub desk add --desk NEW-ID');

    // The new register got a card before anyone noticed: still behind the hub, still refused.
    expect((await cli('new.db', 'import', importFile('boras-ny', 1))).status).toBe(0);
    const behind = await cli('new.db', 'hub', 'join', '--url', boras.url);
    expect(behind.status).toBe(1);
    expect(behind.stderr[0]).toMatch(
      /^Fel: Kortstationen boras har redan händelser till och med nummer 6 på hubben, men det här registret har bara till och med nummer 1: det är inte det register som skickade dem\. Registret har inte anslutits/,
    );
    expect(hubLinkOf('new.db')).toBeUndefined();

    // The app's "Anslut" says the same, and keeps no password.
    const credentials = createMemoryCredentialStore();
    const app = createBackend({
      databasePath: join(dir, 'new.db'),
      mode: 'web',
      version: 'test',
      dailyBackup: false,
      hub: { credentials, background: false },
    });
    cleanups.push(() => app.close());
    const login = new URL(boras.url);
    const password = decodeURIComponent(login.password);
    login.password = '';
    const connect = await app.router.invoke(
      'hub:connect',
      { url: login.toString(), password },
      { trustedSender: true },
    );
    expect(connect).toMatchObject({
      ok: false,
      error: {
        code: 'hub-failed',
        fields: [{ field: 'hub', params: { code: 'sync-rejoin-behind' } }],
      },
    });
    expect(JSON.stringify(connect)).toContain('hub desk add --desk NYTT-ID');
    expect(credentials.get()).toBeNull();
    app.close();

    // Nothing on the hub changed: no push was recorded, no event written.
    expect(await hub.snapshot()).toEqual(before);

    // Way out 1: a backup from before the join holds 4 of the 6 events — still too old.
    expect((await cli('boras-backup.db', 'hub', 'join', '--url', boras.url)).stderr[0]).toContain(
      'bara till och med nummer 4',
    );
    // A backup with every event (here: a copy of the register as it is now, link and all)
    // rejoins and syncs without loss.
    copyFileSync(join(dir, 'boras.db'), join(dir, 'restored.db'));
    expect((await cli('restored.db', 'hub', 'join', '--url', boras.url)).status).toBe(0);
    expect((await cli('restored.db', 'sync', '--url', boras.url)).json).toMatchObject({ pushed: 0 });

    // Way out 2: regional IT creates a new desk id; the new register joins and pushes as it.
    const boras2 = await hub.addDesk('boras-2', 'Borås (ny dator)');
    const joined = await cli('new.db', 'hub', 'join', '--url', boras2.url);
    expect(joined.json).toMatchObject({ deskId: 'boras-2', pending: 1 });
    expect((await cli('new.db', 'sync', '--url', boras2.url)).json).toMatchObject({ pushed: 1, pulled: 6 });
  }, 120_000);

  it('lets a register with at least the hub’s events join (the restore the message names)', async () => {
    const hub = await hubs.newHub();
    const skovde = await hub.addDesk('skovde', 'Skövde');
    expect((await cli('skovde.db', 'import', importFile('skovde', 3))).status).toBe(0);
    // A copy taken before the first join, while the hub had nothing yet, then both have 3 events.
    copyFileSync(join(dir, 'skovde.db'), join(dir, 'skovde-copy.db'));
    expect((await cli('skovde.db', 'hub', 'join', '--url', skovde.url)).status).toBe(0);
    expect((await cli('skovde.db', 'sync', '--url', skovde.url)).json).toMatchObject({ pushed: 3 });

    const joined = await cli('skovde-copy.db', 'hub', 'join', '--url', skovde.url);
    expect(joined.status).toBe(0);
    expect(joined.json).toMatchObject({ deskId: 'skovde', pending: 3 });
    // Its events are the very ones on the hub: pushed again as duplicates, pulled back and checked.
    expect((await cli('skovde-copy.db', 'sync', '--url', skovde.url)).json).toEqual({
      pushed: 0,
      pulled: 0,
      cursor: 3,
    });
  }, 120_000);
});
