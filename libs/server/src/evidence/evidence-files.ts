import { EvidenceCheckName, evidenceMimeTypes, type EvidenceMimeType } from '@aqtalu/contracts';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
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

/** Which checks a file of this type gets: text from a PDF's layer, OCR for images. */
export function checksFor(mime: EvidenceMimeType): EvidenceCheckName[] {
  const text = mime === 'application/pdf' ? EvidenceCheckName.Text : EvidenceCheckName.Ocr;
  return [EvidenceCheckName.Sniff, EvidenceCheckName.Checksum, EvidenceCheckName.Malware, text, EvidenceCheckName.Thumbnail, EvidenceCheckName.Proposals];
}

function run(command: string, args: string[], timeoutMs = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OMP_THREAD_LIMIT: '1' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} failed: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

export async function pdfPageCount(path: string): Promise<number> {
  const info = await run('pdfinfo', [path]);
  const match = /^Pages:\s+(\d+)/m.exec(info);
  if (!match) throw new Error('pdfinfo did not report a page count');
  return Number(match[1]);
}

export function pdfText(path: string): Promise<string> {
  return run('pdftotext', ['-enc', 'UTF-8', '-layout', path, '-']);
}

/** Kazakh first: with `rus+kaz` Tesseract reads Қ as К (ENVIRONMENT.md). */
export function ocrImage(path: string): Promise<string> {
  return run('tesseract', [path, '-', '-l', 'kaz+rus+eng'], 300_000);
}

/** OCR of an image-only PDF: its first `maxPages` pages rendered by pdftoppm, one at a time. */
export async function ocrPdf(path: string, maxPages: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'aqtalu-ocr-'));
  try {
    await run('pdftoppm', ['-r', '200', '-gray', '-png', '-l', String(maxPages), path, join(dir, 'page')]);
    const pages = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort();
    const texts: string[] = [];
    for (const page of pages) texts.push(await ocrImage(join(dir, page)));
    return texts.join('\n\f');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Thumbnails are at most this many pixels wide and high. */
export const thumbnailSize = 320;

/** A PNG thumbnail: the first page of a PDF rendered by pdftoppm, an image scaled by sharp. */
export async function thumbnailOf(path: string, mime: string): Promise<Buffer> {
  if (mime === 'application/pdf') {
    const dir = await mkdtemp(join(tmpdir(), 'aqtalu-thumb-'));
    try {
      await run('pdftoppm', ['-png', '-f', '1', '-l', '1', '-singlefile', '-scale-to', String(thumbnailSize), path, join(dir, 'page')]);
      return await readFile(join(dir, 'page.png'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  // `limitInputPixels` guards against decompression bombs; the first page of a multi-page TIFF is taken
  return sharp(path, { limitInputPixels: 400_000_000, pages: 1 })
    .rotate()
    .resize(thumbnailSize, thumbnailSize, { fit: 'inside', withoutEnlargement: true })
    .png()
    .toBuffer();
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
