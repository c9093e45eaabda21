import { ArchiveRequestStatus, CaseStatus, Role } from '@aqtalu/contracts';

/** A count on the dashboard: a list's total under a filter, and where clicking it leads. */
export interface DashboardCard {
  id: string;
  resource: 'cases' | 'archive-requests' | 'commission-sessions';
  filter: Record<string, unknown>;
}

const cases = (status: CaseStatus): DashboardCard => ({ id: `cases_${status}`, resource: 'cases', filter: { status } });
const overdue: DashboardCard = { id: 'overdue_requests', resource: 'archive-requests', filter: { overdue: true } };

/** What needs each role; the API scopes every count to the user's region or archive. */
export function cardsFor(role: Role | undefined): DashboardCard[] {
  switch (role) {
    case Role.WgMember:
    case Role.WgLead:
      return [cases(CaseStatus.ArchiveVerification), cases(CaseStatus.WorkingGroupReview), overdue];
    case Role.ArchiveLiaison:
      return [
        { id: 'open_requests_sent', resource: 'archive-requests', filter: { status: ArchiveRequestStatus.Sent } },
        { id: 'open_requests_in_progress', resource: 'archive-requests', filter: { status: ArchiveRequestStatus.InProgress } },
        overdue,
      ];
    case Role.Secretary:
      return [cases(CaseStatus.Submitted), cases(CaseStatus.IntakeReview), cases(CaseStatus.CommissionReview)];
    case Role.CommissionMember:
    case Role.Chair:
      return [cases(CaseStatus.CommissionReview)];
    default:
      return [];
  }
}

/** Sessions from today on, for the roles that sit in or plan them. */
export const showsUpcomingSessions = (role: Role | undefined) =>
  role === Role.Secretary || role === Role.CommissionMember || role === Role.Chair;

/** The link of a card: the list with its filter, as react-admin reads it from the URL. */
export const linkOf = (card: DashboardCard) => `/${card.resource}?filter=${encodeURIComponent(JSON.stringify(card.filter))}`;
