import type { ReferenceMessages } from './reference.en';

const entryFields = {
  code: 'Код',
  nameKk: 'Атауы (қаз.)',
  nameRu: 'Атауы (орыс.)',
  nameEn: 'Атауы (ағыл.)',
  updatedAt: 'Өзгертілген',
  q: 'Іздеу',
};

export const referenceKk: ReferenceMessages = {
  resources: {
    'sentencing-bodies': {
      name: 'Үкім шығарған орган |||| Үкім шығарған органдар',
      fields: entryFields,
    },
    'criminal-articles': {
      name: 'Қылмыстық кодекс бабы |||| Қылмыстық кодекстердің баптары',
      fields: { ...entryFields, criminalCode: 'Қылмыстық кодекс', article: 'Бап' },
    },
    'sentence-kinds': {
      name: 'Жаза түрі |||| Жаза түрлері',
      fields: entryFields,
    },
    camps: {
      name: 'Лагерь |||| Лагерьлер',
      fields: { ...entryFields, latitude: 'Ендік', longitude: 'Бойлық', openedYear: 'Ашылған жылы', closedYear: 'Жабылған жылы' },
    },
    places: {
      name: 'Тарихи мекен |||| Тарихи мекендер',
      fields: {
        q: 'Кез келген жазудағы атауы',
        code: 'Код',
        kind: 'Түрі',
        regionCode: 'Қазіргі өңірі',
        parentId: 'Құрамында',
        nameKk: 'Атауы (қаз.)',
        nameRu: 'Атауы (орыс.)',
        nameEn: 'Атауы (ағыл.)',
        validFrom: 'Басталған жылы',
        validTo: 'Аяқталған жылы',
        latitude: 'Ендік',
        longitude: 'Бойлық',
        matchedName: 'Сәйкес келген атауы',
        score: 'Сәйкестік',
        names: 'Атаулары',
        name: 'Атауы',
        language: 'Тілі',
      },
      kind: {
        guberniya: 'Губерния',
        oblast: 'Облыс',
        okrug: 'Округ',
        uezd: 'Уез',
        volost: 'Болыс',
        raion: 'Аудан',
        aul_soviet: 'Ауылдық кеңес',
        city: 'Қала',
        settlement: 'Елді мекен',
        execution_site: 'Ату жазасы орындалған жер',
        burial_site: 'Жерленген жер',
      },
      language: {
        kk: 'Қазақша',
        ru: 'Орысша',
        lat: 'Латын жазуы',
      },
      type_to_search: 'Анықтамалықтан іздеу үшін мекеннің атауын кез келген жазумен енгізіңіз (Акмолинск, Ақмола, Tselinograd…).',
      nothing_found: 'Анықтамалықта мұндай атауы бар мекен жоқ.',
      no_names: 'Басқа атаулары жазылмаған.',
      add_name: 'Атау қосу',
      name_added: 'Атау қосылды.',
      years: 'Жылдар ретімен жүреді: басталған жылы аяқталған жылынан кейін бола алмайды.',
      region_code: 'Өңір коды: үш бас латын әрпі, мысалы KAR',
    },
  },
  reference: {
    code_format: 'Код: 2–48 кіші латын әрпі, цифр, _ немесе -, әріппен не цифрмен басталады (мысалы, nkvd_troika). Код өзгермейді.',
    coordinates_together: 'Ендікті де, бойлықты да көрсетіңіз немесе екеуін де бос қалдырыңыз.',
    years_order: 'Лагерь ашылмай тұрып жабыла алмайды.',
    read_only: 'Анықтамалықтарды әкімшілер жүргізеді; сіз оларды қарай аласыз.',
  },
};
