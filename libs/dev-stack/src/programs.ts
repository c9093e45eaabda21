import { spawnSync } from 'node:child_process';

export class MissingProgramError extends Error {
  override name = 'MissingProgramError';
}

export interface ProgramRequest {
  /** The command looked up on PATH, e.g. `redis-server`. */
  command: string;
  /** The Debian package that provides it. */
  debianPackage: string;
  /** May we run apt-get (only as root, on Debian/Ubuntu)? */
  allowInstall: boolean;
  /** The one line that tells a person what to do when it is missing. */
  hint: string;
  log?: (line: string) => void;
}

function which(command: string): string {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
}

/** The path of a program, installing its Debian package when allowed and possible. */
export function requireProgram(request: ProgramRequest): string {
  const found = which(request.command);
  if (found) return found;
  const canInstall = request.allowInstall && process.getuid?.() === 0 && which('apt-get') !== '';
  if (canInstall) {
    request.log?.(`${request.command} is missing: installing the Debian package ${request.debianPackage}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () =>
      spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', request.debianPackage], { env, stdio: 'ignore' });
    if (install().status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
      install();
    }
    const installed = which(request.command);
    if (installed) return installed;
  }
  throw new MissingProgramError(request.hint);
}
