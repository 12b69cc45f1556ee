import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { ORG, tempDir, validCard } from '../../fixtures/cards';
import { cliIn, contentOf, toCsv, uuid } from './cli-helpers';

let dir: string;
let cleanup: () => void;
let cli: ReturnType<typeof cliIn>;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  cli = cliIn(dir);
  const file = join(dir, 'one.csv');
  writeFileSync(file, toCsv([validCard({ id: uuid(1), organisationName: 'Region V?stra G?taland' })]));
  expect(cli('import', file).status).toBe(0);
});
afterEach(() => cleanup());

describe('cli organisations', () => {
  it('lists the organisations and corrects a name, audited; the report shows it', () => {
    expect(cli('organisations')).toMatchObject({
      status: 0,
      json: [{ hsaId: ORG, name: 'Region V?stra G?taland' }],
    });
    expect(cli('organisations', 'rename', ORG, '--name', 'Region Västra Götaland')).toMatchObject({
      status: 0,
      json: { hsaId: ORG, name: 'Region Västra Götaland' },
    });
    const audit = contentOf(dir).audit as { action: string; entity_id: string; before_json: string }[];
    expect(audit.at(-1)).toMatchObject({
      action: 'organisation.rename',
      entity_id: ORG,
      before_json: JSON.stringify({ hsaId: ORG, name: 'Region V?stra G?taland' }),
    });
    expect(cli('audit', 'verify').status).toBe(0);
    const report = cli('report', '--month', '2026-02').json as {
      organisations: { organisationName: string }[];
    };
    expect(report.organisations.map((o) => o.organisationName)).toEqual(['Region Västra Götaland']);
  });

  it('refuses bad input with exit 2, naming the field, and writes nothing', () => {
    const before = contentOf(dir);
    expect(cli('organisations', 'rename', 'SE2321000016-ZZZZ', '--name', 'X')).toMatchObject({
      status: 2,
      stderr: ['hsaId: Det finns ingen organisation med detta HSA-id.'],
    });
    expect(cli('organisations', 'rename', ORG)).toMatchObject({
      status: 2,
      stderr: ['name: Måste fyllas i.'],
    });
    expect(cli('organisations', 'rename', ORG, '--name', 'Rad\u0007')).toMatchObject({
      status: 2,
      stderr: ['name: Innehåller otillåtna tecken (styrtecken eller trasig Unicode).'],
    });
    expect(cli('organisations', 'rename')).toMatchObject({
      status: 2,
      stderr: ['Felaktig användning: använd: organisations | organisations rename HSA-ID --name NAMN'],
    });
    expect(cli('organisations', 'delete', ORG).status).toBe(2);
    expect(contentOf(dir)).toEqual(before);
  });

  it('is in --help', () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: () => {}, cwd: dir, env: {}, version: 'test' };
    expect(runCli(['--help'], io)).toBe(0);
    expect(out.join('\n')).toContain('organisations [rename HSA-ID --name NAMN]');
  });
});
