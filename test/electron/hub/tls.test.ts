import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { whoAmI } from '../../../electron/hub/client';
import { hubClientConfig, openHubPool } from '../../../electron/hub/connect';
import { HubError } from '../../../electron/hub/errors';
import { useHubServer } from './support';

// A CA and a server certificate for "localhost" only, made with openssl for this file;
// and a second CA that signed nothing the server has.
const dir = mkdtempSync(join(tmpdir(), 'kortliggaren-tls-'));
const file = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
function makeCa(name: string): void {
  openssl(
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', file(`${name}.key`), '-out', file(`${name}.pem`), '-days', '2', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ); // prettier-ignore
}
makeCa('region-ca');
makeCa('rogue-ca');
openssl(
  'req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
  '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', '/CN=localhost',
); // prettier-ignore
writeFileSync(file('server.ext'), 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n');
openssl(
  'x509', '-req', '-in', file('server.csr'), '-CA', file('region-ca.pem'), '-CAkey', file('region-ca.key'),
  '-CAcreateserial', '-out', file('server.crt'), '-days', '2', '-extfile', file('server.ext'),
); // prettier-ignore

const hubs = useHubServer({ tls: { certFile: file('server.crt'), keyFile: file('server.key') } });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}

describe('TLS with sslmode=verify-full', () => {
  it('connects with the region’s CA, and the connection really is encrypted', async () => {
    const hub = await hubs.newHub();
    const desk = await hub.addDesk('boras');
    const url = `postgres://${desk.role}@localhost:${hubs.server.port}/${hub.database}?sslmode=verify-full&sslrootcert=${encodeURIComponent(file('region-ca.pem'))}`;
    const pool = openHubPool(url, { password: desk.password, env: {} });
    try {
      expect((await whoAmI(pool)).deskId).toBe('boras');
      const { rows } = await pool.query<{ ssl: boolean; version: string }>(
        'SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      expect(rows[0]!.ssl).toBe(true);
      expect(rows[0]!.version).toMatch(/^TLSv1\.[23]$/);
    } finally {
      await pool.end();
    }
  });

  it('refuses a server whose certificate another CA signed', async () => {
    const hub = await hubs.newHub();
    const desk = await hub.addDesk('boras');
    const url = `postgres://${desk.role}@localhost:${hubs.server.port}/${hub.database}?sslmode=verify-full&sslrootcert=${encodeURIComponent(file('rogue-ca.pem'))}`;
    const pool = openHubPool(url, { password: desk.password, env: {} });
    const error = await failure(whoAmI(pool));
    await pool.end();
    expect(error.code).toBe('hub-tls');
    expect(error.params.detail).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(error.message).toContain('kunde inte verifieras');
    expect(error.message).not.toContain(desk.password);
  });

  it('refuses a certificate that is not issued for the host name in the URL', async () => {
    const hub = await hubs.newHub();
    const desk = await hub.addDesk('boras');
    // The certificate names localhost; 127.0.0.1 is the same server, but not the same name.
    const url = `postgres://${desk.role}@127.0.0.1:${hubs.server.port}/${hub.database}?sslmode=verify-full&sslrootcert=${encodeURIComponent(file('region-ca.pem'))}`;
    const pool = openHubPool(url, { password: desk.password, env: {} });
    const error = await failure(whoAmI(pool));
    await pool.end();
    expect(error.code).toBe('hub-tls');
    expect(error.params.detail).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('a plain connection to loopback still works where the server allows it', async () => {
    const hub = await hubs.newHub();
    const desk = await hub.addDesk('boras');
    const client = new pg.Client(hubClientConfig(desk.url, { env: {} }));
    await client.connect();
    const { rows } = await client.query<{ ssl: boolean }>(
      'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
    );
    await client.end();
    expect(rows[0]!.ssl).toBe(false);
  });
});
