export * from './roles.js';
export * from './auth.js';
export * from './cases.js';
export * from './permissions.js';
export * from './jobs.js';
export * from './health.js';
export * from './evidence.js';
export * from './registry.js';
