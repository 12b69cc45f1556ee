import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import type { ServiceContext } from '../../../electron/services/context';
import type { HubPort } from '../../../electron/sync/hub-port';
import { joinHub } from '../../../electron/sync/join';
import { openPgHubPort } from '../../../electron/sync/pg-port';
import { syncOnce, type SyncOptions, type SyncResult } from '../../../electron/sync/sync';
import { withLuhn } from '../../../scripts/reliability/valid-data';
import type { CardInputRaw } from '../../../shared/domain/card';
import type { RuleCard } from '../../../shared/rules';
import { formatInstant } from '../../../shared/time/stockholm';
import { tempDir } from '../../fixtures/cards';
import type { TestHub } from '../hub/support';

/** One desk: its own register file, its hub login, and join/sync through real PostgreSQL. */
export interface TestDesk {
  id: string;
  name: string;
  url: string;
  dir: string;
  backend: Backend;
  readonly ctx: ServiceContext;
  port(): HubPort;
  join(): Promise<unknown>;
  sync(options?: SyncOptions, port?: HubPort): Promise<SyncResult>;
  close(): void;
}

/** Opens a new register for a new desk of `hub`. */
export async function openDesk(hub: TestHub, id: string, name = `Kortstation ${id}`): Promise<TestDesk> {
  const login = await hub.addDesk(id, name);
  const { dir, cleanup } = tempDir(`desk-${id}-`);
  const backend = createBackend({
    databasePath: join(dir, 'k.db'),
    mode: 'cli',
    version: 'test',
    actor: `handläggare-${id}`,
    dailyBackup: false,
  });
  const desk: TestDesk = {
    id,
    name,
    url: login.url,
    dir,
    backend,
    get ctx() {
      return backend.services;
    },
    port: () => openPgHubPort(login.url, 'test', { env: {} }),
    async join() {
      const port = desk.port();
      try {
        return await joinHub(desk.ctx, port, login.url);
      } finally {
        await port.close();
      }
    },
    async sync(options = {}, given) {
      const port = given ?? desk.port();
      try {
        return await syncOnce(desk.ctx, port, options);
      } finally {
        if (!given) await port.close();
      }
    },
    close() {
      backend.close();
      cleanup();
    },
  };
  return desk;
}

/** A small deterministic random source (mulberry32), so a failing run can be repeated. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid HSA-id for test number n. */
export const hsa = (n: number, suffix: string) => `SE${withLuhn(String(100000000 + n))}-${suffix}`;

export const ORGANISATIONS = [hsa(1, 'ORG1'), hsa(2, 'ORG2'), hsa(3, 'ORG3')];
export const HOLDERS = Array.from({ length: 6 }, (_, i) => hsa(10 + i, `H${i}`));
export const NUMBERS = Array.from({ length: 8 }, (_, i) => `97522100000000000${String(10 + i)}`);

const HOUR = 3_600_000;
const JAN_1 = Date.parse('2026-01-01T00:00:00+01:00');

/**
 * A random valid registration among few holders, card numbers and organisations, so that
 * desks share holders (another active card, three level-2 cards in 30 days) and numbers
 * (one card for two people) — across desks, where the region's rules matter.
 */
export function randomCard(random: () => number, deskTag: string): CardInputRaw {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const level = random() < 0.8 ? 2 : 3;
  const issuedAt = JAN_1 + Math.floor(random() * 24 * 60) * HOUR;
  const organisation = pick(ORGANISATIONS);
  const other = random() < 0.2;
  return {
    organisationHsaId: organisation,
    // Each desk spells the organisations its own way: the region report takes the hub's newest.
    organisationName: `Organisation ${organisation.slice(-4)} (${deskTag})`,
    assuranceLevel: level,
    cardNumber: pick(NUMBERS),
    holderHsaId: pick(HOLDERS),
    holderName: `Person ${deskTag} ${Math.floor(random() * 1000)}`,
    holderIdType: random() < 0.85 ? 'personnummer' : 'samordningsnummer',
    ...(level === 2 ? { unplannedPersonnel: random() < 0.9 } : {}),
    issuedAt: formatInstant(issuedAt),
    expiresAt: formatInstant(issuedAt + (1 + Math.floor(random() * 20)) * 24 * HOUR),
    reasonCode: other ? 'other' : 'forgotten-card',
    reasonText: other ? `Text från ${deskTag}` : '',
    issuedBy: random() < 0.5 ? ['Kim Karlsson'] : ['Kim Karlsson', 'Lo Lind'],
    note: `anteckning ${deskTag}`,
    violationJustification: 'Godkänt i test',
  };
}

/** This desk's own non-voided cards, whole (issuers included), as the rules read them. */
export function ownRuleCards(ctx: ServiceContext): RuleCard[] {
  return ctx.findings.liveIds().map((id) => ctx.findings.ruleCard(id)!);
}
