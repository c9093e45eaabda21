import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config.js';

const valid = {
  DATABASE_URL: 'postgres://aqtalu:secret@localhost:5432/aqtalu',
  REDIS_URL: 'redis://localhost:6379',
  JWT_SECRET: 'x'.repeat(32),
};

describe('configuration from the environment', () => {
  it('fills defaults around the required values', () => {
    const sut = loadConfig(valid);
    expect(sut).toMatchObject({
      env: 'development',
      http: { host: '0.0.0.0', port: 3000, corsOrigins: [] },
      jwt: { accessTtlSeconds: 900 },
      queuePrefix: 'aqtalu',
    });
  });

  it('names a missing variable and what it expects, in one line', () => {
    const { DATABASE_URL: _missing, ...rest } = valid;
    expect(() => loadConfig(rest)).toThrow(ConfigError);
    expect(() => loadConfig(rest)).toThrow(
      'Invalid configuration: DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@localhost:5432/aqtalu',
    );
  });

  it('refuses a short signing secret', () => {
    expect(() => loadConfig({ ...valid, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'staging' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toHaveLength(1);
    for (const variable of ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) expect(message).toContain(variable);
  });

  it('treats empty variables as unset and splits CORS origins', () => {
    const sut = loadConfig({ ...valid, PORT: '', CORS_ORIGINS: 'https://a.kz, https://b.kz' });
    expect(sut.http.port).toBe(3000);
    expect(sut.http.corsOrigins).toEqual(['https://a.kz', 'https://b.kz']);
  });

  it('refuses an SMTP_URL that is not an smtp:// URL, naming the expected form in one line', () => {
    expect(() => loadConfig({ ...valid, SMTP_URL: 'mail.example.kz:587' })).toThrow(
      'Invalid configuration: SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example.kz:587 (smtps:// for TLS on connect)',
    );
  });

  it('sends no e-mail unless SMTP_URL is set, and has a default sender', () => {
    expect(loadConfig(valid).smtp).toEqual({ url: undefined, from: 'Aqtalu <no-reply@aqtalu.local>' });
    expect(loadConfig({ ...valid, SMTP_URL: 'smtp://user:pass@mail.example.kz:587', SMTP_FROM: 'Комиссия <kom@aqtalu.kz>' }).smtp).toEqual({
      url: 'smtp://user:pass@mail.example.kz:587',
      from: 'Комиссия <kom@aqtalu.kz>',
    });
  });

  it('keeps files on local disk by default, in an S3-compatible store when STORAGE_DRIVER=s3 names its bucket', () => {
    expect(loadConfig(valid).storage).toMatchObject({ driver: 'local', s3: undefined });
    expect(() => loadConfig({ ...valid, STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET must name the bucket for uploaded files .* when STORAGE_DRIVER=s3/);
    expect(() => loadConfig({ ...valid, STORAGE_DRIVER: 'ftp' })).toThrow(/STORAGE_DRIVER must be local .* or s3/);
    const s3 = loadConfig({ ...valid, STORAGE_DRIVER: 's3', S3_BUCKET: 'aqtalu', S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true' });
    expect(s3.storage).toMatchObject({ driver: 's3', s3: { bucket: 'aqtalu', endpoint: 'http://minio:9000', forcePathStyle: true, region: 'us-east-1' } });
  });
});
