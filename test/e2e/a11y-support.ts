import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The WCAG 2.0 and 2.1 success criteria of levels A and AA, as axe-core tags them. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

/** axe-core's browser build, read once from node_modules. */
function readAxeSource(): string {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** One axe violation, cut down to what a failing test needs to show. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string; html: string }[];
}

interface AxeResultLike {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string; html: string }[];
  }[];
}

/**
 * Runs axe-core in the page with the WCAG 2.1 A + AA rules and returns its violations.
 * The script is evaluated over the DevTools protocol, so the built app's
 * Content-Security-Policy (script-src 'self') does not stop it.
 */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(readAxeSource());
  const result = await page.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } }).axe;
      return (await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })) as AxeResultLike;
    },
    { tags: [...WCAG_AA_TAGS], include },
  );
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.map(String).join(' '),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
      html: n.html.slice(0, 200),
    })),
  }));
}

/** A readable list of violations for a failing assertion's message. */
export function describeViolations(where: string, violations: AxeViolation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = violations.flatMap((v) => [
    `${where}: ${v.id} (${v.impact ?? '?'}) ${v.help} — ${v.nodes.length} node(s)`,
    ...v.nodes.slice(0, 6).map((n) => `    ${n.target}: ${n.summary}\n      ${n.html}`),
  ]);
  return lines.join('\n');
}

/** Waits until no Mantine transition is running, so axe sees the page as it rests. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const running = () => document.getAnimations().filter((a) => a.playState === 'running');
        const deadline = Date.now() + 3000;
        const check = () => {
          if (running().length === 0 || Date.now() > deadline) requestAnimationFrame(() => resolve());
          else setTimeout(check, 50);
        };
        check();
      }),
  );
}
