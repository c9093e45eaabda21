export * from './contribution.service.js';
export * from './contribution-mail.js';
export * from './contributions.module.js';
