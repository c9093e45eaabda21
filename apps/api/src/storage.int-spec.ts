import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { EvidenceKind, Role } from '@aqtalu/contracts';
import { createFileStorage, demoLogins, loadConfig, type FileStorage } from '@aqtalu/server';
import { createTestEnvironment, eventually, HttpSession, renderTestScan, startTestS3, type TestEnvironment, type TestS3 } from '@aqtalu/testing';
import { createWorker } from '@aqtalu/worker';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from './bootstrap.js';

const demo = (role: Role) => demoLogins.find((login) => login.role === role)!;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let s3: TestS3;
let localDir: string;
beforeAll(async () => {
  s3 = await startTestS3();
  localDir = await mkdtemp(join(tmpdir(), 'aqtalu-storage-contract-'));
});
afterAll(async () => {
  await s3?.stop();
  if (localDir) await rm(localDir, { recursive: true, force: true });
});

/** What every FileStorage driver promises (file-storage.ts), run against local disk and an S3-compatible store. */
describe.each([
  ['local disk', () => ({ STORAGE_DIR: localDir })],
  ['S3-compatible store', () => ({ STORAGE_DIR: localDir, ...s3.env })],
])('FileStorage on %s', (_name, env) => {
  let storage: FileStorage;
  beforeAll(() => {
    storage = createFileStorage(loadConfig({ DATABASE_URL: 'postgres://unused@localhost/unused', REDIS_URL: 'redis://localhost', JWT_SECRET: 'x'.repeat(32), ...env() }).storage);
  });

  it('stores a stream of several chunks under its SHA-256 and gives the same bytes back', async () => {
    const bytes = Buffer.from('ф. 141, оп. 1, д. 1234, л. 5–7 '.repeat(5000));
    const stored = await storage.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
    expect(stored).toEqual({ sha256: sha256(bytes), size: bytes.length });
    expect((await bytesOf(await storage.open(stored.sha256))).equals(bytes)).toBe(true);
    expect(await storage.withLocalPath(stored.sha256, async (path) => sha256(await readFile(path)))).toBe(stored.sha256);
  });

  it('keeps one copy of the same content, and refuses what is not an address or not stored', async () => {
    const first = await storage.put(Readable.from([Buffer.from('same content')]));
    const second = await storage.put(Readable.from([Buffer.from('same content')]));
    expect(second).toEqual(first);
    await expect(storage.open('../../etc/passwd')).rejects.toThrow('not a SHA-256 address');
    await expect(storage.open('0'.repeat(64))).rejects.toThrow();
  });
});

describe('evidence on an S3-compatible store', () => {
  let environment: TestEnvironment;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let baseUrl: string;

  beforeAll(async () => {
    environment = await createTestEnvironment(s3.env);
    api = await createApi(environment.config);
    await api.listen(0, '127.0.0.1');
    baseUrl = await api.getUrl();
    worker = await createWorker(environment.config);
    await worker.init();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await environment?.dispose();
  });

  it('uploads a scan into the bucket, checks and OCRs it from there, and downloads it', async () => {
    const member = await HttpSession.loginAs(baseUrl, demo(Role.WgMember));
    const opened = await (await HttpSession.loginAs(baseUrl, demo(Role.Secretary))).post<{ id: string }>('/api/cases', {
      regionCode: 'ALM', categoryCode: 'counter_revolutionary', summary: 'Evidence kept in S3',
      applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' },
      subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }],
    });
    const scan = await renderTestScan(['Тройка НКВД постановила']);
    const form = new FormData();
    form.append('kind', EvidenceKind.TroikaProtocol);
    form.append('file', new Blob([new Uint8Array(scan)], { type: 'image/png' }), 'troika.png');
    const uploaded = await fetch(`${baseUrl}/api/cases/${opened.body.id}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${member.token}` }, body: form });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };
    const checked = await eventually(async () => {
      const answer = (await member.get<{ checks: Array<{ check: string; state: string }> }>(`/api/evidence/${id}`)).body;
      return answer.checks.every((c) => c.state !== 'pending' && c.state !== 'running') ? answer : null;
    }, 60_000, 'the checks');
    expect(Object.fromEntries(checked.checks.map((c) => [c.check, c.state]))).toMatchObject({ checksum: 'passed', ocr: 'passed', thumbnail: 'passed' });
    const download = await fetch(`${baseUrl}/api/evidence/${id}/download`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(scan)).toBe(true);
  }, 90_000);
});
