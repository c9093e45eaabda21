import simpleRestProvider from 'ra-data-simple-rest';
import {
  type DataProvider,
  fetchUtils,
  type GetListParams,
  HttpError,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import { isDictionaryResource, withPairedCoordinates } from '../resources/dictionaries/dictionary';
import { placeSearch } from '../resources/places/place';
import { freshSession, refreshSession } from './authFetch';
import { fieldProblemMessage, isProblemWithDetail, problemMessage } from './problemDetails';
import { apiUrl, type StoredSession } from './session';

/** A 400's field problems, as the API's validation pipe lists them. */
interface FieldProblem {
  field: string;
  message: string;
}

const isFieldProblems = (value: unknown): value is FieldProblem[] =>
  Array.isArray(value) &&
  value.every((item) => typeof item?.field === 'string' && typeof item?.message === 'string');

/**
 * A problem answer as react-admin wants it: `detail` becomes the message users see, and a 400's
 * `errors: [{field, message}]` becomes `{ field: message, root: { serverError } }`, which a form shows
 * under each input and in its notification.
 */
function toHttpError(error: HttpError): HttpError {
  const body: unknown = error.body;
  if (!isProblemWithDetail(body)) return error;
  const errors = (body as { errors?: unknown }).errors;
  const message = problemMessage(body);
  if (!isFieldProblems(errors) || errors.length === 0) return new HttpError(message, error.status, body);
  const byField: Record<string, string> = {};
  for (const problem of errors) byField[problem.field] = byField[problem.field] ? `${byField[problem.field]} ${fieldProblemMessage(problem)}` : fieldProblemMessage(problem);
  return new HttpError(message, error.status, { ...body, errors: { ...byField, root: { serverError: message } } });
}

const withToken = (options: fetchUtils.Options, session: StoredSession | null): fetchUtils.Options => ({
  ...options,
  user: session ? { authenticated: true, token: `Bearer ${session.accessToken}` } : undefined,
});

/**
 * fetchJson with our bearer token, renewed shortly before it expires and once after a 401 (then the request
 * is sent again); a problem answer's `detail` becomes the error message users see.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const session = await freshSession();
  try {
    try {
      return await fetchUtils.fetchJson(url, withToken(options, session));
    } catch (error) {
      if (!(session && error instanceof HttpError && error.status === 401)) throw error;
      // A refused refresh throws a 401 of its own, which signs the user out through checkError.
      return await fetchUtils.fetchJson(url, withToken(options, await refreshSession(session)));
    }
  } catch (error) {
    throw error instanceof HttpError ? toHttpError(error) : error;
  }
}

/** What PATCH sends: the fields that differ from the record as it was read, compared as JSON. */
export function changedFields(data: Record<string, unknown>, previous: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(
      ([key, value]) => key !== 'id' && key !== 'version' && JSON.stringify(value) !== JSON.stringify(previous[key]),
    ),
  );
}

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date picked in the filter as the instant its day starts here (Kazakhstan), `days` later. */
function startOfLocalDay(value: unknown, days = 0): unknown {
  const match = typeof value === 'string' ? dateOnly.exec(value) : null;
  if (!match) return value;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

/** The audit log's `to` is exclusive; the filter's "to" day is meant to be included. */
function auditFilter(filter: Record<string, unknown>): Record<string, unknown> {
  const { from, to, ...rest } = filter;
  return {
    ...rest,
    ...(from ? { from: startOfLocalDay(from) } : {}),
    ...(to ? { to: startOfLocalDay(to, 1) } : {}),
  };
}

/** The POST actions on one user; each names the version it was decided on (409 when stale). */
export type UserAction = 'disable' | 'enable' | 'reset-password' | 'reset-totp';

export interface AqtaluDataProvider extends DataProvider {
  userAction(id: string, action: UserAction, body: { version: number; password?: string }): Promise<{ data: RaRecord }>;
  /** Adds a name a place of the gazetteer was known by; answers the place with all its names. */
  addPlaceName(id: string, body: { name: string; language: string; validFrom?: number; validTo?: number }): Promise<{ data: RaRecord }>;
}

/** Resources whose route is not their name: react-admin names them flat, the API nests them. */
const resourcePaths: Readonly<Record<string, string>> = {
  'commission-sessions': 'commission/sessions',
  persons: 'registry/persons',
  duplicates: 'registry/duplicates',
  holidays: 'calendar/holidays',
};

/** The registry search needs a name: with none typed yet the list is empty, not a 400. */
function personSearch(filter: Record<string, unknown>): Record<string, unknown> | null {
  const { q, birthYear, tolerance } = filter as { q?: string; birthYear?: number | string | null; tolerance?: number | string | null };
  const text = typeof q === 'string' ? q.trim() : '';
  if (!text) return null;
  const year = Number(birthYear);
  const spread = Number(tolerance ?? 0);
  const withYear = birthYear !== undefined && birthYear !== null && birthYear !== '' && Number.isInteger(year);
  return { q: text, ...(withYear ? { birthYear: year, tolerance: Number.isInteger(spread) && spread >= 0 ? spread : 0 } : {}) };
}
export const resourcePath = (resource: string) =>
  resourcePaths[resource] ?? (isDictionaryResource(resource) ? `dictionaries/${resource}` : resource);

const refuse = (what: string) => () =>
  Promise.reject(new Error(`The API has no ${what}: accounts are disabled and audit entries kept, never deleted.`));

/**
 * The stock ra-data-simple-rest provider: the API speaks its dialect for every list (Content-Range, getMany by
 * `filter={"id":[…]}`, getManyReference by the target as a filter, a GET /:id for every record). The wrapper
 * adds only what the API asks beyond it: the bearer token (httpClient), the routes of resources named flat
 * here and nested there, `update` as PATCH with the changed fields and the version read (the API has no PUT),
 * no DELETE (no route accepts it), the registry's and the gazetteer's search filters, and the audit log's
 * local days. Uploads go through providers/upload.ts.
 */
export function createDataProvider(client: typeof httpClient = httpClient): AqtaluDataProvider {
  const base = simpleRestProvider(apiUrl, client);
  return {
    ...base,

    async getList(resource: string, params: GetListParams) {
      if (resource === 'persons') {
        const filter = personSearch(params.filter ?? {});
        if (!filter) return { data: [], total: 0 };
        return base.getList(resourcePath(resource), { ...params, filter });
      }
      if (resource === 'places') {
        const filter = placeSearch(params.filter ?? {});
        if (!filter) return { data: [], total: 0 };
        return base.getList(resource, { ...params, filter });
      }
      if (resource === 'audit-log') return base.getList(resource, { ...params, filter: auditFilter(params.filter ?? {}) });
      return base.getList(resourcePath(resource), params);
    },

    getOne: (resource, params) => base.getOne(resourcePath(resource), params),
    getMany: (resource, params) => base.getMany(resourcePath(resource), params),
    getManyReference: (resource, params) => base.getManyReference(resourcePath(resource), params),

    async update(resource: string, params: UpdateParams) {
      const previous = (params.previousData ?? {}) as Record<string, unknown>;
      let changes = changedFields(params.data as Record<string, unknown>, previous);
      if (Object.keys(changes).length === 0) return { data: params.previousData as never };
      if (isDictionaryResource(resource)) changes = withPairedCoordinates(changes, params.data as Record<string, unknown>);
      const { json } = await client(`${apiUrl}/${resourcePath(resource)}/${encodeURIComponent(params.id)}`, {
        method: 'PATCH',
        body: JSON.stringify({ ...changes, version: previous.version }),
      });
      return { data: json };
    },

    create: (resource, params) => base.create(resourcePath(resource), params),

    updateMany: refuse('bulk update'),
    delete: refuse('delete'),
    deleteMany: refuse('delete'),

    async userAction(id, action, body) {
      const { json } = await client(`${apiUrl}/users/${encodeURIComponent(id)}/${action}`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      return { data: json as RaRecord };
    },

    async addPlaceName(id, body) {
      const { json } = await client(`${apiUrl}/places/${encodeURIComponent(id)}/names`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      return { data: json as RaRecord };
    },
  };
}

export const dataProvider = createDataProvider();
