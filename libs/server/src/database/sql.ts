import type { DataSource, EntityManager } from 'typeorm';

/**
 * Rows of a raw statement. TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * `[rows, affectedCount]` rather than the rows: `rows.length` of that is always 2. Use this for
 * every `UPDATE … RETURNING` / `DELETE … RETURNING`.
 */
export async function sqlRows<T>(runner: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await runner.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
