import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { freePort, startStack } from '@aqtalu/dev-stack';
import { spellingKeys } from '@aqtalu/domain';
import { Role } from '@aqtalu/contracts';
import { AuditService, createDataSource, OutboxService, PasswordHasher, prepareDatabase, RegistryService } from '@aqtalu/server';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { waitFor } from './api.bench.js';
import { generatePersons, typo, seededRandom, type GeneratedPerson } from './realistic-names.js';

const resultsDir = fileURLToPath(new URL('../../../bench/results/', import.meta.url));
const apiMain = fileURLToPath(new URL('../../../apps/api/dist/main.js', import.meta.url));
// the team's spellings of the same historical people; the copy in the domain's testdata when ../shared is absent
const sharedVariants = fileURLToPath(new URL('../../../../shared/data/name-variants.tsv', import.meta.url));
const variantsCopy = fileURLToPath(new URL('../../../libs/domain/src/names/testdata/name-variants.tsv', import.meta.url));

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const log = (line: string) => process.stderr.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${line}\n`);
const ratio = (hits: number, total: number) => (total ? (hits / total).toFixed(3) : '–');

interface Spelling {
  group: string;
  fullName: string;
  script: string;
  personId?: string;
}

function readVariants(): Spelling[] {
  const file = existsSync(sharedVariants) ? sharedVariants : variantsCopy;
  const spellings: Spelling[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/u)) {
    const [group, fullName, script] = line.split('\t');
    if (!group || line.startsWith('#') || !fullName || !script || !/^p\d+$/u.test(group)) continue;
    spellings.push({ group, fullName, script });
  }
  return spellings;
}

const escapeCopy = (value: string | null) => (value === null ? '\\N' : value.replace(/[\\\t\n\r]/gu, (ch) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[ch]!));
const arrayLiteral = (values: string[]) => `{${values.map((value) => `"${value.replace(/["\\]/gu, '\\$&')}"`).join(',')}}`;

/**
 * Loads generated persons straight into the registry tables (one spelling each, keys computed as every write
 * computes them, libs/domain spellingKeys), then builds the vocabulary and the word-pair index in SQL as the
 * import's apply does. The import itself is measured by its own stage; this is the corpus for search.
 */
async function loadGenerated(dataSource: DataSource, people: Iterable<GeneratedPerson>, onRecord: (person: GeneratedPerson, personId: string) => void): Promise<number> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  let count = 0;
  try {
    const persons: string[] = [];
    const variants: string[] = [];
    const flush = async () => {
      await pipeline(Readable.from([persons.join('')]), client.query(copyFrom(`COPY persons (id, name_kk, name_ru, birth_year, birthplace, duplicates_checked_at) FROM STDIN`)));
      await pipeline(
        Readable.from([variants.join('')]),
        client.query(copyFrom(`COPY person_name_variants (id, person_id, recorded_for_id, full_name, script, skeleton, phonetic_tokens, initials, key_version) FROM STDIN`)),
      );
      persons.length = 0;
      variants.length = 0;
    };
    // names repeat in a list (Жұмабаев А. А.): their keys are computed once
    const cache = new Map<string, ReturnType<typeof spellingKeys>>();
    for (const person of people) {
      const personId = randomUUID();
      let keys = cache.get(person.fullName);
      if (!keys) {
        keys = spellingKeys(person.fullName);
        if (cache.size > 300_000) cache.clear();
        cache.set(person.fullName, keys);
      }
      const kk = person.script === 'kk-cyrl' ? person.fullName : null;
      const ru = person.script === 'ru-cyrl' ? person.fullName : null;
      persons.push(`${personId}\t${escapeCopy(kk ?? (ru ? null : person.fullName))}\t${escapeCopy(ru)}\t${person.birthYear ?? '\\N'}\t${escapeCopy(person.birthPlace)}\t2000-01-01\n`);
      variants.push(
        [randomUUID(), personId, personId, escapeCopy(person.fullName), person.script, escapeCopy(keys.skeleton), escapeCopy(arrayLiteral(keys.phoneticTokens)), escapeCopy(keys.initials), String(keys.keyVersion)].join('\t') + '\n',
      );
      onRecord(person, personId);
      count += 1;
      if (variants.length >= 20_000) await flush();
      if (count % 100_000 === 0) log(`  ${count.toLocaleString('en')} persons written`);
    }
    await flush();
  } finally {
    await runner.release();
  }
  log('vocabulary and word pairs');
  await dataSource.query(`INSERT INTO name_words (word) SELECT DISTINCT unnest(string_to_array(skeleton, ' ')) FROM person_name_variants ON CONFLICT DO NOTHING`);
  await dataSource.query(`INSERT INTO name_word_pairs (pair, variant_id, skeleton) SELECT unnest(name_word_pairs(skeleton)), id, skeleton FROM person_name_variants`);
  await dataSource.query(`VACUUM ANALYZE`);
  return count;
}

interface RecallTally {
  pairs: number;
  hits: number;
  reciprocal: number;
}
const tally = (): RecallTally => ({ pairs: 0, hits: 0, reciprocal: 0 });
function count(tallies: Map<string, RecallTally>, key: string, rank: number): void {
  const entry = tallies.get(key) ?? tally();
  entry.pairs += 1;
  if (rank > 0 && rank <= 10) {
    entry.hits += 1;
    entry.reciprocal += 1 / rank;
  }
  tallies.set(key, entry);
}

/**
 * Recall of one query's results: for every other spelling of the query's group, whether it is in the first
 * ten (per script pair and overall); MRR@10 per query and script of the other spellings: the reciprocal rank
 * of the first of them found.
 */
function judge(spellings: Spelling[], query: Spelling, found: string[], recall: Map<string, RecallTally>, mrr: Map<string, RecallTally>, misses: string[]): void {
  const firstByScript = new Map<string, number>();
  const group = new Set(spellings.filter((other) => other.group === query.group).map((other) => other.personId));
  for (const other of spellings) {
    if (other === query || other.group !== query.group) continue;
    const rank = found.indexOf(other.personId!) + 1;
    const key = `${query.script} → ${other.script}`;
    count(recall, key, rank);
    count(recall, 'all', rank);
    if (rank === 0) misses.push(`${query.fullName} → ${other.fullName}`);
    // for MRR, only other persons count above it (the group's spellings of other scripts are right answers too)
    const distractorRank = rank === 0 ? 0 : found.slice(0, rank - 1).filter((id) => !group.has(id)).length + 1;
    const best = firstByScript.get(key);
    if (!firstByScript.has(key) || (distractorRank > 0 && (best === 0 || distractorRank < best!))) firstByScript.set(key, distractorRank);
  }
  for (const [key, rank] of firstByScript) {
    count(mrr, key, rank);
    count(mrr, 'all', rank);
  }
}

/**
 * The queries through the API as the back office sends them: the API built (`npm run bench` builds it) and
 * started as `npm start` starts it, on the benchmark's database and a Redis of its own; a working group
 * member signs in; one query at a time. Latencies sorted.
 */
async function searchThroughApi(dataSource: DataSource, stack: { databaseUrl: string; redisUrl?: string | null }, queries: string[]): Promise<number[]> {
  const password = randomBytes(18).toString('base64url');
  const email = 'registry-bench@bench.aqtalu';
  await dataSource.query(`DELETE FROM users WHERE email = $1`, [email]);
  await dataSource.query(
    `INSERT INTO users (email, display_name, password_hash, role, region_id, version) VALUES ($1, 'Bench', $2, $3, (SELECT id FROM regions WHERE code = 'ALM'), 1)`,
    [email, await new PasswordHasher().hash(password), Role.WgMember],
  );
  const port = await freePort();
  const api = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env, NODE_ENV: 'production', DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl ?? '', JWT_SECRET: randomBytes(32).toString('hex'),
      STORAGE_DIR: join(tmpdir(), 'aqtalu-bench-registry-files'), PORT: String(port), HOST: '127.0.0.1', READ_RATE_LIMIT_PER_MINUTE: '0', BULK_READ_ALERT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor(`${baseUrl}/api/health`, 'the API', api);
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!login.ok) throw new Error(`login answered ${login.status}: ${await login.text()}`);
    const authorization = `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`;
    log(`searching ${queries.length} names through the API`);
    const latencies: number[] = [];
    for (const query of queries) {
      const start = performance.now();
      const response = await fetch(`${baseUrl}/api/registry/persons?filter=${encodeURIComponent(JSON.stringify({ q: query }))}&range=${encodeURIComponent('[0,9]')}`, { headers: { authorization } });
      await response.arrayBuffer();
      latencies.push(performance.now() - start);
      if (!response.ok) throw new Error(`search for ${query} answered ${response.status}`);
    }
    return latencies.sort((a, b) => a - b);
  } finally {
    api.kill('SIGTERM');
  }
}

/**
 * The registry at scale, on a throwaway PostgreSQL: N realistic generated persons (realistic-names.ts), the
 * team's spellings of the same historical people (../shared/data/name-variants.tsv) hidden among them, each
 * spelling its own person. Every spelling is searched; recall@10 and MRR@10 of the group's other spellings
 * per script pair, next to a plain pg_trgm search (nearest raw strings) in the same database; recall of
 * generated second records of a person; search latency; database size. Seeded and deterministic.
 */
export async function runRegistryBenchmark(options: { persons: number; queries: number; seed?: number; hold?: boolean; baseline?: boolean; api?: boolean }): Promise<void> {
  // BENCH_DATA_DIR keeps the database between runs (a run on a loaded database only searches)
  const keptDir = process.env.BENCH_DATA_DIR;
  const dataDir = keptDir ?? (await mkdtemp(join(tmpdir(), 'aqtalu-bench-')));
  if (keptDir) await mkdir(keptDir, { recursive: true });
  const stack = await startStack({
    dataDir, persistent: keptDir !== undefined, databaseName: 'aqtalu_bench', postgresPort: await freePort(), redisPort: options.api ? await freePort() : 0,
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined, withRedis: options.api === true, allowInstall: false, log,
  });
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'bench' });
  try {
    await dataSource.initialize();
    await prepareDatabase(dataSource);
    const registry = new RegistryService(dataSource, new AuditService(dataSource), new OutboxService());

    // generated persons; a few are given a second record in another spelling, whose recall is measured too
    const duplicateRate = Math.min(0.5, options.queries / options.persons);
    type Entry = { fullName: string; personId: string };
    const pairs: Array<{ first: Entry; second: Entry }> = [];
    const sample: Entry[] = [];
    let previous: Entry | undefined;
    const spellings = readVariants();
    const [{ existing }] = await dataSource.query(`SELECT count(*)::int AS existing FROM persons`);
    let loadSeconds = 0;
    if (existing >= options.persons + spellings.length) {
      // a kept database: the same seed, so the same persons; their ids from the stored spellings
      log(`reusing the ${existing.toLocaleString('en')} persons of ${keptDir}`);
      const rows: Array<{ full_name: string; person_id: string }> = await dataSource.query(`SELECT full_name, person_id FROM person_name_variants`);
      const byName = new Map<string, string[]>();
      for (const row of rows) byName.set(row.full_name, [...(byName.get(row.full_name) ?? []), row.person_id]);
      const take = (name: string) => byName.get(name)?.shift() ?? '';
      for (const person of generatePersons({ seed: options.seed ?? 1937, count: options.persons, duplicateRate })) {
        const entry = { fullName: person.fullName, personId: take(person.fullName) };
        if (person.relation === 'duplicate' && previous && pairs.length < options.queries) pairs.push({ first: previous, second: entry });
        else if (sample.length < options.queries && person.index % 7 === 0) sample.push(entry);
        previous = entry;
      }
      for (const spelling of spellings) spelling.personId = take(spelling.fullName);
    } else {
      log(`generating and loading ${options.persons.toLocaleString('en')} persons`);
      const loadStart = performance.now();
      const loaded = await loadGenerated(dataSource, generatePersons({ seed: options.seed ?? 1937, count: options.persons, duplicateRate }), (person, personId) => {
        const entry = { fullName: person.fullName, personId };
        if (person.relation === 'duplicate' && previous && pairs.length < options.queries) pairs.push({ first: previous, second: entry });
        else if (sample.length < options.queries && person.index % 7 === 0) sample.push(entry);
        previous = entry;
      });
      loadSeconds = (performance.now() - loadStart) / 1000;
      log(`loaded ${loaded.toLocaleString('en')} in ${loadSeconds.toFixed(0)} s`);
      // the shared spellings, each its own person, through the ordinary write path
      for (const spelling of spellings) {
        spelling.personId = await dataSource.transaction((manager) => registry.createPerson(manager, { names: [{ fullName: spelling.fullName, script: spelling.script as never }] }));
      }
      await dataSource.query(`ANALYZE`);
    }
    const [{ size }] = await dataSource.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);

    // search every shared spelling; the group's other spellings should be in the first ten
    const latencies: number[] = [];
    const ours = new Map<string, RecallTally>();
    const misses: string[] = [];
    const timed = async (query: string) => {
      const start = performance.now();
      const hits = await registry.search(query, { limit: 10 });
      latencies.push(performance.now() - start);
      return hits.map((hit) => hit.personId);
    };
    const mrr = new Map<string, RecallTally>();
    for (const spelling of spellings) {
      const found = await timed(spelling.fullName);
      judge(spellings, spelling, found, ours, mrr, misses);
    }
    // generated second records of the same person, searched by the first
    const generated = tally();
    for (const { first, second } of pairs) count(new Map([['x', generated]]), 'x', (await timed(first.fullName)).indexOf(second.personId) + 1);
    // misspelled queries for latency (a typo in a listed name)
    const random = seededRandom(1938);
    const typed = sample.map((entry) => typo(entry.fullName, random));
    for (const query of typed) await timed(query);
    latencies.sort((a, b) => a - b);
    // the same queries through the API (--api): the built API process, a working group member, one client
    const apiLatencies = options.api ? await searchThroughApi(dataSource, stack, [...spellings.map((spelling) => spelling.fullName), ...pairs.map((pair) => pair.first.fullName), ...typed]) : [];

    const searchLoad = loadavg()[0];
    // baseline: plain pg_trgm, the nearest raw strings, in the same database (--no-baseline leaves it out: at
    // 5 M its index takes long to build and each of its queries seconds)
    const withBaseline = options.baseline !== false;
    if (withBaseline) {
      log('baseline: trigram index on the raw spellings');
      await dataSource.query(`CREATE INDEX bench_full_name_trgm ON person_name_variants USING gist (lower(full_name) gist_trgm_ops)`);
    }
    const baseline = new Map<string, RecallTally>();
    const baselineMrr = new Map<string, RecallTally>();
    const baselineLatencies: number[] = [];
    for (const spelling of withBaseline ? spellings : []) {
      const start = performance.now();
      const rows: Array<{ person_id: string }> = await dataSource.query(
        `SELECT person_id FROM person_name_variants ORDER BY lower(full_name) <-> lower($1), id LIMIT 10`,
        [spelling.fullName],
      );
      baselineLatencies.push(performance.now() - start);
      judge(spellings, spelling, rows.map((row) => row.person_id), baseline, baselineMrr, []);
    }
    baselineLatencies.sort((a, b) => a - b);

    const keys = [...ours.keys()].filter((key) => key !== 'all').sort();
    const row = (key: string) => {
      const a = { ...(ours.get(key) ?? tally()), reciprocal: (mrr.get(key)?.reciprocal ?? 0) / (mrr.get(key)?.pairs || 1) };
      const b = { ...(baseline.get(key) ?? tally()), reciprocal: (baselineMrr.get(key)?.reciprocal ?? 0) / (baselineMrr.get(key)?.pairs || 1) };
      const target = key === 'all' ? `≥ ${recallTarget.toFixed(2)}` : '≥ 0.90';
      const met = a.pairs && a.hits / a.pairs >= (key === 'all' ? recallTarget : 0.9) ? 'met' : 'missed';
      return `| ${key === 'all' ? '**all pairs**' : key} | ${a.pairs} | ${ratio(a.hits, a.pairs)} | ${a.reciprocal.toFixed(3)} | ${ratio(b.hits, b.pairs)} | ${b.pairs ? b.reciprocal.toFixed(3) : '–'} | ${target} (${met}) |`;
    };
    const p95 = percentile(latencies, 95);
    // the targets of issue 14: at 1 M p95 ≤ 50 ms and recall ≥ 0.95; at 5 M p95 ≤ 80 ms and recall ≥ 0.93
    const large = options.persons >= 5_000_000;
    const latencyTarget = large ? 80 : 50;
    const recallTarget = large ? 0.93 : 0.95;
    const table = [
      `# Registry search benchmark — ${options.persons.toLocaleString('en')} generated persons`,
      '',
      `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${availableParallelism()} cores, Node ${process.version}, one PostgreSQL on this machine; load average ${searchLoad.toFixed(1)} while searching (other work shares the cores when it is above ${availableParallelism()}).`,
      `Generated with tools/bench/src/realistic-names.ts (seed ${options.seed ?? 1937}); the ${spellings.length} spellings of ../shared/data/name-variants.tsv hidden among them, each its own person.`,
      `Corpus loaded directly (keys as every write computes them, vocabulary and word pairs in SQL)${loadSeconds ? ` in ${loadSeconds.toFixed(0)} s` : ' by an earlier run'}; the import is measured by its own stage.`,
      '',
      '## Recall of the other spellings of the same person (search for each spelling, first 10 results)',
      '',
      '| query script → other spelling | pairs | recall@10 | MRR@10 | pg_trgm recall@10 | pg_trgm MRR@10 | target |',
      '|---|---|---|---|---|---|---|',
      row('all'),
      ...keys.map(row),
      '',
      `Generated second records of ${generated.pairs} persons (another script, format or typo), searched by the first: recall@10 ${ratio(generated.hits, generated.pairs)}, MRR@10 ${ratio(generated.reciprocal, generated.pairs)}.`,
      'MRR@10: per query and script of the other spellings, the reciprocal rank of the first of them, counting only other persons above it (0 past ten).',
      '',
      '## Search latency (in process, RegistryService.search, limit 10)',
      '',
      '| measure | Aqtalu | pg_trgm nearest raw strings | target |',
      '|---|---|---|---|',
      `| queries | ${latencies.length} (shared spellings, generated records, misspelled names) | ${baselineLatencies.length} | |`,
      `| p50 | ${ms(percentile(latencies, 50))} | ${withBaseline ? ms(percentile(baselineLatencies, 50)) : 'not run'} | |`,
      `| p95 | ${ms(p95)} | ${withBaseline ? ms(percentile(baselineLatencies, 95)) : 'not run'} | ≤ ${latencyTarget} ms at ${large ? '5' : '1'} M (${p95 <= latencyTarget ? 'met' : 'missed'}) |`,
      `| p99 | ${ms(percentile(latencies, 99))} | ${withBaseline ? ms(percentile(baselineLatencies, 99)) : 'not run'} | |`,
      `| database size | ${size} (before the baseline's index) | | |`,
      ...(apiLatencies.length
        ? [
            '',
            `Through the API (\`GET /api/registry/persons?filter={"q":…}\`, a working group member, one client, the built API process, the same ${apiLatencies.length} queries):`,
            `p50 ${ms(percentile(apiLatencies, 50))}, p95 ${ms(percentile(apiLatencies, 95))}, p99 ${ms(percentile(apiLatencies, 99))}; target p95 ≤ 80 ms (${percentile(apiLatencies, 95) <= 80 ? 'met' : 'missed'}).`,
          ]
        : []),
      '',
      misses.length ? `Missed pairs (query → spelling not in the first 10), ${misses.length}:` : 'No pair missed.',
      '',
      ...misses.map((miss) => `- ${miss}`),
      '',
    ].join('\n');
    process.stdout.write(`${table}\n`);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(join(resultsDir, `registry-${options.persons}.md`), table);
    if (withBaseline) await dataSource.query(`DROP INDEX bench_full_name_trgm`);
    if (options.hold) {
      log(`holding the database open at ${stack.databaseUrl} until SIGINT or SIGTERM`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
    if (!keptDir) await rm(dataDir, { recursive: true, force: true });
  }
}
