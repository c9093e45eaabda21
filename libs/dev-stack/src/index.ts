export * from './ports.js';
export * from './postgres.js';
export * from './programs.js';
export * from './redis.js';
export * from './stack.js';
export * from './clamd.js';
export * from './standby.js';
export * from './backup.js';
