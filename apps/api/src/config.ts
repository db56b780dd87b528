import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  dataDir: string;
  demoData: boolean;
  production: boolean;
  neo4j: { uri: string; user: string; password: string; database?: string } | null;
}

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
  if (problems.length > 0) throw new Error(`Verkosto cannot start:\n- ${problems.join('\n- ')}`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    demoData: demo === 'true' || demo === '1',
    production: env.NODE_ENV === 'production',
    neo4j: uri
      ? { uri, user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD ?? '', database: env.NEO4J_DATABASE || undefined }
      : null,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
