import { HttpError } from 'react-admin';
import { authorizedFetch, freshSession, refreshSession, sessionEnded } from './authFetch';
import { isProblemWithDetail, problemMessage } from './problemDetails';
import { apiUrl } from './session';

/** How far an upload is: bytes sent of the total, as the browser reports them. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Sends one multipart body and reports its progress; fetch cannot report an upload's progress, XHR can. */
function send(path: string, body: FormData, token: string, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal) {
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${apiUrl}${path}`);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    request.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        parsed = request.responseText;
      }
      resolve({ status: request.status, body: parsed });
    };
    request.onerror = () => reject(new Error('ra.notification.http_error'));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(body);
  });
}

/**
 * A multipart POST under `/api` with the bearer token (renewed once after a 401, as every other request),
 * reporting the upload's progress. A problem answer becomes an HttpError with the API's `detail`.
 */
export async function uploadWithProgress<T>(
  path: string,
  body: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  const session = await freshSession();
  if (!session) throw sessionEnded();
  let answer = await send(path, body, session.accessToken, onProgress, signal);
  if (answer.status === 401) answer = await send(path, body, (await refreshSession(session)).accessToken, onProgress, signal);
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  const message = isProblemWithDetail(answer.body) ? problemMessage(answer.body) : 'ra.notification.http_error';
  throw new HttpError(message, answer.status, answer.body);
}

/** A file behind the bearer token as an object URL (for a viewer); the caller revokes it. */
export async function blobUrlOf(path: string): Promise<{ url: string; type: string }> {
  const response = await authorizedFetch(path);
  if (!response.ok) {
    let detail: string | undefined;
    try {
      const problem: unknown = await response.json();
      detail = isProblemWithDetail(problem) ? problemMessage(problem) : undefined;
    } catch {
      detail = undefined;
    }
    throw new HttpError(detail ?? 'ra.notification.http_error', response.status);
  }
  const blob = await response.blob();
  return { url: URL.createObjectURL(blob), type: blob.type };
}
