/**
 * The public site's addresses (apps/public), under PUBLIC_SITE_URL: the pages link with them, and the e-mails,
 * the certificates' QR codes and the open data print them after the site's address.
 */
export const publicBookPath = '/persons';
export const publicApplicationsPath = '/applications';
export const publicCertificatesPath = '/certificates';
export const publicOpenDataPath = '/open-data';
