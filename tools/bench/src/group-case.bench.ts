import { Role } from '@aqtalu/contracts';
import { freePort, startStack } from '@aqtalu/dev-stack';
import { createDataSource, PasswordHasher, prepareDatabase } from '@aqtalu/server';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { syntheticPersons } from './synthetic-names.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const resultsDir = join(repoRoot, 'bench/results');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

export interface GroupCaseBenchmarkOptions {
  subjects: number;
  /** How many times the case is opened. */
  reads: number;
  output?: string;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode} before answering`);
    if ((await fetch(url).then((r) => r.status, () => 0)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API did not answer ${url} within 90 s (is it built? npm run bench builds first)`);
}

/**
 * `npm run bench -- group-case [--subjects 1000] [--reads 50]`: a group case of N registry persons opened in one
 * request (POST /api/group-cases from a registry selection), then opened N times as the back office opens it
 * (GET /api/cases/:id with every subject, and GET /api/group-cases/:id/subjects with the marked exceptions), one
 * request at a time against the built API with production settings. Target: opening it under a second.
 */
export async function runGroupCaseBenchmark(options: GroupCaseBenchmarkOptions): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aqtalu-bench-group-'));
  const stack = await startStack({
    dataDir, persistent: false, databaseName: 'aqtalu_bench_group', postgresPort: await freePort(), redisPort: await freePort(),
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined, withRedis: true, allowInstall: false, log,
  });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'bench' });
  let api: ChildProcess | undefined;
  try {
    await dataSource.initialize();
    await prepareDatabase(dataSource);
    const password = randomBytes(18).toString('base64url');
    await dataSource.query(`INSERT INTO users (email, display_name, password_hash, role, version) VALUES ($1, $2, $3, $4, 1)`, [
      'secretary@bench.aqtalu', 'Сәуле Хатшы', await new PasswordHasher().hash(password), Role.Secretary,
    ]);
    // the subjects: registry persons with realistic names (one spelling each is enough to open a case)
    const people = [...syntheticPersons(options.subjects, 1932)];
    const personIds: string[] = (
      await dataSource.query(
        `INSERT INTO persons (name_kk, birth_year) SELECT name, year FROM unnest($1::text[], $2::text[]) AS t(name, year) RETURNING id`,
        [people.map((p) => p.fullName), people.map((p) => p.birthYear)],
      )
    ).map((row: { id: string }) => row.id);
    log(`${personIds.length} registry persons`);

    const port = await freePort();
    api = spawn(process.execPath, ['--enable-source-maps', join(repoRoot, 'apps/api/dist/main.js')], {
      env: {
        ...process.env, NODE_ENV: 'production', DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, JWT_SECRET: randomBytes(32).toString('hex'),
        JWT_ACCESS_TTL_SECONDS: '7200', STORAGE_DIR: join(dataDir, 'files'), PORT: String(port), HOST: '127.0.0.1', READ_RATE_LIMIT_PER_MINUTE: '0', BULK_READ_ALERT_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(`${baseUrl}/api/health`, api);
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'secretary@bench.aqtalu', password }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };

    let started = performance.now();
    const created = await fetch(`${baseUrl}/api/group-cases`, {
      method: 'POST', headers,
      body: JSON.stringify({ regionCode: 'ALM', categoryCode: 'uprising', applicant: { kind: 'working_group', name: 'Жұмыс тобы' }, personIds }),
    });
    const opened = (await created.json()) as { id: string; subjects: unknown[] };
    const createMs = performance.now() - started;
    if (created.status !== 201) throw new Error(`the group case was not created: ${created.status} ${JSON.stringify(opened).slice(0, 300)}`);
    log(`group case of ${opened.subjects.length} subjects created in ${createMs.toFixed(0)} ms`);

    const timings = async (path: string) => {
      const samples: number[] = [];
      let bytes = 0;
      for (let i = 0; i < options.reads; i += 1) {
        started = performance.now();
        const response = await fetch(`${baseUrl}${path}`, { headers });
        const body = await response.text();
        samples.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 300)}`);
        bytes = body.length;
      }
      samples.sort((a, b) => a - b);
      return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples[samples.length - 1]!, bytes };
    };
    const open = await timings(`/api/cases/${opened.id}`);
    const subjects = await timings(`/api/group-cases/${opened.id}/subjects`);
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    const row = (what: string, t: Awaited<ReturnType<typeof timings>>) =>
      `| ${what} | ${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms | ${t.max.toFixed(1)} ms | ${(t.bytes / 1024).toFixed(0)} KiB | ${verdict(t.max < 1000)} |`;
    const table = [
      `Group case of ${opened.subjects.length} subjects (${options.reads} sequential reads each, built API, production settings; created from a registry selection in ${createMs.toFixed(0)} ms)`,
      '',
      '| read | p50 | p95 | max | answer | under 1 s |',
      '|---|---|---|---|---|---|',
      row('GET /api/cases/:id (the case with every subject)', open),
      row('GET /api/group-cases/:id/subjects (with marked exceptions)', subjects),
      '',
    ].join('\n');
    process.stdout.write(`${table}\n`);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(options.output ?? join(resultsDir, 'group-case.md'), table);
  } finally {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => api!.kill('SIGKILL'), 15_000);
        api!.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
