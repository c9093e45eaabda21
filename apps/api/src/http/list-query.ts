import { HttpException, HttpStatus } from '@nestjs/common';
import type { Code, CodeParams } from '@aqtalu/contracts';
import { CodedException, type CodeArgs } from '@aqtalu/server';
import type { Response } from 'express';

/**
 * react-admin's simple-REST list dialect, exactly as `ra-data-simple-rest` speaks it, for every list of the API:
 * - getList / getManyReference: `sort=["field","ASC"]`, `range=[0,24]`, `filter={...}` (getManyReference puts
 *   its `target` in the filter, so every reference a client may follow is a declared filter);
 * - getMany: `filter={"id":[…]}` and nothing else: exactly those records, within the caller's scope as always;
 * - the answer carries `Content-Range: <resource> <first>-<last>/<total>` (exposed to CORS callers in bootstrap.ts).
 * Sorting by `id` is accepted everywhere (the client's default); a filter the list does not know is a 400, so
 * a forgotten filter never silently answers a page of something else.
 */
export interface ListQueryParams {
  sort?: string;
  range?: string;
  filter?: string;
}

export interface ListQuery<F extends string> {
  sortField: F | 'id';
  sortOrder: 'ASC' | 'DESC';
  /** Whether the caller named a sort (else the list's own default order applies). */
  sorted: boolean;
  offset: number;
  limit: number;
  /** The filter without `id`. */
  filter: Record<string, unknown>;
  /** getMany: the ids asked for (deduplicated), or undefined for an ordinary list. */
  ids?: string[];
}

/** What a list's ids look like: checked before any query (typeorm#9316's lesson), a 400 otherwise. */
export type IdKind = 'uuid' | 'code' | 'integer';

export interface ListOptions<F extends string> {
  sortable: readonly F[];
  defaultSort: F | 'id';
  defaultOrder?: 'ASC' | 'DESC';
  /** The filters the list understands besides `id`; anything else is a 400 naming them. */
  filters: readonly string[];
  idKind?: IdKind;
  /** Rows of a page when the caller sends no range (25 unless the list says). */
  defaultLimit?: number;
}

/** The dialect's refusals: codes of the catalogue (libs/contracts/src/codes.ts), each with its params. */
export const ListQueryError = {
  NotJson: 'list.not_json',
  Sort: 'list.sort_invalid',
  Range: 'list.range_invalid',
  RangeTooLong: 'list.range_too_long',
  Filter: 'list.filter_invalid',
  UnknownFilter: 'list.filter_unknown',
  Id: 'list.id_invalid',
  TooManyIds: 'list.too_many_ids',
  FilterValue: 'list.filter_value_invalid',
} as const satisfies Record<string, Code>;
export type ListQueryErrorCode = (typeof ListQueryError)[keyof typeof ListQueryError];

/**
 * The most rows one page answers (bulk reads of personal data): a longer range is served up to this many rows and
 * the `Content-Range` says so (`cases 0-99/1520`), so react-admin's exporter (1,000 asked) still works and reads
 * the total; getMany naming more ids is a 400.
 */
export const maxPageSize = 100;

const idPatterns: Record<IdKind, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  code: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/,
  integer: /^\d{1,18}$/,
};

/** A 400 with the code and its params; the English detail is the catalogue's template, filled in. */
export function listQueryError<C extends ListQueryErrorCode>(code: C, params: CodeParams[C]): CodedException<C> {
  return new CodedException(HttpStatus.BAD_REQUEST, code, ...([params] as unknown as CodeArgs<C>));
}

function parseJson(name: 'sort' | 'range' | 'filter', raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    const example = name === 'sort' ? '["id","ASC"]' : name === 'range' ? '[0,24]' : '{}';
    throw listQueryError(ListQueryError.NotJson, { parameter: name, example });
  }
}

function parseIds(value: unknown, kind: IdKind): string[] {
  const values = Array.isArray(value) ? value : [value];
  const ids = values.map((item) => (typeof item === 'number' && Number.isInteger(item) ? String(item) : item));
  const bad = ids.find((item) => typeof item !== 'string' || !idPatterns[kind].test(item));
  if (bad !== undefined) {
    throw listQueryError(ListQueryError.Id, { value: String(bad), kind });
  }
  const unique = [...new Set(ids as string[])];
  if (unique.length > maxPageSize) throw listQueryError(ListQueryError.TooManyIds, { max: maxPageSize });
  return unique;
}

/** Sort fields come from an allowlist: ORDER BY never sees a caller's text (typeorm#7978). */
export function parseListQuery<F extends string>(query: ListQueryParams, options: ListOptions<F>): ListQuery<F> {
  const sortable: ReadonlyArray<F | 'id'> = options.sortable.includes('id' as F) ? options.sortable : [...options.sortable, 'id'];
  const rawSort = parseJson('sort', query.sort);
  const sort = rawSort ?? [options.defaultSort, options.defaultOrder ?? 'ASC'];
  if (!Array.isArray(sort) || sort.length !== 2 || !sortable.includes(sort[0]) || !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())) {
    throw listQueryError(ListQueryError.Sort, { fields: [...sortable] });
  }
  const filter = parseJson('filter', query.filter) ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw listQueryError(ListQueryError.Filter, {});
  }
  const { id: rawIds, ...rest } = filter as Record<string, unknown>;
  const unknown = Object.keys(rest).filter((key) => !options.filters.includes(key));
  if (unknown.length > 0) {
    const known = ['id', ...options.filters];
    throw listQueryError(ListQueryError.UnknownFilter, { filters: unknown, known });
  }
  const ids = rawIds === undefined || rawIds === null ? undefined : parseIds(rawIds, options.idKind ?? 'uuid');
  // getMany sends no range: the page is the ids asked for
  const range = parseJson('range', query.range) ?? (ids ? [0, Math.max(ids.length, 1) - 1] : [0, (options.defaultLimit ?? 25) - 1]);
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0]) {
    throw listQueryError(ListQueryError.Range, {});
  }
  const limit = Math.min(range[1] - range[0] + 1, maxPageSize);
  return {
    sortField: sort[0] as F | 'id',
    sortOrder: String(sort[1]).toUpperCase() as 'ASC' | 'DESC',
    sorted: rawSort !== undefined,
    offset: range[0],
    limit,
    filter: rest,
    ...(ids ? { ids } : {}),
  };
}

export function setContentRange(response: Response, resource: string, offset: number, count: number, total: number): void {
  const last = count === 0 ? offset : offset + count - 1;
  response.setHeader('Content-Range', `${resource} ${offset}-${last}/${total}`);
}

/** Sets Content-Range for a page of a list and answers its rows. */
export function listAnswer<T>(response: Response, resource: string, list: Pick<ListQuery<string>, 'offset'>, page: { rows: T[]; total: number }): T[] {
  setContentRange(response, resource, list.offset, page.rows.length, page.total);
  return page.rows;
}

/**
 * getMany on a list whose rows come from a search (the registry, the gazetteer): each id is read through the
 * resource's own `get`, so its scope and audit apply; an id the caller may not see (404/403) is left out.
 */
export async function readEach<T>(ids: readonly string[], get: (id: string) => Promise<T>): Promise<{ rows: T[]; total: number }> {
  const rows: T[] = [];
  for (const id of ids) {
    try {
      rows.push(await get(id));
    } catch (error) {
      // out of the caller's scope (404/403, coded or not): simply not among the records asked for
      const status = error instanceof HttpException ? error.getStatus() : 0;
      if (status !== HttpStatus.NOT_FOUND && status !== HttpStatus.FORBIDDEN) throw error;
    }
  }
  return { rows, total: rows.length };
}

/**
 * One page of a short list held whole in memory (the dictionaries): `id` picks records, `q` searches the
 * given text fields, every other filter is an exact match on its field; sorted by the allowlisted field.
 */
export function pageOf<T extends Record<string, unknown>>(all: readonly T[], list: ListQuery<string>, searchFields: readonly string[] = []): { rows: T[]; total: number } {
  const ids = list.ids ? new Set(list.ids) : undefined;
  const q = textFilter(list.filter, 'q')?.toLocaleLowerCase();
  const exact = Object.entries(list.filter).filter(([key, value]) => key !== 'q' && value !== undefined && value !== null && value !== '');
  const found = all.filter(
    (row) =>
      (!ids || ids.has(String(row.id))) &&
      (!q || searchFields.some((field) => String(row[field] ?? '').toLocaleLowerCase().includes(q))) &&
      exact.every(([key, value]) => row[key] === value),
  );
  const direction = list.sortOrder === 'DESC' ? -1 : 1;
  const sorted = [...found].sort((a, b) => direction * String(a[list.sortField] ?? '').localeCompare(String(b[list.sortField] ?? ''), undefined, { numeric: true }));
  return { rows: sorted.slice(list.offset, list.offset + list.limit), total: found.length };
}

/** A string filter value, or undefined when absent; another type is a 400 naming the filter. */
export function textFilter(filter: Record<string, unknown>, key: string): string | undefined {
  const value = filter[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw listQueryError(ListQueryError.FilterValue, { filter: key, expected: 'text' });
  return value;
}

/** A filter naming a record by its uuid (a getManyReference target such as caseId): a 400 when it is not one. */
export function idFilter(filter: Record<string, unknown>, key: string): string | undefined {
  const value = textFilter(filter, key);
  if (value !== undefined && !idPatterns.uuid.test(value)) {
    throw listQueryError(ListQueryError.FilterValue, { filter: key, expected: 'uuid' });
  }
  return value;
}

/** A filter that is one of a closed set of values. */
export function oneOfFilter<V extends string>(filter: Record<string, unknown>, key: string, values: readonly V[]): V | undefined {
  const value = textFilter(filter, key);
  if (value !== undefined && !values.includes(value as V)) {
    throw listQueryError(ListQueryError.FilterValue, { filter: key, expected: [...values] });
  }
  return value as V | undefined;
}

/** A true/false filter; anything else is a 400 naming the filter. */
export function booleanFilter(filter: Record<string, unknown>, key: string): boolean | undefined {
  const value = filter[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw listQueryError(ListQueryError.FilterValue, { filter: key, expected: 'boolean' });
  return value;
}
