/** What a fact of a registry person states (DESIGN.md §1). An `episode` is a dated event of the repression. */
export enum FactKind {
  BirthYear = 'birth_year',
  Birthplace = 'birthplace',
  Nationality = 'nationality',
  Occupation = 'occupation',
  SocialPosition = 'social_position',
  PartyMembership = 'party_membership',
  FamilyLink = 'family_link',
  LinkedEvent = 'linked_event',
  Episode = 'episode',
}

/** Kinds of facts a person may have many of at once (relatives, events): accepting one never un-accepts another. */
export const multiValuedFactKinds: readonly FactKind[] = [FactKind.FamilyLink, FactKind.LinkedEvent];

/** A person's history is a sequence of these. */
export enum EpisodeKind {
  Arrest = 'arrest',
  Indictment = 'indictment',
  Sentence = 'sentence',
  Execution = 'execution',
  Camp = 'camp',
  Exile = 'exile',
  SpecialSettlement = 'special_settlement',
  Release = 'release',
  ReArrest = 're_arrest',
  Death = 'death',
  EarlierRehabilitation = 'earlier_rehabilitation',
}

/** Where a fact comes from: an archival reference, a book of memory and page, or pages of a case's evidence. */
export enum FactSourceKind {
  Archival = 'archival',
  Book = 'book',
  Evidence = 'evidence',
}

/** The repression dictionaries an administrator keeps; episodes refer to their entries by code. */
export enum RepressionDictionary {
  SentencingBodies = 'sentencing-bodies',
  CriminalArticles = 'criminal-articles',
  SentenceKinds = 'sentence-kinds',
  Camps = 'camps',
}

/** Units of the historical gazetteer. */
export enum PlaceKind {
  Guberniya = 'guberniya',
  Oblast = 'oblast',
  Okrug = 'okrug',
  Uezd = 'uezd',
  Volost = 'volost',
  Raion = 'raion',
  AulSoviet = 'aul_soviet',
  City = 'city',
  Settlement = 'settlement',
  /** Where sentences were carried out (e.g. near Alma-Ata in 1937–38), with coordinates and sources where known. */
  ExecutionSite = 'execution_site',
  /** A burial site of the executed or of those who died in camps and exile. */
  BurialSite = 'burial_site',
}

/** Languages and scripts of a place's names: Kazakh and Russian Cyrillic, Latin (Kazakh 2021 and common spellings). */
export enum PlaceNameLanguage {
  Kk = 'kk',
  Ru = 'ru',
  Lat = 'lat',
}

/** The script a spelling of a name is written in. */
export enum NameScript {
  KazakhCyrillic = 'kk-cyrl',
  RussianCyrillic = 'ru-cyrl',
  Latin = 'latin',
  Other = 'other',
}

/** A proposed pair of registry persons: a person decides whether they are one. */
export enum DuplicateStatus {
  Proposed = 'proposed',
  Merged = 'merged',
  Different = 'different',
}

export enum RegistryImportStatus {
  Loaded = 'loaded',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
}
