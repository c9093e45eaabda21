/**
 * Events that tie many people together (DESIGN.md §3a): an uprising, a mass operation, a group trial, a
 * deportation echelon, a confiscation campaign. Persons take part with a role; typed relations link persons.
 * Each of these closed sets is mirrored by a CHECK in the database and a label map in the back office.
 */
export enum EventKind {
  Uprising = 'uprising',
  MassOperation = 'mass_operation',
  GroupTrial = 'group_trial',
  DeportationEchelon = 'deportation_echelon',
  ConfiscationCampaign = 'confiscation_campaign',
}

/** How a person took part in an event. */
export enum EventRole {
  Participant = 'participant',
  Leader = 'leader',
  Accused = 'accused',
  Victim = 'victim',
  Witness = 'witness',
}

/**
 * A typed relation, stored once as "the relative is the person's <kind>" (the relative is the person's father …);
 * the other side is computed ({@link inverseRelation}).
 */
export enum RelationKind {
  Father = 'father',
  Mother = 'mother',
  Son = 'son',
  Daughter = 'daughter',
  Brother = 'brother',
  Sister = 'sister',
  Spouse = 'spouse',
  /** Accused in the same case file. */
  CoDefendant = 'co_defendant',
  /** Named in the same list (of a troika, an echelon, a confiscation). */
  SameList = 'same_list',
}

/** What a relation reads as from either side: the stored kinds, and the inverses when the sex of the other is not known. */
export enum RelationViewKind {
  Father = 'father',
  Mother = 'mother',
  Son = 'son',
  Daughter = 'daughter',
  Brother = 'brother',
  Sister = 'sister',
  Spouse = 'spouse',
  CoDefendant = 'co_defendant',
  SameList = 'same_list',
  Parent = 'parent',
  Child = 'child',
  Sibling = 'sibling',
}

export type Sex = 'male' | 'female';

/** The sex a relation tells of its relative (a father is a man), if it tells. */
export function sexOfRelative(kind: RelationKind): Sex | null {
  switch (kind) {
    case RelationKind.Father:
    case RelationKind.Son:
    case RelationKind.Brother:
      return 'male';
    case RelationKind.Mother:
    case RelationKind.Daughter:
    case RelationKind.Sister:
      return 'female';
    default:
      return null;
  }
}

/**
 * The relation seen from the relative: if B is A's father, A is B's son or daughter (`child` when A's sex is
 * not known from any relation).
 */
export function inverseRelation(kind: RelationKind, sexOfPerson: Sex | null): RelationViewKind {
  const bySex = (male: RelationViewKind, female: RelationViewKind, unknown: RelationViewKind) =>
    sexOfPerson === 'male' ? male : sexOfPerson === 'female' ? female : unknown;
  switch (kind) {
    case RelationKind.Father:
    case RelationKind.Mother:
      return bySex(RelationViewKind.Son, RelationViewKind.Daughter, RelationViewKind.Child);
    case RelationKind.Son:
    case RelationKind.Daughter:
      return bySex(RelationViewKind.Father, RelationViewKind.Mother, RelationViewKind.Parent);
    case RelationKind.Brother:
    case RelationKind.Sister:
      return bySex(RelationViewKind.Brother, RelationViewKind.Sister, RelationViewKind.Sibling);
    case RelationKind.Spouse:
      return RelationViewKind.Spouse;
    case RelationKind.CoDefendant:
      return RelationViewKind.CoDefendant;
    case RelationKind.SameList:
      return RelationViewKind.SameList;
  }
}

/** Family relations: two persons have at most one of these between them, whichever side it is stored from. */
export const familyRelationKinds: readonly RelationKind[] = [
  RelationKind.Father, RelationKind.Mother, RelationKind.Son, RelationKind.Daughter, RelationKind.Brother, RelationKind.Sister, RelationKind.Spouse,
];

/** Where an event happened: a place of the gazetteer, with today's region. */
export interface EventPlaceView {
  id: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  regionCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** A source as facts cite it: an archival reference, a book of memory and page, or pages of a case's evidence. */
export interface SourceView {
  kind: 'archival' | 'book' | 'evidence';
  reference: { archive: string | null; fond: string; opis: string; delo: string; text: string } | null;
  book: { title: string; volume: string | null; page: number } | null;
  evidence: { evidenceId: string; pageFrom: number; pageTo: number } | null;
}

export interface EventView {
  id: string;
  kind: EventKind;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  date: { text: string; earliest: string; latest: string; precision: string } | null;
  description: string;
  places: EventPlaceView[];
  sources: Array<SourceView & { id: string; note: string | null }>;
  participantCount: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A row of the event list (places as today's region codes). */
export interface EventListRow {
  id: string;
  kind: EventKind;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  dateText: string | null;
  dateEarliest: string | null;
  dateLatest: string | null;
  regionCodes: string[];
  participantCount: number;
  updatedAt: string;
}

export interface EventParticipantView {
  id: string;
  eventId: string;
  personId: string;
  nameKk: string | null;
  nameRu: string | null;
  birthYear: string | null;
  role: EventRole;
  sentenceKindCode: string | null;
  /** The outcome of the person's latest decided case, or null when none is decided. */
  outcome: string | null;
  source: SourceView;
  note: string | null;
}

/** An event's people with counts by sentence kind and by outcome (`none` for not sentenced / not decided). */
export interface EventPeopleView {
  participants: EventParticipantView[];
  bySentence: Record<string, number>;
  byOutcome: Record<string, number>;
  byRole: Record<string, number>;
}

/** A person's events, for the person's page. */
export interface PersonEventView {
  id: string;
  eventId: string;
  kind: EventKind;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  dateText: string | null;
  role: EventRole;
}

/** A relation as one person sees it. */
export interface PersonRelationView {
  id: string;
  /** The other person. */
  personId: string;
  nameKk: string | null;
  nameRu: string | null;
  /** What the other person is to this one. */
  kind: RelationViewKind;
  /** Whether the relation was stored from this person's side (false: the inverse is shown). */
  stored: boolean;
  source: SourceView;
  note: string | null;
}

/** Bulk actions on the subjects of a group case. */
export enum SubjectBulkAction {
  Remove = 'remove',
  MarkException = 'mark_exception',
  UnmarkException = 'unmark_exception',
  Link = 'link',
}
