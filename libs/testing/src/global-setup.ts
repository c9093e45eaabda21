import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDataSource, databaseUrlAs, prepareDatabase, seedDemoUsers } from '@aqtalu/server';
import { ensureDatabase, freePort, startStack } from '@aqtalu/dev-stack';

export const templateDatabase = 'aqtalu_template';
/** The role the API and worker connect as in tests, as in production: not the owner of the schema. */
export const testAppRole = { user: 'aqtalu_app', password: 'aqtalu_app' };

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test cluster's maintenance database; test files clone the template from it. */
    adminDatabaseUrl: string;
    redisUrl: string;
  }
}

/**
 * Once per `vitest run`: a throwaway PostgreSQL and Redis (or the servers named by TEST_DATABASE_URL /
 * TEST_REDIS_URL), and a template database with every migration and the demo data, which each test
 * file clones in a few milliseconds.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aqtalu-test-'));
  const stack = await startStack({
    dataDir,
    persistent: false,
    databaseName: templateDatabase,
    postgresPort: await freePort(),
    redisPort: await freePort(),
    databaseUrl: process.env.TEST_DATABASE_URL || undefined,
    redisUrl: process.env.TEST_REDIS_URL || undefined,
    allowInstall: true, // as root on Debian, installs redis-server when missing (as npm start does)
    log: () => undefined,
  });

  const templateUrl = stack.databaseUrlFor(templateDatabase);
  await ensureDatabase(stack.databaseUrlFor('postgres'), templateDatabase);
  const dataSource = createDataSource({ url: templateUrl, applicationName: 'test-template' });
  await dataSource.initialize();
  await prepareDatabase(dataSource, { appUrl: databaseUrlAs(templateUrl, testAppRole.user, testAppRole.password) });
  await seedDemoUsers(dataSource);
  await dataSource.destroy();

  project.provide('adminDatabaseUrl', stack.databaseUrlFor('postgres'));
  project.provide('redisUrl', stack.redisUrl);

  return async () => {
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
