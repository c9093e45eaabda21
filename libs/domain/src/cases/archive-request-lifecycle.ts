import { ArchiveRequestStatus, Role } from '@aqtalu/contracts';
import { addBusinessDays, type WorkingCalendar } from '../business-days.js';

/** An archive request's own small lifecycle: the liaison works it, the working group may cancel it. */
export enum ArchiveRequestAction {
  Start = 'start',
  Answer = 'answer',
  NothingFound = 'nothing-found',
  Cancel = 'cancel',
}

const R = ArchiveRequestStatus;

export const archiveRequestActions: {
  readonly [A in ArchiveRequestAction]: { from: readonly ArchiveRequestStatus[]; to: ArchiveRequestStatus; roles: readonly Role[]; needsNote: boolean };
} = {
  [ArchiveRequestAction.Start]: { from: [R.Sent], to: R.InProgress, roles: [Role.ArchiveLiaison], needsNote: false },
  [ArchiveRequestAction.Answer]: { from: [R.Sent, R.InProgress], to: R.Answered, roles: [Role.ArchiveLiaison], needsNote: true },
  [ArchiveRequestAction.NothingFound]: { from: [R.Sent, R.InProgress], to: R.NothingFound, roles: [Role.ArchiveLiaison], needsNote: true },
  [ArchiveRequestAction.Cancel]: { from: [R.Sent, R.InProgress], to: R.Cancelled, roles: [Role.WgMember, Role.WgLead], needsNote: true },
};

/** A request no longer holds up the working group's review. */
export function isSettled(status: ArchiveRequestStatus): boolean {
  return status === R.Answered || status === R.NothingFound || status === R.Cancelled;
}

export type ArchiveRequestVerdict = { allowed: true; to: ArchiveRequestStatus } | { allowed: false; kind: 'forbidden' | 'conflict' | 'invalid'; reason: string };

export function evaluateArchiveRequestAction(action: ArchiveRequestAction, status: ArchiveRequestStatus, role: Role, note?: string): ArchiveRequestVerdict {
  const rule = archiveRequestActions[action];
  if (!rule.roles.includes(role)) return { allowed: false, kind: 'forbidden', reason: `${action} is done by ${rule.roles.join(' or ')}, not by ${role}` };
  if (!rule.from.includes(status)) {
    return { allowed: false, kind: 'conflict', reason: `the request is ${status}; ${action} applies to a request that is ${rule.from.join(' or ')}` };
  }
  if (rule.needsNote && (note ?? '').trim().length < 3) return { allowed: false, kind: 'invalid', reason: `${action} needs a note saying what was found or why` };
  return { allowed: true, to: rule.to };
}

/** Archives have 30 business days to answer unless the working group sets another date. */
export const defaultAnswerBusinessDays = 30;

export function defaultDueDate(sentOn: string, calendar: WorkingCalendar): string {
  return addBusinessDays(sentOn, defaultAnswerBusinessDays, calendar);
}

/** Overdue once the due date has passed and no answer came. */
export function isOverdue(status: ArchiveRequestStatus, dueDate: string, today: string): boolean {
  return !isSettled(status) && today > dueDate;
}
