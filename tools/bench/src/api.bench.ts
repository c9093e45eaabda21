import { Role, type SessionUser } from '@aqtalu/contracts';
import { freePort, startStack } from '@aqtalu/dev-stack';
import { formatCaseNumber } from '@aqtalu/domain';
import { AuditService, createDataSource, OutboxService, PasswordHasher, prepareDatabase, publicFields, RegistryImportService, sealAuditLog } from '@aqtalu/server';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { DataSource } from 'typeorm';
import { prng, syntheticPersons } from './synthetic-names.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const resultsDir = join(repoRoot, 'bench/results');
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

export interface ApiBenchmarkOptions {
  /** Seconds of load per target and connection count. */
  duration: number;
  cases: number;
  persons: number;
  auditRows: number;
  connections: number[];
  /** Where the table goes; `bench/results/api.md` unless told otherwise. */
  output?: string;
  /** Only these targets (keys: bare, list, case, search, stats, public, comment); all by default. */
  only?: string[];
  /** A folder: the API's CPU profile of each target at the most connections is written there (<key>.cpuprofile). */
  profileDir?: string;
}

interface Target {
  key: string;
  name: string;
  /** Each request's method, path, headers and body; called per request so requests spread over rows. */
  request: () => { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string };
  baseUrl: string;
  write?: boolean;
}

interface Point {
  target: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p975: number;
  p99: number;
  non2xx: number;
  errors: number;
  total: number;
}

const statuses: Array<[string, number]> = [
  ['draft', 4], ['submitted', 8], ['intake_review', 10], ['returned_to_applicant', 3], ['archive_verification', 30],
  ['working_group_review', 20], ['commission_review', 8], ['rehabilitated', 7], ['rejected', 2], ['certificate_issued', 6], ['closed', 2],
];
const categories = ['counter_revolutionary', 'nationalist', 'alash', 'dekulakized', 'deported'];
const otherRegions = ['AKM', 'KAR', 'ZHA', 'PAV', 'EKZ', 'ATY', 'TUR'];

function pick<T>(items: Array<[T, number]>, random: () => number): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll <= 0) return item;
  }
  return items[items.length - 1]![0];
}

export async function waitFor(url: string, what: string, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before answering`);
    const status = await fetch(url).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not answer ${url} within 90 s (is it built? npm run bench builds first)`);
}

async function rssOf(pid: number): Promise<{ rssMb: number; peakMb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** The registry through the import path an administrator uses (as the registry benchmark does). */
async function seedRegistry(dataSource: DataSource, dataDir: string, persons: number, user: SessionUser): Promise<void> {
  const csv = join(dataDir, 'persons.csv');
  const out = createWriteStream(csv);
  out.write('ФИО,Год рождения\n');
  for (const person of syntheticPersons(persons)) {
    if (!out.write(`"${person.fullName}",${person.birthYear}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  out.end();
  await finished(out);
  const imports = new RegistryImportService(dataSource, new OutboxService(), new AuditService(dataSource));
  const { importId } = await imports.load(user, csv, 'bench.csv', 'synthetic benchmark list', { fullName: 'ФИО', birthYear: 'Год рождения' });
  let done = false;
  while (!done) done = (await imports.apply(importId)).done;
}

/**
 * Cases as the working groups leave them: mostly in one region, in every status, one or more subjects from
 * the registry, a history of events and some comments. Inserted with SQL (1,500 cases through HTTP would
 * measure the seeding, not the reads).
 */
async function seedCases(dataSource: DataSource, count: number, creatorId: string, authorIds: string[]): Promise<void> {
  const random = prng(1937_11);
  const regions: Array<{ id: string; code: string }> = await dataSource.query(`SELECT id, code FROM regions WHERE code = ANY($1)`, [['ALM', ...otherRegions]]);
  const regionId = new Map(regions.map((r) => [r.code, r.id]));
  const people: Array<{ id: string; name_kk: string | null; name_ru: string | null }> = await dataSource.query(
    `SELECT id, name_kk, name_ru FROM persons ORDER BY created_at, id LIMIT $1`,
    [Math.ceil(count * 1.4)],
  );
  const applicants = [...syntheticPersons(count, 4242)].map((p) => p.canonical);
  const year = new Date().getUTCFullYear();
  const sequence = new Map<string, number>();
  const rows = Array.from({ length: count }, (_, i) => {
    // four in five cases in Almaty region, the rest spread: the wg_member's scope is a real filter
    const region = i % 5 === 4 ? otherRegions[i % otherRegions.length]! : 'ALM';
    const next = (sequence.get(region) ?? 0) + 1;
    sequence.set(region, next);
    const created = new Date(Date.now() - Math.floor(random() * 400 * 86_400_000));
    return {
      id: randomUUID(),
      number: formatCaseNumber(region, year, next),
      regionId: regionId.get(region)!,
      category: categories[Math.floor(random() * categories.length)]!,
      status: pick(statuses, random),
      summary: `Арыз: ${applicants[i]!.split(' ')[0]} әулеті. Тергеу ісі № ${10_000 + i}, ҚазКСР ІІХК үштігінің хаттамасы бойынша.`,
      applicant: applicants[i]!,
      createdAt: created.toISOString(),
      updatedAt: new Date(created.getTime() + Math.floor(random() * 30 * 86_400_000)).toISOString(),
    };
  });
  await dataSource.query(
    `INSERT INTO cases (id, number, region_id, category_code, status, summary, is_group, applicant_kind, applicant_name,
       applicant_kinship, applicant_kinship_proof, applicant_email, created_by, created_at, updated_at)
     SELECT id, number, region_id, category, status, summary, false, 'relative', applicant, 'grandchild', 'birth certificates',
            'applicant@example.kz', $10, created_at, updated_at
     FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::timestamptz[])
       AS t(id, number, region_id, category, status, summary, applicant, created_at, updated_at)`,
    [rows.map((r) => r.id), rows.map((r) => r.number), rows.map((r) => r.regionId), rows.map((r) => r.category), rows.map((r) => r.status),
      rows.map((r) => r.summary), rows.map((r) => r.applicant), rows.map((r) => r.createdAt), rows.map((r) => r.updatedAt), creatorId],
  );
  for (const [code, last] of sequence) {
    await dataSource.query(`INSERT INTO case_number_counters (region_id, year, last_sequence) VALUES ($1, $2, $3)`, [regionId.get(code), year, last]);
  }
  // subjects: one per case, a second for one case in ten (a group case)
  const subjectCase: string[] = [];
  const subjectPerson: string[] = [];
  const subjectPosition: number[] = [];
  let personIndex = 0;
  for (const row of rows) {
    const subjects = random() < 0.1 ? 2 : 1;
    for (let position = 0; position < subjects && personIndex < people.length; position++) {
      subjectCase.push(row.id);
      subjectPerson.push(people[personIndex++]!.id);
      subjectPosition.push(position);
    }
  }
  await dataSource.query(
    `INSERT INTO case_subjects (case_id, person_id, position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])`,
    [subjectCase, subjectPerson, subjectPosition],
  );
  await dataSource.query(`UPDATE cases c SET is_group = true WHERE (SELECT count(*) FROM case_subjects s WHERE s.case_id = c.id) > 1`);
  // history: created, submitted, … and a few comments per case
  await dataSource.query(
    `INSERT INTO case_events (case_id, actor_id, kind, data, occurred_at)
     SELECT c.id, $1, k.kind, jsonb_build_object('number', c.number), c.created_at + (k.n || ' days')::interval
     FROM cases c CROSS JOIN (VALUES (0, 'created'), (1, 'updated'), (2, 'transition'), (3, 'comment')) AS k(n, kind)`,
    [creatorId],
  );
  await dataSource.query(
    `INSERT INTO case_comments (case_id, author_id, body, mentions, created_at)
     SELECT c.id, ($1::uuid[])[1 + (g % array_length($1::uuid[], 1))], 'Архив жауабын күтеміз; хаттаманың көшірмесі тіркелді. ' || g, '{}', c.created_at + (g || ' hours')::interval
     FROM cases c CROSS JOIN generate_series(1, 3) AS g`,
    [authorIds],
  );
}

/**
 * Audit history as a year of use leaves it: reads, lists, searches and writes by the bench users, inserted in
 * bulk as the service appends them (unsealed), then hash-chained by the real sealer, as the worker does.
 */
async function seedAuditHistory(dataSource: DataSource, count: number, actors: Array<{ id: string; role: string }>, caseIds: string[]): Promise<void> {
  const random = prng(1953);
  const actions: Array<[{ action: string; entityType: string | null }, number]> = [
    [{ action: 'case.read', entityType: 'case' }, 40], [{ action: 'case.list', entityType: null }, 25], [{ action: 'person.search', entityType: null }, 15],
    [{ action: 'case.read_timeline', entityType: 'case' }, 8], [{ action: 'case.comment', entityType: 'case' }, 6], [{ action: 'case.update', entityType: 'case' }, 4],
    [{ action: 'auth.login', entityType: 'user' }, 2],
  ];
  const year = 365 * 86_400_000;
  const start = Date.now() - year;
  await dataSource.query(`SELECT audit_log_ensure_partitions(now() - interval '13 months', now() + interval '3 months')`);
  const batch = 5_000;
  for (let made = 0; made < count; made += batch) {
    const columns: unknown[][] = Array.from({ length: 11 }, () => []);
    for (let i = 0; i < Math.min(batch, count - made); i++) {
      const actor = actors[Math.floor(random() * actors.length)]!;
      const kind = pick(actions, random);
      const entityId = kind.entityType === 'case' ? caseIds[Math.floor(random() * caseIds.length)]! : kind.entityType === 'user' ? actor.id : null;
      const details = kind.action === 'case.list' ? { filter: {}, offset: 0, limit: 25, returned: 25 }
        : kind.action === 'person.search' ? { q: 'Сейфуллин', filter: {}, returned: 10 } : null;
      const diff = kind.action === 'case.update' ? { summary: { from: 'Арыз', to: 'Арыз (толықтырылды)' } } : null;
      const values = [new Date(start + Math.floor(((made + i) / count) * year)).toISOString(), actor.id, actor.role, kind.action, 'allowed', kind.entityType, entityId,
        diff === null ? null : JSON.stringify(diff), details === null ? null : JSON.stringify(details), randomUUID(), `10.0.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`];
      values.forEach((value, column) => columns[column]!.push(value));
    }
    await dataSource.query(
      `INSERT INTO audit_log (occurred_at, actor_id, actor_role, action, outcome, entity_type, entity_id, diff, details, request_id, ip)
       SELECT * FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::jsonb[], $10::text[], $11::text[])`,
      columns,
    );
  }
  for (;;) {
    const { sealed } = await sealAuditLog(dataSource, 10_000);
    if (sealed === 0) break;
  }
}

/**
 * Samples the API's `aqtalu_audit_seal_lag_seconds` (age of the oldest audit entry not sealed yet) twice a
 * second while the load runs: the issue's bound is 2 s from commit to sealed.
 */
function sampleSealLag(baseUrl: string): { stop(): Promise<{ max: number; samples: number }> } {
  let max = 0;
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const text = await fetch(`${baseUrl}/api/metrics`).then((response) => response.text(), () => '');
      const value = /^aqtalu_audit_seal_lag_seconds (\S+)$/m.exec(text)?.[1];
      if (value !== undefined) {
        max = Math.max(max, Number(value));
        samples += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { max, samples };
    },
  };
}

async function run(target: Target, connections: number, duration: number): Promise<Point> {
  const result = await autocannon({
    url: target.baseUrl,
    connections,
    duration,
    // a new request per send, so reads and writes spread over many rows
    requests: [{ setupRequest: (request) => ({ ...request, ...target.request() }) }],
  });
  return {
    target: target.name,
    connections,
    requestsPerSecond: result.requests.total / duration,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}

/**
 * The API under load next to a bare NestJS route, on a throwaway PostgreSQL and Redis seeded with cases,
 * registry persons and audit history; the API and the worker run as `npm start` runs them, built, with
 * NODE_ENV=production.
 */
export async function runApiBenchmark(options: ApiBenchmarkOptions): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'aqtalu-bench-api-'));
  const stack = await startStack({
    dataDir, persistent: false, databaseName: 'aqtalu_bench', postgresPort: await freePort(), redisPort: await freePort(),
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined, withRedis: true, allowInstall: false, log,
  });
  const processes: ChildProcess[] = [];
  const dataSource = createDataSource({ url: stack.databaseUrl, applicationName: 'bench' });
  try {
    await dataSource.initialize();
    await prepareDatabase(dataSource);

    const password = randomBytes(18).toString('base64url');
    const passwordHash = await new PasswordHasher().hash(password);
    const users = [
      { email: 'member@bench.aqtalu', role: Role.WgMember, region: 'ALM', name: 'Ерлан Мүше' },
      { email: 'lead@bench.aqtalu', role: Role.WgLead, region: 'ALM', name: 'Гүлнар Жетекші' },
      { email: 'secretary@bench.aqtalu', role: Role.Secretary, region: null, name: 'Сәуле Хатшы' },
    ];
    const ids: Record<string, string> = {};
    for (const u of users) {
      const [row] = await dataSource.query(
        `INSERT INTO users (email, display_name, password_hash, role, region_id, version) VALUES ($1, $2, $3, $4, (SELECT id FROM regions WHERE code = $5), 1) RETURNING id`,
        [u.email, u.name, passwordHash, u.role, u.region],
      );
      ids[u.email] = row.id;
    }
    const secretary: SessionUser = { id: ids['secretary@bench.aqtalu']!, email: 'secretary@bench.aqtalu', displayName: 'Сәуле Хатшы', role: Role.Secretary, regionCode: null, archiveCode: null, totpEnabled: false };

    let started = performance.now();
    log(`importing ${options.persons.toLocaleString('en')} registry persons`);
    await seedRegistry(dataSource, dataDir, options.persons, secretary);
    const registrySeconds = (performance.now() - started) / 1000;
    started = performance.now();
    log(`inserting ${options.cases.toLocaleString('en')} cases`);
    const memberId = ids['member@bench.aqtalu']!;
    await seedCases(dataSource, options.cases, memberId, [memberId, ids['lead@bench.aqtalu']!]);
    const caseIds: string[] = (await dataSource.query(`SELECT c.id FROM cases c JOIN regions r ON r.id = c.region_id WHERE r.code = 'ALM' ORDER BY c.number`)).map((r: { id: string }) => r.id);
    // the public Book of Memory: a share of the registry published with every field, read by anonymous visitors
    const publishedIds: string[] = (
      await dataSource.query(
        `INSERT INTO published_persons (person_id, basis, fields) SELECT id, 'book', $1::varchar[] FROM persons WHERE merged_into_id IS NULL ORDER BY id LIMIT 2000 RETURNING person_id`,
        [[...publicFields]],
      )
    ).map((r: { person_id: string }) => r.person_id);
    log(`writing ${options.auditRows.toLocaleString('en')} audit entries`);
    await seedAuditHistory(dataSource, options.auditRows, users.map((u) => ({ id: ids[u.email]!, role: u.role })), caseIds);
    await dataSource.query('VACUUM ANALYZE');
    const [{ size }] = await dataSource.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`);
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM cases c JOIN regions r ON r.id = c.region_id WHERE r.code = 'ALM')::int AS alm,
              (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM audit_log)::int AS audit`,
    );
    log(`seeded in ${(registrySeconds + (performance.now() - started) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}, ${size}`);

    // the API and the worker as `npm start` runs them: built processes of their own, production settings
    const port = await freePort();
    const sitePort = await freePort();
    const env = {
      ...process.env, NODE_ENV: 'production', DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, JWT_SECRET: randomBytes(32).toString('hex'),
      JWT_ACCESS_TTL_SECONDS: '7200', STORAGE_DIR: join(dataDir, 'files'), PORT: String(port), PUBLIC_SITE_PORT: String(sitePort), HOST: '127.0.0.1',
      // the benchmark is a bulk reader by design: the per-user read limit and its alert would measure themselves
      READ_RATE_LIMIT_PER_MINUTE: '0', BULK_READ_ALERT_PER_MINUTE: '0',
    };
    const profiling = options.profileDir ? ['--import', join(repoRoot, 'tools/bench/dist/cpu-profile.js')] : [];
    if (options.profileDir) await mkdir(options.profileDir, { recursive: true });
    const api = spawn(process.execPath, ['--enable-source-maps', ...profiling, join(repoRoot, 'apps/api/dist/main.js')], {
      env: { ...env, ...(options.profileDir ? { CPU_PROFILE_DIR: options.profileDir } : {}) },
      stdio: options.profileDir ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'ignore', 'inherit'],
    });
    const worker = spawn(process.execPath, ['--enable-source-maps', join(repoRoot, 'apps/worker/dist/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const barePort = await freePort();
    const bare = spawn(process.execPath, [join(repoRoot, 'tools/bench/dist/bare-api.js'), String(barePort)], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
    // the public site (apps/public), a process of its own as in production
    const site = spawn(process.execPath, ['--enable-source-maps', join(repoRoot, 'apps/public/dist/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    processes.push(api, worker, bare, site);
    const baseUrl = `http://127.0.0.1:${port}`;
    const siteUrl = `http://127.0.0.1:${sitePort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await waitFor(`${baseUrl}/api/health`, 'the API', api);
    await waitFor(`${bareUrl}/bare`, 'the bare route', bare);
    await waitFor(`${siteUrl}/health`, 'the public site', site);

    const login = async (email: string) => {
      const response = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      if (response.status !== 200 && response.status !== 201) throw new Error(`login of ${email} answered ${response.status}: ${await response.text()}`);
      return `Bearer ${((await response.json()) as { accessToken: string }).accessToken}`;
    };
    const idle = await rssOf(api.pid!);
    const siteIdle = await rssOf(site.pid!);
    const member = await login('member@bench.aqtalu');
    const secretaryToken = await login('secretary@bench.aqtalu');
    const surnames = [...new Set([...syntheticPersons(400, 77)].map((p) => p.canonical.split(' ')[0]!))].slice(0, 24);
    let n = 0;
    const next = <T>(items: T[]) => items[n++ % items.length]!;
    const targets: Target[] = [
      { key: 'bare', name: 'bare NestJS route', baseUrl: bareUrl, request: () => ({ method: 'GET', path: '/bare', headers: {} }) },
      { key: 'list', name: 'case list `GET /api/cases?range=[0,24]` (wg_member)', baseUrl, request: () => ({ method: 'GET', path: `/api/cases?range=${encodeURIComponent('[0,24]')}`, headers: { authorization: member } }) },
      { key: 'case', name: 'case `GET /api/cases/:id` (wg_member)', baseUrl, request: () => ({ method: 'GET', path: `/api/cases/${next(caseIds)}`, headers: { authorization: member } }) },
      {
        key: 'search', name: 'registry search `GET /api/registry/persons?filter={"q":…}` (wg_member)', baseUrl,
        request: () => ({ method: 'GET', path: `/api/registry/persons?filter=${encodeURIComponent(JSON.stringify({ q: next(surnames) }))}`, headers: { authorization: member } }),
      },
      { key: 'stats', name: 'dashboard `GET /api/cases/stats` (secretary)', baseUrl, request: () => ({ method: 'GET', path: '/api/cases/stats', headers: { authorization: secretaryToken } }) },
      {
        // anonymous visitors from many addresses (the site believes X-Forwarded-For from loopback): each address is
        // throttled per minute in Redis as in production, and each read is counted
        key: 'public', name: 'public site person page `GET /persons/:id` (anonymous, HTML)', baseUrl: siteUrl,
        request: () => ({ method: 'GET', path: `/persons/${next(publishedIds)}?lang=kk`, headers: { 'x-forwarded-for': `10.20.${n % 250}.${(n >> 8) % 250}`, accept: 'text/html' } }),
      },
      {
        key: 'comment', name: 'comment `POST /api/cases/:id/comments` (wg_member)', baseUrl, write: true,
        request: () => ({ method: 'POST', path: `/api/cases/${next(caseIds)}/comments`, headers: { authorization: member, 'content-type': 'application/json' }, body: JSON.stringify({ body: `Архив жауабы тіркелді, хаттама № ${n}.` }) }),
      },
    ];
    for (const target of targets) {
      const probe = target.request();
      const response = await fetch(`${target.baseUrl}${probe.path}`, { method: probe.method, headers: probe.headers, body: probe.body });
      if (response.status >= 300) throw new Error(`${target.name} answered ${response.status}: ${await response.text()}`);
    }

    const points: Point[] = [];
    const top = Math.max(...options.connections);
    const profile = (command: string) =>
      new Promise<void>((resolve) => {
        if (command === 'start') return api.send('cpu-profile:start', () => resolve());
        api.once('message', () => resolve());
        api.send(`cpu-profile:stop ${command}`);
      });
    const sealLagSampler = sampleSealLag(baseUrl);
    for (const target of targets) {
      if (options.only && target.key !== 'bare' && !options.only.includes(target.key)) continue;
      log(`warming up: ${target.name}`);
      await run(target, 8, Math.min(3, options.duration));
      for (const connections of options.connections) {
        const profiled = options.profileDir !== undefined && connections === top && target.key !== 'bare';
        if (profiled) await profile('start');
        const point = await run(target, connections, options.duration);
        if (profiled) await profile(target.key);
        log(`${target.name} × ${connections}: ${point.requestsPerSecond.toFixed(1)} req/s, p50 ${point.p50} ms, p97.5 ${point.p975} ms, p99 ${point.p99} ms${point.non2xx || point.errors ? `, ${point.non2xx} non-2xx, ${point.errors} errors` : ''}`);
        points.push(point);
      }
    }
    const sealLag = await sealLagSampler.stop();
    const memory = await rssOf(api.pid!);
    const siteMemory = await rssOf(site.pid!);

    const bareAt = (connections: number) => points.find((p) => p.target === targets[0]!.name && p.connections === connections)!;
    const at = (target: Target, connections: number) =>
      points.find((p) => p.target === target.name && p.connections === connections) ?? { ...bareAt(connections), requestsPerSecond: NaN, p975: NaN, non2xx: NaN };
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    const list = at(targets[1]!, top);
    const one = at(targets[2]!, top);
    const byKey = (key: string) => targets.find((target) => target.key === key)!;
    const comment = at(byKey('comment'), top);
    const publicPage = at(byKey('public'), top);
    const bareTop = bareAt(top);
    const lines = [
      `# API benchmark — ${counts.alm.toLocaleString('en')} cases in one region (${counts.cases.toLocaleString('en')} in all), ${counts.persons.toLocaleString('en')} registry persons, ${counts.audit.toLocaleString('en')} audit entries`,
      '',
      `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, ${cpus().length} cores, Node ${process.version}; database ${size}.`,
      `The API, one worker and the public site as \`npm start\` runs them (built, \`NODE_ENV=production\`, log level info to /dev/null), a bare NestJS route (same Nest and Express) in a process of its own,`,
      `PostgreSQL, Redis and autocannon on the same machine; ${options.duration} s per point after a warm-up per target. Reads spread over the region's cases and ${surnames.length} surnames; comments over the region's cases.`,
      `Command: \`npm run bench -- api --duration ${options.duration}\`.`,
      '',
      '| request | connections | requests/s | p50 | p97.5 | p99 | requests/s vs bare | p97.5 vs bare | non-2xx / errors |',
      '|---|---|---|---|---|---|---|---|---|',
      ...points.map((p) => {
        const base = bareAt(p.connections);
        const isBare = p.target === targets[0]!.name;
        return `| ${p.target} | ${p.connections} | ${p.requestsPerSecond.toFixed(1)} | ${p.p50} ms | ${p.p975} ms | ${p.p99} ms | ${isBare ? '—' : `${((p.requestsPerSecond / base.requestsPerSecond) * 100).toFixed(1)} %`} | ${isBare ? '—' : `${(p.p975 / Math.max(base.p975, 1)).toFixed(1)} ×`} | ${p.non2xx} / ${p.errors} |`;
      }),
      '',
      `| target at ${top} connections | measured | verdict |`,
      '|---|---|---|',
      `| case list ≥ 30 % of the bare route's requests/s | ${((list.requestsPerSecond / bareTop.requestsPerSecond) * 100).toFixed(1)} % | ${verdict(list.requestsPerSecond >= 0.3 * bareTop.requestsPerSecond)} |`,
      `| case list p97.5 ≤ 3 × the bare route's (${bareTop.p975} ms) | ${list.p975} ms | ${verdict(list.p975 <= 3 * Math.max(bareTop.p975, 1))} |`,
      `| case ≥ 30 % of the bare route's requests/s | ${((one.requestsPerSecond / bareTop.requestsPerSecond) * 100).toFixed(1)} % | ${verdict(one.requestsPerSecond >= 0.3 * bareTop.requestsPerSecond)} |`,
      `| case p97.5 ≤ 3 × the bare route's | ${one.p975} ms | ${verdict(one.p975 <= 3 * Math.max(bareTop.p975, 1))} |`,
      `| comments ≥ 200 writes/s | ${comment.requestsPerSecond.toFixed(1)} | ${verdict(comment.requestsPerSecond >= 200 && comment.non2xx === 0)} |`,
      `| public person page ≥ 200 requests/s | ${publicPage.requestsPerSecond.toFixed(1)} | ${verdict(publicPage.requestsPerSecond >= 200 && publicPage.non2xx === 0)} |`,
      `| audit seal lag ≤ 2 s under load (\`aqtalu_audit_seal_lag_seconds\`, ${sealLag.samples} samples) | max ${sealLag.max.toFixed(2)} s | ${verdict(sealLag.samples > 0 && sealLag.max <= 2)} |`,
      `| API resident memory after the run ≤ 300 MB | ${memory.rssMb.toFixed(0)} MB (peak ${memory.peakMb.toFixed(0)} MB; ${idle.rssMb.toFixed(0)} MB when started) | ${verdict(memory.rssMb <= 300)} |`,
      `| public site resident memory after the run ≤ 300 MB | ${siteMemory.rssMb.toFixed(0)} MB (peak ${siteMemory.peakMb.toFixed(0)} MB; ${siteIdle.rssMb.toFixed(0)} MB when started) | ${verdict(siteMemory.rssMb <= 300)} |`,
      '',
    ];
    const table = lines.join('\n');
    process.stdout.write(`${table}\n`);
    await mkdir(resultsDir, { recursive: true });
    await writeFile(options.output ?? join(resultsDir, 'api.md'), table);
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    // a process that has not stopped 15 s after SIGTERM is killed, so a slow shutdown never hangs the benchmark
    await Promise.all(
      processes.map((child) =>
        child.exitCode === null && child.signalCode === null
          ? new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                log(`${child.spawnfile} (pid ${child.pid}) did not stop within 15 s of SIGTERM: killed`);
                child.kill('SIGKILL');
              }, 15_000);
              child.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
            })
          : undefined,
      ),
    );
    await dataSource.destroy().catch(() => undefined);
    await stack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
