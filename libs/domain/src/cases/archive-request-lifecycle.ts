import { ArchiveRequestAction, ArchiveRequestStatus, Permission, Role, type ArchiveRequestActionOption, type CaseRefusal } from '@aqtalu/contracts';
import { addBusinessDays, type WorkingCalendar } from '../business-days.js';
import { refusal } from './case-lifecycle.js';

export { ArchiveRequestAction };

/**
 * An archive request's own small lifecycle: the liaison works it, the working group may cancel it. The
 * only copy of its rules: the service asks `evaluateArchiveRequestAction`, the request's view lists
 * `availableArchiveRequestActions`, and the back office shows what that list allows.
 */
const R = ArchiveRequestStatus;

export interface ArchiveRequestActionRule {
  from: readonly ArchiveRequestStatus[];
  to: ArchiveRequestStatus;
  roles: readonly Role[];
  /** The permission of the route that does it. */
  permission: Permission;
  needsNote: boolean;
}

export const archiveRequestActions: { readonly [A in ArchiveRequestAction]: ArchiveRequestActionRule } = {
  [ArchiveRequestAction.Start]: { from: [R.Sent], to: R.InProgress, roles: [Role.ArchiveLiaison], permission: Permission.ArchiveRequestsAnswer, needsNote: false },
  [ArchiveRequestAction.Answer]: { from: [R.Sent, R.InProgress], to: R.Answered, roles: [Role.ArchiveLiaison], permission: Permission.ArchiveRequestsAnswer, needsNote: true },
  [ArchiveRequestAction.NothingFound]: { from: [R.Sent, R.InProgress], to: R.NothingFound, roles: [Role.ArchiveLiaison], permission: Permission.ArchiveRequestsAnswer, needsNote: true },
  [ArchiveRequestAction.Cancel]: { from: [R.Sent, R.InProgress], to: R.Cancelled, roles: [Role.WgMember, Role.WgLead], permission: Permission.ArchiveRequestsCreate, needsNote: true },
};

/** A request no longer holds up the working group's review. */
export function isSettled(status: ArchiveRequestStatus): boolean {
  return status === R.Answered || status === R.NothingFound || status === R.Cancelled;
}

/** The settled statuses, for the queries that count or skip them. */
export const settledArchiveRequestStatuses: readonly ArchiveRequestStatus[] = Object.values(ArchiveRequestStatus).filter(isSettled);

export type ArchiveRequestVerdict =
  | { allowed: true; to: ArchiveRequestStatus }
  | { allowed: false; kind: 'forbidden' | 'conflict' | 'invalid'; reason: CaseRefusal };

/** `note` undefined: the note is not judged (what the request allows before anyone writes one). */
function judge(action: ArchiveRequestAction, status: ArchiveRequestStatus, role: Role, note: string | undefined, judgeNote: boolean): ArchiveRequestVerdict {
  const rule = archiveRequestActions[action];
  if (!rule.roles.includes(role)) return { allowed: false, kind: 'forbidden', reason: refusal('archive_request.action_role', { action, role, roles: [...rule.roles] }) };
  if (!rule.from.includes(status)) {
    return { allowed: false, kind: 'conflict', reason: refusal('archive_request.action_state', { action, status, from: [...rule.from] }) };
  }
  if (judgeNote && rule.needsNote && (note ?? '').trim().length < 3) return { allowed: false, kind: 'invalid', reason: refusal('archive_request.note_required', { action }) };
  return { allowed: true, to: rule.to };
}

export function evaluateArchiveRequestAction(action: ArchiveRequestAction, status: ArchiveRequestStatus, role: Role, note?: string): ArchiveRequestVerdict {
  return judge(action, status, role, note, true);
}

/** Every action of a request in this status for this role, with why not; the note is asked for when it is done. */
export function availableArchiveRequestActions(status: ArchiveRequestStatus, role: Role): ArchiveRequestActionOption[] {
  return Object.values(ArchiveRequestAction).map((name) => {
    const verdict = judge(name, status, role, undefined, false);
    return { name, allowed: verdict.allowed, reasons: verdict.allowed ? [] : [verdict.reason], needsNote: archiveRequestActions[name].needsNote };
  });
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
