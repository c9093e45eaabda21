import { freePort } from '@aqtalu/dev-stack';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

export interface TestS3 {
  /** The variables that point Aqtalu's storage at this store. */
  env: Record<string, string>;
  endpoint: string;
  bucket: string;
  stop(): Promise<void>;
}

/**
 * An S3-compatible store for tests: `S3_TEST_ENDPOINT` (+ `S3_TEST_BUCKET`, `S3_TEST_ACCESS_KEY_ID`,
 * `S3_TEST_SECRET_ACCESS_KEY`) names a real one such as MinIO; otherwise s3rver runs in this process,
 * keeping its objects in a temporary folder.
 */
export async function startTestS3(): Promise<TestS3> {
  if (process.env.S3_TEST_ENDPOINT) {
    const bucket = process.env.S3_TEST_BUCKET ?? 'aqtalu-test';
    return {
      endpoint: process.env.S3_TEST_ENDPOINT,
      bucket,
      env: {
        STORAGE_DRIVER: 's3', S3_ENDPOINT: process.env.S3_TEST_ENDPOINT, S3_BUCKET: bucket, S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: process.env.S3_TEST_ACCESS_KEY_ID ?? '', S3_SECRET_ACCESS_KEY: process.env.S3_TEST_SECRET_ACCESS_KEY ?? '',
      },
      stop: async () => undefined,
    };
  }
  const directory = await mkdtemp(join(tmpdir(), 'aqtalu-s3-'));
  const bucket = 'aqtalu-test';
  const server = new S3rver({ address: '127.0.0.1', port: await freePort(), silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    // s3rver accepts the documented default key pair
    env: { STORAGE_DRIVER: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_FORCE_PATH_STYLE: 'true', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' },
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
