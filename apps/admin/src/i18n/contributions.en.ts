/** The moderation queue of contributions to the Book of Memory (resources/contributions). */
export const contributionsEn = {
  resources: {
    contributions: {
      name: 'Contribution |||| Contributions',
      all: 'All',
      accepted_as_fact: 'Accepted as a fact of the person: open the person',
      source_hint: 'To accept, the source must be an archival reference or a book with its page: leave both empty when the contributor wrote a reference.',
      fields: {
        createdAt: 'Received',
        person: 'Person',
        subject: 'About',
        told: 'What they told',
        status: 'Status',
        moderate: 'Moderation',
        source: 'Source given',
        details: 'Details',
        contributor: 'Contributor',
        reference: 'Archival reference (archive, fond, opis, delo)',
        bookTitle: 'Book of memory',
        bookPage: 'Page',
        reason: 'Reason for rejecting',
      },
      status: { pending: 'To moderate', accepted: 'Accepted', rejected: 'Rejected' },
      scan: { none: 'No scan', pending: 'Scan being checked', passed: 'Scan checked', quarantined: 'Scan quarantined' },
      subject: {
        nationality: 'Nationality',
        occupation: 'Occupation',
        social_position: 'Social position',
        party_membership: 'Party membership',
        arrest: 'Arrest',
        sentence: 'Sentence',
        camp: 'Camp',
        exile: 'Exile',
        release: 'Release',
        death: 'Death',
        execution: 'Execution',
      },
      actions: { open: 'Open', hide: 'Hide', scan: 'Download the scan', accept: 'Accept as a fact', reject: 'Reject' },
      notifications: { accepted: 'Accepted: the fact was added to the person', rejected: 'Rejected: the contributor will be told why' },
    },
  },
};

export type ContributionMessages = typeof contributionsEn;
