// `npm run hub:dev`: a regional hub on this machine for trying the hub out, with nothing to
// install beyond `npm ci`. Starts a throwaway PostgreSQL (see scripts/hub/embedded-pg.ts),
// creates the hub and two desks, prints how to join two registers to it and sync them, and
// runs until Ctrl+C, when the server and its data are removed.
// Options: --port N (default: a free one).
import { parseArgs } from 'node:util';
import { addDesk, initHub } from '../electron/hub/admin';
import { startPostgres } from './hub/embedded-pg';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const server = await startPostgres(values.port ? { port: Number(values.port) } : {});
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStoppar hubben och tar bort dess data …');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  const adminUrl = await server.createDatabase('kortliggaren');
  const hub = await initHub(adminUrl, { env: {} });
  const desks = [
    await addDesk(adminUrl, { desk: 'boras', name: 'Kortstation Borås' }, { env: {} }),
    await addDesk(adminUrl, { desk: 'skovde', name: 'Kortstation Skövde' }, { env: {} }),
  ];
  const url = (role: string, password: string) =>
    `postgres://${role}:${password}@127.0.0.1:${server.port}/kortliggaren`;
  const lines = [
    `Regional hubb igång: PostgreSQL ${server.version} på 127.0.0.1:${server.port}, hubb-id ${hub.hubId}`,
    '',
    'Två kortstationer med varsitt register (egna filer i den här mappen):',
    '',
  ];
  for (const desk of desks) {
    const file = `${desk.desk}.db`;
    lines.push(
      `  # ${desk.name} (roll ${desk.role})`,
      `  npm run --silent cli -- --db ${file} hub join --url '${url(desk.role, desk.password)}'`,
      `  npm run --silent cli -- --db ${file} sync`,
      '',
    );
  }
  lines.push(
    'I appen: Inställningar → Regional hubb, med URL:en utan lösenord och lösenordet för sig:',
    ...desks.map(
      (d) =>
        `  ${d.name}: postgres://${d.role}@127.0.0.1:${server.port}/kortliggaren  lösenord ${d.password}`,
    ),
    '',
    'Samordnaren (administratörens URL):',
    `  npm run --silent cli -- hub status --url '${adminUrl}'`,
    `  npm run --silent cli -- hub report --url '${adminUrl}' --month ÅÅÅÅ-MM`,
    '',
    'Lokal adress utan TLS är bara tillåten mot den egna datorn. Ctrl+C stoppar hubben.',
  );
  console.log(lines.join('\n'));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await server.stop();
  process.exit(1);
}
