import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// In production the API serves dist/ at `/` and itself under `/api`; in dev Vite proxies `/api` to it.
const apiTarget = `http://localhost:${process.env.API_PORT ?? 3000}`;

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    // Sources, not build output, as in the root Vitest config; only types and plain data cross over.
    alias: { '@aqtalu/contracts': here('../../libs/contracts/src/index.ts') },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: apiTarget } },
  },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // react-admin with MUI is ~850 kB minified on its own; warn only when our code adds to it noticeably.
    chunkSizeWarningLimit: 1024,
  },
});
