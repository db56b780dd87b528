import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { AppConfig } from '../config';

/**
 * HTTP hardening: security headers with a Content-Security-Policy the web app works under, CORS closed unless CORS_ORIGINS opens it, and the proxy hops to believe.
 */
export function secure(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', config.trustProxy > 0 ? config.trustProxy : false);
  express.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // Legend swatches and the map's canvas set inline styles; no inline script is allowed.
          'style-src': ["'self'", "'unsafe-inline'"],
          // The favicon is a data: SVG; map PNGs are downloaded from blob: URLs.
          'img-src': ["'self'", 'data:', 'blob:'],
          'worker-src': ["'self'"],
          'connect-src': ["'self'"],
          'frame-ancestors': ["'none'"],
          // Production is served over HTTPS; a plain-HTTP local run must not be upgraded.
          'upgrade-insecure-requests': config.production ? [] : null,
        },
      },
      strictTransportSecurity: config.production,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  if (config.corsOrigins.length > 0) {
    // Scripts on those sites authenticate with bearer tokens; cookies stay same-site.
    express.enableCors({
      origin: config.corsOrigins,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'apollo-require-preflight'],
      maxAge: 600,
    });
  }
}
