import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '../../libs/graph/src/open-store';
import { createTestNeo4j, testNeo4jConfig, type TestNeo4j } from '../../libs/graph/src/testing/test-neo4j';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

/**
 * The engine of this run's end-to-end suites: embedded, or (VERKOSTO_TEST_ENGINE=neo4j, the e2e-neo4j
 * jest project) a Neo4j that the test run started itself.
 */
export const TEST_ENGINE = process.env.VERKOSTO_TEST_ENGINE === 'neo4j' ? 'neo4j' : 'embedded';

/** On Neo4j a folder stands for a database of the test server: a TestApp on the same folder reopens it. */
const neo4jByDir = new Map<string, Promise<TestNeo4j>>();

/** This process's environment without a user's database settings: a test never reaches their Neo4j or uses their backup key. */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_') && name !== 'BACKUP_KEY'));
}

/** The administrator every TestApp starts with (ADMIN_EMAIL / ADMIN_PASSWORD), unless told otherwise. */
export const ADMIN = { email: 'admin@verkosto.test', password: 'testi-salasana-123' };

/** How a client proves who it is: a bearer token, a session cookie with its CSRF header, or nothing. */
export interface Credentials {
  token?: string | null;
  cookie?: string;
  csrf?: string;
  /** The address a proxy in front reports for the caller (X-Forwarded-For; believed with TRUST_PROXY). */
  forwardedFor?: string;
}

/** GraphQL over HTTP as one caller. */
export class GraphQLClient {
  constructor(
    private readonly base: () => string = () => '',
    readonly credentials: Credentials = {},
  ) {}

  protected baseUrl(): string {
    return this.base();
  }

  headers(): Record<string, string> {
    const { token, cookie, csrf, forwardedFor } = this.credentials;
    return {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
      ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
    };
  }

  async post(query: string, variables: Record<string, unknown> = {}): Promise<Response> {
    return fetch(`${this.baseUrl()}/graphql`, { method: 'POST', headers: this.headers(), body: JSON.stringify({ query, variables }) });
  }

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    return (await (await this.post(query, variables)).json()) as GraphQLResponse<T>;
  }

  /** Runs a query that must succeed and returns its data. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** Runs a query that must fail and returns the first error's code and message. */
  async fails(query: string, variables: Record<string, unknown> = {}) {
    const result = await this.gql(query, variables);
    const [error] = result.errors ?? [];
    if (!error) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
    return { code: error.extensions?.code, message: error.message, extensions: error.extensions };
  }
}

/**
 * The built app (`npm run build`) booted as its own process on a free port, with its own
 * empty database (a folder, or a Neo4j of the test server): what a user runs, spoken to over real HTTP. It starts with the
 * administrator ADMIN (pass `ADMIN_EMAIL: ''` and `ADMIN_PASSWORD: ''` for a first start without
 * accounts), and `gql`/`ok`/`fails` send that administrator's bearer token; `as(…)` speaks as
 * someone else, `as(null)` anonymously.
 */
export class TestApp extends GraphQLClient {
  private process: ChildProcess | null = null;
  private output = '';
  url = '';

  constructor(readonly dataDir = mkdtempSync(join(tmpdir(), 'verkosto-e2e-'))) {
    super();
  }

  protected override baseUrl(): string {
    return this.url;
  }

  async start(env: Record<string, string> = {}): Promise<this> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    // Suites send many requests from one address at once; request-limits.e2e-spec.ts turns the limits on.
    const settings = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_ACCOUNT: '0', ...env };
    this.process = spawn(process.execPath, [MAIN], {
      env: { ...cleanEnv(), ...(await this.databaseEnv()), PORT: String(port), DEMO_DATA: 'true', ...settings },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout?.on('data', (chunk) => (this.output += chunk));
    this.process.stderr?.on('data', (chunk) => (this.output += chunk));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.process.exitCode !== null) throw new Error(`The app exited at start:\n${this.output}`);
      const healthy = await fetch(`${this.url}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) {
        this.credentials.token = settings.ADMIN_EMAIL ? await this.tokenFor(settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD) : null;
        return this;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`The app did not become healthy in 30 s:\n${this.output}`);
  }

  /** The settings that find this app's database, for the app and for command-line tools. */
  async databaseEnv(): Promise<Record<string, string>> {
    const neo4j = await this.neo4jConfig();
    return { DATA_DIR: this.dataDir, ...(neo4j ? { NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password } : {}) };
  }

  /** The same database for a store opened by the test itself (the app stopped first, on SQLite). */
  async storeConfig(): Promise<StoreConfig> {
    return { dataDir: this.dataDir, neo4j: await this.neo4jConfig() };
  }

  private async neo4jConfig() {
    if (TEST_ENGINE !== 'neo4j') return null;
    if (!neo4jByDir.has(this.dataDir)) neo4jByDir.set(this.dataDir, createTestNeo4j());
    return testNeo4jConfig((await neo4jByDir.get(this.dataDir)!).uri);
  }

  /** What the app has logged so far. */
  logs(): string {
    return this.output;
  }

  /** The set-up code the app printed last (a Verkosto without accounts prints one at start). */
  setupCode(): string {
    const codes = [...this.output.matchAll(/Set-up code[^:]*: ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/g)];
    if (codes.length === 0) throw new Error(`The app printed no set-up code:\n${this.output}`);
    return codes[codes.length - 1][1];
  }

  /** Another caller: `as({ token })`, `as({ cookie, csrf })`, or `as(null)` for an anonymous one. */
  as(credentials: Credentials | null): GraphQLClient {
    return new GraphQLClient(() => this.url, credentials ?? {});
  }

  /** Signs in as a script would and returns a bearer token. */
  async tokenFor(email: string, password: string): Promise<string> {
    const { login } = await this.as(null).ok<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p, tokenName: "e2e") { token } }', {
      e: email,
      p: password,
    });
    return login.token;
  }

  /** Stops the app the way a user would (SIGTERM), letting it close the database cleanly. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    const neo4j = neo4jByDir.get(this.dataDir);
    neo4jByDir.delete(this.dataDir);
    await (await neo4j)?.drop();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
