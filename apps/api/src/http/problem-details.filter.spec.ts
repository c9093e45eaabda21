import { BadRequestException, type ArgumentsHost } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
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
      errors: [{ field: 'email', message: 'email must be an e-mail address' }],
    });
  });

  it('turns a unique-constraint race into 409, not 500', () => {
    const error = new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
    const sut = answer(error);
    expect(sut.status).toBe(409);
    expect(sut.problem.detail).toContain('Reload and try again');
  });

  it('hides the details of an unexpected error behind the request id', () => {
    const sut = answer(new Error('secret stack detail'));
    expect(sut.status).toBe(500);
    expect(sut.body).not.toContain('secret stack detail');
    expect(sut.problem.detail).toContain('req-1');
  });
});
