/**
 * The API as it runs in production (NODE_ENV=production): no introspection, no stack traces or
 * schema hints in errors, query depth and cost limits, a maximum page size, a request size limit,
 * security headers, and CORS only for the configured origins.
 */
import { TestApp } from './support/app';

jest.setTimeout(60_000);

describe('production hardening', () => {
  const app = new TestApp();
  const partner = 'https://kumppani.example.fi';
  beforeAll(() => app.start({ NODE_ENV: 'production', CORS_ORIGINS: partner, MAX_REQUEST_SIZE: '64kb' }), 60_000);
  afterAll(() => app.remove());

  it('refuses introspection, while ordinary queries work', async () => {
    const { code } = await app.fails('{ __schema { queryType { name } } }');
    expect(code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await app.ok('{ networks { totalCount } }')).networks.totalCount).toBeGreaterThan(0);
  });

  it('answers errors without stack traces or field-name suggestions', async () => {
    const server = await app.gql('{ organisation(id: "x") { name } networkGraph { firstDate } }');
    expect(server.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const typo = await app.gql('{ organisatio { name } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(typo)).not.toMatch(/stacktrace|at .*\.js/);
  });

  it('refuses a query nested too deep before running it', async () => {
    let selection = 'id';
    for (let i = 0; i < 7; i++) selection = `organisation { participations { ${selection} } }`;
    const { code, message } = await app.fails(`{ organisation(id: "x") { participations { ${selection} } } }`);
    expect(code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(message).toMatch(/nests \d+ levels deep; at most 12/);
  });

  it('refuses a query that fans out into too many fields', async () => {
    const { code, message } = await app.fails(`{ organisations(first: 200) { nodes { participations { organisation { participations {
      organisation { participations { id role validFrom validTo } } } } } } } }`);
    expect(code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(message).toMatch(/asks for about \d+ fields; at most 100000/);
  });

  it('serves at most 200 items a page', async () => {
    expect((await app.fails('{ organisations(first: 500) { totalCount } }')).message).toMatch(/between 1 and 200/);
    expect((await app.ok('{ organisations(first: 200) { totalCount } }')).organisations.totalCount).toBeGreaterThan(0);
  });

  it('refuses a request body over the size limit', async () => {
    const response = await app.post(`{ search(text: "${'x'.repeat(70 * 1024)}") { id } }`);
    expect(response.status).toBe(413);
  });

  it('sends security headers with the web app and the API', async () => {
    for (const path of ['/', '/graphql?query=%7B__typename%7D', '/health']) {
      const response = await fetch(`${app.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect([path, response.headers.get('x-content-type-options')]).toEqual([path, 'nosniff']);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('lets only the configured origin call the API from a browser', async () => {
    const preflight = (origin: string) =>
      fetch(`${app.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
      });
    const allowed = await preflight(partner);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(partner);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://muu.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks the session cookie Secure', async () => {
    const response = await app.as(null).post('mutation { login(email: "admin@verkosto.test", password: "testi-salasana-123") { csrfToken } }');
    for (const cookie of response.headers.getSetCookie()) expect(cookie).toMatch(/; Secure/i);
  });
});

describe('CORS without configuration', () => {
  const app = new TestApp();
  beforeAll(() => app.start(), 60_000);
  afterAll(() => app.remove());

  it('is closed: no origin gets an allow header', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://kumppani.example.fi', 'access-control-request-method': 'POST' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
