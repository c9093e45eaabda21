export * from './logging.module.js';
export * from './request-context.middleware.js';
export * from './remove-uploads.interceptor.js';
