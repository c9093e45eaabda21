import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { Redis } from 'ioredis';
import { requireProgram } from './programs.js';

export interface LocalRedisOptions {
  dataDir: string;
  port: number;
  /** Append-only persistence; off only for throwaway test servers. */
  persistent: boolean;
  /** May the launcher install Debian's redis-server package when it is missing? */
  allowInstall: boolean;
  onLog?: (line: string) => void;
}

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

/** Finds redis-server on PATH, installing Debian's package when allowed and possible. */
export function findRedisServer(allowInstall: boolean, log: (line: string) => void = () => undefined): string {
  return requireProgram({
    command: 'redis-server',
    debianPackage: 'redis-server',
    allowInstall,
    log,
    hint: 'redis-server was not found: install it (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL to a running Redis 7 with maxmemory-policy noeviction.',
  });
}

/**
 * Starts a Redis server for this project. BullMQ needs `maxmemory-policy noeviction`; append-only
 * persistence keeps queued jobs across restarts.
 */
export async function startLocalRedis(options: LocalRedisOptions): Promise<RunningRedis> {
  const log = options.onLog ?? (() => undefined);
  const binary = findRedisServer(options.allowInstall, log);
  await mkdir(options.dataDir, { recursive: true });
  const args = [
    '--port', String(options.port),
    '--bind', '127.0.0.1',
    '--dir', options.dataDir,
    '--maxmemory-policy', 'noeviction',
    '--appendonly', options.persistent ? 'yes' : 'no',
    '--appendfsync', 'everysec',
    '--save', '',
    '--daemonize', 'no',
    '--protected-mode', 'yes',
  ];
  // Own process group: a Ctrl-C in the terminal reaches the launcher, which stops Redis last.
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `redis://127.0.0.1:${options.port}`;
  await waitForRedis(url, exited);
  return { url, stop: () => stopRedis(child, exited) };
}

async function waitForRedis(url: string, exited: Promise<number | null>): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error(`redis-server exited at start (is the port of ${url} taken?)`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // refused until the server listens
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      client.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server did not answer on ${url} within 15 s`);
}

async function stopRedis(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM'); // Redis flushes the append-only file and exits
  const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timeout);
}
