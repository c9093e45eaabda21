export * from './applicant-mail-texts.js';
export * from './applicant-mail.service.js';
export * from './applicant-mails.js';
export * from './public-application.service.js';
export * from './public-applications.module.js';
