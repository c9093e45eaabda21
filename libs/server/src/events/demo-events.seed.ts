import { parseUncertainDate, placeSearchKey } from '@aqtalu/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { insertPerson } from '../registry/registry.service.js';

/**
 * Development only: two real events with participants as they are commonly published, so screens have
 * something true to show. Demo data: every source says so in its note, and is to be checked against the
 * publication before anyone relies on it.
 */
const demoNote = 'demo data for development: check the publication before relying on it';

interface DemoParticipant {
  kk: string;
  ru: string;
  birthYear: string;
  role: 'accused' | 'victim';
  sentenceKindCode: string;
}

const demoEvents: Array<{
  kind: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  date: string;
  placeCodes: string[];
  description: string;
  book: string;
  participants: DemoParticipant[];
}> = [
  {
    kind: 'group_trial',
    nameKk: 'Алаш қайраткерлерінің ісі бойынша ОГПУ үкімі (1932 ж. 20 сәуір)',
    nameRu: 'Приговор ОГПУ по делу деятелей Алаш (20 апреля 1932 г.)',
    nameEn: 'OGPU sentence in the case of the Alash figures (20 April 1932)',
    date: '20.04.1932',
    placeCodes: [],
    description: 'On one day the OGPU sentenced two groups of Alash figures (more than forty and more than twenty people), most of them to exile.',
    book: 'Алаш қозғалысы. Құжаттар мен материалдар жинағы',
    participants: [
      { kk: 'Досмұхамедов Халел', ru: 'Досмухамедов Халел', birthYear: '1883', role: 'accused', sentenceKindCode: 'exile' },
      { kk: 'Досмұхамедов Жаһанша', ru: 'Досмухамедов Джаханша', birthYear: '1885', role: 'accused', sentenceKindCode: 'exile' },
      { kk: 'Тынышбаев Мұхамеджан', ru: 'Тынышпаев Мухамеджан', birthYear: '1879', role: 'accused', sentenceKindCode: 'exile' },
      { kk: 'Ғаббасов Халел', ru: 'Габбасов Халел', birthYear: '1888', role: 'accused', sentenceKindCode: 'exile' },
      { kk: 'Ермеков Әлімхан', ru: 'Ермеков Алимхан', birthYear: '1891', role: 'accused', sentenceKindCode: 'exile' },
    ],
  },
  {
    kind: 'mass_operation',
    nameKk: 'Алматыдағы ату жазалары (1938 ж. 25–27 ақпан)',
    nameRu: 'Расстрелы в Алма-Ате 25–27 февраля 1938 г.',
    nameEn: 'Executions in Alma-Ata, 25–27 February 1938',
    date: '25.02.1938–27.02.1938',
    placeCodes: ['almaty', 'zhanalyk-burial-site'],
    description: 'Writers, scholars and statesmen sentenced to death in Alma-Ata and shot on 25–27 February 1938; buried at Zhanalyk near Alma-Ata.',
    book: 'Азалы кітап. Книга скорби',
    participants: [
      { kk: 'Сейфуллин Сәкен', ru: 'Сейфуллин Сакен', birthYear: '1894', role: 'victim', sentenceKindCode: 'first_category' },
      { kk: 'Жансүгіров Ілияс', ru: 'Джансугуров Ильяс', birthYear: '1894', role: 'victim', sentenceKindCode: 'first_category' },
      { kk: 'Майлин Бейімбет', ru: 'Майлин Беимбет', birthYear: '1894', role: 'victim', sentenceKindCode: 'first_category' },
      { kk: 'Асфендияров Санжар', ru: 'Асфендиаров Санджар', birthYear: '1889', role: 'victim', sentenceKindCode: 'first_category' },
      { kk: 'Жүргенов Темірбек', ru: 'Жургенов Темирбек', birthYear: '1898', role: 'victim', sentenceKindCode: 'first_category' },
    ],
  },
];

const bookSource = (title: string) => ({ kind: 'book', title, page: 1 });

export async function seedDemoEvents(dataSource: DataSource): Promise<void> {
  const [author] = await dataSource.query(`SELECT id FROM users WHERE role = 'secretary' ORDER BY created_at LIMIT 1`);
  if (!author) return;
  await dataSource.transaction(async (manager) => {
    await seedBurialSite(manager);
    for (const event of demoEvents) {
      // each demo event once, whatever else was recorded meanwhile
      const [seeded] = await manager.query(`SELECT 1 FROM events WHERE name_en = $1`, [event.nameEn]);
      if (seeded) continue;
      const parsed = parseUncertainDate(event.date);
      const date = parsed.ok ? parsed.value : null;
      const [created] = await manager.query(
        `INSERT INTO events (kind, name_kk, name_ru, name_en, date_text, date_earliest, date_latest, date_precision, description, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [event.kind, event.nameKk, event.nameRu, event.nameEn, date?.text ?? null, date?.earliest ?? null, date?.latest ?? null, date?.precision ?? null, event.description, author.id],
      );
      await manager.query(
        `INSERT INTO event_places (event_id, place_id, position) SELECT $1, p.id, array_position($2::text[], p.code) FROM places p WHERE p.code = ANY($2::text[])`,
        [created.id, event.placeCodes],
      );
      const source = bookSource(event.book);
      await manager.query(`INSERT INTO event_sources (event_id, position, source_kind, book_title, book_page, note) VALUES ($1, 0, $2, $3, $4, $5)`, [
        created.id, source.kind, source.title, source.page, demoNote,
      ]);
      for (const participant of event.participants) {
        const personId = await personFor(manager, participant);
        await manager.query(
          `INSERT INTO event_participants (event_id, person_id, role, sentence_kind_code, source_kind, book_title, book_page, note, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [created.id, personId, participant.role, participant.sentenceKindCode, source.kind, source.title, source.page, demoNote, author.id],
        );
      }
    }
  });
}

/** The registry person of that spelling, or a new one. */
async function personFor(manager: EntityManager, participant: DemoParticipant): Promise<string> {
  const [known] = await manager.query(`SELECT id FROM persons WHERE name_kk = $1 OR name_ru = $2 ORDER BY created_at LIMIT 1`, [participant.kk, participant.ru]);
  if (known) return known.id as string;
  return insertPerson(manager, {
    names: [{ fullName: participant.kk, source: 'demo events' }, { fullName: participant.ru, source: 'demo events' }],
    birthYear: participant.birthYear,
  });
}

/**
 * The burial site at Zhanalyk near Alma-Ata, where those shot in 1937–38 were buried: a place of the gazetteer of
 * its own (coordinates left for the commission to fill from its sources), with a demo source.
 */
async function seedBurialSite(manager: EntityManager): Promise<void> {
  const [known] = await manager.query(`SELECT id FROM places WHERE code = 'zhanalyk-burial-site'`);
  if (known) return;
  const names = { kk: 'Жаңалық жерлеу орны', ru: 'Место захоронения Жаналык', en: 'Zhanalyk burial site' };
  const [place] = await manager.query(
    `INSERT INTO places (code, kind, region_id, name_kk, name_ru, name_en, valid_from, valid_to)
     VALUES ('zhanalyk-burial-site', 'burial_site', (SELECT id FROM regions WHERE code = 'ALM'), $1, $2, $3, 1937, 1938) RETURNING id`,
    [names.kk, names.ru, names.en],
  );
  for (const [language, name] of [['kk', names.kk], ['ru', names.ru], ['lat', names.en]] as const) {
    await manager.query(`INSERT INTO place_names (place_id, name, language, search_key) VALUES ($1, $2, $3, $4)`, [place.id, name, language, placeSearchKey(name)]);
  }
  await manager.query(`INSERT INTO place_sources (place_id, source_kind, book_title, book_page, note) VALUES ($1, 'book', $2, 1, $3)`, [place.id, 'Азалы кітап. Книга скорби', demoNote]);
}
