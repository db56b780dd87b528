import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.VERKOSTO_API ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  // The browser shares only dependency-free domain modules (types, the seeded generator).
  resolve: { alias: { '@verkosto/domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500, // Cytoscape and its layout are one large, cacheable chunk
  },
  worker: { format: 'es' },
  // `npx vite apps/web` during development: the API runs separately on port 3000.
  server: { proxy: { '/graphql': api, '/api': api, '/health': api } },
});
