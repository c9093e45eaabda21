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
