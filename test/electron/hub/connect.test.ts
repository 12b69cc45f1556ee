import { hubClientConfig, isLoopbackHost, parseHubUrl, redactHubUrl } from '../../../electron/hub/connect';
import { HubError } from '../../../electron/hub/errors';

function refusal(url: string): HubError {
  try {
    parseHubUrl(url);
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).code).toBe('hub-url');
    return error as HubError;
  }
  throw new Error(`${url} was accepted`);
}

describe('hub URLs and the TLS policy', () => {
  it('accepts verify-full anywhere and plain only to this machine', () => {
    expect(parseHubUrl('postgres://boras@hub.vgregion.se/kortliggaren?sslmode=verify-full')).toMatchObject({
      host: 'hub.vgregion.se',
      port: 5432,
      database: 'kortliggaren',
      user: 'boras',
      sslmode: 'verify-full',
      loopback: false,
    });
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      expect(parseHubUrl(`postgres://desk@${host}:5433/hub`)).toMatchObject({
        sslmode: 'disable',
        loopback: true,
      });
    }
    expect(parseHubUrl('postgresql://desk@localhost/hub?sslmode=disable').sslmode).toBe('disable');
  });

  it('refuses a plain or half-checked connection to another machine, in Swedish', () => {
    const plain = refusal('postgres://boras@10.1.2.3/kortliggaren');
    expect(plain.message).toContain('sslmode=verify-full');
    expect(plain.message).toContain('10.1.2.3 är inte den här datorn');
    for (const mode of ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'no-verify']) {
      expect(refusal(`postgres://boras@hub.example.se/k?sslmode=${mode}`).message).toContain(
        `sslmode=${mode} räcker inte`,
      );
    }
    // A look-alike of loopback is not loopback.
    expect(isLoopbackHost('localhost.evil.example')).toBe(false);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    refusal('postgres://boras@localhost.evil.example/k');
  });

  it('names what is wrong with a malformed URL, never the password', () => {
    const secret = 'hemligt-lösen-123';
    const cases = [
      `http://boras:${secret}@hub.example.se/k?sslmode=verify-full`,
      `postgres://boras:${secret}@hub.example.se/?sslmode=verify-full`,
      `postgres://:${secret}@hub.example.se/k?sslmode=verify-full`,
      `postgres://boras:${secret}@hub.example.se/k?sslmode=verify-full&sslcert=x.pem`,
      `postgres://boras:${secret}@hub.example.se/k?sslmode=fancy`,
      'inte en url',
    ];
    for (const url of cases) expect(refusal(url).message).not.toContain(secret);
    expect(refusal(cases[3]!).message).toContain('sslcert stöds inte');
  });

  it('takes the password from the URL, else the app, else PGPASSWORD', () => {
    const env = { PGPASSWORD: 'from-env' };
    expect(hubClientConfig('postgres://d:from-url@localhost/h', { env, password: 'app' }).password).toBe(
      'from-url',
    );
    expect(hubClientConfig('postgres://d@localhost/h', { env, password: 'app' }).password).toBe('app');
    expect(hubClientConfig('postgres://d@localhost/h', { env }).password).toBe('from-env');
    expect(hubClientConfig('postgres://d@localhost/h', { env: {} }).password).toBeUndefined();
    expect(hubClientConfig('postgres://d:p%40ss@localhost/h').password).toBe('p@ss');
  });

  it('verifies the certificate and the host name for verify-full', () => {
    const config = hubClientConfig('postgres://d@hub.example.se/h?sslmode=verify-full');
    expect(config.ssl).toMatchObject({ rejectUnauthorized: true, servername: 'hub.example.se' });
    expect(hubClientConfig('postgres://d@localhost/h').ssl).toBe(false);
    expect(() =>
      hubClientConfig('postgres://d@hub.example.se/h?sslmode=verify-full&sslrootcert=/nonexistent.pem'),
    ).toThrow(/CA-filen \/nonexistent.pem/);
  });

  it('redacts the password from a URL that is stored or shown', () => {
    expect(redactHubUrl('postgres://boras:s3cret@hub.example.se:5432/k?sslmode=verify-full')).toBe(
      'postgres://boras@hub.example.se:5432/k?sslmode=verify-full',
    );
  });
});
