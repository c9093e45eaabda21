import type { DataSource } from 'typeorm';
import { insertPerson } from '../registry/registry.service.js';

/** Development only: a few names of the registry, spelled as the sources spell them (SCENARIOS.md §1). */
const demoPersons = [
  { names: [{ fullName: 'Жумабаев Кабдолла', source: 'Книга памяти Алматинской области' }], birthYear: '1896', birthplace: 'Каскеленский район' },
  { names: [{ fullName: 'Джумабаев Кабдулла', source: 'Список НКВД по Алма-Атинской области, 1937' }], birthYear: '1896', birthplace: null },
  { names: [{ fullName: 'Бөкейхан Әлихан Нұрмұхамедұлы', source: 'Қазақстан энциклопедиясы' }, { fullName: 'Букейханов Алихан Нурмухамедович', source: 'Дело ОГПУ' }], birthYear: '1866', birthplace: 'Каркаралинский уезд' },
  { names: [{ fullName: 'Байтұрсынұлы Ахмет', source: 'Қазақстан энциклопедиясы' }, { fullName: 'Байтурсынов Ахмет', source: 'Дело ОГПУ' }], birthYear: '1872', birthplace: 'Тургайский уезд' },
  { names: [{ fullName: 'Дулатұлы Міржақып', source: 'Қазақстан энциклопедиясы' }], birthYear: '1885', birthplace: 'Тургайский уезд' },
];

export async function seedDemoRegistry(dataSource: DataSource): Promise<void> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM persons`);
  if (count > 0) return;
  await dataSource.transaction(async (manager) => {
    for (const person of demoPersons) await insertPerson(manager, person);
  });
}
