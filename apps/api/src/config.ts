import { resolve } from 'node:path';
import { PASSWORD_MIN_LENGTH } from '@verkosto/domain';
import { READ_LIMITS, type ReadLimits } from '@verkosto/exchange';

export interface AppConfig {
  port: number;
  dataDir: string;
  demoData: boolean;
  production: boolean;
  neo4j: { uri: string; user: string; password: string; database?: string } | null;
  /** Creates the first administrator at start while there are no accounts (scripts, tests). */
  admin: { email: string; password: string } | null;
  /** Other sites allowed to call the API from a browser; none unless configured. */
  corsOrigins: string[];
  /** How many reverse proxies stand in front (their X-Forwarded-For is believed); 0 = none. */
  trustProxy: number;
  /** Largest request body accepted, in bytes. */
  maxRequestBytes: number;
  /** Largest GraphQL answer sent, in bytes; a larger one is replaced by RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
  /** What one imported file may hold, checked while it is read. */
  importLimits: ReadLimits;
  /** Imports running at once; one more is refused with TOO_MANY_REQUESTS. */
  importConcurrency: number;
  /** Requests a minute: per address for callers without a session or token, per account for the signed-in; 0 = no limit. */
  rateLimits: { anonymous: number; account: number };
  /** Signs and checks backups; null: the database makes and keeps its own. */
  backupKey: string | null;
}

/** A backup key needs as much entropy as the one an instance makes itself (32 random bytes). */
const BACKUP_KEY_MIN_LENGTH = 32;

/** One validated configuration object; a bad start lists every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, not "${env.PORT}".`);
  const demo = (env.DEMO_DATA ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(demo)) problems.push(`DEMO_DATA must be true or false, not "${env.DEMO_DATA}".`);
  const uri = env.NEO4J_URI?.trim();
  if (uri && !/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\//.test(uri)) {
    problems.push(`NEO4J_URI must start with neo4j:// or bolt:// (or their +s forms), not "${uri}".`);
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() ?? '';
  const adminPassword = env.ADMIN_PASSWORD ?? '';
  if (!!adminEmail !== !!adminPassword) problems.push('ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither.');
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL must be an email address, not "${adminEmail}".`);
  if (adminPassword && adminPassword.length < PASSWORD_MIN_LENGTH) {
    problems.push(`ADMIN_PASSWORD must have at least ${PASSWORD_MIN_LENGTH} characters.`);
  }
  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) problems.push(`CORS_ORIGINS lists origins like https://example.fi (no path), not "${origin}".`);
  }
  const trustProxy = Number(env.TRUST_PROXY ?? 0);
  if (!Number.isInteger(trustProxy) || trustProxy < 0) problems.push(`TRUST_PROXY is the number of proxies in front, not "${env.TRUST_PROXY}".`);
  const maxRequestBytes = parseSize(env.MAX_REQUEST_SIZE ?? '100kb');
  if (maxRequestBytes === null) problems.push(`MAX_REQUEST_SIZE is a size like 500kb or 2mb, not "${env.MAX_REQUEST_SIZE}".`);
  const maxResponseBytes = parseSize(env.MAX_RESPONSE_SIZE ?? '8mb');
  if (maxResponseBytes === null) problems.push(`MAX_RESPONSE_SIZE is a size like 4mb, not "${env.MAX_RESPONSE_SIZE}".`);
  const maxUnzippedBytes = parseSize(env.IMPORT_MAX_UNZIPPED_SIZE ?? `${READ_LIMITS.maxUnzippedBytes / (1024 * 1024)}mb`);
  if (maxUnzippedBytes === null) problems.push(`IMPORT_MAX_UNZIPPED_SIZE is a size like 40mb, not "${env.IMPORT_MAX_UNZIPPED_SIZE}".`);
  const count = (name: string, fallback: number, least: number) => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < least) problems.push(`${name} must be a whole number of at least ${least}, not "${env[name]}".`);
    return value;
  };
  const importLimits = {
    maxRows: count('IMPORT_MAX_ROWS', READ_LIMITS.maxRows, 1),
    maxCells: count('IMPORT_MAX_CELLS', READ_LIMITS.maxCells, 1),
    maxUnzippedBytes: maxUnzippedBytes ?? 0,
  };
  const importConcurrency = count('IMPORT_CONCURRENCY', 2, 1);
  const rateLimits = { anonymous: count('RATE_LIMIT_ANONYMOUS', 300, 0), account: count('RATE_LIMIT_ACCOUNT', 1200, 0) };
  const backupKey = env.BACKUP_KEY?.trim() || null;
  if (backupKey && backupKey.length < BACKUP_KEY_MIN_LENGTH) {
    problems.push(`BACKUP_KEY must have at least ${BACKUP_KEY_MIN_LENGTH} characters (e.g. openssl rand -base64 32).`);
  }
  if (problems.length > 0) throw new Error(`Verkosto cannot start:\n- ${problems.join('\n- ')}`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    demoData: demo === 'true' || demo === '1',
    production: env.NODE_ENV === 'production',
    neo4j: uri ? { uri, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '', database: env.NEO4J_DATABASE || undefined } : null,
    admin: adminEmail ? { email: adminEmail, password: adminPassword } : null,
    corsOrigins,
    trustProxy,
    maxRequestBytes: maxRequestBytes ?? 0,
    maxResponseBytes: maxResponseBytes ?? 0,
    importLimits,
    importConcurrency,
    rateLimits,
    backupKey,
  };
}

function parseSize(text: string): number | null {
  const m = /^(\d+)\s*(b|kb|mb)?$/i.exec(text.trim());
  if (!m) return null;
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(m[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(m[1]) * unit || null;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
