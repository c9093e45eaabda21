import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Only test files make these edges: a library's integration tests use the test stack, which itself
// starts that library. Production code of server and dev-stack never imports testing.
const testOnlyCycles = [
  ['@aqtalu/server', '@aqtalu/testing'],
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { '@nx': nx },
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // The import direction of HOUSE-STYLE.md: apps → server → domain/contracts.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          ignoredCircularDependencies: testOnlyCycles,
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:server', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:devstack', onlyDependOnLibsWithTags: [] },
            // the benchmarks render the test documents
            { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:testing', 'type:devstack', 'type:server', 'type:domain', 'type:contracts'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:server', 'type:devstack', 'type:domain', 'type:contracts'],
            },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:devstack', 'type:server', 'type:contracts'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:server', 'type:domain', 'type:contracts', 'type:testing'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Integration and end-to-end tests (and their set-ups under an app's src/testing) may start the api, the worker
    // and the public site side by side.
    files: ['**/*.int-spec.ts', '**/*.e2e-spec.ts', 'apps/*/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          ignoredCircularDependencies: testOnlyCycles,
          depConstraints: [{ sourceTag: '*', onlyDependOnLibsWithTags: ['*'] }],
        },
      ],
    },
  },
  {
    // libs/domain is plain TypeScript: no framework may creep in.
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', 'pg', 'react', 'react-admin', 'express'] },
      ],
    },
  },
);
