import type { PlaceKind, PlaceNameLanguage, RepressionDictionary } from '@aqtalu/contracts';

const entryFields = {
  code: 'Code',
  nameKk: 'Name (Kazakh)',
  nameRu: 'Name (Russian)',
  nameEn: 'Name (English)',
  updatedAt: 'Changed',
  q: 'Search',
};

/** The reference data screens: the repression dictionaries and the historical gazetteer. */
export const referenceEn = {
  resources: {
    'sentencing-bodies': {
      name: 'Sentencing body |||| Sentencing bodies',
      fields: entryFields,
    },
    'criminal-articles': {
      name: 'Criminal code article |||| Criminal code articles',
      fields: { ...entryFields, criminalCode: 'Criminal code', article: 'Article' },
    },
    'sentence-kinds': {
      name: 'Kind of sentence |||| Kinds of sentence',
      fields: entryFields,
    },
    camps: {
      name: 'Camp |||| Camps',
      fields: { ...entryFields, latitude: 'Latitude', longitude: 'Longitude', openedYear: 'Opened (year)', closedYear: 'Closed (year)' },
    },
    places: {
      name: 'Historical place |||| Historical places',
      fields: {
        q: 'Name in any script',
        code: 'Code',
        kind: 'Kind',
        regionCode: 'Region today',
        parentId: 'Part of',
        nameKk: 'Name (Kazakh)',
        nameRu: 'Name (Russian)',
        nameEn: 'Name (English)',
        validFrom: 'From (year)',
        validTo: 'To (year)',
        latitude: 'Latitude',
        longitude: 'Longitude',
        matchedName: 'Matched name',
        score: 'Match',
        names: 'Names',
        name: 'Name',
        language: 'Language',
      },
      kind: {
        guberniya: 'Guberniya',
        oblast: 'Oblast (region)',
        okrug: 'Okrug',
        uezd: 'Uezd',
        volost: 'Volost',
        raion: 'Raion (district)',
        aul_soviet: 'Aul soviet',
        city: 'City',
        settlement: 'Settlement',
        execution_site: 'Execution site',
        burial_site: 'Burial site',
      } satisfies Record<PlaceKind, string>,
      language: {
        kk: 'Kazakh',
        ru: 'Russian',
        lat: 'Latin script',
      } satisfies Record<PlaceNameLanguage, string>,
      type_to_search: 'Type a place name in any script (Акмолинск, Ақмола, Tselinograd…) to search the gazetteer.',
      nothing_found: 'No place of the gazetteer has such a name.',
      no_names: 'No other names recorded.',
      add_name: 'Add a name',
      name_added: 'The name is added.',
      years: 'The years run forwards: "from" cannot be after "to".',
      region_code: 'A region code: three capital letters, e.g. KAR',
    },
  } satisfies Record<RepressionDictionary | 'places', unknown>,
  reference: {
    code_format: 'The code: 2–48 lower-case Latin letters, digits, _ or -, starting with a letter or digit (e.g. nkvd_troika). It never changes.',
    coordinates_together: 'Give both latitude and longitude, or neither.',
    years_order: 'The camp cannot close before it opened.',
    read_only: 'Reference data is kept by administrators; you can consult it.',
  },
};

export type ReferenceMessages = typeof referenceEn;
