/**
 * Bounded work per request over real HTTP (issue 12, items 3 and 4): a zip bomb refused while it
 * inflates, one import at a time, the alias flood and repeated root fields refused before they run,
 * the response cap, and the per-address limit for anonymous callers, while others are served.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { zipBombXlsx } from '../libs/exchange/src/testing/zip-bomb';
import { TestApp } from './support/app';

jest.setTimeout(120_000);

const IMPORT = 'mutation I($input: ImportInput!) { importData(input: $input) { totals { rows } } }';
const REGISTRY = 'FI_EAKR_ESR_2007-2013_projektilista.csv';

describe('request limits', () => {
  const app = new TestApp();
  // 40 a minute: 10 at once from one address. TRUST_PROXY lets each test speak from its own address.
  beforeAll(() => app.start({ RATE_LIMIT_ANONYMOUS: '40', TRUST_PROXY: '1', MAX_RESPONSE_SIZE: '16kb', IMPORT_CONCURRENCY: '1' }), 60_000);
  afterAll(() => app.remove());

  let address = 0;
  /** An anonymous caller from an address of its own. */
  const stranger = () => {
    const from = `203.0.113.${++address}`;
    return (query: string) =>
      fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ query }) });
  };
  const healthMs = async () => {
    const started = performance.now();
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    return performance.now() - started;
  };

  it('refuses a zip bomb of two million rows quickly, in the caller’s language, and keeps serving', async () => {
    for (const [bomb, importCode] of [
      [await zipBombXlsx(2_000_000), 'unzippedTooLarge'],
      [await zipBombXlsx(2_000_000, { lieAboutSize: true }), 'tooManyRowsInFile'],
    ] as const) {
      const content = Buffer.from(bomb).toString('base64');
      const started = performance.now();
      // One after the other: IMPORT_CONCURRENCY is 1 here.
      const fi = await app.fails(IMPORT, { input: { fileName: 'pommi.xlsx', content, dryRun: true, language: 'FI' } });
      expect(performance.now() - started).toBeLessThan(3_000);
      const sv = await app.fails(IMPORT, { input: { fileName: 'pommi.xlsx', content, dryRun: true, language: 'SV' } });
      expect([fi.code, fi.extensions?.importCode, sv.extensions?.importCode]).toEqual(['BAD_USER_INPUT', importCode, importCode]);
      expect(fi.message).toMatch(/Jaa tiedosto osiin/);
      expect(sv.message).toMatch(/Dela upp filen/);
    }
    expect(await healthMs()).toBeLessThan(500);
  });

  it('runs one import at a time and refuses another meanwhile with TOO_MANY_REQUESTS', async () => {
    const content = gunzipSync(readFileSync(join(__dirname, 'fixtures', 'structural-funds-fi', `${REGISTRY}.gz`))).toString('utf8');
    const jobId = `limits-${Date.now()}`;
    const first = app.gql(IMPORT, { input: { fileName: REGISTRY, content, dryRun: true, jobId } });
    while (!(await app.ok(`query J($id: ID!) { importJob(id: $id) { phase } }`, { id: jobId })).importJob) await new Promise((r) => setTimeout(r, 20));
    const second = await app.fails(IMPORT, { input: { fileName: 'o.csv', content: 'Organisaatio;Tyyppi\nYhdistys ry;Yhdistys\n', dryRun: true } });
    expect([second.code, second.extensions?.retryAfterSeconds]).toEqual(['TOO_MANY_REQUESTS', 10]);
    expect(second.message).toBe('Palvelimella on juuri nyt käynnissä 1 tuontia. Yritä uudelleen 10 sekunnin kuluttua.');
    expect(await healthMs()).toBeLessThan(1_000);
    expect((await first).data?.importData.totals.rows).toBe(19_940);
    // The slot is free again.
    const third = await app.ok(IMPORT, { input: { fileName: 'o.csv', content: 'Organisaatio;Tyyppi\nYhdistys ry;Yhdistys\n', dryRun: true } });
    expect(third.importData.totals.rows).toBe(1);
  });

  it('refuses the alias flood and repeated root fields before running them', async () => {
    const post = stranger();
    const flood = `{ ${Array.from({ length: 2_500 }, (_, i) => `m${i}: municipalities { code name }`).join(' ')} }`;
    expect(flood.length).toBeGreaterThan(85_000);
    const started = performance.now();
    const refused = await (await post(flood)).json();
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(refused.errors[0]).toMatchObject({ message: expect.stringMatching(/Document contains more th\w+ 2000 tokens/), extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
    expect(refused.data).toBeUndefined();

    const aliases = await (await post(`{ ${Array.from({ length: 31 }, (_, i) => `m${i}: regions { code }`).join(' ')} }`)).json();
    expect(aliases.errors.map((e: { message: string }) => e.message)).toContain('The query asks for 31 top-level fields; at most 20 are allowed.');
    expect(aliases.errors.map((e: { message: string }) => e.message)).toContain('The query has 31 aliased fields; at most 30 are allowed.');
    const repeated = await (await post(`{ ${'municipalities { code } '.repeat(21)} }`)).json();
    expect(repeated.errors).toEqual([
      expect.objectContaining({
        message: 'The query asks for 21 top-level fields; at most 20 are allowed.',
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
      }),
    ]);
    const one = await (await post('{ municipalities { code } }')).json();
    expect(one.data.municipalities.length).toBeGreaterThan(300);
  });

  it('answers RESPONSE_TOO_LARGE instead of an answer over MAX_RESPONSE_SIZE', async () => {
    const post = stranger();
    const big = await (await post('{ municipalities { code name nameSv regionCode } }')).json();
    expect(big.data).toBeUndefined();
    expect(big.errors).toEqual([
      { message: expect.stringMatching(/^The answer would be \d+ KB; at most 16 KB are sent\./), extensions: { code: 'RESPONSE_TOO_LARGE', maxBytes: 16 * 1024 } },
    ]);
    expect((await (await post('{ regions { code name } }')).json()).data.regions.length).toBeGreaterThan(10);
  });

  it('limits anonymous requests per address, not the signed-in nor other addresses nor /health', async () => {
    const post = stranger();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post('{ __typename }')).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429, 429]);
    const refused = await post('{ __typename }');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).errors[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });

    expect((await stranger()('{ __typename }')).status).toBe(200);
    for (let i = 0; i < 15; i++) expect((await app.ok('{ __typename }')).__typename).toBe('Query');
    expect(await healthMs()).toBeLessThan(500);
  });
});
