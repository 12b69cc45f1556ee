import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../../../electron/cli/run';
import { tempDir } from '../../fixtures/cards';
import { useHubServer } from '../hub/support';
import { hsa, randomCard, seeded } from './support';

const hubs = useHubServer();
const { dir, cleanup } = tempDir('kortliggaren-sync-cli-');
afterAll(() => cleanup());

async function cli(db: string, env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCliAsync(['--db', db, ...argv], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: { HOME: dir, ...env },
    version: '9.9.9',
  });
  const stdout = out.join('\n');
  return { status, stdout, stderr: err, json: stdout ? (JSON.parse(stdout) as unknown) : undefined };
}

const random = seeded(4711);
function importFile(
  name: string,
  deskTag: string,
  count: number,
  patch: Record<string, unknown> = {},
): string {
  const path = join(dir, name);
  const cards = Array.from({ length: count }, () => ({ ...randomCard(random, deskTag), ...patch }));
  writeFileSync(path, JSON.stringify({ cards }));
  return path;
}

const withoutPassword = (url: string) => url.replace(/:[^:@/]+@/, '@');

describe('hub join, sync and --scope region on the command line', () => {
  it('joins, syncs with the password from PGPASSWORD, and shows the region', async () => {
    const hub = await hubs.newHub();
    const boras = await hub.addDesk('boras', 'Borås');
    const skovde = await hub.addDesk('skovde', 'Skövde');
    const a = { db: 'a.db', pw: { PGPASSWORD: boras.password } };
    const b = { db: 'b.db', pw: { PGPASSWORD: skovde.password } };

    // Not joined yet.
    const early = await cli(a.db, a.pw, 'sync');
    expect(early).toMatchObject({ status: 1 });
    expect(early.stderr).toEqual([
      'Fel: Registret är inte anslutet till någon regional hubb. Anslut det först: hub join --url DESK-URL',
    ]);
    expect((await cli(a.db, {}, 'hub', 'join')).status).toBe(2);

    expect((await cli(a.db, {}, 'import', importFile('a.json', 'boras', 15))).status).toBe(0);
    expect((await cli(b.db, {}, 'import', importFile('b.json', 'skovde', 15))).status).toBe(0);

    // The password in the URL is used once and stored nowhere.
    const joined = await cli(a.db, {}, 'hub', 'join', '--url', boras.url);
    expect(joined.stderr).toEqual([]);
    expect(joined.json).toEqual({
      hubId: hub.init.hubId,
      deskId: 'boras',
      deskName: 'Borås',
      url: withoutPassword(boras.url),
      pending: 15,
    });
    // Without a password in the URL it comes from PGPASSWORD.
    expect((await cli(b.db, b.pw, 'hub', 'join', '--url', withoutPassword(skovde.url))).status).toBe(0);
    const file = readFileSync(join(dir, a.db));
    expect(file.includes(Buffer.from(boras.password))).toBe(false);

    // Joining again as another desk is refused; as the same desk it is fine.
    const other = await cli(a.db, {}, 'hub', 'join', '--url', skovde.url);
    expect(other.status).toBe(1);
    expect(other.stderr[0]).toMatch(/^Fel: Registret är anslutet som kortstationen boras på hubben .*skovde/);
    expect((await cli(a.db, {}, 'hub', 'join', '--url', boras.url)).status).toBe(0);

    // sync uses the stored URL and PGPASSWORD; without a password it says what to do.
    const refused = await cli(a.db, {}, 'sync');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toEqual([
      `Fel: Lösenordet för kortstationens inloggning ${boras.role} saknas. Skriv det i URL:en eller sätt miljövariabeln PGPASSWORD (lösenordet som hub desk add visade).`,
    ]);
    const wrong = await cli(a.db, { PGPASSWORD: 'fel' }, 'sync');
    expect(wrong.stderr[0]).toMatch(/^Fel: Hubben 127\.0\.0\.1 godtog inte inloggningen för rollen/);
    expect((await cli(a.db, a.pw, 'sync')).json).toEqual({ pushed: 15, pulled: 0, cursor: 15 });
    expect((await cli(b.db, b.pw, 'sync')).json).toEqual({ pushed: 15, pulled: 15, cursor: 30 });
    expect((await cli(a.db, a.pw, 'sync', '--url', boras.url)).json).toEqual({
      pushed: 0,
      pulled: 15,
      cursor: 30,
    });

    // findings --scope region: both desks' cards, each with its desk.
    const findings = await cli(a.db, {}, 'findings', '--scope', 'region');
    expect(findings.status).toBe(0);
    const rows = findings.json as { deskId: string; desk: string; own: boolean }[];
    expect(rows).toHaveLength(30);
    expect(rows.filter((r) => r.own).every((r) => r.deskId === 'boras' && r.desk === 'Borås')).toBe(true);
    expect(rows.filter((r) => !r.own).every((r) => r.deskId === 'skovde' && r.desk === 'Skövde')).toBe(true);
    expect((await cli(a.db, {}, 'findings', '--scope', 'alla')).stderr).toEqual([
      'scope: ska vara desk eller region',
    ]);
    expect((await cli(a.db, {}, 'findings')).json).toHaveLength(15);

    // report --scope region is the coordinator's report.
    for (const month of ['2026-01', '2026-02', '2026-03']) {
      const desk = (await cli(a.db, {}, 'report', '--scope', 'region', '--month', month)).json as Record<
        string,
        unknown
      >;
      const coordinator = (await cli('c.db', {}, 'hub', 'report', '--url', hub.adminUrl, '--month', month))
        .json as Record<string, unknown>;
      const { generatedAt: _a, deskCoverage: coverage, ...deskReport } = desk;
      const { generatedAt: _b, deskCoverage: _c, ...hubReport } = coordinator;
      expect(deskReport).toEqual(hubReport);
      expect((deskReport.totals as { newlyIssued: { level2: number } }).newlyIssued).toBeDefined();
      expect(coverage).toEqual([
        expect.objectContaining({ desk: 'boras', name: 'Borås', own: true }),
        expect.objectContaining({ desk: 'skovde', name: 'Skövde', own: false }),
      ]);
    }
  }, 120_000);

  it('raises the changed-since-export alert when another desk pushes a card late into an exported month', async () => {
    const hub = await hubs.newHub();
    const boras = await hub.addDesk('boras', 'Borås');
    const skovde = await hub.addDesk('skovde', 'Skövde');
    const a = 'late-a.db';
    const b = 'late-b.db';
    await cli(a, {}, 'hub', 'join', '--url', boras.url);
    await cli(b, {}, 'hub', 'join', '--url', skovde.url);
    await cli(a, {}, 'import', importFile('late-a.json', 'boras', 5));
    await cli(a, {}, 'sync', '--url', boras.url);
    await cli(b, {}, 'sync', '--url', skovde.url);
    const exported = await cli(
      b,
      {},
      'report',
      '--scope',
      'region',
      '--month',
      '2026-01',
      '--out',
      join(dir, 'jan.xlsx'),
      '--format',
      'xlsx',
    );
    expect(exported.status).toBe(0);
    expect(exported.json).toMatchObject({
      month: '2026-01',
      scope: 'region',
      files: [join(dir, 'jan.xlsx')],
    });
    expect(existsSync(join(dir, 'jan.xlsx'))).toBe(true);

    // Borås registers a January card in February, offline; it reaches Skövde with the next syncs.
    await cli(
      a,
      {},
      'import',
      importFile('late.json', 'boras', 1, {
        organisationHsaId: hsa(99, 'SEN'),
        organisationName: 'Sen organisation',
        issuedAt: '2026-01-20T21:00:00+01:00',
        expiresAt: '2026-01-22T21:00:00+01:00',
      }),
    );
    await cli(a, {}, 'sync', '--url', boras.url);
    const late = await cli(b, {}, 'sync', '--url', skovde.url);
    expect(late.status).toBe(0);
    expect(late.stderr).toEqual([
      'Varning: regionens rapport för 2026-01 har ändrats sedan den exporterades (kort som skickats sent). Exportera månaden på nytt.',
    ]);
    const raw = new Database(join(dir, b), { readonly: true });
    expect(raw.prepare("SELECT count(*) FROM audit_log WHERE entity = 'region-report'").pluck().get()).toBe(
      1,
    );
    raw.close();
    // Exported again: the alert goes away.
    await cli(b, {}, 'report', '--scope', 'region', '--month', '2026-01', '--out', join(dir, 'jan.json'));
    expect((await cli(b, {}, 'sync', '--url', skovde.url)).stderr).toEqual([]);
  }, 120_000);
});
