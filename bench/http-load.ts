import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { percentile } from './stats';

const MAIN = join(__dirname, '..', 'apps', 'api', 'src', 'main.js');
const ADMIN = { email: 'bench@verkosto.test', password: 'bench-salasana-123' };

export interface RunningApp {
  url: string;
  /** The administrator's bearer token. */
  token: string;
  stop(): Promise<void>;
}

/** The built app as its own process on a free port, on the database `env` names. */
export async function startApp(env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('NEO4J_')));
  const child = spawn(process.execPath, [MAIN], {
    // Sections load the app from one address; the hostile section sets its own limits.
    env: { ...clean, RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_ACCOUNT: '0', ...env, PORT: String(port), DEMO_DATA: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (
    !(await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('The app did not start for the benchmark.');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const login = await gql(url, null, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p, tokenName: "bench") { token } }', { e: ADMIN.email, p: ADMIN.password });
  return {
    url,
    token: login.data.login.token,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function gql(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors[0].message}`);
  return body as { data: any };
}

export interface Load {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** `workers` loops calling `request` until `durationMs` has passed, `pauseMs` between calls (not timed); latency of every call. */
export async function load(workers: number, durationMs: number, request: (worker: number, i: number) => Promise<unknown>, pauseMs = 0): Promise<Load> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = 0; performance.now() - started < durationMs; i++) {
        const t = performance.now();
        await request(worker, i);
        latencies.push(performance.now() - t);
        if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: latencies.length,
    perSecond: r(latencies.length / seconds),
    p50Ms: r(percentile(latencies, 50)),
    p95Ms: r(percentile(latencies, 95)),
    p99Ms: r(percentile(latencies, 99)),
  };
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
