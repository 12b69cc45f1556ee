import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { completeSetup } from '../../../electron/services/setup';
import type { CardInputRaw } from '../../../shared/domain/card';
import { createApi, type Api } from '../../../shared/ipc/api';
import type { Channel } from '../../../shared/ipc/contract';

/** One call the UI made, as it crossed the transport. */
export interface RecordedCall {
  channel: Channel;
  input: unknown;
}

/** The real back end on a temp SQLite file, and the UI's API object on top of it. */
export interface TestBackend {
  backend: Backend;
  api: Api;
  /** Every call the UI made, oldest first. */
  calls: RecordedCall[];
  /** Registers cards directly through the router, as a desk would have done earlier. */
  seed: (cards: CardInputRaw[]) => Promise<void>;
  /** The register as the back end has it. */
  listAll: () => Promise<{ total: number; rows: Record<string, unknown>[] }>;
  dispose: () => void;
}

/**
 * Starts the real back end (router, services, SQLite) in a temp dir, set up as a desk unless
 * `setupDone` is false. The transport copies
 * input through JSON like the real ones do, so nothing that cannot cross IPC passes here.
 */
export function startTestBackend(options: { setupDone?: boolean; busyTimeoutMs?: number } = {}): TestBackend {
  const { setupDone = true, ...backendOptions } = options;
  const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-ui-'));
  const backend = createBackend({
    databasePath: join(dir, 'test.db'),
    mode: 'web',
    version: 'test',
    ...backendOptions,
  });
  // A desk that has been set up, unless the test is about the first-run setup: otherwise the
  // setup dialog may open before a test's first query (it did on a loaded machine) and hide
  // the page behind it.
  if (setupDone) {
    completeSetup(backend.services, {
      deskName: 'Testdisken',
      deskUser: 'Testanvändare',
      officeHours: { start: '08:00', end: '17:00' },
    });
  }
  const calls: RecordedCall[] = [];
  const api = createApi(async (channel, input) => {
    const wire: unknown = JSON.parse(JSON.stringify(input ?? null));
    calls.push({ channel, input: wire });
    const result = await backend.router.invoke(channel, wire, { trustedSender: true });
    return JSON.parse(JSON.stringify(result)) as typeof result;
  });
  return {
    backend,
    api,
    calls,
    async seed(cards) {
      for (const card of cards) {
        const result = await backend.router.invoke('cards:register', card, { trustedSender: true });
        if (!result.ok) throw new Error(`seed failed: ${JSON.stringify(result.error)}`);
      }
    },
    async listAll() {
      const result = await backend.router.invoke('cards:list', { limit: 500 }, { trustedSender: true });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      return result.value as { total: number; rows: Record<string, unknown>[] };
    },
    dispose() {
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid level-2 card (SPEC §7 example 1) with overrides. */
export function makeCard(overrides: Partial<CardInputRaw> = {}): CardInputRaw {
  return {
    organisationHsaId: 'SE2321000016-A1B2',
    organisationName: 'Region Exempel',
    assuranceLevel: 2,
    cardNumber: '9752200000000000001',
    holderHsaId: 'SE2321000016-H001',
    holderName: 'Anna Lindqvist',
    holderIdType: 'personnummer',
    unplannedPersonnel: true,
    issuedAt: '2026-02-11T19:40:00+01:00',
    expiresAt: '2026-02-25T19:40:00+01:00',
    reasonCode: 'forgotten-card',
    issuedBy: ['Kim Svensson'],
    ...overrides,
  };
}
