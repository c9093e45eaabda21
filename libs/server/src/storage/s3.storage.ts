import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { S3Settings } from '../config/app-config.js';
import { hashingTap, isSha256, type FileStorage, type StoredFile } from './file-storage.js';

export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    // checksums only where S3 requires them: S3-compatible stores differ in the newer checksum headers
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * Files in an S3-compatible bucket under `ab/cd/<sha256>`. The address is known only after the last
 * byte, so an upload goes (multipart, streamed) to `tmp/…` first and is then copied to its address
 * unless that exists already; a copy over an existing object would write the same bytes, so a race of
 * two uploads of one file loses nothing. Objects are never deleted, except the temporary one.
 */
export class S3Storage implements FileStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(content: Readable): Promise<StoredFile> {
    const tmpKey = `tmp/${Date.now()}-${randomBytes(8).toString('hex')}`;
    const { tap, result } = hashingTap();
    content.once('error', (error) => tap.destroy(error));
    const body = content.pipe(tap);
    try {
      await new Upload({ client: this.client, params: { Bucket: this.bucket, Key: tmpKey, Body: body } }).done();
      const { sha256, size } = result();
      const key = this.keyOf(sha256);
      if (!(await this.exists(key))) {
        await this.client.send(new CopyObjectCommand({ Bucket: this.bucket, Key: key, CopySource: `${this.bucket}/${tmpKey}` }));
      }
      return { sha256, size };
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: tmpKey })).catch(() => undefined);
    }
  }

  async open(sha256: string): Promise<Readable> {
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(sha256) }));
      return object.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) throw new Error(`no stored file ${sha256}`);
      throw error;
    }
  }

  /** Tools such as pdftotext read files: the object is fetched into a temporary folder for the time of `use`. */
  async withLocalPath<T>(sha256: string, use: (path: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'aqtalu-s3-'));
    try {
      const path = join(dir, sha256);
      await pipeline(await this.open(sha256), createWriteStream(path, { flags: 'wx' }));
      return await use(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || (error as { name?: string }).name === 'NotFound') return false;
      throw error;
    }
  }

  private keyOf(sha256: string): string {
    if (!isSha256(sha256)) throw new Error(`not a SHA-256 address: ${sha256}`);
    return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }
}
