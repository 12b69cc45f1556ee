// Input fuzzing of every IPC channel through the real router and back end.
// Usage: npx tsx scripts/reliability/fuzz.ts [--payloads N] [--seed S]
// Prints progress, then one JSON line with the figures as the last line.
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend, type Backend } from '../../electron/app/backend';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { contract, type Channel } from '../../shared/ipc/contract';
import { ERROR_CODES, type IpcResult } from '../../shared/ipc/result';
import { junk, mutate, mutationArb, specialPayloads } from './fuzz-payloads';
import { checkRoundTrip } from './fuzz-round-trip';
import { seededRandom } from './child-io';
import { confinePaths, validPayloads, type FuzzState } from './fuzz-samples';
import { runUrlFuzz, type UrlFuzzResult } from './url-fuzz';
import { hsaId, validLevel3Card } from './valid-data';

export interface FuzzOptions {
  payloadsPerChannel: number;
  seed: number;
  /** An empty folder for the database, its backups and the sandbox for written files. */
  dir: string;
  channels?: readonly string[];
  log?: (line: string) => void;
}

export interface FuzzResult {
  fuzzPayloads: number;
  /** Calls that threw or rejected, answered 'internal', or broke the process. */
  fuzzCrashes: number;
  /** Refusals whose error is not typed: a code outside ERROR_CODES, or no field list for invalid input. */
  untypedErrors: number;
  /** Accepted calls whose value does not match the channel's output schema. */
  outputMismatches: number;
  roundTrips: number;
  roundTripFailures: number;
  perChannel: Record<string, { payloads: number; accepted: number; ms: number }>;
  examples: string[];
  /** The browser mode's URL paths (only when fuzz.ts runs on its own, as `npm run reliability` does). */
  urlFuzz?: Omit<UrlFuzzResult, 'examples'>;
}

type Generated = { kind: 'valid' | 'other'; payload: unknown };

// Weights of [valid, mutated valid] payloads; junk and the special payloads weigh 3 and 1.
// Calls that copy or render the whole register (VACUUM INTO and integrity_check, a
// restore, an export with its fsyncs, a decision that re-evaluates every card) get fewer
// payloads that go through; their refusals are as cheap as anyone's.
const WEIGHTS: Record<string, [number, number]> = {
  'cards:register': [6, 4],
  'backup:create': [1, 1],
  'backup:restore': [1, 1],
  'report:export': [1, 1],
  'report:monthly': [1, 3],
  'decisions:add': [1, 3],
  'settings:update': [1, 3],
};

function generator(channel: string, state: FuzzState): fc.Arbitrary<Generated> {
  const valid = validPayloads(channel, state);
  const [validWeight, mutatedWeight] = WEIGHTS[channel] ?? [3, 4];
  return fc.oneof(
    { weight: 3, arbitrary: junk.map((payload): Generated => ({ kind: 'other', payload })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...specialPayloads)
        .map((payload): Generated => ({ kind: 'other', payload })),
    },
    {
      weight: mutatedWeight,
      arbitrary: fc
        .tuple(valid, fc.array(mutationArb, { minLength: 1, maxLength: 3 }))
        .map(([v, ms]): Generated => ({ kind: 'other', payload: ms.reduce(mutate, v) })),
    },
    {
      weight: validWeight,
      arbitrary: valid.map((payload): Generated => ({ kind: 'valid', payload })),
    },
  );
}

// Channels whose accepted calls copy the whole register go first, while the register is
// still small (the other channels' valid payloads grow it to thousands of cards): the
// inputs are what is under test here, and 10 000 payloads each stay affordable.
const COPIES_THE_REGISTER = ['backup:create', 'backup:restore', 'report:export'];

/** The channels in the order they are fuzzed. */
export function fuzzOrder(channels: readonly string[]): string[] {
  return [
    ...COPIES_THE_REGISTER.filter((c) => channels.includes(c)),
    ...channels.filter((c) => !COPIES_THE_REGISTER.includes(c)),
  ];
}

/** A register with a few hundred cards and a backup, so payloads that refer to them can hit. */
async function seedRegister(backend: Backend, state: FuzzState): Promise<void> {
  const random = seededRandom(1);
  for (let n = 1; n <= 200; n++) {
    const organisation = { hsaId: hsaId(500_000 + (n % 10), `S${n % 10}`), name: `Seedorg ${n % 10}` };
    const answer = await backend.router.invoke(
      'cards:register',
      validLevel3Card(900_000_000 + n, random, organisation),
      {
        trustedSender: true,
      },
    );
    if (!answer.ok) throw new Error(`seed card refused: ${JSON.stringify(answer.error)}`);
    learn('cards:register', answer.value, state, backend);
  }
  backend.maintenance.createBackup();
  state.backupNames = backend.maintenance.listBackups().map((b) => b.name);
}

function describe(payload: unknown): string {
  try {
    const text = JSON.stringify(payload) ?? String(payload);
    return text.length > 300 ? `${text.slice(0, 300)}…(${text.length})` : text;
  } catch {
    return String(payload);
  }
}

function learn(channel: string, value: unknown, state: FuzzState, backend: Backend): void {
  const card = value as { id?: unknown; holderHsaId?: unknown };
  if (['cards:register', 'cards:extend'].includes(channel) && typeof card.id === 'string') {
    state.cardIds.push(card.id);
    if (typeof card.holderHsaId === 'string') state.holderIds.push(card.holderHsaId);
  }
  if (channel === 'backup:create' || channel === 'backup:restore') {
    state.backupNames = backend.maintenance.listBackups().map((b) => b.name);
  }
}

/**
 * Sends `payloadsPerChannel` generated payloads to every channel (random JSON, huge and
 * broken strings, SQL-looking text, DST-gap times, mutations of valid payloads, valid
 * ones) and counts what must never happen: a crash, an 'internal' or untyped error, an
 * output that breaks the contract, text that does not come back as stored NFC.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const sandbox = join(options.dir, 'sandbox');
  mkdirSync(sandbox, { recursive: true });
  const result: FuzzResult = {
    fuzzPayloads: 0,
    fuzzCrashes: 0,
    untypedErrors: 0,
    outputMismatches: 0,
    roundTrips: 0,
    roundTripFailures: 0,
    perChannel: {},
    examples: [],
  };
  const note = (text: string) => {
    if (result.examples.length < 30) result.examples.push(text);
  };
  const processFailure = (error: unknown) => {
    result.fuzzCrashes++;
    note(`process: ${error instanceof Error ? error.stack : String(error)}`);
  };
  process.on('unhandledRejection', processFailure);
  const backend = createBackend({
    databasePath: join(options.dir, 'fuzz.db'),
    mode: 'web',
    version: 'fuzz',
    actor: 'fuzz',
    logError: (channel, error) =>
      note(`internal in ${channel}: ${error instanceof Error ? error.stack : String(error)}`),
  });
  const state: FuzzState = { cardIds: [], holderIds: [], backupNames: [], sandbox, counter: 0 };
  try {
    await seedRegister(backend, state);
    for (const channel of fuzzOrder(options.channels ?? CHANNEL_NAMES)) {
      const started = Date.now();
      const stats = { payloads: 0, accepted: 0, ms: 0 };
      const arbitrary = generator(channel, state);
      for (let batch = 0; stats.payloads < options.payloadsPerChannel; batch++) {
        const size = Math.min(250, options.payloadsPerChannel - stats.payloads);
        const seed =
          options.seed + batch * 7919 + [...channel].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 0);
        for (const generated of fc.sample(arbitrary, { numRuns: size, seed })) {
          const payload = confinePaths(generated.payload, sandbox, stats.payloads);
          stats.payloads++;
          let answer: IpcResult<unknown>;
          try {
            answer = await backend.router.invoke(channel, payload, { trustedSender: true });
          } catch (error) {
            result.fuzzCrashes++;
            note(`${channel} threw ${String(error)} for ${describe(payload)}`);
            continue;
          }
          if (answer.ok) {
            stats.accepted++;
            if (!contract[channel as Channel].output.safeParse(answer.value).success) {
              result.outputMismatches++;
              note(`${channel} output breaks the contract for ${describe(payload)}`);
            }
            learn(channel, answer.value, state, backend);
          } else if (answer.error.code === 'internal') {
            result.fuzzCrashes++;
            note(`${channel} answered internal for ${describe(payload)}`);
          } else if (
            !(ERROR_CODES as readonly string[]).includes(answer.error.code) ||
            (answer.error.code === 'invalid-input' && !Array.isArray(answer.error.fields))
          ) {
            result.untypedErrors++;
            note(`${channel} untyped error ${describe(answer.error)}`);
          }
          if (channel === 'cards:register' && generated.kind === 'valid') {
            result.roundTrips++;
            const problem = await checkRoundTrip(backend, generated.payload, answer);
            if (problem) {
              result.roundTripFailures++;
              note(`round trip: ${problem} for ${describe(payload)}`);
            }
          }
        }
      }
      stats.ms = Date.now() - started;
      result.perChannel[channel] = stats;
      result.fuzzPayloads += stats.payloads;
      options.log?.(
        `fuzz ${channel}: ${stats.payloads} payloads, ${stats.accepted} accepted, ${stats.ms} ms`,
      );
    }
  } finally {
    backend.close();
    process.off('unhandledRejection', processFailure);
  }
  if (({} as Record<string, unknown>).polluted !== undefined) {
    result.fuzzCrashes++;
    note('Object.prototype was polluted');
  }
  return result;
}

// Run directly: a full fuzz in a temporary folder, then the URL paths of the browser mode;
// the figures as the last line.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { payloads: { type: 'string' }, seed: { type: 'string' }, 'url-paths': { type: 'string' } },
  });
  // Fuzzing is about input, not durability (the kill rounds test that): a RAM disk spares
  // the thousands of fsyncs the accepted writes make.
  const base = process.env.KORTLIGGAREN_FUZZ_DIR ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  const dir = mkdtempSync(join(base, 'kortliggaren-fuzz-'));
  try {
    const figures = await runFuzz({
      payloadsPerChannel: Number(values.payloads ?? 10_000),
      seed: Number(values.seed ?? Date.now() % 1_000_000),
      dir,
      log: (line) => console.log(line),
    });
    for (const example of figures.examples) console.log(`! ${example}`);
    const urlDir = join(dir, 'url');
    mkdirSync(urlDir);
    const urlFuzz = await runUrlFuzz({
      paths: Number(values['url-paths'] ?? 5_000),
      seed: Number(values.seed ?? Date.now() % 1_000_000),
      dir: urlDir,
      log: (line) => console.log(line),
    });
    for (const example of urlFuzz.examples) console.log(`! url: ${example}`);
    console.log(`url fuzz statuses: ${JSON.stringify(urlFuzz.statuses)}`);
    console.log(JSON.stringify({ ...figures, urlFuzz: { ...urlFuzz, examples: undefined } }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
