// The hub's kill rounds: three desks push their outboxes to a real PostgreSQL hub and a
// fourth reads everything after its cursor, while the PostgreSQL server (the postmaster
// and all its backends at once) is killed with SIGKILL at a random moment of each round,
// restarted, and everyone resumes. Afterwards nothing a desk had may be missing from the
// hub, nothing may be there twice, and the reader must have seen every hubSeq exactly once.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { addDesk, initHub } from '../../electron/hub/admin';
import { pullEvents, pushEvents } from '../../electron/hub/client';
import { openHubPool } from '../../electron/hub/connect';
import { HubError } from '../../electron/hub/errors';
import { sealEvent } from '../../electron/hub/event-hash';
import { HUB_EVENT_SCHEMA_VERSION, type HubEvent } from '../../shared/hub/event';
import { startPostgres, type PgServer } from '../hub/embedded-pg';

export interface HubKillOptions {
  rounds: number;
  seed: number;
  log: (line: string) => void;
  /** Longest wait before the kill, in ms (the pushes are under way by then). */
  maxDelayMs?: number;
}

export interface HubKillResult {
  hubKillRounds: number;
  /** Events a desk wrote that are not on the hub after it resumed (should be 0). */
  hubEventsLost: number;
  /** Events on the hub more than once, or other than a desk wrote them (should be 0). */
  hubDuplicates: number;
  /** hubSeqs the reader never saw, or saw out of order or twice (should be 0). */
  hubSkippedOnPull: number;
  /** Pushes whose answer was lost in a kill, found on the hub when pushed again. */
  lostAcknowledgements: number;
  /** Pushes that were cut off by a kill. */
  interruptedPushes: number;
  events: number;
  /** Errors other than "the hub is unreachable" (should be 0). */
  unexpectedErrors: string[];
}

function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A desk's outbox in memory: its events, and how far the hub has acknowledged them. */
interface Desk {
  id: string;
  pool: pg.Pool;
  outbox: HubEvent[];
  acknowledged: number;
}

function newEvent(desk: Desk, random: () => number): HubEvent {
  const issuedAt = Date.UTC(2026, 0, 1) + Math.floor(random() * 90 * 86_400_000);
  return sealEvent({
    schemaVersion: HUB_EVENT_SCHEMA_VERSION,
    eventId: randomUUID(),
    deskId: desk.id,
    deskSeq: desk.outbox.length + 1,
    kind: 'registered',
    occurredAt: issuedAt,
    card: {
      cardId: randomUUID(),
      organisationHsaId: `SE2321000016-K${Math.floor(random() * 20)}`,
      organisationName: 'Kommun',
      assuranceLevel: random() < 0.8 ? 2 : 3,
      cardNumber: `9752${String(Math.floor(random() * 1e12)).padStart(12, '0')}`,
      holderHsaId: `SE2321000016-H${Math.floor(random() * 5000)}`,
      holderIdType: 'personnummer',
      unplannedPersonnel: true,
      issuedAt,
      expiresAt: issuedAt + 3 * 86_400_000,
      reasonCode: 'forgotten-card',
      reasonText: '',
      extendsCardId: null,
      endedAt: null,
      endReason: null,
      voided: false,
    },
  });
}

/**
 * Pushes the desk's unacknowledged events in batches until all are acknowledged or `stop()`
 * says to give up (the server is down). Returns the number of lost acknowledgements found.
 */
async function pushOutbox(
  desk: Desk,
  batch: number,
  stop: () => boolean,
  counts: { lostAcks: number; interrupted: number; errors: string[] },
): Promise<void> {
  while (desk.acknowledged < desk.outbox.length) {
    const events = desk.outbox.slice(desk.acknowledged, desk.acknowledged + batch);
    try {
      const result = await pushEvents(desk.pool, events, 'reliability');
      if (result.duplicates > 0) counts.lostAcks++;
      desk.acknowledged += events.length;
    } catch (error) {
      if (error instanceof HubError && error.retryable) {
        counts.interrupted++;
        if (stop()) return;
        await sleep(50);
        continue;
      }
      counts.errors.push(`${desk.id}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
  }
}

// Calls `sent` each time a client of the pool has sent COMMIT (for the rounds that kill then).
function watchCommits(pool: pg.Pool, sent: (client: pg.PoolClient) => void): void {
  const wrapped = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (args[0] === 'COMMIT') sent(client);
      return result;
    };
  });
}

/** Runs the rounds against a server of its own; resolves to the figures. */
export async function runHubKillRounds(options: HubKillOptions): Promise<HubKillResult> {
  const random = rng(options.seed);
  const maxDelay = options.maxDelayMs ?? 250;
  const server: PgServer = await startPostgres({});
  const pools: pg.Pool[] = [];
  const counts = { lostAcks: 0, interrupted: 0, errors: [] as string[] };
  let skipped = 0;
  try {
    const adminUrl = await server.createDatabase('kortliggaren');
    await initHub(adminUrl, { env: {} });
    const url = (d: { role: string; password: string }) =>
      `postgres://${d.role}:${d.password}@127.0.0.1:${server.port}/kortliggaren`;
    // Set in the rounds that kill just after a COMMIT was sent.
    let onCommit: ((client: pg.PoolClient) => void) | undefined;
    const desks: Desk[] = [];
    for (const id of ['boras', 'skovde', 'alingsas']) {
      const login = await addDesk(adminUrl, { desk: id, name: id }, { env: {} });
      const pool = openHubPool(url(login), { env: {}, max: 1 });
      watchCommits(pool, (client) => onCommit?.(client));
      pools.push(pool);
      desks.push({ id, pool, outbox: [], acknowledged: 0 });
    }
    const readerLogin = await addDesk(adminUrl, { desk: 'reader', name: 'reader' }, { env: {} });
    const reader = openHubPool(url(readerLogin), { env: {}, max: 1 });
    pools.push(reader);
    const pulled: number[] = [];
    const pulledIds = new Set<string>();
    let cursor = 0;
    let serverDown = false;

    const pullOnce = async (): Promise<number> => {
      try {
        const batch = await pullEvents(reader, cursor, 500);
        for (const e of batch.events) {
          if (e.hubSeq !== cursor + 1 || pulledIds.has(e.event.eventId)) skipped++;
          pulled.push(e.hubSeq);
          pulledIds.add(e.event.eventId);
          cursor = e.hubSeq;
        }
        return batch.events.length;
      } catch (error) {
        if (error instanceof HubError && error.retryable) return -1;
        if (error instanceof HubError && error.code === 'hub-failed') skipped++;
        counts.errors.push(`reader: ${error instanceof Error ? error.message : String(error)}`);
        return -1;
      }
    };

    let rounds = 0;
    for (let round = 1; round <= options.rounds; round++) {
      rounds = round;
      for (const desk of desks) {
        const n = 20 + Math.floor(random() * 80);
        for (let i = 0; i < n; i++) desk.outbox.push(newEvent(desk, random));
      }
      serverDown = false;
      const batch = 5 + Math.floor(random() * 40);
      const pushing = Promise.all(desks.map((d) => pushOutbox(d, batch, () => serverDown, counts)));
      const reading = (async () => {
        while (!serverDown) {
          if ((await pullOnce()) <= 0) await sleep(5);
        }
      })();
      // Half the rounds kill at a random moment; the other half just after a desk has sent
      // COMMIT, cutting that desk's connection first: the push is on disk but its answer
      // never arrives (a lost acknowledgement, which the desk's next push must recognise).
      if (random() < 0.5) {
        await sleep(Math.floor(random() * maxDelay));
      } else {
        await sleep(Math.floor((random() * maxDelay) / 2));
        await Promise.race([
          new Promise<void>((resolve) => {
            onCommit = (client) => {
              onCommit = undefined;
              // Long enough for the commit to reach the disk; then the answer is lost on
              // the way (the desk's connection is cut) and the server dies.
              setTimeout(
                () => {
                  (
                    client as unknown as { connection: { stream: { destroy(): void } } }
                  ).connection.stream.destroy();
                  resolve();
                },
                5 + Math.floor(random() * 20),
              );
            };
          }),
          sleep(maxDelay),
        ]);
        onCommit = undefined;
      }
      serverDown = true;
      await server.kill();
      await Promise.all([pushing, reading]);
      await server.restart();
      // Resume: every desk pushes what is not acknowledged, the reader catches up.
      serverDown = false;
      await Promise.all(desks.map((d) => pushOutbox(d, batch, () => false, counts)));
      while ((await pullOnce()) !== 0);
      if (round % 10 === 0 || round === options.rounds) {
        options.log(
          `hub kill round ${round}/${options.rounds}: ${desks.reduce((n, d) => n + d.outbox.length, 0)} events, ` +
            `${counts.interrupted} pushes cut off, ${counts.lostAcks} acknowledgements lost and recovered`,
        );
      }
      if (counts.errors.length > 0) break;
    }

    // What the hub holds, straight from its tables.
    const admin = openHubPool(adminUrl, { env: {}, max: 1 });
    pools.push(admin);
    const { rows } = await admin.query<{
      desk_id: string;
      desk_seq: string;
      content_hash: string;
      hub_seq: string;
    }>('SELECT desk_id, desk_seq, content_hash, hub_seq FROM kortliggaren.events ORDER BY hub_seq');
    const onHub = new Map<string, string[]>();
    for (const r of rows) {
      const key = `${r.desk_id}#${r.desk_seq}`;
      onHub.set(key, [...(onHub.get(key) ?? []), r.content_hash]);
    }
    let lost = 0;
    let duplicates = 0;
    const written = new Set<string>();
    for (const desk of desks) {
      for (const event of desk.outbox) {
        const key = `${desk.id}#${event.deskSeq}`;
        written.add(key);
        const hashes = onHub.get(key) ?? [];
        if (!hashes.includes(event.contentHash)) lost++;
        if (hashes.length > 1 || hashes.some((h) => h !== event.contentHash)) duplicates++;
      }
    }
    for (const key of onHub.keys()) if (!written.has(key)) duplicates++;
    const hubSeqs = rows.map((r) => Number(r.hub_seq));
    skipped += hubSeqs.filter((n, i) => n !== i + 1).length;
    skipped += Math.abs(hubSeqs.length - pulled.length);
    const total = desks.reduce((n, d) => n + d.outbox.length, 0);
    return {
      hubKillRounds: rounds,
      hubEventsLost: lost,
      hubDuplicates: duplicates,
      hubSkippedOnPull: skipped,
      lostAcknowledgements: counts.lostAcks,
      interruptedPushes: counts.interrupted,
      events: total,
      unexpectedErrors: counts.errors,
    };
  } finally {
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
    await server.stop();
  }
}
