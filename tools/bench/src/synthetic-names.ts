/**
 * Deterministic synthetic names for benchmarks: Kazakh and Russian forms of the same roots, with the
 * spelling noise archival lists carry (transliteration, dropped or doubled letters, Latin forms).
 */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const roots = [
  ['Жұмабай', 'Жумабай', 'Zhumabai'], ['Бөкейхан', 'Букейхан', 'Bokeikhan'], ['Байтұрсын', 'Байтурсын', 'Baitursyn'],
  ['Дулат', 'Дулат', 'Dulat'], ['Сейфуллин', 'Сейфуллин', 'Seifullin'], ['Құнанбай', 'Кунанбай', 'Kunanbai'],
  ['Омар', 'Омар', 'Omar'], ['Әбіл', 'Абил', 'Abil'], ['Тәжібай', 'Тажибай', 'Tazhibai'], ['Сәрсен', 'Сарсен', 'Sarsen'],
  ['Нұрмұхамед', 'Нурмухамед', 'Nurmukhamed'], ['Ысқақ', 'Искак', 'Iskak'], ['Қожахмет', 'Кожахмет', 'Kozhakhmet'],
  ['Есенгелді', 'Есенгельды', 'Esengeldi'], ['Жансүгір', 'Жансугур', 'Zhansugur'], ['Торайғыр', 'Торайгыр', 'Toraigyr'],
  ['Мұстафа', 'Мустафа', 'Mustafa'], ['Рысқұл', 'Рыскул', 'Ryskul'], ['Шоқай', 'Чокай', 'Shokai'], ['Әуезов', 'Ауэзов', 'Auezov'],
  ['Ермек', 'Ермек', 'Ermek'], ['Тұрсын', 'Турсун', 'Tursyn'], ['Бекмұхамбет', 'Бекмухамбет', 'Bekmukhambet'], ['Серік', 'Серик', 'Serik'],
  ['Иван', 'Иван', 'Ivan'], ['Петр', 'Петр', 'Petr'], ['Николай', 'Николай', 'Nikolai'], ['Смирн', 'Смирн', 'Smirn'],
  ['Кузнец', 'Кузнец', 'Kuznets'], ['Волк', 'Волк', 'Volk'], ['Морозов', 'Морозов', 'Morozov'], ['Ткаченк', 'Ткаченк', 'Tkachenk'],
];
const givenNames = [
  ['Әлихан', 'Алихан', 'Alikhan'], ['Ахмет', 'Ахмет', 'Akhmet'], ['Мағжан', 'Магжан', 'Magzhan'], ['Міржақып', 'Миржакып', 'Mirzhakyp'],
  ['Сәкен', 'Сакен', 'Saken'], ['Ілияс', 'Ильяс', 'Ilyas'], ['Қуаныш', 'Куаныш', 'Kuanysh'], ['Нұрлан', 'Нурлан', 'Nurlan'],
  ['Асқар', 'Аскар', 'Askar'], ['Ерғали', 'Ергали', 'Ergali'], ['Жүсіпбек', 'Жусупбек', 'Zhusupbek'], ['Смағұл', 'Смагул', 'Smagul'],
  ['Халел', 'Халел', 'Khalel'], ['Тұрар', 'Турар', 'Turar'], ['Беімбет', 'Беимбет', 'Beimbet'], ['Санжар', 'Санжар', 'Sanzhar'],
  ['Иван', 'Иван', 'Ivan'], ['Петр', 'Петр', 'Petr'], ['Василий', 'Василий', 'Vasilii'], ['Григорий', 'Григорий', 'Grigorii'],
];

export interface SyntheticPerson {
  fullName: string;
  /** The same person's clean spelling, for the misspelled search queries. */
  canonical: string;
  birthYear: string;
}

function surnameOf(root: string, script: number): string {
  if (script === 0) return root.endsWith('ов') || root.endsWith('ин') ? root : `${root}ұлы`;
  if (script === 1) return root.endsWith('ов') || root.endsWith('ин') ? root : `${root}ов`;
  return root.endsWith('ov') || root.endsWith('in') ? root : `${root}ov`;
}

/** Typos of the kind OCR and hand copying make. */
export function misspell(name: string, random: () => number): string {
  const chars = [...name];
  const position = 1 + Math.floor(random() * Math.max(1, chars.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      chars.splice(position, 1);
      break;
    case 1:
      chars.splice(position, 0, chars[position] ?? '');
      break;
    default:
      [chars[position - 1], chars[position]] = [chars[position] ?? '', chars[position - 1] ?? ''];
  }
  return chars.join('');
}

export function* syntheticPersons(count: number, seed = 1937): Generator<SyntheticPerson> {
  const random = prng(seed);
  for (let made = 0; made < count; made += 1) {
    const root = roots[Math.floor(random() * roots.length)]!;
    const given = givenNames[Math.floor(random() * givenNames.length)]!;
    const father = givenNames[Math.floor(random() * givenNames.length)]!;
    const script = Math.floor(random() * 3);
    const surname = surnameOf(root[script]!, script);
    const patronymic = script === 0 ? `${father[0]}ұлы` : script === 1 ? `${father[1]}ович` : `${father[2]}uly`;
    const canonical = `${surname} ${given[script]} ${patronymic}`;
    const noisy = random() < 0.3 ? misspell(canonical, random) : canonical;
    yield { fullName: noisy, canonical, birthYear: String(1860 + Math.floor(random() * 70)) };
  }
}
