import { Logger, Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Paths the web app never answers: the API keeps them whatever the browser asks for. */
const API_PREFIXES = ['/graphql', '/health', '/api/', '/api'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The built web app (`vite build` → dist/web), found from the compiled file or the working folder. */
export function findWebRoot(): string | null {
  const candidates = [
    process.env.WEB_DIR,
    resolve(__dirname, '../../../../web'), // dist/apps/api/src/web → dist/web
    resolve(process.cwd(), 'dist/web'),
  ].filter((c): c is string => !!c);
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`));
}

function send(res: ServerResponse, file: string, cache: string) {
  res.statusCode = 200;
  res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cache);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  createReadStream(file).pipe(res);
}

/** Static files, and index.html for any other GET that is not an API path (the app routes in the browser). */
export function webMiddleware(root: string) {
  const index = join(root, 'index.html');
  return (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, next: () => void) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // Express strips a mount path from req.url; originalUrl is what the browser asked for.
    let path: string;
    try {
      path = decodeURIComponent((req.originalUrl ?? req.url ?? '/').split('?')[0]);
    } catch {
      return next();
    }
    if (isApiPath(path)) return next();
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      // Vite fingerprints assets, so they can be cached for good; index.html must always be fresh.
      return send(res, file, path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    // A missing asset is a 404, not the app page.
    if (extname(path) !== '') return next();
    return send(res, index, 'no-cache');
  };
}

@Module({})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    const root = findWebRoot();
    if (!root) {
      Logger.warn('The web app is not built (npm run build:web); serving the API only.', 'WebModule');
      return;
    }
    consumer.apply(webMiddleware(root)).forRoutes('{*path}');
  }
}
