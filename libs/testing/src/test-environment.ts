import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ensureDatabase } from '@aqtalu/dev-stack';
import { databaseUrlAs, loadConfig, type AppConfig } from '@aqtalu/server';
import pg from 'pg';

const templateDatabase = 'aqtalu_template';

export interface TestEnvironment {
  config: AppConfig;
  /** The variables the config was loaded from: to start the API or the worker as a process of its own. */
  env: Record<string, string>;
  /** The application's role (what the API and worker use): it may not rewrite the audit log. */
  databaseUrl: string;
  /** The schema owner's (superuser's) URL: for what the application may not do, e.g. disabling a trigger. */
  ownerDatabaseUrl: string;
  /** Drops the database this test file used. */
  dispose(): Promise<void>;
}

/**
 * A database of its own for one test file (a clone of the migrated template with the demo users) and
 * a queue prefix of its own on the shared Redis, so test files never see each other's jobs.
 */
export async function createTestEnvironment(overrides: NodeJS.ProcessEnv = {}): Promise<TestEnvironment> {
  const adminUrl = inject('adminDatabaseUrl');
  const suffix = randomBytes(5).toString('hex');
  const database = `aqtalu_test_${suffix}`;
  await ensureDatabase(adminUrl, database, templateDatabase);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const ownerDatabaseUrl = url.toString();
  const databaseUrl = databaseUrlAs(ownerDatabaseUrl, 'aqtalu_app', 'aqtalu_app');
  const storageDir = join(tmpdir(), `aqtalu-files-${suffix}`);
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_MIGRATION_URL: ownerDatabaseUrl,
    REDIS_URL: inject('redisUrl'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `test-${suffix}`,
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: '50',
    PORT: '0',
    // Tests sign in often from one address; the rate limit has a test of its own.
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    // Tests poll (`eventually`, every 50 ms) as no person does; the read limit has a test of its own (http-hardening).
    READ_RATE_LIMIT_PER_MINUTE: '0',
    HOST: '127.0.0.1',
    STORAGE_DIR: storageDir,
    ...(overrides as Record<string, string>),
  };
  const config = loadConfig(env);
  return {
    config,
    env,
    databaseUrl,
    ownerDatabaseUrl,
    dispose: async () => {
      await rm(storageDir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Polls until `check` answers something truthy; for effects of background jobs, never a fixed sleep. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000, what = 'the condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | null | undefined | false;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not come true within ${timeoutMs} ms (last value: ${JSON.stringify(last)})`);
}
