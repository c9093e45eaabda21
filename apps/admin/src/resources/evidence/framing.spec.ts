import { describe, expect, it } from 'vitest';
import { allowsBlobFrames } from './framing';

describe('whether the PDF viewer may frame a blob: URL', () => {
  it('follows frame-src, then child-src, then default-src, as browsers do', () => {
    expect(allowsBlobFrames("default-src 'self';img-src 'self' data:;object-src 'none'")).toBe(false);
    expect(allowsBlobFrames("default-src 'self';frame-src 'self' blob:")).toBe(true);
    expect(allowsBlobFrames("default-src 'self';child-src blob:")).toBe(true);
    expect(allowsBlobFrames("default-src 'self' blob:")).toBe(true);
    expect(allowsBlobFrames("img-src 'self'")).toBe(true);
  });

  it('allows it where no policy is sent (the dev server)', () => {
    expect(allowsBlobFrames(null)).toBe(true);
    expect(allowsBlobFrames('')).toBe(true);
  });
});
