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
      scan: 'Scan',
      scan_checking: 'Scan (being checked)',
      sender_number: 'sender\'s no. %{number}',
      incoming_form: {
        open: 'Register incoming letter',
        title: 'Incoming letter',
        sender_number: 'Sender\'s number',
        letter_date: 'Date on the letter',
        sender: 'Sender',
        subject: 'Subject',
        scan: 'Scan (PDF or image)',
        scan_helper: 'Checked like every document before anyone can open it',
        uploading: 'Uploading the scan',
        submit: 'Register',
        missing: 'Enter the sender\'s number, the date and the sender.',
        registered: 'Incoming letter %{number} registered',
      },
      batch: {
        print: 'Print the session\'s documents',
        rendering: 'Putting the documents together',
        download: 'Documents for printing (PDF, %{smart_count} document) |||| Documents for printing (PDF, %{smart_count} documents)',
        asked: 'The certificates and decision letters are being put together into one PDF',
      },
      templates: {
        subject: 'Subject',
        body: 'Text (paragraphs separated by an empty line)',
        placeholders: 'Placeholders filled from the case: %{list}',
        changed: 'changed %{date}',
        as_seeded: 'as delivered',
        saved: 'Template saved',
      },
    },
  },
  resources: {
    'letter-templates': { name: 'Letter template |||| Letter templates' },
  },
};

export type LetterMessages = typeof lettersEn;
