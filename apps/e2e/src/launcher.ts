import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@aqtalu/dev-stack';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface Launch {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs what `npm start` runs after its build, on a data folder and ports of this test. */
export function launch(env: NodeJS.ProcessEnv): Promise<Launch> {
  const child = spawn(process.execPath, [join(repoRoot, 'tools/dev-stack/dist/start.js')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('press Ctrl-C to stop everything')) {
        clearInterval(timer);
        resolve({ process: child, output: () => output, exited });
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`the launcher exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Sends what Ctrl-C sends and waits for the exit code. */
export async function stop(launched: Launch): Promise<number | null> {
  launched.process.kill('SIGINT');
  return launched.exited;
}

export interface LaunchEnvironment {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  baseUrl: string;
  /** The public site's address (Book of Memory, online applications, certificate checks). */
  publicUrl: string;
  ports: { api: number; publicSite: number; postgres: number; redis: number };
  dispose(): Promise<void>;
}

/** A data folder and free ports of its own, and none of the caller's DATABASE_URL / REDIS_URL. */
export async function launchEnvironment(): Promise<LaunchEnvironment> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aqtalu-e2e-'));
  const ports = { api: await freePort(), publicSite: await freePort(), postgres: await freePort(), redis: await freePort() };
  const { DATABASE_URL: _db, REDIS_URL: _redis, NODE_ENV: _env, ...inherited } = process.env;
  const env = {
    ...inherited,
    AQTALU_DATA_DIR: dataDir,
    AQTALU_PG_PORT: String(ports.postgres),
    AQTALU_REDIS_PORT: String(ports.redis),
    AQTALU_NO_INSTALL: '1',
    PORT: String(ports.api),
    PUBLIC_SITE_PORT: String(ports.publicSite),
    LOG_LEVEL: 'warn',
  };
  return {
    env,
    dataDir,
    ports,
    baseUrl: `http://localhost:${ports.api}`,
    publicUrl: `http://localhost:${ports.publicSite}`,
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}
