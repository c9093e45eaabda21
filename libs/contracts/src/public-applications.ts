/** The languages of the public door's pages and of the e-mails to an online applicant. */
export const publicApplicationLanguages = ['kk', 'ru', 'en'] as const;
export type PublicApplicationLanguage = (typeof publicApplicationLanguages)[number];

/** The e-mails an online applicant receives, each sent once by the worker. */
export enum PublicApplicationMailKind {
  /** The tracking code and the link to the status page, right after applying. */
  Received = 'received',
  /** The secretary asked for more documents (the case was returned to the applicant). */
  DocumentsRequested = 'documents_requested',
}

/**
 * The version of the consent text (Law of the Republic of Kazakhstan of 21 May 2013 No. 94-V "On personal data and
 * their protection") the applicant agrees to; recorded with each application. A new text gets a new version.
 */
export const personalDataConsentVersion = '2026-12-01';
