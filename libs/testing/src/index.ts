export * from './http-session.js';
export * from './test-environment.js';
export * from './test-documents.js';
export * from './test-s3.js';
export * from './test-mailbox.js';
