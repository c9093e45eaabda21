import type { DataSource } from 'typeorm';

/** Development only: the demo registry's Alash figures, published from a book of memory with names, birth year and place. */
const demoPublished = ['Бөкейхан Әлихан Нұрмұхамедұлы', 'Байтұрсынұлы Ахмет', 'Дулатұлы Міржақып'];

/** Publishes the demo names once (nothing when anything is published already); returns the ids of the published. */
export async function seedDemoPublications(dataSource: DataSource): Promise<string[]> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM published_persons`);
  if (count > 0) return [];
  const rows: Array<{ person_id: string }> = await dataSource.query(
    `INSERT INTO published_persons (person_id, basis, fields)
     SELECT DISTINCT v.person_id, 'book', ARRAY['names','birth_year','birthplace']::varchar[]
     FROM person_name_variants v JOIN persons p ON p.id = v.person_id
     WHERE v.full_name = ANY($1::text[]) AND p.merged_into_id IS NULL
     ON CONFLICT (person_id) DO NOTHING RETURNING person_id`,
    [demoPublished],
  );
  return rows.map((row) => row.person_id);
}
