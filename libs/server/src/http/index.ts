export * from './logging.module.js';
export * from './request-context.middleware.js';
