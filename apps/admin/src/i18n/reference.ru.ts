import type { ReferenceMessages } from './reference.en';

const entryFields = {
  code: 'Код',
  nameKk: 'Название (каз.)',
  nameRu: 'Название (рус.)',
  nameEn: 'Название (англ.)',
  updatedAt: 'Изменено',
  q: 'Поиск',
};

export const referenceRu: ReferenceMessages = {
  resources: {
    'sentencing-bodies': {
      name: 'Осудивший орган |||| Осудившие органы',
      fields: entryFields,
    },
    'criminal-articles': {
      name: 'Статья уголовного кодекса |||| Статьи уголовных кодексов',
      fields: { ...entryFields, criminalCode: 'Уголовный кодекс', article: 'Статья' },
    },
    'sentence-kinds': {
      name: 'Вид наказания |||| Виды наказания',
      fields: entryFields,
    },
    camps: {
      name: 'Лагерь |||| Лагеря',
      fields: { ...entryFields, latitude: 'Широта', longitude: 'Долгота', openedYear: 'Открыт (год)', closedYear: 'Закрыт (год)' },
    },
    places: {
      name: 'Историческое место |||| Исторические места',
      fields: {
        q: 'Название в любом написании',
        code: 'Код',
        kind: 'Тип',
        regionCode: 'Современный регион',
        parentId: 'Входит в',
        nameKk: 'Название (каз.)',
        nameRu: 'Название (рус.)',
        nameEn: 'Название (англ.)',
        validFrom: 'С (год)',
        validTo: 'По (год)',
        latitude: 'Широта',
        longitude: 'Долгота',
        matchedName: 'Найдено по названию',
        score: 'Совпадение',
        names: 'Названия',
        name: 'Название',
        language: 'Язык',
      },
      kind: {
        guberniya: 'Губерния',
        oblast: 'Область',
        okrug: 'Округ',
        uezd: 'Уезд',
        volost: 'Волость',
        raion: 'Район',
        aul_soviet: 'Аульный совет',
        city: 'Город',
        settlement: 'Населённый пункт',
        execution_site: 'Место расстрела',
        burial_site: 'Место захоронения',
      },
      language: {
        kk: 'Казахский',
        ru: 'Русский',
        lat: 'Латиница',
      },
      type_to_search: 'Введите название места в любом написании (Акмолинск, Ақмола, Tselinograd…), чтобы найти его в справочнике.',
      nothing_found: 'В справочнике нет места с таким названием.',
      no_names: 'Других названий не записано.',
      add_name: 'Добавить название',
      name_added: 'Название добавлено.',
      years: 'Годы идут по порядку: «с» не может быть позже «по».',
      region_code: 'Код региона: три заглавные латинские буквы, например KAR',
    },
  },
  reference: {
    code_format: 'Код: от 2 до 48 строчных латинских букв, цифр, _ или -, начинается с буквы или цифры (например, nkvd_troika). Код не меняется.',
    coordinates_together: 'Укажите и широту, и долготу — или ни то, ни другое.',
    years_order: 'Лагерь не может быть закрыт раньше, чем открыт.',
    read_only: 'Справочники ведут администраторы; вы можете их просматривать.',
  },
};
