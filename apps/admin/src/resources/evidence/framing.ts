/**
 * Whether this page may frame a blob: URL (the PDF viewer does), read from the Content-Security-Policy the
 * server sends: `frame-src`, else `child-src`, else `default-src`. No policy (Vite's dev server) allows it.
 * A frame the policy forbids shows nothing and logs an error, so the viewer asks first.
 */
export function allowsBlobFrames(policy: string | null): boolean {
  if (!policy) return true;
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources.map((source) => source.toLowerCase()));
  }
  const sources = directives.get('frame-src') ?? directives.get('child-src') ?? directives.get('default-src');
  return sources === undefined || sources.includes('blob:');
}

let answer: Promise<boolean> | undefined;

/** Asked once per page load: the policy of the document itself, from a HEAD of the page. */
export function canFrameBlobs(): Promise<boolean> {
  answer ??= fetch(window.location.pathname || '/', { method: 'HEAD' })
    .then((response) => allowsBlobFrames(response.headers.get('content-security-policy')))
    .catch(() => false);
  return answer;
}
