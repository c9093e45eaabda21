import { describe, expect, it } from 'vitest';
import { jsonNestingExceeds } from './http-hardening.js';
import { redactedUrl } from '@aqtalu/server';

describe('JSON nesting', () => {
  const text = (value: string) => Buffer.from(value, 'utf8');

  it('counts objects and arrays, not brackets inside strings', () => {
    expect(jsonNestingExceeds(text('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(jsonNestingExceeds(text('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(jsonNestingExceeds(text('{"name":"[[[[[[{{{{\\"[[["}'), 1)).toBe(false);
  });

  it('stops at the limit on a body nested 5,000 levels deep', () => {
    expect(jsonNestingExceeds(text('['.repeat(5000) + ']'.repeat(5000)), 32)).toBe(true);
  });
});

describe('logged URLs', () => {
  it('keep the path and the names of query parameters, never their values', () => {
    expect(redactedUrl('/api/registry/persons?filter={"q":"Бөкейхан","iin":"370101300123"}&range=[0,24]')).toBe('/api/registry/persons?filter=[redacted]&range=[redacted]');
    expect(redactedUrl('/api/cases/7c1e')).toBe('/api/cases/7c1e');
    expect(redactedUrl('/api/cases?')).toBe('/api/cases');
  });
});
