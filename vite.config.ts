import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { ChunkingContext } from 'rolldown';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The Content-Security-Policy of the built renderer. Scripts only from the app itself;
 * inline styles are allowed because Mantine sets style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

// The dev server injects inline scripts for hot reload, so the policy goes into the
// built HTML only; the development mode is never shipped.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'kortliggaren-csp',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

/**
 * Builds the page's `boot.ts` (renderer/boot.ts), when the root has one, as an entry of its
 * own and loads it first, asynchronously: it sends the first screen's calls while the app's
 * code is still loading and compiling. Vite would otherwise merge every script of
 * index.html into the app's one entry. main.tsx imports the same module, so it runs once;
 * in the dev server that import is all there is.
 */
function bootFirst(file = 'boot.ts'): Plugin {
  let active = false;
  return {
    name: 'kortliggaren-boot-first',
    apply: 'build',
    config(config) {
      const root = resolve(config.root ?? '.');
      active = existsSync(join(root, file));
      if (!active) return undefined;
      const boot = join(root, file);
      // The boot module and what it imports, found once from the module graph.
      let bootModules: Set<string> | undefined;
      const bootClosure = (ctx: ChunkingContext) => {
        if (bootModules) return bootModules;
        bootModules = new Set();
        const queue = [boot];
        for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
          if (bootModules.has(id)) continue;
          bootModules.add(id);
          queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
        }
        return bootModules;
      };
      return {
        build: {
          rolldownOptions: {
            input: { index: join(root, 'index.html'), boot },
            output: {
              codeSplitting: {
                // The group would otherwise pull in the boot module, which main.tsx imports.
                includeDependenciesRecursively: false,
                // Everything else the app needs to start goes into one chunk: as a dozen
                // small ones shared with the lazy pages, the last of them queued behind the
                // start-up calls (a browser opens six connections to a server).
                groups: [
                  {
                    name: (id, ctx) => (bootClosure(ctx).has(id) ? null : 'app'),
                    debugName: 'app',
                    tags: ['$initial'],
                  },
                ],
              },
            },
          },
        },
      };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!active) return html;
        const boot = Object.values(bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.isEntry && output.name === 'boot',
        );
        if (!boot) throw new Error('the boot entry is missing from the bundle');
        // Just before the app's own script: after the Content-Security-Policy, and first to run.
        const first = '<script type="module"';
        if (!html.includes(first)) throw new Error('index.html has no module script');
        return html.replace(
          first,
          `<script type="module" async crossorigin src="./${boot.fileName}"></script>\n    ${first}`,
        );
      },
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(), bootFirst()],
  // ES-module workers let the import wizard load exceljs only when an .xlsx file is chosen.
  worker: { format: 'es' },
  build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1', strictPort: true },
  test: {
    root: '.',
    projects: [
      {
        test: {
          name: 'unit',
          root: '.',
          include: ['test/shared/**/*.test.ts', 'test/electron/**/*.test.ts'],
          environment: 'node',
          globals: true,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          root: '.',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          globals: true,
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globals: true,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
