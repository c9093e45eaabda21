import { EvidenceCheckName, evidenceMimeTypes, renderCode, type Code, type CodeParams, type Coded, type EvidenceMimeType } from '@aqtalu/contracts';
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';

const mimeByExtension: Record<string, EvidenceMimeType> = {
  '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.tif': 'image/tiff', '.tiff': 'image/tiff',
};

const isAccepted = (mime: string): mime is EvidenceMimeType => (evidenceMimeTypes as readonly string[]).includes(mime);

/** The type the uploader declared: the part's Content-Type when it is one we accept, else the name's extension. */
export function mimeOfUpload(partMime: string, originalName: string): EvidenceMimeType | null {
  if (isAccepted(partMime)) return partMime;
  return mimeByExtension[extname(originalName).toLowerCase()] ?? null;
}

/** The type the content says it is (magic numbers), or null when file-type does not recognise it. */
export async function sniffFile(path: string): Promise<string | null> {
  return (await fileTypeFromFile(path))?.mime ?? null;
}

/** Which checks a file of this type gets: active content and the text layer of a PDF, OCR for images. */
export function checksFor(mime: EvidenceMimeType): EvidenceCheckName[] {
  const safety = [EvidenceCheckName.Sniff, EvidenceCheckName.Checksum, EvidenceCheckName.Malware];
  const parsing = [EvidenceCheckName.Thumbnail, EvidenceCheckName.Proposals];
  return mime === 'application/pdf'
    ? [...safety, EvidenceCheckName.ActiveContent, EvidenceCheckName.Text, ...parsing]
    : [...safety, EvidenceCheckName.Ocr, ...parsing];
}

/** What every external tool of the checks may use: wall time and address space (`EVIDENCE_TOOL_*`), pages and pixels. */
export interface ToolLimits {
  timeoutSeconds: number;
  memoryMb: number;
  maxPages: number;
  maxMegapixels: number;
}

/** The defaults of EVIDENCE_TOOL_TIMEOUT_SECONDS, EVIDENCE_TOOL_MEMORY_MB, EVIDENCE_MAX_PAGES, EVIDENCE_MAX_MEGAPIXELS. */
export const defaultToolLimits: ToolLimits = { timeoutSeconds: 120, memoryMb: 1536, maxPages: 1000, maxMegapixels: 100 };

/** Resolution of the pages rendered for OCR; page pixels are judged at it before anything is rendered. */
export const ocrDpi = 200;

/** A file over a limit of the checks: its check fails at once with this reason, and is never retried. */
export class ResourceLimitError extends Error {
  override name = 'ResourceLimitError';
  constructor(readonly reason: Coded) {
    super(renderCode(reason.code, reason.params as never));
  }
}

const limitError = <C extends Code>(code: C, params: CodeParams[C]) => new ResourceLimitError({ code, params } as Coded);

/** What a tool prints (or how it dies) when it runs out of the address space it was given. */
const outOfMemory = /out of memory|bad_alloc|cannot allocate|memory exhausted|failed to allocate|insufficient memory/i;

/**
 * Runs a tool under a wall-clock limit (killed with SIGKILL) and an address-space and CPU-time limit set by
 * the shell (`ulimit -v`, `ulimit -t`) before it execs the tool, so a hostile file cannot take the machine.
 */
function run(command: string, args: string[], limits: ToolLimits): Promise<string> {
  const script = 'ulimit -v "$1" 2>/dev/null; ulimit -t "$2" 2>/dev/null; shift 2; exec "$@"';
  const kilobytes = String(limits.memoryMb * 1024);
  return new Promise((resolve, reject) => {
    execFile(
      'sh',
      ['-c', script, 'sh', kilobytes, String(limits.timeoutSeconds + 5), command, ...args],
      { timeout: limits.timeoutSeconds * 1000, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const signal = (error as { signal?: string | null }).signal;
        if ((error as { killed?: boolean }).killed || signal === 'SIGXCPU') {
          return reject(limitError('check.resource_limit_time', { tool: command, seconds: limits.timeoutSeconds }));
        }
        if (outOfMemory.test(stderr) || signal === 'SIGABRT' || signal === 'SIGSEGV') {
          return reject(limitError('check.resource_limit_memory', { tool: command, megabytes: limits.memoryMb }));
        }
        reject(new Error(`${command} failed: ${stderr.trim().slice(0, 500) || error.message}`));
      },
    );
  });
}

export interface PdfLayout {
  pages: number;
  /** Each page's size in points (1/72 inch), as pdfinfo reports it. */
  sizes: Array<{ width: number; height: number }>;
}

/**
 * A PDF's pages and page sizes from pdfinfo (which renders nothing), held against the limits before any
 * page is rasterised: too many pages, or a page that would be too many pixels at `ocrDpi`, ends here.
 */
export async function pdfLayout(path: string, limits: ToolLimits = defaultToolLimits): Promise<PdfLayout> {
  const info = await run('pdfinfo', [path], limits);
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error('pdfinfo did not report a page count');
  const pages = Number(match[1]);
  if (pages > limits.maxPages) throw limitError('check.resource_limit_pages', { pages, max: limits.maxPages });
  const sized = pages === 0 ? '' : await run('pdfinfo', ['-f', '1', '-l', String(pages), path], limits);
  const sizes: PdfLayout['sizes'] = [];
  for (const line of sized.matchAll(/^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)\s+pts/gm)) {
    const [width, height] = [Number(line[2]), Number(line[3])];
    sizes.push({ width, height });
    const megapixels = ((width / 72) * ocrDpi * ((height / 72) * ocrDpi)) / 1e6;
    if (megapixels > limits.maxMegapixels) {
      throw limitError('check.resource_limit_pixels', { page: Number(line[1]), megapixels: Math.round(megapixels), max: limits.maxMegapixels });
    }
  }
  return { pages, sizes };
}

export async function pdfPageCount(path: string, limits: ToolLimits = defaultToolLimits): Promise<number> {
  return (await pdfLayout(path, limits)).pages;
}

export function pdfText(path: string, limits: ToolLimits = defaultToolLimits): Promise<string> {
  return run('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-'], limits);
}

/** An image's pixels from its header (sharp reads no pixel data for this), held against the limit. */
export async function assertImageWithinLimits(path: string, limits: ToolLimits = defaultToolLimits): Promise<void> {
  const meta = await sharp(path, { limitInputPixels: false }).metadata();
  const megapixels = ((meta.width ?? 0) * (meta.height ?? 0)) / 1e6;
  if (megapixels > limits.maxMegapixels) {
    throw limitError('check.resource_limit_pixels', { page: 1, megapixels: Math.round(megapixels), max: limits.maxMegapixels });
  }
}

/** Kazakh first: with `rus+kaz` Tesseract reads Қ as К (ENVIRONMENT.md). */
export async function ocrImage(path: string, limits: ToolLimits = defaultToolLimits): Promise<string> {
  await assertImageWithinLimits(path, limits);
  return run('tesseract', [path, '-', '-l', 'kaz+rus+eng'], limits);
}

/** OCR of an image-only PDF: its first `maxPages` pages rendered by pdftoppm, one at a time. */
export async function ocrPdf(path: string, maxPages: number, limits: ToolLimits = defaultToolLimits): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aqtalu-ocr-'));
  try {
    const texts: string[] = [];
    // one page rendered at a time, so the limits hold per page and at most one page image is on disk
    const { pages } = await pdfLayout(path, limits);
    for (let page = 1; page <= Math.min(pages, maxPages); page += 1) {
      const base = join(dir, `page-${page}`);
      await run('pdftoppm', ['-r', String(ocrDpi), '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile', path, base], limits);
      texts.push(await ocrImage(`${base}.png`, limits));
      await rm(`${base}.png`, { force: true });
    }
    return texts.join('\n\f');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Thumbnails are at most this many pixels wide and high. */
export const thumbnailSize = 320;

/** A PNG thumbnail: the first page of a PDF rendered by pdftoppm, an image scaled by sharp. */
export async function thumbnailOf(path: string, mime: string, limits: ToolLimits = defaultToolLimits): Promise<Buffer> {
  if (mime === 'application/pdf') {
    await pdfLayout(path, limits);
    const dir = await mkdtemp(join(tmpdir(), 'aqtalu-thumb-'));
    try {
      await run('pdftoppm', ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to', String(thumbnailSize), path, join(dir, 'page')], limits);
      return await readFile(join(dir, 'page.png'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  await assertImageWithinLimits(path, limits);
  // `limitInputPixels` guards against decompression bombs; the first page of a multi-page TIFF is taken
  return sharp(path, { limitInputPixels: limits.maxMegapixels * 1_000_000, pages: 1 })
    .rotate()
    .resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true })
    .timeout({ seconds: limits.timeoutSeconds })
    .png()
    .toBuffer()
    .catch((error: unknown) => {
      if (error instanceof Error && /timeout/i.test(error.message)) throw limitError('check.resource_limit_time', { tool: 'sharp', seconds: limits.timeoutSeconds });
      throw error;
    });
}

/** PDF names that make a document act on its own, spelled however the file escapes them (#xx). */
const activeNames = new Set(['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles']);
/** Other formats hidden in a PDF (polyglots): a browser or an unzipper would read the same bytes differently. */
const foreignSignatures: Array<[string, RegExp]> = [
  ['HTML', /<(?:!doctype\s+html|html[\s>]|script[\s>]|body[\s>]|iframe[\s>]|svg[\s>])/i],
];

/**
 * Active content and polyglots in a PDF, read as bytes (a stream at a time, names with #xx escapes decoded)
 * and asked of poppler (document JavaScript, embedded files inside compressed object streams). Returns the
 * features found, e.g. ['/JavaScript', 'HTML']; empty when none.
 */
export async function pdfActiveContent(path: string, limits: ToolLimits = defaultToolLimits): Promise<string[]> {
  const found = new Set<string>();
  let offset = 0;
  let tail = '';
  let zipLocal = false;
  let zipEnd = false;
  for await (const chunk of createReadStream(path)) {
    const text = tail + (chunk as Buffer).toString('latin1');
    if (offset === 0) {
      const at = text.indexOf('%PDF-');
      if (at !== 0) found.add(at > 0 ? `%PDF at byte ${at}` : 'no %PDF header');
    }
    for (const name of text.matchAll(/\/((?:[A-Za-z0-9]|#[0-9A-Fa-f]{2})+)/g)) {
      const decoded = name[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      if (activeNames.has(decoded)) found.add(`/${decoded === 'EmbeddedFiles' ? 'EmbeddedFile' : decoded}`);
    }
    for (const [label, signature] of foreignSignatures) if (signature.test(text)) found.add(label);
    zipLocal ||= text.includes('PK\x03\x04');
    zipEnd ||= text.includes('PK\x05\x06');
    offset += (chunk as Buffer).length;
    tail = text.slice(-64); // a name or signature split between two chunks
  }
  if (zipLocal && zipEnd) found.add('ZIP');
  const javascript = await run('pdfinfo', ['-js', path], limits).catch((error: unknown) => {
    if (error instanceof ResourceLimitError) throw error;
    return '';
  });
  // pdfinfo prints the document's JavaScript after its usual fields: any line that is not "Key: value"
  if (javascript.split('\n').some((line) => line.trim() && !/^[A-Za-z ]+:/.test(line))) found.add('/JavaScript');
  const attached = await run('pdfdetach', ['-list', path], limits).catch((error: unknown) => {
    if (error instanceof ResourceLimitError) throw error;
    return '';
  });
  const count = /^(\d+) embedded files?/m.exec(attached);
  if (count && Number(count[1]) > 0) found.add('/EmbeddedFile');
  return [...found].sort();
}

/** clamd's INSTREAM: the file in length-prefixed chunks; answers null when clean, else the signature found. */
export function clamdScan(host: string, port: number, content: Readable, timeoutMs = 120_000): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let reply = '';
    const fail = (error: Error) => {
      socket.destroy();
      content.destroy(); // an S3 body left unread would hold one of the client's sockets
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`clamd at ${host}:${port} did not answer within ${timeoutMs} ms`)));
    socket.on('error', fail);
    socket.on('data', (data) => (reply += data.toString('utf8')));
    socket.on('close', () => content.destroy());
    socket.on('end', () => {
      const answer = reply.replace(/\0/g, '').trim();
      if (/:\s*OK$/.test(answer)) resolve(null);
      else if (/FOUND$/.test(answer)) resolve(answer.replace(/^stream:\s*/, '').replace(/\s*FOUND$/, ''));
      else reject(new Error(`clamd answered ${answer || 'nothing'}`));
    });
    socket.on('connect', async () => {
      try {
        socket.write('zINSTREAM\0');
        for await (const chunk of content) {
          const buffer = chunk as Buffer;
          const size = Buffer.alloc(4);
          size.writeUInt32BE(buffer.length);
          socket.write(size);
          if (!socket.write(buffer)) await new Promise((r) => socket.once('drain', r));
        }
        socket.write(Buffer.alloc(4));
      } catch (error) {
        fail(error as Error);
      }
    });
  });
}
