import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';

const fontFile = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');

/** A PDF with a text layer, one page per entry of `pages`, drawn with pdfkit in DejaVu Sans (Kazakh and Russian letters). */
export function renderTestPdf(pages: string[][], size: [number, number] = [560, 180], fontSize = 26): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size, margin: 24, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const lines of pages) {
      doc.addPage();
      doc.font(fontFile).fontSize(fontSize);
      for (const line of lines) doc.text(line);
    }
    doc.end();
  });
}

/** A "scan": the PDF of these lines rasterised by pdftoppm into a grey PNG with no text layer. */
export async function renderTestScan(lines: string[], size: [number, number] = [520, 130], dpi = 150): Promise<Buffer> {
  const work = await mkdtemp(join(tmpdir(), 'aqtalu-scan-'));
  try {
    await writeFile(join(work, 'page.pdf'), await renderTestPdf([lines], size));
    await promisify(execFile)('pdftoppm', ['-png', '-r', String(dpi), '-gray', '-singlefile', join(work, 'page.pdf'), join(work, 'scan')]);
    return await readFile(join(work, 'scan.png'));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** A folder with one ClamAV signature, for the EICAR test string: clamd runs with it and no downloaded database. */
export const testSignaturesDir = fileURLToPath(new URL('../clamav', import.meta.url));

/** The EICAR anti-virus test string, read from the shipped signature (so no file of the repository is itself a "virus"). */
export async function eicarTestString(): Promise<Buffer> {
  const signature = await readFile(join(testSignaturesDir, 'aqtalu-test.ndb'), 'utf8');
  return Buffer.from(signature.trim().split(':')[3], 'hex');
}

/** An image-only PDF (no text layer): each page a rasterised "scan" of its lines, as old archive copies are. */
export async function renderTestScannedPdf(pages: string[][], size: [number, number] = [420, 300]): Promise<Buffer> {
  const scans: Buffer[] = [];
  for (const lines of pages) scans.push(await renderTestScan(lines, size, 120));
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const scan of scans) doc.addPage().image(scan, 0, 0, { width: size[0], height: size[1] });
    doc.end();
  });
}
