import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { i18n } from 'i18next';
import { createI18n, describeFieldError, type Language } from '../../shared/i18n';
import { createBackend, type Backend } from '../app/backend';
import { resolveDataDir, resolveDatabasePath } from '../platform/data-dir';
import { ImportRejected, importRegister, type ImportSummary } from '../services/import';
import { importCsv } from '../services/import-rows';
import { systemErrorDetail, systemFaultCode } from '../services/system-errors';
import { runBackup, runPersonalData, runRestore } from './backup-commands';
import { runHubCommand, type AsyncCommand } from './hub-commands';
import {
  DESK_HUB_COMMANDS,
  runRegionFindings,
  runRegionReport,
  runSyncCommand,
  withRegionScope,
} from './sync-commands';
import { readImportFile, type ImportFile } from './import-file';
import { runAudit, runEnd, runReview, runVoid, type LifecycleEnv } from './lifecycle-commands';
import { runOrganisations } from './organisation-commands';
import { runReport } from './report-command';
import { CliInputError, runDecisions, runFindings, runSettings } from './rules-commands';
import { cliTexts } from './texts';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  version: string;
}

/** Exit statuses of SPEC §6. */
export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const;

class UsageError extends Error {}

type Command = (
  args: string[],
  backend: () => Backend,
  io: CliIo,
  t: i18n['t'],
  language: Language,
) => number;

// Commands that print JSON and report bad input as lines (exit 2); a command may return
// its own exit status (`audit verify` exits 1 on a broken chain).
function simple(run: (args: string[], env: LifecycleEnv) => void | number): Command {
  return (args, backend, io, t, language) => {
    try {
      const status = run(args, { backend, stdout: io.stdout, stderr: io.stderr, t, language });
      return typeof status === 'number' ? status : EXIT.ok;
    } catch (error) {
      if (!(error instanceof CliInputError)) throw error;
      for (const line of error.lines) io.stderr(line);
      return EXIT.invalid;
    }
  };
}

const COMMANDS: Record<string, Command> = {
  import: runImport,
  findings: simple(withRegionScope(runFindings, runRegionFindings)),
  settings: simple(runSettings),
  decisions: simple(runDecisions),
  report: simple(withRegionScope(runReport, runRegionReport)),
  review: simple(runReview),
  void: simple(runVoid),
  end: simple(runEnd),
  audit: simple(runAudit),
  backup: simple(runBackup),
  restore: simple(runRestore),
  'personal-data': simple(runPersonalData),
  organisations: simple(runOrganisations),
};

const hasOption = (args: string[], name: string) => args.some((a) => a === name || a.startsWith(`${name}=`));

// The invocations that only read: they open the register read-only, so they work on a
// read-only folder or a full disk (and take no daily backup on the way).
const READS_ONLY: Record<string, (args: string[]) => boolean> = {
  findings: () => true,
  review: () => true,
  audit: (args) => args[0] === 'verify',
  report: (args) => !hasOption(args, '--out'),
  organisations: (args) => args.length === 0,
  decisions: (args) => args.length === 0,
  settings: (args) => args.length === 0,
  backup: (args) => args[0] === 'list',
  'personal-data': (args) => args[0] === 'retention' && !hasOption(args, '--years'),
};

// Commands that talk over the network (the regional hub, SPEC §8): asynchronous, so they
// run through runCliAsync. The desk's `hub join` and `sync` go here too.
const ASYNC_COMMANDS: Record<string, AsyncCommand> = {
  hub: (args, env) => runHubCommand(args, env, DESK_HUB_COMMANDS),
  sync: runSyncCommand,
};

/** Every command the CLI knows; `--help` lists each. */
export const COMMAND_NAMES = [...Object.keys(COMMANDS), ...Object.keys(ASYNC_COMMANDS)];

// Where the command name is: the first argument that is no global option or its value.
function commandIndexOf(argv: string[]): number {
  return argv.findIndex(
    (arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--db' && argv[i - 1] !== '--lang',
  );
}

/**
 * The CLI's entry point: runs an asynchronous command (the hub's) to completion, and every
 * other command through runCli. Resolves to the exit status.
 */
export async function runCliAsync(argv: string[], io: CliIo): Promise<number> {
  const commandIndex = commandIndexOf(argv);
  const command = commandIndex === -1 ? undefined : ASYNC_COMMANDS[argv[commandIndex]!];
  if (!command) return runCli(argv, io);
  const globalArgs = argv.slice(0, commandIndex);
  const language = languageOf(globalArgs);
  const t = textsFor(language);
  let globals: GlobalOptions;
  try {
    globals = readGlobals(globalArgs, t);
  } catch (error) {
    io.stderr(`${t('cli:usage.prefix')}: ${(error as Error).message}`);
    return EXIT.invalid;
  }
  // `hub … --help` or `--version hub …`: answered as without the command.
  if (globals.help || globals.version) return runCli(globalArgs, io);
  const databasePath = databasePathOf(globals.db, io);
  let backend: Backend | undefined;
  try {
    return await command(argv.slice(commandIndex + 1), {
      ...io,
      t,
      language,
      databasePath,
      backend: () => (backend ??= createBackend({ databasePath, mode: 'cli', version: io.version })),
    });
  } catch (error) {
    io.stderr(`${t('cli:error.prefix')}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  } finally {
    backend?.close();
  }
}

interface GlobalOptions {
  db?: string;
  lang?: string;
  help?: boolean;
  version?: boolean;
}

function languageOf(globalArgs: string[]): Language {
  return globalArgs.includes('en') && globalArgs[globalArgs.indexOf('en') - 1] === '--lang' ? 'en' : 'sv';
}

function textsFor(language: Language): i18n['t'] {
  return createI18n(language, { sv: { cli: cliTexts.sv }, en: { cli: cliTexts.en } }).t;
}

// The options before the command; throws a parse error or a UsageError.
function readGlobals(globalArgs: string[], t: i18n['t']): GlobalOptions {
  const { values } = parseArgs({
    args: globalArgs,
    options: {
      db: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.lang !== undefined && values.lang !== 'sv' && values.lang !== 'en') {
    throw new UsageError(t('cli:usage.badLanguage'));
  }
  return values;
}

function databasePathOf(db: string | undefined, io: CliIo): string {
  return db
    ? resolve(io.cwd, db)
    : resolveDatabasePath(
        resolveDataDir({ platform: process.platform, env: io.env, home: io.env.HOME ?? '' }),
      );
}

/**
 * Runs one CLI invocation: `[--db FILE] [--lang sv|en] COMMAND …`. Output is JSON on
 * stdout; each error is one line on stderr. Returns the exit status.
 */
export function runCli(argv: string[], io: CliIo): number {
  const commandIndex = commandIndexOf(argv);
  const globalArgs = commandIndex === -1 ? argv : argv.slice(0, commandIndex);
  const rest = commandIndex === -1 ? [] : argv.slice(commandIndex + 1);
  const language = languageOf(globalArgs);
  const t = textsFor(language);
  let backend: Backend | undefined;
  let databasePath: string | undefined;
  try {
    const values = readGlobals(globalArgs, t);
    if (values.version) {
      io.stdout(JSON.stringify({ version: io.version }));
      return EXIT.ok;
    }
    const name = commandIndex === -1 ? undefined : argv[commandIndex];
    if (values.help || name === undefined || name === 'help') {
      io.stdout(t('cli:help'));
      return values.help || name === 'help' ? EXIT.ok : EXIT.invalid;
    }
    const command = COMMANDS[name];
    // The hub's commands are asynchronous: they run through runCliAsync (main.ts does).
    if (!command) throw new UsageError(t('cli:usage.unknownCommand', { name }));
    const register = databasePathOf(values.db, io);
    databasePath = register;
    // SQLite takes an empty file for a new register; a person who named a file expected theirs.
    if (values.db && isEmptyFile(register)) io.stderr(t('cli:warning.emptyDatabase', { path: register }));
    const open = () => {
      if (backend) return backend;
      backend = createBackend({
        databasePath: register,
        mode: 'cli',
        version: io.version,
        busyTimeoutMs: busyTimeoutFor(io.env),
        access: READS_ONLY[name]?.(rest) ? 'read-only' : 'read-write',
      });
      // Said at every start until resolved; `audit verify` says it as its finding.
      const rollback = name === 'audit' ? null : backend.auditRollback();
      if (rollback) io.stderr(t('cli:warning.rollback', rollback));
      return backend;
    };
    return command(rest, open, io, t, language);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`${t('cli:usage.prefix')}: ${(error as Error).message}`);
      return EXIT.invalid;
    }
    // A busy register, a full disk, a read-only folder: what to do, in the desk's language.
    const fault = systemFaultCode(error, databasePath && dirname(databasePath));
    if (fault) {
      const detail = systemErrorDetail(error);
      io.stderr(`${t('cli:error.prefix')}: ${t(`common:error.${fault}`)}${detail ? ` (${detail})` : ''}`);
      return EXIT.failure;
    }
    io.stderr(`${t('cli:error.prefix')}: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  } finally {
    backend?.close();
  }
}

/**
 * How long a CLI command waits for the app or another CLI command that is writing (a
 * second import waits for the first): 30 s, or KORTLIGGAREN_BUSY_TIMEOUT_MS. After that
 * it gives up with the busy message, having written nothing.
 */
export const CLI_BUSY_TIMEOUT_MS = 30_000;

function busyTimeoutFor(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.KORTLIGGAREN_BUSY_TIMEOUT_MS);
  return env.KORTLIGGAREN_BUSY_TIMEOUT_MS && Number.isFinite(ms) && ms >= 0 ? ms : CLI_BUSY_TIMEOUT_MS;
}

// Empty, and no WAL beside it that could hold its content.
function isEmptyFile(path: string): boolean {
  const size = (p: string) => {
    try {
      const stat = statSync(p);
      return stat.isFile() ? stat.size : -1;
    } catch {
      return undefined;
    }
  };
  return size(path) === 0 && !size(`${path}-wal`);
}

function isParseArgsError(error: unknown): boolean {
  return error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
}

// JSON registers and CSV files (SPEC §6) go through the same all-or-nothing import.
function runImport(args: string[], backend: () => Backend, io: CliIo, t: i18n['t']): number {
  if (args.length !== 1) throw new UsageError(t('cli:usage.importFile'));
  const path = resolve(io.cwd, args[0]!);
  let file: ImportFile;
  try {
    file = readImportFile(path);
  } catch {
    throw new UsageError(t('cli:import.unreadable', { path }));
  }
  let run: () => ImportSummary;
  if (file.kind === 'json') {
    let payload: unknown;
    try {
      payload = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    } catch (error) {
      io.stderr(`row 0: (file): ${t('cli:import.badJson', { detail: (error as Error).message })}`);
      return EXIT.invalid;
    }
    run = () => importRegister(backend().services, payload);
  } else {
    const text = file.text;
    run = () => importCsv(backend().services, text);
  }
  try {
    const summary = run();
    io.stdout(JSON.stringify(summary));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    for (const e of error.errors) io.stderr(`row ${e.row}: ${e.field}: ${describeMessage(t, e)}`);
    return EXIT.invalid;
  }
}

// The field is already named by the line's prefix; only the message is translated here.
function describeMessage(
  t: i18n['t'],
  e: { field: string; message: string; params?: Record<string, string | number> },
): string {
  const full = describeFieldError(t, e);
  return full.slice(full.indexOf(': ') + 2);
}

/** Reads the app version from package.json beside the source tree. */
export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
