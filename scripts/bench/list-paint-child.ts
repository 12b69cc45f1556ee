import { createBackend } from '../../electron/app/backend';
import { measureListPaint } from './measure-list-paint';
import { appVersion } from './paths';

/**
 * Serves a register database in the browser mode and measures the register view in
 * the headless Chromium at BROWSER (measure-list-paint.ts), in a process of its own;
 * prints one JSON line.
 */
const [database, browser] = process.argv.slice(2);
if (!database || !browser) throw new Error('usage: list-paint-child DATABASE BROWSER');
const backend = createBackend({
  databasePath: database,
  mode: 'web',
  version: appVersion(),
  dailyBackup: false,
});
const trusted = { trustedSender: true };
// The browser mode asks for the first-run setup until it is done; a working desk has done it.
const status = await backend.router.invoke('setup:status', undefined, trusted);
if (status.ok && (status.value as { needed?: boolean }).needed) {
  const { officeHours } = status.value as { officeHours: unknown };
  await backend.router.invoke(
    'setup:complete',
    { deskName: 'Benchmark', deskUser: 'bench', officeHours },
    trusted,
  );
}
try {
  const paint = await measureListPaint(backend, browser);
  process.stdout.write(`${JSON.stringify({ ...paint, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
} finally {
  backend.close();
}
