import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../../vite.config';

// The real build pipeline (the repo's vite.config.ts, in production mode) runs on a small
// fixture page, so the test depends neither on the state of renderer/ nor on a previous
// `vite build`.
const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURE = join(ROOT, 'test/fixtures/csp');

let outDir: string;
let html: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kortliggaren-csp-'));
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: FIXTURE,
    mode: 'production',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
  html = readFileSync(join(outDir, 'index.html'), 'utf8');
}, 60_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

function policyMetas(page: string): string[] {
  const metas = page.match(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi) ?? [];
  return metas.map((meta) => /content="([^"]*)"/i.exec(meta)?.[1] ?? '');
}

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

describe('Content-Security-Policy of the built renderer', () => {
  it('has exactly one CSP meta tag, the exported policy, inside <head>', () => {
    expect(policyMetas(html)).toEqual([CONTENT_SECURITY_POLICY]);
    const head = /<head>([\s\S]*)<\/head>/i.exec(html)?.[1] ?? '';
    expect(head).toContain('http-equiv="Content-Security-Policy"');
  });

  it("allows scripts only from 'self', never eval or inline", () => {
    const policy = directives(policyMetas(html)[0] ?? '');
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    for (const [name, values] of policy) {
      expect(values, name).not.toContain("'unsafe-eval'");
      if (name === 'script-src' || name === 'default-src')
        expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('shuts out plugins, frames, forms and base-URL tricks', () => {
    const policy = directives(policyMetas(html)[0] ?? '');
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('contains no inline script the policy would block', () => {
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\bsrc="\.\/[^"]+"/);
  });
});
