/**
 * A realistic, deterministic (seeded) generator of registry persons as archival lists write them.
 *
 * Kazakh and Russian (and other Soviet-era) given names, surnames and patronymics; lists written
 * "Surname Given Patronymic", "Surname I. O.", "I. O. Surname" and "Given Surname"; Kazakh people in Kazakh
 * Cyrillic, in Russian clerks' renderings (Жұмабаев → Джумабаев, Әбдірахман → Абдурахман, Оспан → Успан,
 * -ұлы → -ов, Тынышбаев → Тынышпаев) and in five Latin schemes (the 2021 Kazakh Latin alphabet, the 2017
 * apostrophe and 2018 acute ones, BGN/PCGN and passport style); 10–15 % typos; and namesakes: people who share
 * surname and given name but differ in patronymic, birth year or birthplace, and brothers who share surname
 * and patronymic. None of the people of ../shared/data/name-variants.tsv is generated (their given name and
 * surname pairs are excluded; generator.spec.ts checks against the file when it is present).
 *
 * Every yielded record is a different real person unless `relation` is 'duplicate' (another record of the
 * person `personId`, written in another script or format): dedupe precision and recall can be measured on it.
 */
import { NameScript } from '@aqtalu/contracts';

/** Mulberry32: a small seeded PRNG, the same numbers for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (text: string) => text.trim().split(/\s+/u);

// ---- name lists (written for this generator) ----------------------------------------------------------

/** Kazakh male given names, Kazakh Cyrillic. Also the roots of Kazakh surnames and patronymics. */
export const kazakhMaleNames = words(`
  Абай Абдолла Абылай Ағыбай Адай Ақан Ақжол Ақмырза Алдабек Алмас Алпысбай Алтай Амангелді Аманжол Арман
  Арыстан Асан Асқар Асыл Атымтай Ауезхан Ахат Әбдірахман Әбдіғали Әбіш Әділ Әкім Әлібек Әміржан Әнуар Бағдат
  Байғабыл Байжан Байзақ Байтақ Бақытжан Балтабай Бегалы Бекбол Бекмырза Бердібек Берік Болат Бөрібай Бұқар
  Дәулет Дәуімбай Дүйсен Дүйсенбай Ғабит Ғани Ғалым Ерболат Ерғазы Ержан Ерлан Ермұқан Есен Есентай Есім Жақып
  Жанболат Жандос Жаңабай Жарылқасын Жексен Жетпісбай Жолдыбай Жомарт Жұмағали Жүніс Зейнолла Ибраһим Ілияс Иса
  Исатай Қайрат Қалдыбай Қалиакбар Қамбар Қанат Қапар Қасым Қожа Қойшыбай Құдайберген Құрманбай Құсайын Мақсұт
  Малік Манап Марат Мейрам Мұқан Мұрат Мұса Мұхтар Нұрғали Нұржан Нұрсейіт Оралбай Орынбай Оспан Өмірзақ Өтеген
  Рақым Рүстем Сағындық Сайлау Сақтаған Самат Сапар Сейітқали Серікбай Сұлтан Сыздық Талғат Тасболат Тілеу Тоқтар
  Төлеген Тұрсын Тұрсынбай Ұзақ Ұлан Хамит Шайхы Шалқар Шәміл Шоқан Ыдырыс Ысқақ Ыбырай Құрмаш Кенжебай Бекболат
  Досан Жүсіп Қаражан Мамыр Сүлеймен Тоқан Үмбетбай Шынтас Ақмолда Базарбай Қырықбай Тәңірберген
`);

/** Kazakh female given names, Kazakh Cyrillic. */
export const kazakhFemaleNames = words(`
  Айгүл Айжан Айман Айнагүл Айсұлу Ақбөпе Ақмарал Ақтоты Әйгерім Әлия Әсел Балжан Батима Бибігүл Бибіжан Ботагөз
  Гүлбаршын Гүлжан Гүлнар Гүлсім Дариға Динара Жамал Жанар Жібек Жұпар Зәуре Зейнеп Зибагүл Зылиха Ірісжан Камила
  Күләш Күлпаш Күнсұлу Қалиса Қамқа Ләззат Мадина Мәдина Мақпал Мариям Меруерт Назерке Нұржамал Нұрсұлу Перизат
  Рабиға Раушан Сағыныш Салтанат Сара Сәуле Сұлушаш Талшын Тоғжан Ұлжан Ұмсын Үміт Хадиша Шолпан Шынар Ырысты
  Фатима Күлтай Бақыт Жансая Қарлығаш Маржан Сәбира Алма Әминә Бәтес Гауһар Дәмеш Зере Қанипа Мәншүк Нәзипа
`);

/** Kazakh surname roots (grandfathers' names and clan names), Kazakh Cyrillic. */
export const kazakhSurnameRoots = words(`
  Абайұлы Абдрахман Абенов Абылқасым Ағыбай Ахметжан Әбдіқадыр Әбілқайыр Әлжан Әлмағамбет Әмірбек Әубәкір Әшім
  Байбатыр Байболат Байдәулет Байжігіт Байқадам Байқоңыр Баймұхамед Байсейіт Бақтыбай Балқыбай Бапан Бегімбет Бейсен
  Бекенбай Бектұрсын Бердіқожа Бижан Боранбай Бөкебай Бұқарбай Даулетқали Дәрібай Дәуренбек Досжан Досмағамбет
  Досымбек Дүйсебай Ерденбай Ержігіт Есболат Есжан Есқараш Жақсыбек Жамантай Жанұзақ Жантілеу Жаппар Жарқынбай
  Жексембай Жиенбай Жолдасбек Жұмабек Жұмағұл Жұмаділ Жүнісбек Жылқыбай Ибрайым Ілиясов Исабек Исақ Итбай Қадырбай
  Қайырбек Қалдыбек Қалиев Қанапия Қараман Қарасай Қасымбек Қатран Қойбағар Қоңырбай Қосанбай Құлжан Құлмағамбет
  Құнанбай Құрманғазы Қуандық Қыдырбай Қырғызбай Мақаш Мамырбек Мауленбай Медеу Мәметбай Мұқатай Мұсабек Мыңбай
  Найманбай Нарымбет Нұрлыбек Нұрмағамбет Оңғарбай Оразбай Оразалы Орақбай Орманбай Отарбай Өмірбек Өтепбай Пірімбет
  Рахымжан Рысбек Рысқали Сабыр Сағынбай Садық Сақыпжан Салықбай Сапарбек Сәрсенбай Сейдахмет Сейілбек Сералы
  Серғазы Сыдық Сыпатай Тасқара Тәжібай Тілеубай Тоғызбай Тойшыбек Төлебай Төребек Тұрлыбек Тұяқбай Түгелбай Ұлықбек
  Үсенбай Хасен Шағырбай Шайқы Шалабай Шәкен Шеризат Шойынбай Шотбай Ыбыраш Ықсан Ырысбай Айтбай Айдарбек Ақынбай
  Алдамжар Алтынбек Аралбай Арғынбай Асанәлі Атамқұл Әбжан Әлімбай Бәкір Бекқожа Бисенбай Диқанбай Ергөбек Есмағамбет
  Жайлау Жарас Жәнібек Жетібай Жиреншин Жолмұхамед Жұбан Жылқайдар Ізбасар Кемелбай Кенесары Көшербай Қожаназар
  Қосай Құлыбек Қыдырәлі Мұхамеджан Мырзағали Нәрікбай Нұртаза Омарбек Оспанәлі Өтегұл Сарыбай Сейтжан Сүлеймен
  Тастемір Тәшенов Тоқмырза Төлеуіш Тұрғанбай Үкібай Шалқарбай Шынасыл Ыдырысбай Бекетай Бұлғақ Жақия Жұмақан Сарыарқа Қошқарбай
`).map((root) => root.replace(/(ұлы|ов|ев|ин)$/u, ''));

/** Russian and other Soviet-era male given names, Russian Cyrillic. */
export const russianMaleNames = words(`
  Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Афанасий Богдан Борис Вадим Валентин Валерий
  Василий Вениамин Виктор Виталий Владимир Владислав Всеволод Вячеслав Гавриил Геннадий Георгий Герасим Герман
  Глеб Григорий Давид Даниил Демьян Денис Дмитрий Евгений Егор Емельян Ефим Захар Иван Игнат Игорь Илларион Иосиф
  Исаак Кирилл Климент Константин Кузьма Лаврентий Лев Леонид Лука Макар Максим Марк Матвей Мирон Митрофан Михаил
  Назар Наум Никита Никифор Николай Олег Осип Павел Пантелей Пётр Платон Порфирий Прохор Роман Савелий Семён Сергей
  Спиридон Станислав Степан Тарас Тимофей Тихон Трофим Фёдор Феликс Филипп Фома Харитон Эдуард Юлиан Юрий Яков
  Ярослав Абрам Адольф Арнольд Вильгельм Генрих Густав Иоганн Карл Отто Рудольф Фридрих Эрих Ян Юзеф Тадеуш Вацлав
  Казимир Франц Ашот Гурген Вахтанг Шалва Гиви Ованес Самуил Лазарь Моисей Ефрем Сидор Евдоким Игнатий
`);

/** Russian and other female given names, Russian Cyrillic. */
export const russianFemaleNames = words(`
  Агафья Аграфена Александра Алевтина Алла Анастасия Ангелина Анна Антонина Валентина Валерия Варвара Вера Вероника
  Галина Дарья Евгения Евдокия Екатерина Елена Елизавета Зинаида Зоя Инна Ирина Капитолина Клавдия Ксения Лариса
  Лидия Любовь Людмила Маргарита Марина Мария Марфа Матрёна Надежда Наталья Нина Нонна Ольга Пелагея Полина Прасковья
  Раиса Римма Светлана Серафима Софья Таисия Тамара Татьяна Ульяна Фаина Феодосия Христина Юлия Ядвига Эльза Эмма
  Берта Гертруда Марта Фрида Ванда Стефания Броня Ева Роза Сара Хана Двойра Этель Берта Ида Эсфирь Мирра Лия Нателла
`);

/** Russian, Ukrainian, Polish, German and other surnames (male form), Russian Cyrillic. */
export const russianSurnames = words(`
  Абрамов Агеев Аксёнов Александров Алексеев Андреев Анисимов Антонов Артемьев Афанасьев Бабушкин Баранов Белов
  Белоусов Беляев Бирюков Блинов Богданов Большаков Борисов Быков Васильев Виноградов Власов Волков Воробьёв Гаврилов
  Герасимов Голубев Горбунов Гордеев Григорьев Гусев Давыдов Данилов Дементьев Денисов Дмитриев Дронов Евдокимов
  Ефимов Егоров Ершов Жуков Зайцев Захаров Зиновьев Зуев Иванов Игнатьев Ильин Исаев Казаков Калинин Карпов Касаткин
  Киселёв Клименко Ковалёв Козлов Колесников Комаров Кондратьев Коновалов Корнилов Котов Крылов Кудрявцев Кузнецов
  Кузьмин Куликов Лаврентьев Лазарев Лебедев Леонов Литвинов Лукин Львов Макаров Максимов Малышев Мартынов Матвеев
  Медведев Мельников Миронов Михайлов Морозов Муравьёв Назаров Никитин Никифоров Николаев Новиков Носков Овчинников
  Орлов Осипов Павлов Панов Пестов Петров Платонов Поляков Пономарёв Попов Прохоров Романов Рыбаков Савельев Сазонов
  Семёнов Сергеев Сидоров Смирнов Соболев Соколов Соловьёв Сорокин Степанов Суханов Тарасов Тимофеев Титов Тихонов
  Третьяков Трофимов Устинов Фадеев Федотов Филиппов Фомин Фролов Харитонов Хохлов Цветков Чернов Шаповалов Шестаков
  Шубин Щербаков Юдин Яковлев Ярцев Бондаренко Шевченко Коваленко Ткаченко Кравченко Мельниченко Лысенко Савченко
  Марченко Гончаренко Руденко Павленко Петренко Демченко Приходько Левченко Гуменюк Мазур Ковальчук Бойко Олейник
  Ковальский Вишневский Заболоцкий Покровский Успенский Богословский Новицкий Ковальчик Домбровский Яблонский Шульц
  Мюллер Шмидт Вебер Шнайдер Фишер Вагнер Беккер Гофман Кох Рихтер Нейман Циммерман Гольдберг Рабинович Кацнельсон
  Шапиро Фрейдман Левин Каплан Зильберман Аванесян Петросян Саркисян Джапаридзе Гогуадзе Церетели Мамедов Алиев
  Юсупов Рахимов Каримов Ахмедов Хасанов Галиев Сафин Гарипов Шарипов Валиев Фаттахов Мухаметшин Латыпов Байрамов
`).filter((surname) => /^[А-ЯЁа-яё]+$/u.test(surname));

export const birthPlaces = words(`
  Қарқаралы Баянауыл Семей Павлодар Ақмола Көкшетау Петропавл Орал Ақтөбе Торғай Қостанай Ырғыз Шымкент Түркістан
  Әулиеата Верный Талдықорған Қапал Лепсі Зайсан Өскемен Қызылорда Қазалы Арал Гурьев Жаркент Шу Мерке Меркі Атбасар
  Ерейментау Ақсу Екібастұз Жетісу Сарыарқа Шұбартау Абыралы Аягөз Үржар Бөрлі
`);

// ---- the people of ../shared/data/name-variants.tsv: never generated -----------------------------------

/** Given name and surname pairs of the shared test people, folded with {@link roughKey}. */
const excludedPeople: ReadonlyArray<readonly [string, string]> = [
  ['Әлихан', 'Бөкейхан'], ['Ахмет', 'Байтұрсын'], ['Мағжан', 'Жұмабай'], ['Міржақып', 'Дулат'], ['Тұрар', 'Рысқұл'],
  ['Сәкен', 'Сейфуллин'], ['Ілияс', 'Жансүгір'], ['Бейімбет', 'Майлин'], ['Санжар', 'Асфендияр'], ['Мұхамеджан', 'Тынышбай'],
  ['Жүсіпбек', 'Аймауыт'], ['Халел', 'Досмұхамед'], ['Темірбек', 'Жүрген'], ['Нығмет', 'Нұрмақ'], ['Сұлтанбек', 'Қожан'],
  ['Шәкәрім', 'Құдайберді'], ['Жаһанша', 'Досмұхамед'],
];

/**
 * A rough script-independent key: Latin and Cyrillic letters folded to a few consonant classes, vowels dropped,
 * the surname endings (-ов, -ұлы, -ин…) cut. Only for excluding the shared people here, not the product's folding.
 */
export function roughKey(word: string): string {
  const lower = word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f']/gu, '');
  const latin = [...lower].map((ch) => cyrillicToRough[ch] ?? ch).join('')
    .replace(/dzh|zh|dj|j/gu, 'z').replace(/kh|h|q|g/gu, 'k').replace(/sh|ch|ş|ç/gu, 's').replace(/[ğ]/gu, 'k').replace(/ñ|ng/gu, 'n')
    .replace(/p/gu, 'b').replace(/y/gu, 'i');
  let cut = latin;
  for (let before = ''; before !== cut && cut.length > 4;) {
    before = cut;
    cut = cut.replace(/(uli|ula|kizi|ovic|ovna|evic|evna|ova|eva|ina|ov|ev|in|ii|i)$/u, '');
  }
  return cut.replace(/[aeiouäöüūıыіéó]/gu, '').replace(/(.)\1+/gu, '$1');
}
const cyrillicToRough: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', қ: 'k',
  л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h',
  һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'y', і: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
const excludedKeys = new Set(excludedPeople.map(([given, surname]) => `${roughKey(given)}|${roughKey(surname)}`));

/** True when the given name and surname are those of a person of the shared test list (in any script). */
const roughKeys = new Map<string, string>();
const cachedRoughKey = (word: string) => {
  let key = roughKeys.get(word);
  if (key === undefined) roughKeys.set(word, (key = roughKey(word)));
  return key;
};
export function isExcludedPerson(givenName: string, surname: string): boolean {
  return excludedKeys.has(`${cachedRoughKey(givenName)}|${cachedRoughKey(surname)}`);
}

// ---- spellings ----------------------------------------------------------------------------------------

/** How a record was written: a script and, for Latin, the transliteration scheme. */
export type NameScheme =
  | 'kk-cyrl' // Kazakh Cyrillic
  | 'ru-cyrl' // Russian Cyrillic (Russian people, or Kazakh names as Russian clerks wrote them)
  | 'kk-latn-2021' // the 2021 Kazakh Latin alphabet (ä ö ü ū ı ğ q ñ ş)
  | 'kk-latn-2017' // the 2017 apostrophe alphabet (a' o' u' s' c' g' n' i')
  | 'kk-latn-2018' // the 2018 acute alphabet (á ó ú ý ǵ ń, sh ch)
  | 'bgn-pcgn' // BGN/PCGN romanisation (of the Russian form; zh kh ts ch sh shch y ye yu ya)
  | 'passport'; // passport style (ICAO 9303: zh kh ts ch sh shch iu ia, often upper case)

export type NameFormat = 'surname-given-patronymic' | 'surname-initials' | 'initials-surname' | 'given-surname' | 'given-patronymic-surname' | 'surname-given';

export interface GeneratedPerson {
  /** 0-based position in the generated list. */
  index: number;
  /** The real person: equal for records that are the same person ('duplicate'), different otherwise. */
  personId: number;
  /**
   * 'person': an ordinary person; 'namesake': same surname and given name as `relatedTo` but a different
   * patronymic, birth year or birthplace; 'brother': same surname and patronymic as `relatedTo`, another given
   * name (sisters likewise); 'duplicate': another record of `relatedTo` (= personId) in another spelling.
   */
  relation: 'person' | 'namesake' | 'brother' | 'duplicate';
  relatedTo: number | null;
  origin: 'kazakh' | 'russian';
  gender: 'm' | 'f';
  /** The name parts in full, in the record's scheme (before abbreviation and typos). */
  surname: string;
  givenName: string;
  /** Empty when the record has none. */
  patronymic: string;
  /** The name as written in the list: the format's word order and initials, possibly a typo. */
  fullName: string;
  format: NameFormat;
  scheme: NameScheme;
  /** The product's script of the record. */
  script: NameScript;
  /** True when fullName carries a typo. */
  typo: boolean;
  /** null when the list gives no year. */
  birthYear: number | null;
  birthPlace: string;
}

const kazakhToRussian: Record<string, string> = { ә: 'а', ө: 'о', ұ: 'у', ү: 'у', і: 'и', қ: 'к', ғ: 'г', ң: 'н', һ: 'х' };

function mapLetters(word: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const mapped = table[lower];
    if (mapped === undefined) out += ch;
    else out += ch === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}

/** A Russian clerk's rendering of a Kazakh word: the Russian alphabet plus the habits of the time. */
function clerkWord(word: string, random: () => number): string {
  let out = word;
  const habit = random();
  if (habit < 0.15) out = out.replace(/^Ж/u, 'Дж').replace(/([аеиоуыәөұүі])ж/gu, '$1дж');
  else if (habit < 0.25) out = out.replace(/(?<=^[^аеиоуыәөұүі]*[аеиоуыәөұүі][^аеиоуыәөұүі]+)[іы]/u, 'у'); // Әбдірахман → Абдурахман
  else if (habit < 0.32) out = out.replace(/^О/u, 'У'); // Оспан → Успан
  else if (habit < 0.4) out = out.replace(/([шсщ])б/u, '$1п'); // Тынышбай → Тынышпай
  else if (habit < 0.46) out = out.replace(/і(?=[аеоуя])/u, 'ь'); // Ілияс → Ильяс-like
  else if (habit < 0.52) out = out.replace(/е([лн])$/u, 'е$1ь'); // Халел → Халель
  else if (habit < 0.58) out = out.replace(/^Е/u, 'Е').replace(/ы/u, 'и'); // ы/и mixing
  return mapLetters(out.replace(/і(?=й)/u, 'и'), kazakhToRussian);
}

const latin2021: Record<string, string> = {
  а: 'a', ә: 'ä', б: 'b', в: 'v', г: 'g', ғ: 'ğ', д: 'd', е: 'e', ё: 'io', ж: 'j', з: 'z', и: 'i', й: 'i', к: 'k', қ: 'q',
  л: 'l', м: 'm', н: 'n', ң: 'ñ', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'ū', ү: 'ü', ф: 'f', х: 'h',
  һ: 'h', ц: 'ts', ч: 'ch', ш: 'ş', щ: 'şş', ъ: '', ы: 'y', і: 'ı', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
const latin2017: Record<string, string> = {
  ...latin2021, ә: "a'", ғ: "g'", и: "i'", й: "i'", ң: "n'", ө: "o'", ұ: 'u', ү: "u'", у: "y'", ш: "s'", ч: "c'", щ: "s's'", і: 'i', ц: 'ts',
};
const latin2018: Record<string, string> = {
  ...latin2021, ә: 'á', ғ: 'ǵ', и: 'ı', й: 'ı', ң: 'ń', ө: 'ó', ұ: 'u', ү: 'ú', у: 'ý', ш: 'sh', ч: 'ch', щ: 'shch', і: 'i',
};
const bgnRussian: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'ë', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya', ә: 'ä', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'ö', ұ: 'ū', ү: 'ü', һ: 'h', і: 'i',
};
const passport: Record<string, string> = {
  ...bgnRussian, ё: 'e', й: 'i', ю: 'iu', я: 'ia', ъ: 'ie', ә: 'a', ғ: 'g', қ: 'k', ң: 'n', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

/** BGN/PCGN's ye for е at the start of a word and after a vowel. */
function bgnWord(word: string): string {
  const marked = word.replace(/^Е/u, 'Йэ').replace(/(^|[аеёиоуыэюяәөұүі])е/gu, (_, before: string) => `${before}йэ`);
  return mapLetters(marked, bgnRussian);
}

function latinWord(word: string, scheme: NameScheme): string {
  switch (scheme) {
    case 'kk-latn-2021':
      return mapLetters(word, latin2021).replace(/^I(?=[^a-zäöüū])/u, 'İ');
    case 'kk-latn-2017':
      return mapLetters(word, latin2017);
    case 'kk-latn-2018':
      return mapLetters(word, latin2018);
    case 'bgn-pcgn':
      return bgnWord(word);
    default:
      return mapLetters(word, passport);
  }
}

// ---- name building ------------------------------------------------------------------------------------

const vowels = /[аеёиоуыэюяәөұүі]$/u;

/** A Kazakh surname in Russian form from a root: Жұмабай → Жұмабаев, Мұса → Мұсин, Оспан → Оспанов. */
function russianFormSurname(root: string, gender: 'm' | 'f'): string {
  let male: string;
  if (/й$/u.test(root)) male = `${root.slice(0, -1)}ев`;
  else if (/[аяе]$/u.test(root)) male = `${root.slice(0, -1)}ин`;
  else if (vowels.test(root) || /[жшщчц]$/u.test(root)) male = `${root}ев`;
  else male = `${root}ов`;
  return gender === 'f' ? `${male}а` : male;
}

function russianFemaleSurname(male: string): string {
  if (/(ов|ев|ёв|ин|ын)$/u.test(male)) return `${male}а`;
  if (/ский$/u.test(male)) return male.replace(/ский$/u, 'ская');
  if (/цкий$/u.test(male)) return male.replace(/цкий$/u, 'цкая');
  return male;
}

function russianPatronymic(father: string, gender: 'm' | 'f'): string {
  const stem = father.replace(/ё/gu, 'е');
  if (/[ая]$/u.test(stem)) return `${stem.slice(0, -1)}${gender === 'm' ? 'ич' : 'ична'}`;
  if (/(ий|ь)$/u.test(stem)) return `${stem.replace(/(ий|ь)$/u, '')}${gender === 'm' ? 'ьевич' : 'ьевна'}`;
  if (/й$/u.test(stem)) return `${stem.slice(0, -1)}${gender === 'm' ? 'евич' : 'евна'}`;
  if (/[жшщчциыоуеі]$/u.test(stem)) return `${stem}${gender === 'm' ? 'евич' : 'евна'}`;
  return `${stem}${gender === 'm' ? 'ович' : 'овна'}`;
}

/** Typos of the kind OCR and hand copying make: a letter dropped, doubled, swapped or replaced by a neighbour. */
export function typo(text: string, random: () => number): string {
  const chars = [...text];
  const letters = chars.map((ch, i) => (/\p{L}/u.test(ch) && i > 0 ? i : -1)).filter((i) => i > 0);
  if (letters.length === 0) return text;
  const position = letters[Math.floor(random() * letters.length)]!;
  const kind = random();
  if (kind < 0.3) chars.splice(position, 1);
  else if (kind < 0.5) chars.splice(position, 0, chars[position]!);
  else if (kind < 0.75 && /\p{L}/u.test(chars[position - 1] ?? '')) [chars[position - 1], chars[position]] = [chars[position]!, chars[position - 1]!];
  else {
    const lower = chars[position]!.toLowerCase();
    const confusion = confusions[lower];
    chars[position] = confusion ? confusion[Math.floor(random() * confusion.length)]! : lower === 'a' ? 'o' : 'а';
  }
  return chars.join('');
}
const confusions: Record<string, string[]> = {
  а: ['о', 'я'], о: ['а', 'с'], е: ['и', 'ё'], и: ['н', 'й', 'ы'], н: ['и', 'п'], п: ['н', 'л'], л: ['п', 'м'], м: ['л', 'ш'],
  ш: ['щ', 'т'], т: ['ш', 'г'], г: ['т', 'р'], к: ['х', 'н'], у: ['ү', 'ы'], ы: ['ь', 'и'], б: ['в', 'д'], в: ['б', 'в'],
  ә: ['а'], ө: ['о'], ұ: ['у'], ү: ['у'], қ: ['к'], ғ: ['г'], і: ['и', 'ї'], с: ['е', 'о'], р: ['р', 'п'],
  a: ['o', 'e'], e: ['c', 'a'], i: ['l', 'y'], o: ['a', 'u'], u: ['v', 'y'], n: ['m', 'h'], m: ['n'], k: ['h', 'q'], h: ['k', 'b'],
  s: ['z'], z: ['s'], y: ['i', 'u'], r: ['n'], l: ['i'], t: ['l'],
};

interface Identity {
  origin: 'kazakh' | 'russian';
  gender: 'm' | 'f';
  given: string; // Kazakh Cyrillic for Kazakh people, Russian Cyrillic otherwise
  surnameRoot: string; // Kazakh root, or the Russian male surname
  father: string;
  /** Kazakh people: whether the surname is the modern -ұлы/-қызы form (else -ов/-ева). */
  modernSurname: boolean;
  birthYear: number | null;
  birthPlace: string;
}

function pick<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(random() * list.length)]!;
}

/** Zipf-like pick: a few names are common, most are rare, as in real lists. */
function pickSkewed<T>(list: readonly T[], random: () => number): T {
  return list[Math.floor(list.length * random() ** 1.7)]!;
}

function newIdentity(random: () => number): Identity {
  for (;;) {
    const origin = random() < 0.72 ? 'kazakh' : 'russian';
    const gender = random() < 0.82 ? 'm' : 'f';
    const given = origin === 'kazakh'
      ? pickSkewed(gender === 'm' ? kazakhMaleNames : kazakhFemaleNames, random)
      : pickSkewed(gender === 'm' ? russianMaleNames : russianFemaleNames, random);
    const surnameRoot = origin === 'kazakh'
      ? random() < 0.6 ? pickSkewed(kazakhSurnameRoots, random) : pickSkewed(kazakhMaleNames, random)
      : pickSkewed(russianSurnames, random);
    const father = origin === 'kazakh' ? pickSkewed(kazakhMaleNames, random) : pickSkewed(russianMaleNames, random);
    if (isExcludedPerson(given, surnameRoot)) continue;
    return {
      origin, gender, given, surnameRoot, father, modernSurname: random() < 0.25,
      birthYear: random() < 0.9 ? 1860 + Math.floor(random() * 66) : null,
      birthPlace: pick(birthPlaces, random),
    };
  }
}

interface Parts { surname: string; givenName: string; patronymic: string }

/** The identity's name parts in Kazakh Cyrillic (Kazakh people) or Russian Cyrillic. */
function cyrillicParts(identity: Identity, scheme: NameScheme, random: () => number): Parts {
  if (identity.origin === 'russian') {
    const surname = identity.gender === 'f' ? russianFemaleSurname(identity.surnameRoot) : identity.surnameRoot;
    return { surname, givenName: identity.given, patronymic: russianPatronymic(identity.father, identity.gender) };
  }
  const suffix = identity.gender === 'm' ? 'ұлы' : 'қызы';
  if (scheme === 'ru-cyrl' || scheme === 'bgn-pcgn' || scheme === 'passport') {
    // Russian form: clerk's rendering, -ов/-ев surname, -ович patronymic
    const root = clerkWord(identity.surnameRoot, random);
    return {
      surname: russianFormSurname(root, identity.gender),
      givenName: clerkWord(identity.given, random),
      patronymic: russianPatronymic(clerkWord(identity.father, random), identity.gender),
    };
  }
  return {
    surname: identity.modernSurname ? `${identity.surnameRoot}${suffix}` : russianFormSurname(identity.surnameRoot, identity.gender),
    givenName: identity.given,
    patronymic: random() < 0.15 ? `${identity.father} ${suffix}` : `${identity.father}${suffix}`,
  };
}

function schemeFor(identity: Identity, random: () => number): NameScheme {
  const roll = random();
  if (identity.origin === 'russian') return roll < 0.9 ? 'ru-cyrl' : roll < 0.95 ? 'bgn-pcgn' : 'passport';
  if (roll < 0.4) return 'ru-cyrl';
  if (roll < 0.75) return 'kk-cyrl';
  return (['kk-latn-2021', 'kk-latn-2017', 'kk-latn-2018', 'bgn-pcgn', 'passport'] as const)[Math.floor((roll - 0.75) / 0.05)] ?? 'passport';
}

function scriptOf(scheme: NameScheme): NameScript {
  if (scheme === 'kk-cyrl') return NameScript.KazakhCyrillic;
  if (scheme === 'ru-cyrl') return NameScript.RussianCyrillic;
  return NameScript.Latin;
}

const initial = (word: string) => {
  const first = [...word][0] ?? '';
  // Kazakh and Latin digraphs keep both letters in initials (Zh., Sh., Kh.)
  const two = word.slice(0, 2);
  return /^(Zh|Sh|Kh|Ch|Ts|Дж)$/u.test(two) ? `${two}.` : `${first}.`;
};

function formatFor(scheme: NameScheme, random: () => number): NameFormat {
  const roll = random();
  if (scheme !== 'kk-cyrl' && scheme !== 'ru-cyrl') {
    return roll < 0.55 ? 'given-surname' : roll < 0.7 ? 'surname-given' : roll < 0.85 ? 'initials-surname' : 'surname-given-patronymic';
  }
  if (roll < 0.35) return 'surname-given-patronymic';
  if (roll < 0.6) return 'surname-initials';
  if (roll < 0.7) return 'initials-surname';
  if (roll < 0.85) return 'given-surname';
  if (roll < 0.9) return 'given-patronymic-surname';
  return 'surname-given';
}

function write(parts: Parts, format: NameFormat): string {
  const { surname, givenName, patronymic } = parts;
  const patronymicInitial = patronymic ? ` ${initial(patronymic)}` : '';
  switch (format) {
    case 'surname-given-patronymic':
      return [surname, givenName, patronymic].filter(Boolean).join(' ');
    case 'surname-initials':
      return `${surname} ${initial(givenName)}${patronymicInitial}`;
    case 'initials-surname':
      return `${initial(givenName)}${patronymicInitial} ${surname}`;
    case 'given-surname':
      return `${givenName} ${surname}`;
    case 'given-patronymic-surname':
      return [givenName, patronymic, surname].filter(Boolean).join(' ');
    default:
      return `${surname} ${givenName}`;
  }
}

function record(identity: Identity, meta: Pick<GeneratedPerson, 'index' | 'personId' | 'relation' | 'relatedTo'>, random: () => number, typoRate: number): GeneratedPerson {
  const scheme = schemeFor(identity, random);
  const cyrillic = cyrillicParts(identity, scheme, random);
  const latin = scheme !== 'kk-cyrl' && scheme !== 'ru-cyrl';
  let parts: Parts = cyrillic;
  if (latin) {
    const word = (text: string) => text.split(' ').map((w) => latinWord(w, scheme)).join(' ');
    parts = { surname: word(cyrillic.surname), givenName: word(cyrillic.givenName), patronymic: random() < 0.5 ? word(cyrillic.patronymic) : '' };
    if (scheme === 'passport' && random() < 0.5) parts = { surname: parts.surname.toUpperCase(), givenName: parts.givenName.toUpperCase(), patronymic: parts.patronymic.toUpperCase() };
  }
  const format = formatFor(scheme, random);
  const clean = write(parts, format);
  const hasTypo = random() < typoRate;
  return {
    ...meta, origin: identity.origin, gender: identity.gender, ...parts,
    fullName: hasTypo ? typo(clean, random) : clean,
    format, scheme, script: scriptOf(scheme), typo: hasTypo,
    birthYear: identity.birthYear, birthPlace: identity.birthPlace,
  };
}

export interface GeneratePersonsOptions {
  /** The same seed gives the same list. */
  seed: number;
  /** How many records to yield. */
  count: number;
  /** Share of records with a typo; 0.12 by default. */
  typoRate?: number;
  /** Share of people followed by a namesake (same surname and given name, another patronymic, year or place); 0.03. */
  namesakeRate?: number;
  /** Share of people followed by a brother or sister (same surname and patronymic); 0.02. */
  siblingRate?: number;
  /** Share of people followed by a second record of themselves in another spelling; 0 by default. */
  duplicateRate?: number;
}

/**
 * Yields `count` records of a realistic archival list, deterministically for `seed` (see the module comment).
 * Namesakes, siblings and duplicates follow the person they relate to, with `relatedTo` set to that person.
 */
export function* generatePersons(options: GeneratePersonsOptions): Generator<GeneratedPerson> {
  const random = seededRandom(options.seed);
  const typoRate = options.typoRate ?? 0.12;
  const namesakeRate = options.namesakeRate ?? 0.03;
  const siblingRate = options.siblingRate ?? 0.02;
  const duplicateRate = options.duplicateRate ?? 0;
  let index = 0;
  let nextPerson = 0;
  while (index < options.count) {
    const identity = newIdentity(random);
    const personId = nextPerson++;
    yield record(identity, { index: index++, personId, relation: 'person', relatedTo: null }, random, typoRate);
    if (index < options.count && random() < duplicateRate) {
      yield record(identity, { index: index++, personId, relation: 'duplicate', relatedTo: personId }, random, typoRate);
    }
    if (index < options.count && random() < namesakeRate) {
      const namesake = { ...identity };
      const what = random();
      if (what < 0.4) {
        const origin = identity.origin === 'kazakh' ? kazakhMaleNames : russianMaleNames;
        do namesake.father = pick(origin, random); while (namesake.father === identity.father);
      } else if (what < 0.7) namesake.birthYear = (identity.birthYear ?? 1900) + (random() < 0.5 ? -1 : 1) * (3 + Math.floor(random() * 20));
      else do namesake.birthPlace = pick(birthPlaces, random); while (namesake.birthPlace === identity.birthPlace);
      yield record(namesake, { index: index++, personId: nextPerson++, relation: 'namesake', relatedTo: personId }, random, typoRate);
    }
    if (index < options.count && random() < siblingRate) {
      const sibling = { ...identity, gender: (random() < 0.8 ? 'm' : 'f') as 'm' | 'f' };
      const names = identity.origin === 'kazakh'
        ? sibling.gender === 'm' ? kazakhMaleNames : kazakhFemaleNames
        : sibling.gender === 'm' ? russianMaleNames : russianFemaleNames;
      do sibling.given = pick(names, random); while (sibling.given === identity.given);
      sibling.birthYear = identity.birthYear === null ? null : identity.birthYear + (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 12));
      if (random() < 0.5) sibling.birthYear = null; // lists often give no year: only the name then
      yield record(sibling, { index: index++, personId: nextPerson++, relation: 'brother', relatedTo: personId }, random, typoRate);
    }
  }
}
