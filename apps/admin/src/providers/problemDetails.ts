/** An RFC 9457 `application/problem+json` body, as the API answers every error. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

export function isProblemWithDetail(body: unknown): body is ProblemDetails & { detail: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { status?: unknown }).status === 'number' &&
    typeof (body as { detail?: unknown }).detail === 'string'
  );
}

/** The `detail` of a problem answer, or undefined when the body is something else (a proxy's HTML page, say). */
export async function readProblemDetail(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    return isProblemWithDetail(body) ? body.detail : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A 409 for a stale version: someone else saved the record since this screen read it. The API names the
 * version it is at now; other 409s (a step not possible in this state) carry none.
 */
export function isStaleVersion(error: unknown): error is { status: 409; message: string; body: { currentVersion: number } } {
  if (typeof error !== 'object' || error === null) return false;
  const { status, body } = error as { status?: unknown; body?: unknown };
  return status === 409 && typeof body === 'object' && body !== null && typeof (body as { currentVersion?: unknown }).currentVersion === 'number';
}
