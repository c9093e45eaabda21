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

/** A Debian package and how to tell it is there. */
interface PackageCheck {
  debianPackage: string;
  present: () => boolean;
}

const tesseractLanguages = (): string[] =>
  spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.split(/\s+/) ?? [];

/** What the evidence checks run: poppler's PDF tools and Tesseract reading Kazakh and Russian. */
const documentPackages: PackageCheck[] = [
  { debianPackage: 'poppler-utils', present: () => ['pdfinfo', 'pdftotext', 'pdftoppm', 'pdfdetach'].every((tool) => which(tool) !== '') },
  { debianPackage: 'tesseract-ocr', present: () => which('tesseract') !== '' },
  { debianPackage: 'tesseract-ocr-kaz', present: () => tesseractLanguages().includes('kaz') },
  { debianPackage: 'tesseract-ocr-rus', present: () => tesseractLanguages().includes('rus') },
];

/**
 * Makes sure the document tools of the evidence checks are there, installing the missing Debian packages
 * when allowed and possible (as root, with apt-get), as redis-server is. Returns the one line that says
 * exactly what to install when some are still missing (the system runs; those checks fail until then).
 */
export function ensureDocumentTools(allowInstall: boolean, log: (line: string) => void = () => undefined): string | null {
  let missing = documentPackages.filter((check) => !check.present()).map((check) => check.debianPackage);
  if (missing.length === 0) return null;
  if (allowInstall && process.getuid?.() === 0 && which('apt-get') !== '') {
    log(`document tools are missing: installing the Debian packages ${missing.join(' ')}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const install = () => spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, stdio: 'ignore' });
    if (install().status !== 0) {
      spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
      install();
    }
    missing = documentPackages.filter((check) => !check.present()).map((check) => check.debianPackage);
    if (missing.length === 0) return null;
  }
  return `document checks need ${missing.join(', ')}: install them (Debian/Ubuntu: \`sudo apt-get install ${missing.join(' ')}\`, macOS: \`brew install poppler tesseract tesseract-lang\`); until then PDF text, OCR and thumbnails fail`;
}
