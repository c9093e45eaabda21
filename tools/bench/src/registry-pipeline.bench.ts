import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { Role, type SessionUser } from '@aqtalu/contracts';
import { freePort, startStack } from '@aqtalu/dev-stack';
import { AuditService, createDataSource, DuplicateDetectionService, OutboxService, prepareDatabase, RegistryImportService, seedDemoUsers, strongProposalThreshold } from '@aqtalu/server';
import { stringify } from 'csv-stringify';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { generatePersons, type GeneratedPerson } from './realistic-names.js';

const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const rate = (count: number, seconds: number) => Math.round(count / seconds).toLocaleString('en');

export interface RegistryPipelineOptions {
  /** Rows of the generated list imported. */
  count: number;
  /** Persons the duplicate detection checks (the first rows of the list), against the whole registry. */
  dedupe: number;
  /** Give every row the source's own id (mapping externalId). */
  withIds: boolean;
}

/**
 * The registry's write path at scale, on a throwaway PostgreSQL: a realistic list (realistic-names.ts, with
 * namesakes, brothers and second records of the same people) imported end to end (check, load with keys in
 * worker threads, set-based apply) next to a raw COPY of the same file into a bare table; then duplicate
 * detection over the first rows, its rate, and its precision against the generator's truth: strong
 * proposals between different people, and between brothers or sisters without an agreeing birth year or
 * birthplace.
 */
export async function runRegistryPipelineBenchmark(options: RegistryPipelineOptions): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aqtalu-bench-'));
  const stack = await startStack({
    dataDir, persistent: false, databaseName: 'aqtalu_bench', postgresPort: await freePort(), redisPort: 0,
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined, withRedis: false, allowInstall: false, log,
  });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'bench' });
  const audit = new AuditService(dataSource);
  const imports = new RegistryImportService(dataSource, new OutboxService(), audit);
  try {
    await dataSource.initialize();
    await prepareDatabase(dataSource);
    await seedDemoUsers(dataSource);
    const [secretary] = await dataSource.query(`SELECT id, email, display_name AS "displayName", role FROM users WHERE role = 'secretary' LIMIT 1`);
    const user: SessionUser = { ...secretary, role: Role.Secretary, regionCode: null, archiveCode: null, totpEnabled: false };

    log(`generating ${options.count} rows`);
    const csv = join(dataDir, 'list.csv');
    const people: GeneratedPerson[] = [];
    const header = ['ФИО', 'Год рождения', 'Место рождения', ...(options.withIds ? ['№'] : [])];
    await pipeline(
      function* () {
        yield header;
        for (const person of generatePersons({ seed: 1937, count: options.count, duplicateRate: 0.05 })) {
          people.push(person);
          // the generator puts a few namesakes' years before 1850, which the registry refuses: the list gives none then
          yield [person.fullName, person.birthYear !== null && person.birthYear >= 1850 ? person.birthYear : '', person.birthPlace, ...(options.withIds ? [`${person.index + 1}`] : [])];
        }
      },
      stringify(),
      createWriteStream(csv),
    );

    // baseline: the same file, COPY into a bare table
    await dataSource.query(`CREATE TABLE bench_raw (full_name text, birth_year text, birthplace text${options.withIds ? ', external_id text' : ''})`);
    const runner = dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const rawStart = performance.now();
    await pipeline(createReadStream(csv), client.query(copyFrom(`COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)`)));
    const rawSeconds = (performance.now() - rawStart) / 1000;
    await runner.release();
    await dataSource.query('DROP TABLE bench_raw');
    await dataSource.query('CHECKPOINT');
    log(`raw COPY: ${rawSeconds.toFixed(1)} s`);

    const loadBefore = loadavg()[0]!;
    const cpuBefore = process.cpuUsage();
    const importStart = performance.now();
    const { importId } = await imports.load(user, csv, 'list.csv', 'benchmark list', {
      fullName: 'ФИО', birthYear: 'Год рождения', birthplace: 'Место рождения', ...(options.withIds ? { externalId: '№' } : {}),
    });
    const loadSeconds = (performance.now() - importStart) / 1000;
    let done = false;
    while (!done) done = (await imports.apply(importId)).done;
    const importSeconds = (performance.now() - importStart) / 1000;
    const importCpu = process.cpuUsage(cpuBefore);
    log(`import: ${importSeconds.toFixed(1)} s (check, keys and load ${loadSeconds.toFixed(1)} s, apply ${(importSeconds - loadSeconds).toFixed(1)} s)`);

    // duplicate detection over the first rows, against everybody
    const sample = Math.min(options.dedupe, options.count);
    await dataSource.query(
      `UPDATE persons SET duplicates_checked_at = now() WHERE id IN (SELECT person_id FROM registry_import_rows WHERE import_id = $1 AND line > $2)`,
      [importId, sample + 1],
    );
    const duplicates = new DuplicateDetectionService(dataSource);
    const dedupeStart = performance.now();
    const detected = await duplicates.detectAll();
    const dedupeSeconds = (performance.now() - dedupeStart) / 1000;
    const loadAfter = loadavg()[0]!;
    log(`duplicate detection: ${detected.checked} persons in ${dedupeSeconds.toFixed(1)} s, ${detected.proposed} proposals`);

    // the generator's truth for each registry person
    const rows: Array<{ line: number; person_id: string }> = await dataSource.query(`SELECT line, person_id FROM registry_import_rows WHERE import_id = $1`, [importId]);
    const truth = new Map(rows.map((row) => [row.person_id, people[row.line - 2]!] as const));
    const proposals: Array<{ a: string; b: string; score: number; reasons: string[] }> = (
      await dataSource.query(`SELECT person_a_id AS a, person_b_id AS b, score, reasons FROM duplicate_candidates`)
    ).filter((p: { a: string; b: string }) => truth.has(p.a) && truth.has(p.b));
    const strong = proposals.filter((p) => p.score >= strongProposalThreshold);
    const different = (p: { a: string; b: string }) => truth.get(p.a)!.personId !== truth.get(p.b)!.personId;
    const siblings = (p: { a: string; b: string }) => {
      const [x, y] = [truth.get(p.a)!, truth.get(p.b)!];
      return (x.relation === 'brother' && x.relatedTo === y.personId) || (y.relation === 'brother' && y.relatedTo === x.personId);
    };
    const confirmed = (p: { reasons: string[] }) => p.reasons.includes('birth years agree') || p.reasons.includes('birthplaces agree');
    const strongDifferent = strong.filter(different);
    // what the false strong pairs are: the relation between the two generated people, and whether both records show a patronymic
    const falseKinds = new Map<string, number>();
    for (const p of strongDifferent) {
      const [x, y] = [truth.get(p.a)!, truth.get(p.b)!];
      const related = x.relatedTo === y.personId || y.relatedTo === x.personId ? [x, y].find((r) => r.relation !== 'person' && r.relation !== 'duplicate')?.relation ?? 'related' : 'unrelated';
      const shown = [x, y].every((r) => r.patronymic && !/\b\p{Lu}\.\s*\p{Lu}\./u.test(r.fullName) && r.format.includes('patronymic')) ? 'both show the patronymic' : 'a patronymic unseen';
      const key = `${related}, ${shown}`;
      falseKinds.set(key, (falseKinds.get(key) ?? 0) + 1);
    }
    if (process.env.BENCH_SHOW_FALSE) for (const p of strongDifferent.slice(0, 30)) log(`false strong ${p.score}: ${truth.get(p.a)!.fullName} (${truth.get(p.a)!.birthYear}, ${truth.get(p.a)!.birthPlace}) ~ ${truth.get(p.b)!.fullName} (${truth.get(p.b)!.birthYear}, ${truth.get(p.b)!.birthPlace})`);
    const strongSiblingsUnconfirmed = strong.filter((p) => siblings(p) && !confirmed(p));
    const duplicatesInSample = people.filter((p) => p.relation === 'duplicate' && p.index < sample);
    const pairKey = (x: number, y: number) => (x < y ? `${x} ${y}` : `${y} ${x}`);
    const proposedPairs = new Set(proposals.map((p) => pairKey(truth.get(p.a)!.index, truth.get(p.b)!.index)));
    const strongPairs = new Set(strong.map((p) => pairKey(truth.get(p.a)!.index, truth.get(p.b)!.index)));
    const original = new Map(people.filter((p) => p.relation === 'person').map((p) => [p.personId, p.index] as const));
    const found = duplicatesInSample.filter((p) => proposedPairs.has(pairKey(p.index, original.get(p.personId)!))).length;
    const foundStrong = duplicatesInSample.filter((p) => strongPairs.has(pairKey(p.index, original.get(p.personId)!))).length;

    const [{ size }] = await dataSource.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    const importRate = options.count / importSeconds;
    const rawRate = options.count / rawSeconds;
    const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(2)} %`);
    const table = [
      `# Registry pipeline benchmark — ${options.count.toLocaleString('en')} rows${options.withIds ? ' with the source\'s ids' : ''}, duplicate detection over ${sample.toLocaleString('en')}`,
      '',
      `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${availableParallelism()} cores, Node ${process.version}, one PostgreSQL on this machine;`,
      `load average ${loadBefore.toFixed(1)} before the import, ${loadAfter.toFixed(1)} after duplicate detection (other work shared the cores).`,
      'List: tools/bench/src/realistic-names.ts, seed 1937, 5 % second records of the same person, 3 % namesakes, 2 % brothers and sisters.',
      '',
      '| measure | Aqtalu | baseline in the same run | target |',
      '|---|---|---|---|',
      `| import end to end | ${importSeconds.toFixed(1)} s, ${rate(options.count, importSeconds)} rows/s (${(importRate / rawRate * 100).toFixed(1)} % of raw COPY) | raw COPY ${rawSeconds.toFixed(1)} s, ${rate(options.count, rawSeconds)} rows/s | 1 M in ≤ 60 s |`,
      `| — check, keys (worker threads) and COPY into staging | ${loadSeconds.toFixed(1)} s, ${rate(options.count, loadSeconds)} rows/s | | |`,
      `| — CPU of the importing Node process (all its threads) | ${((importCpu.user + importCpu.system) / 1e6).toFixed(1)} s | | |`,
      `| — set-based apply | ${(importSeconds - loadSeconds).toFixed(1)} s, ${rate(options.count, importSeconds - loadSeconds)} rows/s | | |`,
      `| duplicate detection | ${rate(detected.checked, dedupeSeconds)} persons/s (${detected.checked.toLocaleString('en')} persons, ${detected.proposed.toLocaleString('en')} proposals, ${strong.length.toLocaleString('en')} strong) | | ≥ 2,000 persons/s |`,
      `| strong proposals between different people | ${strongDifferent.length} of ${strong.length} (${percent(strongDifferent.length, strong.length)}) | | ≤ 1 % |`,
      `| — of which | ${[...falseKinds].map(([kind, n]) => `${kind}: ${n}`).join('; ') || '–'} | | |`,
      `| strong proposals between brothers/sisters without agreeing birth year or birthplace | ${strongSiblingsUnconfirmed.length} | | 0 |`,
      `| second records of a checked person proposed / strong | ${percent(found, duplicatesInSample.length)} / ${percent(foundStrong, duplicatesInSample.length)} of ${duplicatesInSample.length} | | |`,
      `| database size | ${size} | | |`,
      '',
    ].join('\n');
    process.stdout.write(`${table}\n`);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, `registry-pipeline-${options.count}.md`), table);
  } finally {
    await imports.onModuleDestroy();
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
