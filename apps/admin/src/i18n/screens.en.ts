import type { EpisodeKind, EvidenceProposalKind, EvidenceProposalStatus, FactKind, FactSourceKind } from '@aqtalu/contracts';

/**
 * The screens of issue 15: case edit, the evidence's proposals, the person page, the votes waiting for a
 * member and the agenda picker (`aqtalu.screens.*`; ru and kk have the same shape).
 */
export const screensEn = {
  case_edit: {
    edit: 'Edit',
    title: 'Edit case %{number}',
    region_moves: 'Saving moves the case to the working group of %{region}; the working group of %{previous} will no longer see it.',
    not_editable: 'The case can no longer be edited',
    saved: 'The case is saved',
    moved: 'The case is saved and moved to %{region}',
  },
  proposals: {
    title: 'Found in the text',
    hint: 'References, dates and names the checks found in this document. Confirm what is right: a reference or a date becomes the document’s own if it has none; a name links the document to the person.',
    none: 'Nothing has been found in the text of this document.',
    pending_count: '%{smart_count} to decide |||| %{smart_count} to decide',
    kind: {
      reference: 'Archival reference',
      date: 'Date',
      person: 'Name',
    } satisfies Record<EvidenceProposalKind, string>,
    status: {
      proposed: 'To decide',
      confirmed: 'Confirmed',
      dismissed: 'Dismissed',
    } satisfies Record<EvidenceProposalStatus, string>,
    columns: { found: 'Found', what: 'What it is', on_page: 'Page', match: 'In the registry', state: 'Decision' },
    select_all: 'Select every proposal to decide',
    select_one: 'Select “%{text}”',
    confirm_selected: 'Confirm selected (%{smart_count}) |||| Confirm selected (%{smart_count})',
    dismiss_selected: 'Dismiss selected (%{smart_count}) |||| Dismiss selected (%{smart_count})',
    no_match: 'no match',
    name_needs_person: 'A name with no match in the registry cannot be confirmed here: add the person to the registry first, or dismiss it.',
    confirmed: '%{smart_count} proposal confirmed |||| %{smart_count} proposals confirmed',
    dismissed: '%{smart_count} proposal dismissed |||| %{smart_count} proposals dismissed',
  },
  person: {
    facts: 'Facts',
    episodes: 'Repression episodes',
    cases: 'Cases',
    no_facts: 'No facts are recorded yet.',
    no_episodes: 'No episodes are recorded yet.',
    no_cases: 'The person is a subject of no case you may see.',
    accepted: 'Accepted by the commission',
    alternative: 'Another source’s value',
    columns: { what: 'What', value: 'Value', when: 'Date', where: 'Place', source: 'Source', details: 'Details', number: 'Number', state: 'Status', region: 'Region', outcome: 'Outcome' },
    fact_kind: {
      birth_year: 'Year of birth',
      birthplace: 'Place of birth',
      nationality: 'Nationality',
      occupation: 'Occupation',
      social_position: 'Social position',
      party_membership: 'Party membership',
      family_link: 'Family link',
      linked_event: 'Linked event',
      episode: 'Episode',
    } satisfies Record<FactKind, string>,
    episode_kind: {
      arrest: 'Arrest',
      indictment: 'Indictment',
      sentence: 'Sentence',
      execution: 'Execution',
      camp: 'Camp term',
      exile: 'Exile',
      special_settlement: 'Special settlement',
      release: 'Release',
      re_arrest: 'Re-arrest',
      death: 'Death',
      earlier_rehabilitation: 'Earlier rehabilitation',
    } satisfies Record<EpisodeKind, string>,
    source_kind: {
      archival: 'Archive',
      book: 'Book of memory',
      evidence: 'Evidence of a case',
    } satisfies Record<FactSourceKind, string>,
    book: '%{title}, p. %{page}',
    book_volume: '%{title}, vol. %{volume}, p. %{page}',
    evidence_pages: 'pages %{from}–%{to} of a case document',
    sentenced_by: 'Sentenced by: %{body}',
    articles: 'Articles: %{articles}',
    sentence: 'Sentence: %{sentence}',
    term: 'Term: %{term}',
    camp: 'Camp: %{camp}',
    note: 'Note: %{note}',
  },
  votes: {
    title: 'Votes waiting for you',
    none: 'No vote is waiting for you.',
    item: 'Session %{session} of %{date}: case %{number}',
    not_present: 'The secretary has not yet recorded you as present at this session.',
  },
  agenda: {
    pick: 'Case awaiting the commission',
    pick_helper: 'Cases with a signed conclusion that are on no agenda',
    none: 'No case is waiting for the commission.',
  },
};

export type ScreensMessages = typeof screensEn;
