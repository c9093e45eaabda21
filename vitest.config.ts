import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run on the sources of our packages, not on their build output.
const alias = {
  '@aqtalu/contracts': root('./libs/contracts/src/index.ts'),
  '@aqtalu/domain': root('./libs/domain/src/index.ts'),
  '@aqtalu/server': root('./libs/server/src/index.ts'),
  '@aqtalu/testing': root('./libs/testing/src/index.ts'),
  '@aqtalu/dev-stack': root('./libs/dev-stack/src/index.ts'),
  '@aqtalu/api': root('./apps/api/src/index.ts'),
  '@aqtalu/worker': root('./apps/worker/src/index.ts'),
  '@aqtalu/public': root('./apps/public/src/index.ts'),
};

// esbuild drops the decorator metadata that Nest's injection needs; SWC keeps it.
const decorators = swc.vite({
  jsc: {
    target: 'es2023',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  module: { type: 'es6' },
});

const exclude = ['**/node_modules/**', '**/dist/**'];

export default defineConfig({
  plugins: [decorators],
  resolve: { alias },
  test: {
    // Vitest's default on 2 cores is one file at a time, while most of a test file's time is spent waiting on
    // PostgreSQL, Redis, the document tools or a browser: three files at once keep both cores busy (CI: 2 cores).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{apps,libs,tools}/**/*.spec.{ts,tsx}', '*.spec.ts'], exclude: [...exclude, 'apps/admin/**/*.spec.tsx'] },
      },
      {
        // The back office's screens in a simulated DOM; React's JSX, not SWC's decorators.
        plugins: [react()],
        resolve: { alias },
        test: {
          name: 'admin',
          include: ['apps/admin/src/**/*.spec.tsx'],
          exclude,
          environment: 'jsdom',
          setupFiles: ['./apps/admin/src/testing/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{apps,libs,tools}/**/*.int-spec.ts'],
          exclude,
          globalSetup: ['./libs/testing/src/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['apps/e2e/**/*.e2e-spec.ts'],
          exclude,
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // each file starts its own stack and browser on free ports, so browser files run beside the others (a
          // project of one file at a time would run in a group of its own, after all the rest)
        },
      },
    ],
  },
});
