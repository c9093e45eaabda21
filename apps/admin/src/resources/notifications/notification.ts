/** One entry of `GET /api/notifications`. */
export interface NotificationRecord {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  createdAt: string;
  deliveredAt: string | null;
  readAt: string | null;
}

/** Where a notification leads: the case, the archive request or the session it is about. */
export function linkOf(notification: Pick<NotificationRecord, 'params'>): string | null {
  const { caseId, archiveRequestId, sessionId } = notification.params as Record<string, string | undefined>;
  if (archiveRequestId) return `/archive-requests/${archiveRequestId}/show`;
  if (caseId) return `/cases/${caseId}/show`;
  if (sessionId) return `/commission-sessions/${sessionId}/show`;
  return null;
}

/** The polyglot key of a kind (`case.submitted` → `resources.notifications.kind.case_submitted`). */
export const messageKey = (kind: string) => `resources.notifications.kind.${kind.replace(/\./g, '_')}`;

/** Kinds that ask the user to do something: the dashboard lists them as "my tasks". */
export const taskKinds: ReadonlySet<string> = new Set([
  'task.assigned',
  'conclusion.awaits_signature',
  'archive_request.received',
  'archive_request.overdue',
  'case.ready_for_commission',
  'case.accepted',
  'comment.mention',
]);

export const isTask = (notification: Pick<NotificationRecord, 'kind' | 'readAt'>) => notification.readAt === null && taskKinds.has(notification.kind);
