import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleChild } from '../../../scripts/reliability/bundle';
import { createBackend, type Backend } from '../../../electron/app/backend';
import { auditHeadPath, readAuditHead, readAuditHeadFile } from '../../../electron/db/audit-head';
import { verifyAudit } from '../../../electron/services/audit-verify';
import { eraseExpiredPersonalData } from '../../../electron/services/personal-data';
import type { AppHealth } from '../../../shared/ipc/maintenance';
import { tempDir, validCard } from '../../fixtures/cards';
import { cliIn } from '../cli/cli-helpers';

// Issue 13 item 12: deleting the -wal after a crash lost acknowledged cards and `audit
// verify` said ok — a shorter chain is still a chain. The head recorded beside the register
// after each commit says what the database should hold.

let dir: string;
let cleanup: () => void;
let file: string;
const backends: Backend[] = [];
let child: { path: string; dispose: () => void };

beforeAll(async () => {
  child = await bundleChild(join(import.meta.dirname, '../support/audit-head-child.ts'));
});
afterAll(() => child.dispose());
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  file = join(dir, 'k.db');
});
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  cleanup();
});

function open(): Backend {
  const backend = createBackend({ databasePath: file, mode: 'web', version: 'test' });
  backends.push(backend);
  return backend;
}

const call = async <T = unknown>(backend: Backend, channel: string, input: unknown): Promise<T> => {
  const result = await backend.router.invoke(channel, input, { trustedSender: true });
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
};

/** Registers `count` cards in a child process, then kills it (SIGKILL) without a clean close. */
async function registerThenCrash(count: number): Promise<void> {
  const proc = spawn(process.execPath, [child.path, file, String(count)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    proc.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('committed')) resolve();
    });
    proc.on('exit', (code) => reject(new Error(`child exited ${code}: ${err}`)));
  });
  const exited = new Promise((resolve) => proc.on('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
}

describe('the audit head beside the register', () => {
  it('is written after each commit that moves the head, atomically, and not otherwise', async () => {
    const backend = open();
    expect(existsSync(auditHeadPath(file))).toBe(false); // a new register has no entries yet
    await call(backend, 'cards:register', validCard());
    const first = readAuditHeadFile(auditHeadPath(file));
    expect(first).toMatchObject({ ...readAuditHead(backend.db), format: 'kortliggaren/audit-head@1' });
    expect(first?.registerId).toMatch(/^[0-9a-f-]{36}$/);
    const written = statSync(auditHeadPath(file)).mtimeMs;
    await call(backend, 'cards:list', {});
    await call(backend, 'report:monthly', { month: '2026-02' });
    expect(statSync(auditHeadPath(file)).mtimeMs).toBe(written);
    await call(backend, 'cards:register', validCard({ cardNumber: '9752210000000000002' }));
    expect(readAuditHeadFile(auditHeadPath(file))?.seq).toBe(readAuditHead(backend.db)!.seq);
    const health = await call<AppHealth>(backend, 'app:health', {});
    expect(health.rollback).toBeNull();
  });

  it('catches a database that lost committed cards with its -wal after a crash', async () => {
    const first = open();
    await call(first, 'cards:register', validCard());
    first.close();
    await registerThenCrash(2);
    const recorded = readAuditHeadFile(auditHeadPath(file))!;
    // The two cards are only in the WAL: without it, the database is as before them.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    rmSync(`${file}-wal`);
    rmSync(`${file}-shm`, { force: true });

    const backend = open();
    // The chain alone cannot tell: it is shorter, not broken.
    expect(verifyAudit(backend.services)).toMatchObject({ ok: true });
    const health = await call<AppHealth>(backend, 'app:health', {});
    const databaseSeq = readAuditHead(backend.db)!.seq;
    expect(databaseSeq).toBeLessThan(recorded.seq);
    expect(health.rollback).toMatchObject({ recordedSeq: recorded.seq, databaseSeq });
    expect(health.rollback?.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:00$/);
    // Working on does not hide it: the recorded head is kept until the loss is dealt with.
    await call(backend, 'cards:register', validCard({ cardNumber: '9752210000000000077' }));
    await call(backend, 'cards:register', validCard({ cardNumber: '9752210000000000078' }));
    await call(backend, 'cards:register', validCard({ cardNumber: '9752210000000000079' }));
    backend.close();
    expect(readAuditHeadFile(auditHeadPath(file))).toEqual(recorded);

    const cli = cliIn(dir);
    const verify = cli('audit', 'verify');
    expect(verify.status).toBe(1);
    expect(verify.json).toMatchObject({
      ok: false,
      reason: 'behind-recorded-head',
      recordedSeq: recorded.seq,
    });
    expect(verify.stderr).toEqual([
      expect.stringMatching(
        /^databasen saknar ändringar som redan hade sparats: post \d+ .*kontakta IT-supporten\.$/,
      ),
    ]);
    // Every other command says it too, once, and still does its work.
    const findings = cli('findings');
    expect(findings.status).toBe(0);
    expect(findings.stderr).toEqual([expect.stringMatching(/^Varning: databasen saknar ändringar/)]);

    // IT has looked into it and accepts the register as it is: audited, and clear from then on.
    const accepted = cli('audit', 'accept-head', '--yes');
    expect(accepted).toMatchObject({ status: 0, json: { accepted: true } });
    expect(cli('audit', 'verify')).toMatchObject({ status: 0, json: { ok: true } });
    expect(cli('findings').stderr).toEqual([]);
    const again = open();
    const entry = again.db
      .prepare<[], { before_json: string }>(
        "SELECT before_json FROM audit_log WHERE action = 'audit.head-accepted'",
      )
      .get();
    expect(JSON.parse(entry!.before_json)).toMatchObject({ seq: recorded.seq, hash: recorded.hash });
  }, 60_000);

  it('a restored backup starts a new record: the restore is no rollback', async () => {
    const backend = open();
    await call(backend, 'cards:register', validCard());
    const backup = await call<{ backup: { name: string } }>(backend, 'backup:create', {});
    await call(backend, 'cards:register', validCard({ cardNumber: '9752210000000000002' }));
    await call(backend, 'backup:restore', { name: backup.backup.name });
    const health = await call<AppHealth>(backend, 'app:health', {});
    expect(health.rollback).toBeNull();
    expect(readAuditHeadFile(auditHeadPath(file))?.seq).toBe(readAuditHead(backend.db)!.seq);
  });

  it('follows an erasure that rewrites the chain: no false alarm at the next start', async () => {
    const backend = open();
    await call(backend, 'cards:register', validCard());
    await call(
      backend,
      'cards:register',
      validCard({ cardNumber: '9752210000000000002', holderHsaId: 'SE5565594230-H001' }),
    );
    const erased = eraseExpiredPersonalData(backend.services, Date.parse('2040-01-01T00:00:00Z'));
    expect(erased.auditRowsRewritten).toBeGreaterThan(0);
    backend.close();
    const reopened = open();
    expect((await call<AppHealth>(reopened, 'app:health', {})).rollback).toBeNull();
  });

  it('a torn or foreign file is ignored and written anew', async () => {
    const backend = open();
    await call(backend, 'cards:register', validCard());
    backend.close();
    writeFileSync(auditHeadPath(file), '{"format":"kortliggaren/audit-he');
    const reopened = open();
    expect((await call<AppHealth>(reopened, 'app:health', {})).rollback).toBeNull();
    expect(JSON.parse(readFileSync(auditHeadPath(file), 'utf8'))).toMatchObject(readAuditHead(reopened.db)!);
  });
});
