import { Role } from '@aqtalu/contracts';
import { describe, expect, it } from 'vitest';
import { cardsFor, linkOf, showsUpcomingSessions } from './dashboardCards';

describe('the dashboard cards', () => {
  it('shows a working group its verification, review and overdue requests', () => {
    expect(cardsFor(Role.WgMember).map((card) => card.id)).toEqual(['cases_archive_verification', 'cases_working_group_review', 'overdue_requests']);
  });

  it('shows the secretary the cases waiting for intake and the upcoming sessions', () => {
    expect(cardsFor(Role.Secretary).map((card) => card.id)).toContain('cases_submitted');
    expect(showsUpcomingSessions(Role.Secretary)).toBe(true);
    expect(showsUpcomingSessions(Role.ArchiveLiaison)).toBe(false);
  });

  it('shows an administrator no case cards', () => {
    expect(cardsFor(Role.Admin)).toEqual([]);
  });

  it('links a card to its filtered list', () => {
    expect(linkOf(cardsFor(Role.Chair)[0]!)).toBe('/cases?filter=%7B%22status%22%3A%22commission_review%22%7D');
  });
});
