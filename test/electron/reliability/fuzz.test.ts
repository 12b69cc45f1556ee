import fc from 'fast-check';
import { join } from 'node:path';
import { createBackend } from '../../../electron/app/backend';
import { runFuzz } from '../../../scripts/reliability/fuzz';
import { checkRoundTrip } from '../../../scripts/reliability/fuzz-round-trip';
import { roundTripCard, type FuzzState } from '../../../scripts/reliability/fuzz-samples';
import { runUrlFuzz } from '../../../scripts/reliability/url-fuzz';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { tempDir } from '../../fixtures/cards';

// The small version of the fuzzing in `npm run reliability` (10 000 payloads per channel there).
let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('kortliggaren-fuzz-'));
});
afterEach(() => cleanup());

describe('fuzzing every IPC channel through the real router', () => {
  it('answers every payload with a value or a typed refusal, never a crash or internal', async () => {
    const result = await runFuzz({ payloadsPerChannel: 120, seed: 20261128, dir });
    expect(result.examples).toEqual([]);
    expect(result).toMatchObject({
      fuzzCrashes: 0,
      untypedErrors: 0,
      outputMismatches: 0,
      roundTripFailures: 0,
    });
    expect(Object.keys(result.perChannel).sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(result.fuzzPayloads).toBe(120 * CHANNEL_NAMES.length);
    expect(result.roundTrips).toBeGreaterThan(20);
    // Not everything is refused: the valid payloads get through.
    expect(result.perChannel['cards:register']!.accepted).toBeGreaterThan(10);
    expect(result.perChannel['cards:list']!.accepted).toBeGreaterThan(10);
  }, 60_000);

  it('stores registered text exactly as trimmed NFC, and refuses exactly the invalid text', async () => {
    const backend = createBackend({ databasePath: join(dir, 'k.db'), mode: 'web', version: 'test' });
    const state: FuzzState = { cardIds: [], holderIds: [], backupNames: [], sandbox: dir, counter: 0 };
    try {
      await fc.assert(
        fc.asyncProperty(roundTripCard(state), async (card) => {
          const answer = await backend.router.invoke('cards:register', card, { trustedSender: true });
          expect(await checkRoundTrip(backend, card, answer)).toBeNull();
        }),
        { numRuns: 150, seed: 7 },
      );
    } finally {
      backend.close();
    }
  });
});

describe('fuzzing the URL paths of the browser mode', () => {
  it('answers every request below 500, stays up, and serves nothing outside its folder', async () => {
    const result = await runUrlFuzz({ paths: 400, seed: 20261128, dir, requestTimeoutMs: 3000 });
    expect(result.examples).toEqual([]);
    expect(result).toMatchObject({ urlFuzzPaths: 400, urlFuzzFailures: 0, urlFuzzLeaks: 0 });
    // Both kinds of answer occur: pages and refusals of malformed paths.
    expect(result.statuses['200']).toBeGreaterThan(20);
    expect(result.statuses['400']).toBeGreaterThan(20);
  }, 60_000);
});
