import { BadRequestException, HttpStatus, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { CodedException, StaleVersionException } from '@aqtalu/server';
import { QueryFailedError } from 'typeorm';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/** Runs the filter on an exception and returns what it would have sent. */
function answer(exception: unknown) {
  const sent: { status?: number; type?: string; body?: string; headers: Record<string, string> } = { headers: {} };
  const response = {
    headersSent: false,
    status(code: number) { sent.status = code; return this; },
    type(value: string) { sent.type = value; return this; },
    send(body: string) { sent.body = body; return this; },
    setHeader(name: string, value: string) { sent.headers[name] = value; },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ id: 'req-1', originalUrl: '/api/x' }), getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemDetailsFilter().catch(exception, host);
  return { ...sent, problem: JSON.parse(sent.body!) };
}

describe('problem details', () => {
  it('answers a bad request as problem+json with the field errors', () => {
    const sut = answer(new BadRequestException({ message: ['email must be an e-mail address'], errors: [{ field: 'email', message: 'email must be an e-mail address' }] }));
    expect(sut.status).toBe(400);
    expect(sut.type).toBe('application/problem+json');
    expect(sut.problem).toEqual({
      type: 'about:blank', title: 'Bad Request', status: 400, detail: 'email must be an e-mail address', instance: '/api/x', requestId: 'req-1',
      code: 'http.error', params: { status: 400 },
      errors: [{ field: 'email', message: 'email must be an e-mail address' }],
    });
  });

  it('turns a unique-constraint race into 409, not 500', () => {
    const error = new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    const sut = answer(error);
    expect(sut.status).toBe(409);
    expect(sut.problem.detail).toContain('Reload and try again');
    expect(sut.problem).toMatchObject({ code: 'database.unique_violation', params: {} });
  });

  it('sends the code and params of a coded refusal, with the English template as detail', () => {
    const sut = answer(new CodedException(HttpStatus.CONFLICT, 'evidence.checks_unfinished', { checks: ['ocr', 'malware'] }));
    expect(sut.status).toBe(409);
    expect(sut.problem).toMatchObject({
      code: 'evidence.checks_unfinished',
      params: { checks: ['ocr', 'malware'] },
      detail: 'The checks ocr, malware are not finished; verify once they are.',
    });
  });

  it('keeps the extra members of a coded refusal, such as the version to reload', () => {
    const sut = answer(new StaleVersionException({ entity: 'archive_request', currentVersion: 4 }));
    expect(sut.problem).toMatchObject({ code: 'resource.stale_version', params: { entity: 'archive_request', currentVersion: 4 }, currentVersion: 4 });
    expect(sut.problem.detail).toBe('The archive request was changed by someone else (now at version 4). Reload it and apply your change again.');
  });

  it('gives an uncoded 404 (an unknown route) a code', () => {
    const sut = answer(new NotFoundException('Cannot GET /api/x'));
    expect(sut.problem).toMatchObject({ code: 'http.not_found', params: { path: '/api/x' }, detail: 'Cannot GET /api/x' });
  });

  it('hides the details of an unexpected error behind the request id', () => {
    const sut = answer(new Error('secret stack detail'));
    expect(sut.status).toBe(500);
    expect(sut.body).not.toContain('secret stack detail');
    expect(sut.problem.detail).toContain('req-1');
    expect(sut.problem).toMatchObject({ code: 'http.internal_error', params: { requestId: 'req-1' } });
  });

  it('answers a full disk with 507: a real ENOSPC, from writing to /dev/full', () => {
    let enospc: unknown;
    try {
      writeFileSync('/dev/full', 'evidence');
    } catch (error) {
      enospc = error;
    }
    expect((enospc as NodeJS.ErrnoException).code).toBe('ENOSPC');
    const sut = answer(enospc);
    expect(sut.status).toBe(507);
    expect(sut.problem).toMatchObject({ code: 'store.disk_full', params: {} });
  });

  it('answers a database that cannot be reached with 503 and Retry-After, through TypeORM\'s wrapper too', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(answer(refused)).toMatchObject({ status: 503, headers: { 'Retry-After': '5' }, problem: { code: 'store.database_unavailable' } });
    const shutdown = new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    expect(answer(shutdown).problem.code).toBe('store.database_unavailable');
    expect(answer(Object.assign(new Error('too many connections for database'), { code: '53300' })).status).toBe(503);
  });

  it('answers an object store that is down with 503, and its own refusals not as a store failure', () => {
    const down = Object.assign(new Error('Service Unavailable'), { name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
    expect(answer(down).problem.code).toBe('store.object_store_unavailable');
    const denied = Object.assign(new Error('Access Denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(answer(denied).status).toBe(500);
  });
});
