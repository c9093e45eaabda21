import { EvidenceKind } from '@aqtalu/contracts';
import { freePort, startStack } from '@aqtalu/dev-stack';
import { checksFor, createDataSource, ocrImage, ocrPdf, pdfPageCount, pdfText, prepareDatabase, seedDemoUsers, sniffFile, thumbnailOf, demoLogins } from '@aqtalu/server';
import { renderTestPdf, renderTestScan, renderTestScannedPdf } from '@aqtalu/testing/documents';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const resultsDir = join(repoRoot, 'bench/results');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Lines of the kind archive copies carry, in Kazakh and Russian (invented people, real wording). */
const kazakh = ['ҚазКСР ІІХК үштігінің хаттамасы', 'Тергеу ісі № {n}, {p}-парақ', 'Жұмабаев Қабдолла Сейітұлы, 1898 ж.т.', 'Үкім: ату жазасы'];
const russian = ['Выписка из протокола тройки НКВД КазССР', 'Следственное дело № {n}, лист {p}', 'Сейфуллин Сакен Сейфуллинович, 1894 г.р.', 'Постановили: расстрелять'];

interface Sample {
  name: string;
  mime: 'application/pdf' | 'image/png';
  path: string;
  pages: number;
}

/** Scans (PNG), image-only PDFs of two pages and PDFs with a text layer, in turn; deterministic. */
async function makeSamples(dir: string, count: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let n = 0; n < count; n++) {
    const lines = (n % 2 ? kazakh : russian).map((line) => line.replace('{n}', String(1000 + n)));
    const page = (p: number) => lines.map((line) => line.replace('{p}', String(p)));
    const kind = n % 3;
    const name = `sample-${n}.${kind === 0 ? 'png' : 'pdf'}`;
    const bytes = kind === 0 ? await renderTestScan(page(1), [620, 240]) : kind === 1 ? await renderTestScannedPdf([page(1), page(2)], [620, 240]) : await renderTestPdf([page(1), page(2)], [620, 240], 20);
    const path = join(dir, name);
    await writeFile(path, bytes);
    samples.push({ name, mime: kind === 0 ? 'image/png' : 'application/pdf', path, pages: kind === 0 ? 1 : 2 });
  }
  return samples;
}

/** What the worker's checks run on a file, without database, queue or HTTP: sniff, SHA-256, text or OCR, thumbnail. */
async function checkDirectly(sample: Sample): Promise<void> {
  await sniffFile(sample.path);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(sample.path)) hash.update(chunk as Buffer);
  hash.digest('hex');
  if (sample.mime === 'application/pdf') {
    const pages = await pdfPageCount(sample.path);
    if ((await pdfText(sample.path)).trim().length < 20) await ocrPdf(sample.path, Math.min(pages, 20));
  } else {
    await ocrImage(sample.path);
  }
  await thumbnailOf(sample.path, sample.mime);
}

async function waitForApi(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const status = await fetch(`${baseUrl}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API did not answer ${baseUrl}/api/health within 60 s (is it built? npm run bench builds first)`);
}

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await run(items[next++]!);
  }));
}

/**
 * Documents per minute through the whole pipeline (HTTP upload, storage, outbox, BullMQ, the worker's
 * checks with OCR), next to the same tools run directly on the same files, with the worker's concurrency.
 */
export async function runDocumentsBenchmark(options: { documents: number }): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aqtalu-bench-docs-'));
  const stack = await startStack({
    dataDir, persistent: false, databaseName: 'aqtalu_bench', postgresPort: await freePort(), redisPort: await freePort(),
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined, withRedis: true, allowInstall: false, log,
  });
  const port = await freePort();
  const env = {
    ...process.env, NODE_ENV: 'test', DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, JWT_SECRET: randomBytes(32).toString('hex'),
    STORAGE_DIR: join(dataDir, 'files'), LOG_LEVEL: 'warn', OUTBOX_POLL_MS: '50', PORT: String(port), HOST: '127.0.0.1', AUTH_RATE_LIMIT_PER_MINUTE: '10000',
  };
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'bench' });
  await dataSource.initialize();
  await prepareDatabase(dataSource);
  await seedDemoUsers(dataSource);
  // the API and the worker as `npm start` runs them: built processes of their own
  const processes: ChildProcess[] = ['apps/api/dist/main.js', 'apps/worker/dist/main.js'].map((main) =>
    spawn(process.execPath, [join(repoRoot, main)], { env, stdio: ['ignore', 'ignore', 'inherit'] }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForApi(baseUrl);
    log(`rendering ${options.documents} sample documents`);
    const sampleDir = join(dataDir, 'samples');
    await mkdir(sampleDir, { recursive: true });
    const samples = await makeSamples(sampleDir, options.documents);
    const pages = samples.reduce((sum, s) => sum + s.pages, 0);

    log('the same tools, directly');
    const directStart = performance.now();
    await pool(samples, 2, checkDirectly); // the worker's evidence concurrency
    const directSeconds = (performance.now() - directStart) / 1000;

    log('the whole pipeline');
    const login = async (role: string) => {
      const demo = demoLogins.find((l) => l.role === role)!;
      const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demo.email, password: demo.password }) });
      return ((await response.json()) as { accessToken: string }).accessToken;
    };
    const secretary = await login('secretary');
    const member = await login('wg_member');
    const opened = await fetch(`${baseUrl}/api/cases`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${secretary}` },
      body: JSON.stringify({ regionCode: 'ALM', categoryCode: 'counter_revolutionary', summary: 'Benchmark', applicant: { kind: 'relative', name: 'Айгерім Нұрланқызы', kinship: 'granddaughter', kinshipProof: 'birth certificates' }, subjects: [{ nameKk: 'Жұмабаев Қабдолла', nameRu: 'Жумабаев Кабдолла' }] }),
    });
    const caseId = ((await opened.json()) as { id: string }).id;
    const pipelineStart = performance.now();
    for (const sample of samples) {
      const form = new FormData();
      form.append('kind', EvidenceKind.InvestigationFile);
      form.append('file', new Blob([new Uint8Array(await readFile(sample.path))], { type: sample.mime }), sample.name);
      const response = await fetch(`${baseUrl}/api/cases/${caseId}/evidence`, { method: 'POST', headers: { authorization: `Bearer ${member}` }, body: form });
      if (response.status !== 201) throw new Error(`upload of ${sample.name} answered ${response.status}: ${await response.text()}`);
    }
    const uploadSeconds = (performance.now() - pipelineStart) / 1000;
    const expectedChecks = samples.reduce((sum, s) => sum + checksFor(s.mime).length, 0);
    for (;;) {
      const [{ done, failed }] = await dataSource.query(
        `SELECT count(*) FILTER (WHERE state NOT IN ('pending','running'))::int AS done, count(*) FILTER (WHERE state = 'failed')::int AS failed FROM evidence_checks`,
      );
      if (done >= expectedChecks) {
        if (failed) throw new Error(`${failed} checks failed: the pipeline is not healthy`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const pipelineSeconds = (performance.now() - pipelineStart) / 1000;
    const perMinute = (seconds: number) => (options.documents / seconds) * 60;
    const table = [
      `# Documents benchmark — ${options.documents} documents, ${pages} pages`,
      '',
      `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}; the API and one worker (evidence concurrency 2) as processes, as npm start runs them.`,
      'Samples: Kazakh and Russian text rendered to PNG scans (1 page), image-only PDFs (2 pages, OCR) and PDFs with a text layer (2 pages), in turn.',
      '',
      '| measure | Aqtalu pipeline | the same tools directly, same files | ratio |',
      '|---|---|---|---|',
      `| documents per minute | ${perMinute(pipelineSeconds).toFixed(1)} | ${perMinute(directSeconds).toFixed(1)} | ${((directSeconds / pipelineSeconds) * 100).toFixed(0)} % |`,
      `| wall time | ${pipelineSeconds.toFixed(1)} s (uploads ${uploadSeconds.toFixed(1)} s) | ${directSeconds.toFixed(1)} s | |`,
      '',
    ].join('\n');
    process.stdout.write(`${table}\n`);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, `documents-${options.documents}.md`), table);
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
