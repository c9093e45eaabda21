/** The kinds of outgoing letters of the correspondence register, each numbered per year apart. */
export enum LetterKind {
  ApplicantReceipt = 'applicant_receipt',
  ApplicantDocumentsRequest = 'applicant_documents_request',
  ApplicantDecision = 'applicant_decision',
  ArchiveRequest = 'archive_request',
  ArchiveReminder = 'archive_reminder',
  Refusal = 'refusal',
}

export enum LetterLanguage {
  Kk = 'kk',
  Ru = 'ru',
}

/** Where a letter stands: outgoing ones are rendered, then sent, to be sent, printed or handed over; incoming ones registered. */
export enum LetterStatus {
  Rendering = 'rendering',
  ToSend = 'to_send',
  Sent = 'sent',
  Printed = 'printed',
  HandedOver = 'handed_over',
  Registered = 'registered',
}

export enum LetterDirection {
  Outgoing = 'outgoing',
  Incoming = 'incoming',
}

/** The number's prefix per kind: `<prefix>-<year>/<0001>`. */
export const letterNumberPrefix: { readonly [K in LetterKind]: string } = {
  [LetterKind.ApplicantReceipt]: 'ЗП',
  [LetterKind.ApplicantDocumentsRequest]: 'ЗД',
  [LetterKind.ApplicantDecision]: 'РШ',
  [LetterKind.ArchiveRequest]: 'АЗ',
  [LetterKind.ArchiveReminder]: 'АН',
  [LetterKind.Refusal]: 'ОТ',
};

/** The placeholders a template may use, filled from the case when a letter is created. */
export const letterPlaceholders = ['caseNumber', 'applicantName', 'subjectName', 'archiveName', 'date', 'letterNumber'] as const;

/** The register's prefix of incoming letters: `ВХ-<year>/<0001>`, counted per year. */
export const incomingLetterNumberPrefix = 'ВХ';

/** A batch print of a commission session: merged by the worker, then ready to download. */
export enum PrintBatchStatus {
  Rendering = 'rendering',
  Ready = 'ready',
}
