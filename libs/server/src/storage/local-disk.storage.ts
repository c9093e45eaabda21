import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, link, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hashingTap, isSha256, type FileStorage, type StoredFile } from './file-storage.js';

/** Files under `<root>/ab/cd/<sha256>`; uploads are written to `<root>/tmp` first, on the same disk. */
export class LocalDiskStorage implements FileStorage {
  constructor(private readonly root: string) {}

  async put(content: Readable): Promise<StoredFile> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const { tap, result } = hashingTap();
    try {
      await pipeline(content, tap, createWriteStream(tmp, { flags: 'wx' }));
      const { sha256, size } = result();
      const target = this.pathOf(sha256);
      await mkdir(join(target, '..'), { recursive: true });
      // link() fails when the target exists, unlike rename(): an existing file is never replaced.
      await link(tmp, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      return { sha256, size };
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async open(sha256: string): Promise<Readable> {
    const path = this.pathOf(sha256);
    await access(path);
    return createReadStream(path);
  }

  async withLocalPath<T>(sha256: string, use: (path: string) => Promise<T>): Promise<T> {
    const path = this.pathOf(sha256);
    await access(path);
    return use(path);
  }

  private pathOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`not a SHA-256 address: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
