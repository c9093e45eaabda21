import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/app-config.js';
import { isPlainRead, isReplicaFailure, readRouting } from './read-routing.js';

describe('which statements a replica may answer', () => {
  it('sends plain SELECTs and WITH queries', () => {
    expect(isPlainRead('SELECT c.id, c.updated_at FROM cases c WHERE c.status = $1')).toBe(true);
    expect(isPlainRead('  /* list */ WITH hits AS (SELECT 1) SELECT * FROM hits')).toBe(true);
  });

  it('keeps writes, locking reads, sequences and advisory locks on the primary', () => {
    for (const sql of [
      'INSERT INTO audit_log (action) VALUES ($1)',
      'UPDATE cases SET version = version + 1 WHERE id = $1',
      'WITH moved AS (DELETE FROM outbox_messages RETURNING id) SELECT count(*) FROM moved',
      'SELECT id FROM cases WHERE id = $1 FOR UPDATE',
      'SELECT id FROM cases WHERE id = $1 FOR NO KEY UPDATE',
      'SELECT id FROM cases WHERE id = $1 FOR SHARE',
      "SELECT nextval('case_numbers')",
      'SELECT pg_advisory_lock($1)',
      'SELECT pg_try_advisory_xact_lock($1)',
      'START TRANSACTION',
    ]) {
      expect(isPlainRead(sql), sql).toBe(false);
    }
  });

  it('retries on the primary only when the replica went away or cancelled the read', () => {
    expect(isReplicaFailure({ code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(isReplicaFailure({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isReplicaFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isReplicaFailure({ code: '40001', message: 'canceling statement due to conflict with recovery' })).toBe(true);
    expect(isReplicaFailure({ code: '22P02', message: 'invalid input syntax for type uuid' })).toBe(false);
  });

  it('reads from the primary outside a scope and until the scope allows a replica', () => {
    expect(readRouting.current()).toBe('primary');
    readRouting.run(() => {
      expect(readRouting.current()).toBe('primary');
      readRouting.useReplica();
      expect(readRouting.current()).toBe('replica');
    });
    expect(readRouting.current()).toBe('primary');
  });
});

describe('scale-out settings', () => {
  const base = { DATABASE_URL: 'postgres://a:b@primary:5432/aqtalu', REDIS_URL: 'redis://r:6379', JWT_SECRET: 'x'.repeat(32) };

  it('reads the replicas, the pool size, the read-after-write window and the outbox retention', () => {
    const sut = loadConfig({
      ...base,
      DATABASE_REPLICA_URLS: 'postgres://a:b@replica-1:5432/aqtalu, postgres://a:b@replica-2:5432/aqtalu',
      DATABASE_POOL_SIZE: '25',
      DATABASE_READ_AFTER_WRITE_SECONDS: '3',
      OUTBOX_RETENTION_DAYS: '30',
    });
    expect(sut.database).toEqual({
      replicaUrls: ['postgres://a:b@replica-1:5432/aqtalu', 'postgres://a:b@replica-2:5432/aqtalu'],
      directUrl: undefined,
      poolSize: 25,
      readAfterWriteSeconds: 3,
    });
    expect(sut.outboxRetentionDays).toBe(30);
    expect(loadConfig(base)).toMatchObject({ database: { replicaUrls: [], poolSize: 10, readAfterWriteSeconds: 5 }, outboxRetentionDays: 7, http: { trustProxy: 'loopback' } });
  });

  it('names a malformed replica list or pool size', () => {
    expect(() => loadConfig({ ...base, DATABASE_REPLICA_URLS: 'replica-1:5432' })).toThrow(/DATABASE_REPLICA_URLS must be comma-separated PostgreSQL URLs/);
    expect(() => loadConfig({ ...base, DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE must be between 1 and 500/);
  });
});
