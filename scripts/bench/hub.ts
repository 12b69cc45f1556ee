// `npm run bench:hub` (and the end of `npm run bench`): the regional hub's figures against a
// real PostgreSQL on this machine (scripts/hub/embedded-pg.ts; KORTLIGGAREN_PG_BIN for a
// system one), fsync on. Prints progress on stderr and one JSON object as its last line:
// - hubPush50kMs: a region's year, 50,000 cards, pushed by one desk in batches of 1,000 as
//   its sync does: each batch of outbox rows sealed (checked against the schema, hashed) by
//   sealOutboxRow and pushed through pushEvents (one transaction, hubSeq from the locked
//   counter).
// - hubPull50kMs: another desk pulls those 50,000 events through pullEvents (hashes checked,
//   events parsed).
// - hubReportMs: on a hub holding 1,000,000 cards, 1,000 new events arrive (pushed by a
//   desk, which brings the hub's current-card table up to date) and the coordinator's
//   monthly report runs: the two together. The parts are printed too.
// BENCH_HUB_CARDS changes the 1,000,000; BENCH_HUB_KEEP=1 keeps the server's folder.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addDesk, initHub } from '../../electron/hub/admin';
import { HUB_PUSH_BATCH, pullEvents, pushEvents } from '../../electron/hub/client';
import { openHubPool } from '../../electron/hub/connect';
import { hubReport } from '../../electron/hub/report';
import type { OutboxRow } from '../../electron/db/repositories/outbox';
import { sealOutboxRow } from '../../electron/sync/seal';
import { canonicalJson, type HubCardState, type HubEventKind } from '../../shared/hub/event';
import { REASON_CODES } from '../../shared/domain/reason-codes';
import { startPostgres } from '../hub/embedded-pg';
import { createRng } from './prng';

const TOTAL_CARDS = Number(process.env.BENCH_HUB_CARDS ?? 1_000_000);
const PUSHED = 50_000;
const NEW_EVENTS = 1_000;
const REPORT_MONTH = '2026-03';
const DESK = 'vastra';
const DAY = 86_400_000;
const FIRST = Date.UTC(2016, 6, 1);
const LAST = Date.UTC(2026, 5, 30);

const log = (line: string) => process.stderr.write(`[hub bench] ${line}\n`);
const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Processor time (ms) used so far by this process and by the PostgreSQL server (the
 * postmaster and its children, from /proc; null where there is no /proc). Beside the wall
 * clock, it shows how much of a figure is work and how much is waiting for a busy machine.
 */
function cpuNow(serverPid: number | undefined): { desk: number; server: number | null } {
  const { user, system } = process.cpuUsage();
  return { desk: (user + system) / 1000, server: serverPid === undefined ? null : serverCpuMs(serverPid) };
}

function serverCpuMs(postmaster: number): number | null {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      // pid (comm) state ppid … utime(14) stime(15); comm may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      if (pid !== postmaster && Number(fields[1]) !== postmaster) continue;
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    }
  } catch {
    return null;
  }
  return total;
}

function cpuSince(start: { desk: number; server: number | null }, serverPid: number | undefined) {
  const end = cpuNow(serverPid);
  return {
    desk: Math.round(end.desk - start.desk),
    server: start.server === null || end.server === null ? null : Math.round(end.server - start.server),
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/** A desk's outbox rows for `count` new cards of a year, as recordCardEvent writes them. */
function yearOfCards(count: number, firstSeq: number, seed: number): OutboxRow[] {
  const rng = createRng(seed);
  const random = () => rng.next();
  const yearStart = Date.UTC(2025, 6, 1);
  const rows: OutboxRow[] = [];
  for (let i = 0; i < count; i++) {
    const level = random() < 0.8 ? 2 : 3;
    const issuedAt = yearStart + Math.floor(random() * 365 * DAY);
    const org = Math.floor(random() * 300);
    const card: HubCardState = {
      assuranceLevel: level,
      cardId: randomUUID(),
      cardNumber: `9752${String(seed * 1_000_000 + i).padStart(12, '0')}`,
      endReason: null,
      endedAt: null,
      expiresAt:
        issuedAt + (level === 2 ? 1 + Math.floor(random() * 14) : 30 + Math.floor(random() * 300)) * DAY,
      extendsCardId: null,
      holderHsaId: `SE2321000016-H${Math.floor(random() * 400_000)}`,
      holderIdType: 'personnummer',
      issuedAt,
      organisationHsaId: `SE2321000016-O${String(org).padStart(3, '0')}`,
      organisationName: `Organisation ${org}`,
      reasonCode: REASON_CODES[Math.floor(random() * REASON_CODES.length)]!,
      reasonText: '',
      unplannedPersonnel: level === 2 ? true : null,
      voided: false,
    };
    rows.push(outboxRow(firstSeq + i, 'registered', issuedAt, card));
  }
  return rows;
}

function outboxRow(deskSeq: number, kind: HubEventKind, occurredAt: number, card: HubCardState): OutboxRow {
  return {
    desk_seq: deskSeq,
    event_id: randomUUID(),
    kind,
    card_id: card.cardId,
    occurred_at: occurredAt,
    payload: canonicalJson(card),
  };
}

const cardOf = (row: OutboxRow) => JSON.parse(row.payload) as HubCardState;

/** What the desk's sync does with its outbox, batch by batch: seal, push. */
async function pushAll(pool: pg.Pool, rows: readonly OutboxRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += HUB_PUSH_BATCH) {
    const batch = rows.slice(i, i + HUB_PUSH_BATCH).map((row) => sealOutboxRow(row, DESK));
    await pushEvents(pool, batch, 'bench');
  }
}

/**
 * Fills the hub up to `total` cards as twenty older desks would have: events and current
 * cards written set-based by the owner (the per-row trigger would take minutes and is not
 * what is measured). Their hashes are not the canonical ones; nothing pulls them here.
 */
async function seedOlderDesks(adminUrl: string, count: number): Promise<number> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  const start = performance.now();
  try {
    await client.query('BEGIN');
    const desks = 20;
    for (let d = 1; d <= desks; d++) {
      const id = `seed-${String(d).padStart(2, '0')}`;
      await client.query(`INSERT INTO kortliggaren.desks (desk_id, name, role_name) VALUES ($1, $2, $3)`, [
        id,
        `Äldre kortstation ${d}`,
        `seed_role_${d}`,
      ]);
      await client.query(
        `INSERT INTO kortliggaren.desk_push (desk_id, last_push_at, app_version) VALUES ($1, now(), 'seed')`,
        [id],
      );
    }
    await client.query('ALTER TABLE kortliggaren.events DISABLE TRIGGER USER');
    await client.query(`SELECT setseed(0.42)`);
    await client.query(
      `CREATE TEMP TABLE seed_cards ON COMMIT DROP AS
       SELECT g, gen_random_uuid() AS card_id,
              'seed-' || lpad((1 + g % 20)::text, 2, '0') AS desk_id,
              1 + g / 20 AS desk_seq,
              (SELECT last_hub_seq FROM kortliggaren.counter) + g AS hub_seq,
              'SE2321000016-O' || lpad((g % 300)::text, 3, '0') AS org,
              CASE WHEN random() < 0.8 THEN 2 ELSE 3 END AS level,
              $1::bigint + floor(random() * ($2::bigint - $1::bigint))::bigint AS issued_at,
              random() AS r1, random() AS r2
       FROM generate_series(1, $3::int) AS g`,
      [FIRST, LAST, count],
    );
    await client.query(
      `CREATE TEMP TABLE seed_state ON COMMIT DROP AS
       SELECT s.*, issued_at + (CASE WHEN level = 2 THEN 1 + floor(r1 * 14) ELSE 30 + floor(r1 * 700) END)::bigint * ${DAY} AS expires_at,
              CASE WHEN r2 < 0.25 THEN issued_at + floor(r2 * 4 * ${DAY})::bigint END AS ended_at,
              r2 > 0.99 AS voided
       FROM seed_cards s`,
    );
    await client.query(
      `INSERT INTO kortliggaren.events (hub_seq, desk_id, desk_seq, event_id, card_id, kind, content_hash, schema_version, payload)
       SELECT hub_seq, desk_id, desk_seq, gen_random_uuid(), card_id, 'registered',
              encode(sha256(convert_to(card_id::text, 'UTF8')), 'hex'), 1,
              jsonb_build_object('schemaVersion', 1, 'deskId', desk_id, 'deskSeq', desk_seq, 'kind', 'registered',
                'occurredAt', issued_at, 'card', jsonb_build_object('cardId', card_id, 'organisationHsaId', org,
                'organisationName', 'Organisation ' || org, 'assuranceLevel', level,
                'cardNumber', '9752' || lpad(g::text, 12, '0'), 'holderHsaId', 'SE2321000016-H' || (g % 400000),
                'holderIdType', 'personnummer', 'unplannedPersonnel', true, 'issuedAt', issued_at,
                'expiresAt', expires_at, 'reasonCode', 'forgotten-card', 'reasonText', '', 'extendsCardId', null,
                'endedAt', ended_at, 'endReason', CASE WHEN ended_at IS NULL THEN NULL ELSE 'returned' END,
                'voided', voided))
       FROM seed_state`,
    );
    await client.query(
      `INSERT INTO kortliggaren.cards (card_id, desk_id, desk_seq, hub_seq, organisation_hsa_id, organisation_name,
         assurance_level, card_number, issued_at, expires_at, ended_at, extends_card_id, reason_code, reason_text, voided)
       SELECT card_id, desk_id, desk_seq, hub_seq, org, 'Organisation ' || org, level, '9752' || lpad(g::text, 12, '0'),
              issued_at, expires_at, ended_at, NULL, 'forgotten-card', '', voided
       FROM seed_state`,
    );
    await client.query(
      `INSERT INTO kortliggaren.organisations (hsa_id, name, hub_seq)
       SELECT org, 'Organisation ' || org, max(hub_seq) FROM seed_state GROUP BY org
       ON CONFLICT (hsa_id) DO UPDATE SET name = EXCLUDED.name, hub_seq = EXCLUDED.hub_seq`,
    );
    await client.query(
      `UPDATE kortliggaren.desk_push p SET last_desk_seq = s.n
       FROM (SELECT desk_id, max(desk_seq) AS n FROM seed_state GROUP BY desk_id) s WHERE s.desk_id = p.desk_id`,
    );
    await client.query(`UPDATE kortliggaren.counter SET last_hub_seq = last_hub_seq + $1`, [count]);
    await client.query('ALTER TABLE kortliggaren.events ENABLE TRIGGER USER');
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE kortliggaren.cards');
    await client.query('VACUUM ANALYZE kortliggaren.events');
  } finally {
    await client.end();
  }
  return performance.now() - start;
}

async function main(): Promise<Record<string, unknown>> {
  // A folder of our own is kept on stop (and can be started again with startPostgres).
  const keep = process.env.BENCH_HUB_KEEP === '1';
  const server = await startPostgres({
    settings: { shared_buffers: '256MB' },
    ...(keep ? { dir: mkdtempSync(join(tmpdir(), 'kortliggaren-hub-bench-')) } : {}),
  });
  log(`PostgreSQL ${server.version} on port ${server.port}, folder ${server.dir}`);
  const pools: pg.Pool[] = [];
  try {
    const adminUrl = await server.createDatabase('kortliggaren');
    await initHub(adminUrl, { env: {} });
    const url = (d: { role: string; password: string }) =>
      `postgres://${d.role}:${d.password}@127.0.0.1:${server.port}/kortliggaren`;
    const pusher = await addDesk(adminUrl, { desk: DESK, name: 'Västra kortstationen' }, { env: {} });
    const puller = await addDesk(adminUrl, { desk: 'ostra', name: 'Östra kortstationen' }, { env: {} });
    const pushPool = openHubPool(url(pusher), { env: {} });
    const pullPool = openHubPool(url(puller), { env: {} });
    pools.push(pushPool, pullPool);

    const year = yearOfCards(PUSHED, 1, 7);
    log(`pushing ${PUSHED} events in batches of ${HUB_PUSH_BATCH}`);
    const pushCpu = cpuNow(server.pid());
    const push = await timed(() => pushAll(pushPool, year));
    const pushCpuMs = cpuSince(pushCpu, server.pid());
    log(
      `pushed in ${round(push.ms)} ms (processor: desk ${pushCpuMs.desk} ms, server ${pushCpuMs.server} ms)`,
    );

    const pull = await timed(async () => {
      let cursor = 0;
      let count = 0;
      for (;;) {
        const batch = await pullEvents(pullPool, cursor, 1000);
        count += batch.events.length;
        cursor = batch.cursor;
        if (!batch.more) return count;
      }
    });
    if (pull.value !== PUSHED) throw new Error(`pulled ${pull.value} events, expected ${PUSHED}`);
    log(`pulled in ${round(pull.ms)} ms`);

    const older = TOTAL_CARDS - PUSHED;
    log(`seeding ${older} more cards from twenty older desks`);
    const seedMs = await seedOlderDesks(adminUrl, older);
    log(`seeded in ${round(seedMs)} ms`);
    // A first report, as the coordinator ran last month: the hub is warm, as in daily use.
    await hubReport(adminUrl, REPORT_MONTH, { env: {} });

    // 1,000 new events arrive: new cards of March and changes to cards pushed earlier.
    const fresh = yearOfCards(NEW_EVENTS / 2, PUSHED + 1, 11).map((row) =>
      outboxRow(row.desk_seq, 'registered', row.occurred_at, {
        ...cardOf(row),
        issuedAt: Date.UTC(2026, 2, 10),
        expiresAt: Date.UTC(2026, 2, 20),
      }),
    );
    const changes = year.slice(0, NEW_EVENTS / 2).map((row, i) => {
      const card = cardOf(row);
      return outboxRow(PUSHED + NEW_EVENTS / 2 + 1 + i, 'ended', card.issuedAt + DAY, {
        ...card,
        endedAt: card.issuedAt + DAY,
        endReason: 'returned',
      });
    });
    const catchUp = await timed(() => pushAll(pushPool, [...fresh, ...changes]));
    const reports: number[] = [];
    let cards = 0;
    for (let i = 0; i < 3; i++) {
      const report = await timed(() => hubReport(adminUrl, REPORT_MONTH, { env: {} }));
      reports.push(report.ms);
      cards = report.value.lastHubSeq;
    }
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const counted = await admin.query<{ n: string }>('SELECT count(*) AS n FROM kortliggaren.cards');
    await admin.end();
    log(`report ${reports.map(round).join(', ')} ms after catching up in ${round(catchUp.ms)} ms`);
    return {
      hubPush50kMs: Math.round(push.ms),
      hubPushCpuMs: pushCpuMs,
      hubPull50kMs: Math.round(pull.ms),
      hubReportMs: Math.round(catchUp.ms + reports[0]!),
      hubReportOnlyMs: round(reports[0]!),
      hubReportRunsMs: reports.map(round),
      hubCatchUp1kMs: round(catchUp.ms),
      hubCards: Number(counted.rows[0]!.n),
      hubEvents: cards,
      hubPostgres: server.version,
      hubSeedMs: Math.round(seedMs),
    };
  } finally {
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    await server.stop();
    if (keep) log(`kept ${server.dir}`);
  }
}

const result = await main();
process.stdout.write(`${JSON.stringify(result)}\n`);
