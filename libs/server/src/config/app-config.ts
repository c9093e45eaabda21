import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { plainToInstance, Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  ValidateIf,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export type NodeEnv = 'development' | 'production' | 'test';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/**
 * Every setting the processes read from the environment. Validation messages name the variable and
 * what is expected, because the first reader is a person starting the system.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'], { message: 'NODE_ENV must be one of development, production, test' })
  NODE_ENV: NodeEnv = 'development';

  @Type(() => Number)
  @IsInt({ message: 'PORT must be a whole number (the API listens on it), e.g. 3000' })
  @Min(0, { message: 'PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PORT must be between 0 and 65535' })
  PORT = 3000;

  @Type(() => Number)
  @IsInt({ message: 'PUBLIC_SITE_PORT must be a whole number (the public site listens on it), e.g. 3100' })
  @Min(0, { message: 'PUBLIC_SITE_PORT must be between 0 and 65535' })
  @Max(65535, { message: 'PUBLIC_SITE_PORT must be between 0 and 65535' })
  PUBLIC_SITE_PORT = 3100;

  @IsString()
  HOST = '0.0.0.0';

  /** Express's `trust proxy`: which hops' X-Forwarded-For to believe (the client address of rate limits and the audit log). */
  @IsString({ message: 'TRUST_PROXY must be an Express trust-proxy value, e.g. loopback, or loopback,uniquelocal behind a reverse proxy on a private network' })
  TRUST_PROXY = 'loopback';

  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@localhost:5432/aqtalu',
  })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a Redis URL such as redis://localhost:6379' })
  REDIS_URL!: string;

  @IsString({ message: 'JWT_SECRET must be set: a random string of at least 32 characters (e.g. `openssl rand -hex 32`)' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long (e.g. `openssl rand -hex 32`)' })
  JWT_SECRET!: string;

  @Type(() => Number)
  @IsInt({ message: 'JWT_ACCESS_TTL_SECONDS must be a whole number of seconds, e.g. 900' })
  @Min(30, { message: 'JWT_ACCESS_TTL_SECONDS must be at least 30 seconds' })
  @Max(86_400, { message: 'JWT_ACCESS_TTL_SECONDS must be at most 86400 seconds (one day)' })
  JWT_ACCESS_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt({ message: 'JWT_REFRESH_TTL_DAYS must be a whole number of days, e.g. 14' })
  @Min(1, { message: 'JWT_REFRESH_TTL_DAYS must be at least 1' })
  @Max(90, { message: 'JWT_REFRESH_TTL_DAYS must be at most 90' })
  JWT_REFRESH_TTL_DAYS = 14;

  @Transform(toBoolean)
  @IsBoolean({ message: 'TOTP_REQUIRED must be true or false (true: admins and the chair must use a second factor)' })
  TOTP_REQUIRED = false;

  @IsOptional()
  @IsString({ message: 'TOTP_ENCRYPTION_KEY must be a string of at least 32 characters' })
  @MinLength(32, { message: 'TOTP_ENCRYPTION_KEY must be at least 32 characters long' })
  TOTP_ENCRYPTION_KEY?: string;

  @Type(() => Number)
  @IsInt({ message: 'AUTH_RATE_LIMIT_PER_MINUTE must be a whole number, e.g. 20' })
  @Min(1, { message: 'AUTH_RATE_LIMIT_PER_MINUTE must be at least 1' })
  AUTH_RATE_LIMIT_PER_MINUTE = 20;

  @Type(() => Number)
  @IsInt({ message: 'READ_RATE_LIMIT_PER_MINUTE must be a whole number of requests, e.g. 600 (0 turns the limit off)' })
  @Min(0, { message: 'READ_RATE_LIMIT_PER_MINUTE must be at least 0' })
  READ_RATE_LIMIT_PER_MINUTE = 600;

  @Type(() => Number)
  @IsInt({ message: 'BULK_READ_ALERT_PER_MINUTE must be a whole number of records, e.g. 1000 (0 turns the alert off)' })
  @Min(0, { message: 'BULK_READ_ALERT_PER_MINUTE must be at least 0' })
  BULK_READ_ALERT_PER_MINUTE = 1000;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    message: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
  })
  LOG_LEVEL = 'info';

  @IsOptional()
  @IsString()
  ADMIN_DIST_DIR?: string;

  @Type(() => Number)
  @IsNumber({}, { message: 'QUORUM_PRESENT_SHARE must be a number between 0 and 1, e.g. 0.5 (more than half of all members present)' })
  @Min(0, { message: 'QUORUM_PRESENT_SHARE must be between 0 and 1' })
  @Max(1, { message: 'QUORUM_PRESENT_SHARE must be between 0 and 1' })
  QUORUM_PRESENT_SHARE = 0.5;

  @Type(() => Number)
  @IsNumber({}, { message: 'QUORUM_VOTING_SHARE must be a number between 0 and 1, e.g. 0.5 (a majority of those present vote)' })
  @Min(0, { message: 'QUORUM_VOTING_SHARE must be between 0 and 1' })
  @Max(1, { message: 'QUORUM_VOTING_SHARE must be between 0 and 1' })
  QUORUM_VOTING_SHARE = 0.5;

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_URL must be the public http(s) address of Aqtalu, e.g. https://aqtalu.gov.kz' })
  PUBLIC_URL?: string;

  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_SITE_URL must be the http(s) address of the public site (Book of Memory, applications), e.g. https://memory.aqtalu.gov.kz' })
  PUBLIC_SITE_URL?: string;

  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'QUEUE_PREFIX must be lower-case letters, digits, - or _ (at most 32), e.g. aqtalu' })
  QUEUE_PREFIX = 'aqtalu';

  @Type(() => Number)
  @IsInt({ message: 'OUTBOX_POLL_MS must be a whole number of milliseconds, e.g. 500' })
  @Min(50, { message: 'OUTBOX_POLL_MS must be at least 50' })
  OUTBOX_POLL_MS = 500;

  @Type(() => Number)
  @IsInt({ message: 'AUDIT_SEAL_INTERVAL_MS must be a whole number of milliseconds, e.g. 200' })
  @Min(10, { message: 'AUDIT_SEAL_INTERVAL_MS must be at least 10' })
  AUDIT_SEAL_INTERVAL_MS = 200;

  @IsOptional()
  @IsString({ message: 'AUDIT_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM, or its 32-byte seed in hex or base64)' })
  AUDIT_SIGNING_KEY?: string;

  @IsOptional()
  @IsString({ message: 'AUDIT_VERIFY_KEY must be an Ed25519 public key (SPKI PEM, or its 32 bytes in hex or base64)' })
  AUDIT_VERIFY_KEY?: string;

  @IsOptional()
  @IsString({ message: 'AUDIT_CHECKPOINT_DIR must be a folder path outside the database, e.g. /var/lib/aqtalu/audit-checkpoints' })
  AUDIT_CHECKPOINT_DIR?: string;

  @Type(() => Number)
  @IsInt({ message: 'AUDIT_CHECKPOINT_INTERVAL_SECONDS must be a whole number of seconds, e.g. 60' })
  @Min(1, { message: 'AUDIT_CHECKPOINT_INTERVAL_SECONDS must be at least 1' })
  AUDIT_CHECKPOINT_INTERVAL_SECONDS = 60;

  @Type(() => Number)
  @IsInt({ message: 'SESSION_CACHE_MS must be a whole number of milliseconds, e.g. 5000 (0 reads the user on every request)' })
  @Min(0, { message: 'SESSION_CACHE_MS must be between 0 and 60000' })
  @Max(60_000, { message: 'SESSION_CACHE_MS must be between 0 and 60000' })
  SESSION_CACHE_MS = 5000;

  @Transform(toBoolean)
  @IsBoolean({ message: 'DB_LOG_QUERIES must be true or false' })
  DB_LOG_QUERIES = false;

  @IsOptional()
  @Matches(/^smtps?:\/\/([^\s@/]+@)?[^\s@:/]+(:\d{1,5})?\/?(\?\S*)?$/, {
    message: 'SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.kz:587 (smtps:// for TLS on connect)',
  })
  SMTP_URL?: string;

  @IsString({ message: 'SMTP_FROM must be a sender address such as Aqtalu <no-reply@aqtalu.gov.kz>' })
  @Matches(/^[^<>\n]*<?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'SMTP_FROM must be a sender address such as Aqtalu <no-reply@aqtalu.gov.kz>' })
  SMTP_FROM = 'Aqtalu <no-reply@aqtalu.local>';

  @IsOptional()
  @IsString({ message: 'STORAGE_DIR must be a folder path where uploaded files are kept, e.g. /var/lib/aqtalu/files' })
  STORAGE_DIR?: string;

  @IsIn(['local', 's3'], { message: 'STORAGE_DRIVER must be local (files in STORAGE_DIR) or s3 (an S3-compatible store such as MinIO)' })
  STORAGE_DRIVER: 'local' | 's3' = 'local';

  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'S3_ENDPOINT must be the URL of an S3-compatible store, e.g. http://minio:9000 (leave it unset for AWS S3)' })
  S3_ENDPOINT?: string;

  @ValidateIf((env: EnvironmentVariables) => env.STORAGE_DRIVER === 's3')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must name the bucket for uploaded files (3–63 lowercase letters, digits, dots, hyphens) when STORAGE_DRIVER=s3' })
  S3_BUCKET?: string;

  @IsString({ message: 'S3_REGION must be a region name, e.g. us-east-1' })
  S3_REGION = 'us-east-1';

  @IsOptional()
  @IsString({ message: 'S3_ACCESS_KEY_ID must be the access key of the store' })
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString({ message: 'S3_SECRET_ACCESS_KEY must be the secret key of the store' })
  S3_SECRET_ACCESS_KEY?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false (true for MinIO)' })
  S3_FORCE_PATH_STYLE = false;

  @Type(() => Number)
  @IsInt({ message: 'UPLOAD_MAX_BYTES must be a whole number of bytes, e.g. 209715200 (200 MB)' })
  @Min(1, { message: 'UPLOAD_MAX_BYTES must be at least 1' })
  UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'CLAMAV_HOST must be the host name of a clamd, e.g. clamav' })
  CLAMAV_HOST?: string;

  @Type(() => Number)
  @IsInt({ message: 'CLAMAV_PORT must be a whole number, e.g. 3310' })
  @Min(1, { message: 'CLAMAV_PORT must be between 1 and 65535' })
  @Max(65535, { message: 'CLAMAV_PORT must be between 1 and 65535' })
  CLAMAV_PORT = 3310;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s,]+(\s*,\s*postgres(ql)?:\/\/[^\s,]+)*$/, {
    message: 'DATABASE_REPLICA_URLS must be comma-separated PostgreSQL URLs of read replicas, e.g. postgres://aqtalu:secret@replica-1:5432/aqtalu,postgres://aqtalu:secret@replica-2:5432/aqtalu',
  })
  DATABASE_REPLICA_URLS?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_DIRECT_URL must be a PostgreSQL URL that bypasses PgBouncer, e.g. postgres://aqtalu:secret@postgres:5432/aqtalu',
  })
  DATABASE_DIRECT_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'DATABASE_MIGRATION_URL must be a PostgreSQL URL of the schema owner (not through PgBouncer), e.g. postgres://aqtalu_owner:secret@postgres:5432/aqtalu',
  })
  DATABASE_MIGRATION_URL?: string;

  @Type(() => Number)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number of connections per process, e.g. 10' })
  @Min(1, { message: 'DATABASE_POOL_SIZE must be between 1 and 500' })
  @Max(500, { message: 'DATABASE_POOL_SIZE must be between 1 and 500' })
  DATABASE_POOL_SIZE = 10;

  @Type(() => Number)
  @IsInt({ message: 'DATABASE_READ_AFTER_WRITE_SECONDS must be a whole number of seconds, e.g. 5' })
  @Min(0, { message: 'DATABASE_READ_AFTER_WRITE_SECONDS must be between 0 and 3600' })
  @Max(3600, { message: 'DATABASE_READ_AFTER_WRITE_SECONDS must be between 0 and 3600' })
  DATABASE_READ_AFTER_WRITE_SECONDS = 5;

  @Type(() => Number)
  @IsInt({ message: 'OUTBOX_RETENTION_DAYS must be a whole number of days, e.g. 7' })
  @Min(1, { message: 'OUTBOX_RETENTION_DAYS must be at least 1' })
  @Max(3650, { message: 'OUTBOX_RETENTION_DAYS must be at most 3650' })
  OUTBOX_RETENTION_DAYS = 7;

  @Type(() => Number)
  @IsInt({ message: 'EVIDENCE_TOOL_TIMEOUT_SECONDS must be a whole number of seconds, e.g. 120' })
  @Min(1, { message: 'EVIDENCE_TOOL_TIMEOUT_SECONDS must be between 1 and 3600' })
  @Max(3600, { message: 'EVIDENCE_TOOL_TIMEOUT_SECONDS must be between 1 and 3600' })
  EVIDENCE_TOOL_TIMEOUT_SECONDS = 120;

  @Type(() => Number)
  @IsInt({ message: 'EVIDENCE_TOOL_MEMORY_MB must be a whole number of megabytes, e.g. 1536' })
  @Min(64, { message: 'EVIDENCE_TOOL_MEMORY_MB must be between 64 and 65536' })
  @Max(65536, { message: 'EVIDENCE_TOOL_MEMORY_MB must be between 64 and 65536' })
  EVIDENCE_TOOL_MEMORY_MB = 1536;

  @Type(() => Number)
  @IsInt({ message: 'EVIDENCE_MAX_PAGES must be a whole number of pages, e.g. 1000' })
  @Min(1, { message: 'EVIDENCE_MAX_PAGES must be at least 1' })
  EVIDENCE_MAX_PAGES = 1000;

  @Type(() => Number)
  @IsInt({ message: 'EVIDENCE_MAX_MEGAPIXELS must be a whole number of megapixels, e.g. 100' })
  @Min(1, { message: 'EVIDENCE_MAX_MEGAPIXELS must be between 1 and 2000' })
  @Max(2000, { message: 'EVIDENCE_MAX_MEGAPIXELS must be between 1 and 2000' })
  EVIDENCE_MAX_MEGAPIXELS = 100;

  @Type(() => Number)
  @IsInt({ message: 'RECONCILE_INTERVAL_SECONDS must be a whole number of seconds, e.g. 60' })
  @Min(1, { message: 'RECONCILE_INTERVAL_SECONDS must be between 1 and 86400' })
  @Max(86400, { message: 'RECONCILE_INTERVAL_SECONDS must be between 1 and 86400' })
  RECONCILE_INTERVAL_SECONDS = 60;

  @Type(() => Number)
  @IsInt({ message: 'RECONCILE_AFTER_MINUTES must be a whole number of minutes, e.g. 5' })
  @Min(0, { message: 'RECONCILE_AFTER_MINUTES must be between 0 and 1440' })
  @Max(1440, { message: 'RECONCILE_AFTER_MINUTES must be between 0 and 1440' })
  RECONCILE_AFTER_MINUTES = 5;

  @Type(() => Number)
  @IsInt({ message: 'HEALTH_STUCK_CHECK_MINUTES must be a whole number of minutes, e.g. 30' })
  @Min(1, { message: 'HEALTH_STUCK_CHECK_MINUTES must be at least 1' })
  HEALTH_STUCK_CHECK_MINUTES = 30;

  @Type(() => Number)
  @IsInt({ message: 'HEALTH_OUTBOX_BACKLOG must be a whole number of rows, e.g. 1000' })
  @Min(1, { message: 'HEALTH_OUTBOX_BACKLOG must be at least 1' })
  HEALTH_OUTBOX_BACKLOG = 1000;
}

export interface AppConfig {
  env: NodeEnv;
  http: { host: string; port: number; corsOrigins: string[]; trustProxy: string };
  databaseUrl: string;
  redisUrl: string;
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlDays: number };
  /** `required`: roles in `requiredRoles` must sign in with a second factor. */
  totp: { required: boolean; encryptionKey: string };
  /** Requests per minute and client address to the sign-in routes. */
  authRateLimitPerMinute: number;
  /**
   * Bulk reads: GET requests a minute per signed-in user (over it: 429), and personal records (cases, persons,
   * evidence) read a minute per user past which an `access.anomaly` audit entry and a metric are written; 0: off.
   */
  reads?: { ratePerMinute: number; alertRecordsPerMinute: number };
  logLevel: string;
  adminDistDir?: string;
  /** The commission's quorum rule (libs/domain quorum.ts). */
  quorum: { presentShare: number; votingShare: number };
  /** Public address of the back office (links in the staff's e-mails). */
  publicUrl: string;
  /**
   * The public site (apps/public: Book of Memory, online applications, certificate checks): its port, and its
   * address as visitors reach it (printed in the certificates' QR codes, the applicants' e-mails, the open data).
   */
  publicSite: { port: number; url: string };
  /** Namespaces every Redis key of this installation (queues, heartbeat). */
  queuePrefix: string;
  outboxPollMs: number;
  /** How often a process looks for audit entries to seal into the hash chain (one sealer at a time). */
  auditSealIntervalMs: number;
  /**
   * Signed checkpoints of the audit chain's head, written outside the database: the signing key (the
   * sealer signs), the public key (verification; derived from the signing key when unset), the folder.
   */
  auditCheckpoints: { signingKey?: string; verifyKey?: string; dir: string; intervalSeconds: number };
  dbLogQueries: boolean;
  /** How long a process keeps the user behind an access token; revocations reach every process through Redis at once. */
  sessionCacheMs?: number;
  /** Notifications are also e-mailed (by the worker) when `url` is set. */
  smtp: { url?: string; from: string };
  /**
   * Uploaded files, content-addressed, on local disk (`dir`) or in an S3-compatible store (`s3`). `dir`
   * also holds uploads in transit with either driver.
   */
  storage: { driver: 'local' | 's3'; dir: string; uploadMaxBytes: number; s3?: S3Settings };
  /** Malware scanning through clamd when `host` is set; otherwise evidence shows "not scanned". */
  clamav: { host?: string; port: number };
  /**
   * Scale-out: `replicaUrls` serve the reads of GET requests (see database/read-routing.ts); `directUrl`
   * bypasses PgBouncer for migrations and session-level advisory locks; `poolSize` is per process;
   * `migrationUrl` (the schema owner) migrates and grants the application's role, which then owns nothing.
   */
  database: { replicaUrls: string[]; directUrl?: string; poolSize: number; readAfterWriteSeconds: number; migrationUrl?: string };
  /** Published outbox rows older than this are deleted by the worker. */
  outboxRetentionDays: number;
  /** Every document tool runs under these limits; a file over them fails its check at once (`check.resource_limit_*`). */
  evidenceLimits: { toolTimeoutSeconds: number; toolMemoryMb: number; maxPages: number; maxMegapixels: number };
  /**
   * The worker's reconciler re-drives jobs lost from Redis every `intervalSeconds` (those published more
   * than `afterMinutes` ago); health is degraded past `stuckCheckMinutes` or `outboxBacklog`.
   */
  reliability: { reconcileIntervalSeconds: number; reconcileAfterMinutes: number; stuckCheckMinutes: number; outboxBacklog: number };
}

export interface S3Settings {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment; throws one ConfigError whose message is one line per problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const env = plainToInstance(EnvironmentVariables, present, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      // The type check speaks first: "must be a whole number" says more than "must be at least 0".
      const constraints = error.constraints ?? {};
      const typeRule = ['isString', 'isInt', 'isNumber', 'isBoolean', 'isIn', 'matches'].find((rule) => constraints[rule]);
      return (typeRule ? constraints[typeRule] : Object.values(constraints)[0]) ?? `${error.property} is invalid`;
    });
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      trustProxy: env.TRUST_PROXY,
      port: env.PORT,
      corsOrigins: (env.CORS_ORIGINS ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    },
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    jwt: { secret: env.JWT_SECRET, accessTtlSeconds: env.JWT_ACCESS_TTL_SECONDS, refreshTtlDays: env.JWT_REFRESH_TTL_DAYS },
    totp: { required: env.TOTP_REQUIRED, encryptionKey: env.TOTP_ENCRYPTION_KEY ?? env.JWT_SECRET },
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE,
    reads: { ratePerMinute: env.READ_RATE_LIMIT_PER_MINUTE, alertRecordsPerMinute: env.BULK_READ_ALERT_PER_MINUTE },
    logLevel: env.LOG_LEVEL,
    adminDistDir: env.ADMIN_DIST_DIR,
    quorum: { presentShare: env.QUORUM_PRESENT_SHARE, votingShare: env.QUORUM_VOTING_SHARE },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    publicSite: { port: env.PUBLIC_SITE_PORT, url: (env.PUBLIC_SITE_URL ?? `http://localhost:${env.PUBLIC_SITE_PORT}`).replace(/\/$/, '') },
    queuePrefix: env.QUEUE_PREFIX,
    outboxPollMs: env.OUTBOX_POLL_MS,
    auditSealIntervalMs: env.AUDIT_SEAL_INTERVAL_MS,
    auditCheckpoints: {
      signingKey: env.AUDIT_SIGNING_KEY,
      verifyKey: env.AUDIT_VERIFY_KEY,
      dir: resolve(env.AUDIT_CHECKPOINT_DIR ?? join('.data', 'audit-checkpoints')),
      intervalSeconds: env.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
    },
    dbLogQueries: env.DB_LOG_QUERIES,
    sessionCacheMs: env.SESSION_CACHE_MS,
    smtp: { url: env.SMTP_URL, from: env.SMTP_FROM },
    storage: {
      driver: env.STORAGE_DRIVER,
      dir: resolve(env.STORAGE_DIR ?? join('.data', 'files')),
      uploadMaxBytes: env.UPLOAD_MAX_BYTES,
      s3:
        env.STORAGE_DRIVER === 's3'
          ? {
              endpoint: env.S3_ENDPOINT,
              bucket: env.S3_BUCKET!,
              region: env.S3_REGION,
              accessKeyId: env.S3_ACCESS_KEY_ID,
              secretAccessKey: env.S3_SECRET_ACCESS_KEY,
              forcePathStyle: env.S3_FORCE_PATH_STYLE,
            }
          : undefined,
    },
    clamav: { host: env.CLAMAV_HOST, port: env.CLAMAV_PORT },
    database: {
      replicaUrls: (env.DATABASE_REPLICA_URLS ?? '')
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
      directUrl: env.DATABASE_DIRECT_URL,
      migrationUrl: env.DATABASE_MIGRATION_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      readAfterWriteSeconds: env.DATABASE_READ_AFTER_WRITE_SECONDS,
    },
    outboxRetentionDays: env.OUTBOX_RETENTION_DAYS,
    evidenceLimits: {
      toolTimeoutSeconds: env.EVIDENCE_TOOL_TIMEOUT_SECONDS,
      toolMemoryMb: env.EVIDENCE_TOOL_MEMORY_MB,
      maxPages: env.EVIDENCE_MAX_PAGES,
      maxMegapixels: env.EVIDENCE_MAX_MEGAPIXELS,
    },
    reliability: {
      reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
      reconcileAfterMinutes: env.RECONCILE_AFTER_MINUTES,
      stuckCheckMinutes: env.HEALTH_STUCK_CHECK_MINUTES,
      outboxBacklog: env.HEALTH_OUTBOX_BACKLOG,
    },
  };
}

/**
 * For a process entry point: load the configuration or print the one line that says what to fix and exit.
 */
export function loadConfigOrExit(source: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(source);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
