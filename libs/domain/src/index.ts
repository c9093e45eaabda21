export * from './access/access-policy.js';
export * from './archival-reference/index.js';
export * from './audit/audit-chain.js';
export * from './business-days.js';
export * from './identity/password-policy.js';
export * from './uncertain-date/index.js';
export * from './cases/index.js';
export * from './names/index.js';
