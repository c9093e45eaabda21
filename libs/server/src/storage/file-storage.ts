import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';

/** Injection token of the configured FileStorage driver. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');

export interface StoredFile {
  sha256: string;
  size: number;
}

/**
 * Where uploaded files live, addressed by the SHA-256 of their content: the same bytes are stored once,
 * nothing is ever overwritten, and a file is never deleted through this interface. Streams only.
 */
export interface FileStorage {
  /** Stores the stream's bytes (hashing while writing) and answers their address. */
  put(content: Readable): Promise<StoredFile>;
  /** The stored bytes; rejects when there is no such file. */
  open(sha256: string): Promise<Readable>;
  /** Runs `use` with a local path to the file (tools such as pdftotext and tesseract need one). */
  withLocalPath<T>(sha256: string, use: (path: string) => Promise<T>): Promise<T>;
}

export const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);

/** A pass-through that hashes and counts what flows through it: `result()` once the stream has ended. */
export function hashingTap(): { tap: Transform; result(): StoredFile } {
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return { tap, result: () => ({ sha256: hash.digest('hex'), size }) };
}
