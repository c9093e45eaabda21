/** Labels of the case's letters tab (the correspondence register), kk/ru/en typed alike. */
export const lettersEn = {
  aqtalu: {
    letters: {
      tab: 'Letters',
      none: 'No letters yet.',
      create: 'Create letter',
      download: 'PDF',
      incoming: 'incoming',
      kind_label: 'Letter',
      language_label: 'Language',
      kind: {
        applicant_receipt: 'Receipt to the applicant',
        applicant_documents_request: 'Request for documents',
        applicant_decision: 'Decision to the applicant',
        archive_request: 'Request to an archive',
        archive_reminder: 'Reminder to an archive',
        refusal: 'Refusal',
      },
      language: { kk: 'Kazakh', ru: 'Russian' },
      status: {
        rendering: 'being prepared',
        to_send: 'to be sent',
        sent: 'sent',
        printed: 'printed',
        handed_over: 'handed over',
        registered: 'registered',
      },
      mark: { printed: 'Printed', handed_over: 'Handed over' },
    },
  },
};

export type LetterMessages = typeof lettersEn;
