import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { finished, pipeline } from 'node:stream/promises';
import { Role, type SessionUser } from '@aqtalu/contracts';
import { freePort, startStack } from '@aqtalu/dev-stack';
import { AuditService, createDataSource, OutboxService, prepareDatabase, RegistryImportService, RegistryService, seedDemoUsers } from '@aqtalu/server';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { misspell, prng, syntheticPersons } from './synthetic-names.js';

const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/**
 * The registry at scale, on a throwaway PostgreSQL: import rows/s next to a raw COPY of the same rows,
 * search latency over misspelled queries next to an exact indexed lookup, duplicate-detection throughput,
 * database size. Everything is seeded and deterministic.
 */
export async function runRegistryBenchmark(options: { persons: number; queries: number }): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aqtalu-bench-'));
  const stack = await startStack({
    dataDir, persistent: false, databaseName: 'aqtalu_bench', postgresPort: await freePort(), redisPort: 0,
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined, withRedis: false, allowInstall: false, log,
  });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'bench' });
  try {
    await dataSource.initialize();
    await prepareDatabase(dataSource);
    await seedDemoUsers(dataSource);
    const [secretary] = await dataSource.query(`SELECT id, email, display_name AS "displayName", role FROM users WHERE role = 'secretary' LIMIT 1`);
    const user: SessionUser = { ...secretary, role: Role.Secretary, regionCode: null, archiveCode: null, totpEnabled: false };

    log(`generating ${options.persons} persons`);
    const csv = join(dataDir, 'persons.csv');
    const out = createWriteStream(csv);
    out.write('ФИО,Год рождения\n');
    const canonicals: string[] = [];
    for (const person of syntheticPersons(options.persons)) {
      if (canonicals.length < options.queries * 5) canonicals.push(person.canonical);
      if (!out.write(`"${person.fullName}",${person.birthYear}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.end();
    await finished(out);

    // baseline: the same rows, COPY into a bare table
    await dataSource.query(`CREATE TABLE bench_raw (full_name text, birth_year text)`);
    const rawStart = performance.now();
    const runner = dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    await pipeline(createReadStream(csv), client.query(copyFrom(`COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    await runner.release();
    const rawSeconds = (performance.now() - rawStart) / 1000;
    log(`raw COPY: ${rawSeconds.toFixed(1)} s`);

    const audit = new AuditService(dataSource);
    const imports = new RegistryImportService(dataSource, new OutboxService(), audit);
    const importStart = performance.now();
    const { importId } = await imports.load(user, csv, 'bench.csv', 'synthetic benchmark list', { fullName: 'ФИО', birthYear: 'Год рождения' });
    const loadSeconds = (performance.now() - importStart) / 1000;
    let done = false;
    while (!done) done = (await imports.apply(importId)).done;
    const importSeconds = (performance.now() - importStart) / 1000;
    log(`import: ${importSeconds.toFixed(1)} s (check and load into staging ${loadSeconds.toFixed(1)} s, apply ${(importSeconds - loadSeconds).toFixed(1)} s)`);

    // search: misspelled queries, next to an exact lookup on an indexed column
    const registry = new RegistryService(dataSource, audit, new OutboxService());
    const random = prng(1938);
    const queries = Array.from({ length: options.queries }, (_, i) => misspell(canonicals[(i * 5) % canonicals.length]!, random));
    const fuzzy: number[] = [];
    for (const query of queries) {
      const start = performance.now();
      await registry.search(query, { limit: 10 });
      fuzzy.push(performance.now() - start);
    }
    await dataSource.query(`CREATE INDEX bench_variants_full_name ON person_name_variants (full_name)`);
    const exact: number[] = [];
    for (const name of canonicals.slice(0, options.queries)) {
      const start = performance.now();
      await dataSource.query(`SELECT person_id FROM person_name_variants WHERE full_name = $1 LIMIT 10`, [name]);
      exact.push(performance.now() - start);
    }
    fuzzy.sort((a, b) => a - b);
    exact.sort((a, b) => a - b);

    // duplicate detection on a sample
    const sample = Math.min(200, options.persons);
    await dataSource.query(`UPDATE persons SET duplicates_checked_at = now() WHERE id NOT IN (SELECT id FROM persons ORDER BY id LIMIT $1)`, [sample]);
    const dupStart = performance.now();
    const detected = await registry.detectDuplicates(sample);
    const dupSeconds = (performance.now() - dupStart) / 1000;

    const [{ size }] = await dataSource.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    const importRate = options.persons / importSeconds;
    const rawRate = options.persons / rawSeconds;
    const table = [
      `# Registry benchmark — ${options.persons.toLocaleString('en')} persons, ${options.queries} queries`,
      '',
      `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}, one PostgreSQL on this machine.`,
      '',
      '| measure | Aqtalu | baseline in the same run | ratio | target |',
      '|---|---|---|---|---|',
      `| import (check + load ${loadSeconds.toFixed(0)} s, apply ${(importSeconds - loadSeconds).toFixed(0)} s) | ${Math.round(importRate).toLocaleString('en')} rows/s | raw COPY ${Math.round(rawRate).toLocaleString('en')} rows/s | ${(importRate / rawRate * 100).toFixed(1)} % | ≥ 50 % |`,
      `| search p50 | ${ms(percentile(fuzzy, 50))} | exact lookup ${ms(percentile(exact, 50))} | | |`,
      `| search p95 | ${ms(percentile(fuzzy, 95))} | exact lookup ${ms(percentile(exact, 95))} | ${(percentile(fuzzy, 95) / percentile(exact, 95)).toFixed(1)} × | ≤ 5 × and ≤ 50 ms at 1 M |`,
      `| search p99 | ${ms(percentile(fuzzy, 99))} | exact lookup ${ms(percentile(exact, 99))} | | |`,
      `| duplicate detection | ${(detected.checked / dupSeconds).toFixed(1)} persons/s (${detected.proposed} proposals from ${detected.checked}) | | | |`,
      `| database size | ${size} | | | |`,
      '',
    ].join('\n');
    process.stdout.write(`${table}\n`);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, `registry-${options.persons}.md`), table);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
