import { lazy } from 'react';
import type { ResourceProps } from 'react-admin';

// Loaded on the first visit, as the users' screens are.
const AuditLogList = lazy(() => import('./AuditLogList').then((module) => ({ default: module.AuditLogList })));
const AuditLogShow = lazy(() => import('./AuditLogShow').then((module) => ({ default: module.AuditLogShow })));

/** The hash-chained audit log, for auditors (permission audit.read, see providers/access.ts). */
export const auditLog = {
  name: 'audit-log',
  list: AuditLogList,
  show: AuditLogShow,
  recordRepresentation: 'id',
} satisfies ResourceProps;
