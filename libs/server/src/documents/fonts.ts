import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** DejaVu covers Kazakh Cyrillic (Ә Ғ Қ Ң Ө Ұ Ү Һ І); pdfkit's built-in fonts cover only Latin-1. */
export const documentFonts = {
  regular: 'DejaVuSerif.ttf',
  bold: 'DejaVuSerif-Bold.ttf',
  italic: 'DejaVuSerif-Italic.ttf',
  condensed: 'DejaVuSerifCondensed.ttf',
  condensedBold: 'DejaVuSerifCondensed-Bold.ttf',
  mono: 'DejaVuSansMono-Bold.ttf',
} as const;

export type DocumentFont = keyof typeof documentFonts;

let fontDirectory: string | undefined;

/** The directory holding the DejaVu TTF files, found once per process. */
export function resolveFontDirectory(): string {
  fontDirectory ??= findFontDirectory();
  return fontDirectory;
}

function findFontDirectory(): string {
  const probe = documentFonts.regular;
  try {
    // dejavu-fonts-ttf has no "exports" map, so its package.json is resolvable.
    const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
    const directory = join(dirname(packageJson), 'ttf');
    if (existsSync(join(directory, probe))) return directory;
  } catch {
    // fall through to walking up: a bundled or relocated build may not resolve the package
  }
  for (let directory = dirname(fileURLToPath(import.meta.url)); ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', 'dejavu-fonts-ttf', 'ttf');
    if (existsSync(join(candidate, probe))) return candidate;
    if (dirname(directory) === directory) break;
  }
  throw new Error('DejaVu fonts not found: the dejavu-fonts-ttf package must be installed to render documents');
}

export function fontPath(font: DocumentFont): string {
  return join(resolveFontDirectory(), documentFonts[font]);
}
