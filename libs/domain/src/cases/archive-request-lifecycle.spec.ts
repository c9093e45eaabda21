import { ArchiveRequestStatus, Role } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from '../business-days.js';
import { ArchiveRequestAction, defaultDueDate, evaluateArchiveRequestAction, isOverdue, isSettled } from './archive-request-lifecycle.js';

const calendar: WorkingCalendar = { holidays: new Set(['2026-03-23']), weekendDays: new Set([0, 6]) };

describe('archive request lifecycle', () => {
  it('lets the liaison start and answer a request', () => {
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.Start, ArchiveRequestStatus.Sent, Role.ArchiveLiaison)).toEqual({ allowed: true, to: ArchiveRequestStatus.InProgress });
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.Answer, ArchiveRequestStatus.InProgress, Role.ArchiveLiaison, 'ф. 2, оп. 1, д. 11573')).toEqual({ allowed: true, to: ArchiveRequestStatus.Answered });
  });

  it('needs a note to say nothing was found', () => {
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.NothingFound, ArchiveRequestStatus.Sent, Role.ArchiveLiaison, '')).toMatchObject({ allowed: false, kind: 'invalid' });
  });

  it('keeps the working group from answering for the archive', () => {
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.Answer, ArchiveRequestStatus.Sent, Role.WgMember, 'found')).toMatchObject({ allowed: false, kind: 'forbidden' });
  });

  it('refuses to answer a request twice', () => {
    expect(evaluateArchiveRequestAction(ArchiveRequestAction.Answer, ArchiveRequestStatus.Answered, Role.ArchiveLiaison, 'again')).toMatchObject({ allowed: false, kind: 'conflict' });
  });

  it('counts answered, nothing-found and cancelled requests as settled', () => {
    expect(Object.values(ArchiveRequestStatus).filter(isSettled)).toEqual([ArchiveRequestStatus.Answered, ArchiveRequestStatus.NothingFound, ArchiveRequestStatus.Cancelled]);
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
