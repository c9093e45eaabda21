import { BadRequestException } from '@nestjs/common';
import type { Response } from 'express';

/** react-admin's simple-REST list dialect: `sort=["field","ASC"]`, `range=[0,24]`, `filter={...}`. */
export interface ListQuery<F extends string> {
  sortField: F;
  sortOrder: 'ASC' | 'DESC';
  offset: number;
  limit: number;
  filter: Record<string, unknown>;
}

const maxPageSize = 500;

function parseJson(name: string, raw: string | undefined): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new BadRequestException(`${name} must be JSON, e.g. ${name === 'sort' ? '["createdAt","DESC"]' : name === 'range' ? '[0,24]' : '{}'}`);
  }
}

/** Sort fields come from an allowlist: ORDER BY never sees a caller's text (typeorm#7978). */
export function parseListQuery<F extends string>(
  query: { sort?: string; range?: string; filter?: string },
  sortable: readonly F[],
  defaultSort: F,
): ListQuery<F> {
  const sort = parseJson('sort', query.sort) ?? [defaultSort, 'ASC'];
  if (!Array.isArray(sort) || !sortable.includes(sort[0]) || !['ASC', 'DESC'].includes(String(sort[1]).toUpperCase())) {
    throw new BadRequestException(`sort must be [field, "ASC"|"DESC"] with field one of ${sortable.join(', ')}`);
  }
  const range = parseJson('range', query.range) ?? [0, 24];
  if (!Array.isArray(range) || range.length !== 2 || !range.every((n) => Number.isInteger(n) && n >= 0) || range[1] < range[0]) {
    throw new BadRequestException('range must be [first, last] with whole numbers, first ≤ last, e.g. [0,24]');
  }
  const limit = range[1] - range[0] + 1;
  if (limit > maxPageSize) throw new BadRequestException(`range may span at most ${maxPageSize} rows`);
  const filter = parseJson('filter', query.filter) ?? {};
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new BadRequestException('filter must be a JSON object, e.g. {"role":"admin"}');
  }
  return {
    sortField: sort[0] as F,
    sortOrder: String(sort[1]).toUpperCase() as 'ASC' | 'DESC',
    offset: range[0],
    limit,
    filter: filter as Record<string, unknown>,
  };
}

export function setContentRange(response: Response, resource: string, offset: number, count: number, total: number): void {
  const last = count === 0 ? offset : offset + count - 1;
  response.setHeader('Content-Range', `${resource} ${offset}-${last}/${total}`);
}

/** A string filter value, or undefined when absent or of another type. */
export function textFilter(filter: Record<string, unknown>, key: string): string | undefined {
  const value = filter[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A true/false filter; anything else is a 400 naming the filter. */
export function booleanFilter(filter: Record<string, unknown>, key: string): boolean | undefined {
  const value = filter[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new BadRequestException(`filter.${key} must be true or false`);
  return value;
}
