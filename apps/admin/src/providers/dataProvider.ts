import simpleRestProvider from 'ra-data-simple-rest';
import { fetchUtils, HttpError } from 'react-admin';
import { isProblemWithDetail } from './problemDetails';
import { apiUrl, readSession } from './session';

/** fetchJson with our bearer token; a problem answer's `detail` becomes the error message users see. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const token = readSession()?.accessToken;
  try {
    return await fetchUtils.fetchJson(url, {
      ...options,
      user: token ? { authenticated: true, token: `Bearer ${token}` } : undefined,
    });
  } catch (error) {
    if (error instanceof HttpError && isProblemWithDetail(error.body)) {
      throw new HttpError(error.body.detail, error.status, error.body);
    }
    throw error;
  }
}

export const dataProvider = simpleRestProvider(apiUrl, httpClient);
