import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStorage } from './local-disk.storage.js';

describe('LocalDiskStorage', () => {
  let root: string;
  let sut: LocalDiskStorage;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'aqtalu-storage-'));
    sut = new LocalDiskStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores a stream under ab/cd/<sha256> and leaves no temporary file', async () => {
    const bytes = Buffer.from('ф. 141, оп. 1, д. 1234');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(await sut.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]))).toEqual({ sha256, size: bytes.length });
    expect(await readFile(join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toEqual(bytes);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('never overwrites a stored file when the same content comes again', async () => {
    const { sha256 } = await sut.put(Readable.from([Buffer.from('same')]));
    const path = join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const first = await stat(path);
    await sut.put(Readable.from([Buffer.from('same')]));
    expect((await stat(path)).ino).toBe(first.ino);
  });

  it('refuses an address that is not a SHA-256', async () => {
    await expect(sut.open('../../etc/passwd')).rejects.toThrow('not a SHA-256 address');
  });
});
