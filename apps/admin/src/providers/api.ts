import { authorizedFetch } from './authFetch';
import { httpClient } from './dataProvider';
import { readProblemDetail } from './problemDetails';
import { apiUrl } from './session';

/**
 * The API's routes that are not a react-admin resource (transitions, conclusion, votes…): JSON in, JSON out,
 * with the same token handling and problem `detail` messages as the data provider.
 */
export async function apiJson<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const { json } = await httpClient(`${apiUrl}${path}`, {
    method: init.method ?? 'GET',
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return json as T;
}

/** A list's total from its `Content-Range` header (`cases 0-0/42`), asking for one row only. */
export async function apiCount(resource: string, filter: Record<string, unknown>): Promise<number> {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify([0, 0]) });
  const { headers } = await httpClient(`${apiUrl}/${resource}?${query.toString()}`);
  return totalOf(headers.get('Content-Range'));
}

export function totalOf(contentRange: string | null): number {
  const total = Number(contentRange?.split('/').pop());
  return Number.isFinite(total) ? total : 0;
}

/** Downloads a PDF behind the bearer token: a plain link would carry no token. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const response = await authorizedFetch(path, { headers: { Accept: 'application/pdf' } });
  if (!response.ok) throw new Error((await readProblemDetail(response)) ?? 'ra.notification.http_error');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
