import { codeText } from '../i18n/codeText';
import { i18nProvider } from './i18nProvider';

/** A field's problem in a 400, with its code (libs/contracts codes.ts) and params. */
export interface FieldProblem {
  field: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
}

/** An RFC 9457 `application/problem+json` body, as the API answers every error: `detail` is English, `code` with `params` says it in any language. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  params?: Record<string, unknown>;
  errors?: FieldProblem[];
}

const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

/** A field problem in the screen's language (its English `message` when the code is unknown here). */
export const fieldProblemMessage = (problem: FieldProblem): string => codeText(problem, problem.message, translate);

/**
 * What a person reads of a problem: its code's message in the current language, falling back to `detail`.
 * Several field problems read as their own messages, one after the other.
 */
export function problemMessage(problem: ProblemDetails & { detail: string }): string {
  const errors = Array.isArray(problem.errors) ? problem.errors.filter((entry) => typeof entry?.message === 'string') : [];
  if (problem.code === 'validation.failed' && errors.length > 0) return errors.map(fieldProblemMessage).join('; ');
  return codeText(problem, problem.detail, translate);
}

export function isProblemWithDetail(body: unknown): body is ProblemDetails & { detail: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { status?: unknown }).status === 'number' &&
    typeof (body as { detail?: unknown }).detail === 'string'
  );
}

/** The message of a problem answer (see problemMessage), or undefined when the body is something else (a proxy's HTML page, say). */
export async function readProblemDetail(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.json();
    return isProblemWithDetail(body) ? problemMessage(body) : undefined;
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
