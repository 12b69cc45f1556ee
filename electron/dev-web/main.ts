import { dirname, join, resolve } from 'node:path';
import { createBackend } from '../app/backend';
import { readVersion } from '../cli/run';
import { exportFolderChooser } from './export-folder';
import { startWebServer } from './server';

// `npm run dev:web` (Vite, hot reload) and `npm run preview:web` (the production build).
const staticMode = process.argv.includes('--static');
const root = resolve(import.meta.dirname, '../..');
const databasePath = resolve(process.env.KORTLIGGAREN_DB ?? 'kortliggaren-dev.db');
// The browser has no native save dialog: exports go to a fixed folder under the suggested
// name (the "stubbed save dialog" of the e2e tests). The page still never names a path.
const exportDir = resolve(process.env.KORTLIGGAREN_EXPORT_DIR ?? join(dirname(databasePath), 'exports'));
const backend = createBackend({
  databasePath,
  mode: 'web',
  version: readVersion(),
  logError: (channel, error) => console.error(`[${channel}]`, error),
  chooseExportPath: exportFolderChooser(exportDir),
  // The hub password lives in memory in the browser mode: gone when the server stops.
  hub: { background: true },
});
const server = await startWebServer({
  router: backend.router,
  port: Number(process.env.PORT ?? 5173),
  renderer: staticMode ? { kind: 'static', dir: resolve(root, 'dist/renderer') } : { kind: 'vite', root },
  onError: (error) => console.error('[server]', error),
});
console.log(`Kortliggaren (webbläge) på ${server.url}  databas: ${databasePath}`);

const stop = () => {
  void server
    .close()
    .then(() => backend.stopSync())
    .finally(() => {
      backend.close();
      process.exit(0);
    });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
