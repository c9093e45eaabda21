import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { requireProgram } from './programs.js';

export interface LocalClamdOptions {
  /** A folder of signature files (`.ndb`, `.hdb`, …); ClamAV's own database is not needed. */
  databaseDir: string;
  /** Where the configuration and temporary files go. */
  workDir: string;
  port: number;
  allowInstall: boolean;
  onLog?: (line: string) => void;
}

export interface RunningClamd {
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts clamd in the foreground on 127.0.0.1:`port` with the given signatures only. */
export async function startLocalClamd(options: LocalClamdOptions): Promise<RunningClamd> {
  const log = options.onLog ?? (() => undefined);
  const binary = requireProgram({
    command: 'clamd',
    debianPackage: 'clamav-daemon',
    allowInstall: options.allowInstall,
    log,
    hint: 'clamd was not found: install ClamAV (Debian/Ubuntu: `sudo apt-get install clamav-daemon`), or leave CLAMAV_HOST unset (files then show "not scanned").',
  });
  const tmp = join(options.workDir, 'tmp');
  await mkdir(tmp, { recursive: true });
  const config = join(options.workDir, 'clamd.conf');
  await writeFile(
    config,
    [
      `DatabaseDirectory ${options.databaseDir}`,
      `TemporaryDirectory ${tmp}`,
      'TCPAddr 127.0.0.1',
      `TCPSocket ${options.port}`,
      'Foreground yes',
    ].join('\n') + '\n',
  );
  const child = spawn(binary, ['--config-file', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
  child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const deadline = Date.now() + 60_000;
  while (!(await ping(options.port))) {
    if (hasExited) throw new Error(`clamd exited at start (signatures in ${options.databaseDir}; is port ${options.port} taken?)`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`clamd did not answer PING on port ${options.port} within 60 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    host: '127.0.0.1',
    port: options.port,
    stop: async () => {
      if (!hasExited) child.kill('SIGTERM');
      await exited;
    },
  };
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(reply.includes('PONG')));
    socket.on('data', (data) => (reply += data.toString()));
    socket.on('connect', () => socket.end('zPING\0'));
  });
}
