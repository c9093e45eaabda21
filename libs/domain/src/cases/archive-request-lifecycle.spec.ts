import { ArchiveRequestStatus, Role } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../business-days.js';
import {
  ArchiveRequestAction,
  archiveRequestActions,
  availableArchiveRequestActions,
  defaultDueDate,
  evaluateArchiveRequestAction,
  isOverdue,
  isSettled,
  settledArchiveRequestStatuses,
} from './archive-request-lifecycle.js';

const calendar: WorkingCalendar = { holidays: new Set(['2026-03-23']), weekendDays: new Set([0, 6]) };

describe('archive request lifecycle', () => {
  it('lets the liaison start and answer a request', () => {
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.Start, ArchiveRequestStatus.Sent, Role.ArchiveLiaison)).toEqual({ allowed: true, to: ArchiveRequestStatus.InProgress });
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.Answer, ArchiveRequestStatus.InProgress, Role.ArchiveLiaison, 'ф. 2, оп. 1, д. 11573')).toEqual({ allowed: true, to: ArchiveRequestStatus.Answered });
  });

  it('needs a note to say nothing was found', () => {
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.NothingFound, ArchiveRequestStatus.Sent, Role.ArchiveLiaison, '')).toMatchObject({
      allowed: false,
      kind: 'invalid',
      reason: { code: 'archive_request.note_required', params: { action: 'nothing-found' } },
    });
  });

  it('keeps the working group from answering for the archive', () => {
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.Answer, ArchiveRequestStatus.Sent, Role.WgMember, 'found')).toMatchObject({ allowed: false, kind: 'forbidden' });
  });

  it('refuses to answer a request twice', () => {
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.Answer, ArchiveRequestStatus.Answered, Role.ArchiveLiaison, 'again')).toMatchObject({ allowed: false, kind: 'conflict' });
  });

  it('counts answered, nothing-found and cancelled requests as settled', () => {
    expect(Object.values(ArchiveRequestStatus).filter(isSettled)).toEqual([ArchiveRequestStatus.Answered, ArchiveRequestStatus.NothingFound, ArchiveRequestStatus.Cancelled]);
    expect(settledArchiveRequestStatuses).toEqual([ArchiveRequestStatus.Answered, ArchiveRequestStatus.NothingFound, ArchiveRequestStatus.Cancelled]);
  });

  describe('what a request allows, action × status × role, as its view lists it', () => {
    for (const action of Object.values(ArchiveRequestAction)) {
      const rule = archiveRequestActions[action];
      for (const status of Object.values(ArchiveRequestStatus)) {
        for (const role of Object.values(Role)) {
          const allowed = rule.roles.includes(role) && rule.from.includes(status);
          it(`${allowed ? 'offers' : 'does not offer'} ${action} to ${role} on a request that is ${status}`, () => {
            const sut = availableArchiveRequestActions(status, role).find((option) => option.name === action)!;
            expect(sut.allowed).toBe(allowed);
            expect(sut.needsNote).toBe(rule.needsNote);
            if (!allowed) expect(sut.reasons[0]!.code).toBe(rule.roles.includes(role) ? 'archive_request.action_state' : 'archive_request.action_role');
            // the list and the service's verdict never disagree
            expect(evaluateArchiveRequestAction(action, status, role, 'ф. 2, оп. 1, д. 11573').allowed).toBe(allowed);
          });
        }
      }
    }
  });

  it('gives 30 business days, skipping weekends and holidays', () => {
    expect(defaultDueDate('2026-03-02', calendar)).toBe('2026-04-14');
  });

  it('is overdue the day after its due date while unanswered', () => {
    expect(isOverdue(ArchiveRequestStatus.InProgress, '2026-04-14', '2026-04-14')).toBe(false);
    expect(isOverdue(ArchiveRequestStatus.InProgress, '2026-04-14', '2026-04-15')).toBe(true);
    expect(isOverdue(ArchiveRequestStatus.Answered, '2026-04-14', '2026-05-01')).toBe(false);
  });
});
