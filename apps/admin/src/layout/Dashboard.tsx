import type { Role } from '@aqtalu/contracts';
import { Card, CardActionArea, CardContent, CardHeader, Grid, Skeleton, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, Title, useCanAccess, useGetIdentity, useGetList, useLogoutIfAccessDenied, usePermissions, useTranslate } from 'react-admin';
import { apiCount } from '../providers/api';
import { useApi } from '../providers/useApi';
import { CalendarWarning } from './CalendarWarning';
import { CaseCharts, MyTasks, OverdueRequests } from './DashboardCharts';
import { MyVotes } from '../resources/commission-sessions/MyVotes';
import { cardsFor, type DashboardCard, linkOf, showsUpcomingSessions } from './dashboardCards';

/** One count, from the list's Content-Range total. */
const CountCard = ({ card }: { card: DashboardCard }) => {
  const translate = useTranslate();
  const [count, setCount] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    apiCount(card.resource, card.filter)
      .then((total) => current && setCount(total))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [card]);
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea component={Link} to={linkOf(card)} sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="h4" component="p" data-testid={`dashboard-${card.id}`}>
            {failed ? '—' : count === null ? <Skeleton width={40} /> : count}
          </Typography>
          <Typography color="text.secondary">{translate(`aqtalu.dashboard.cards.${card.id}`)}</Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

const UnreadCard = () => {
  const translate = useTranslate();
  const { data } = useApi<{ unread: number }>('/notifications/unread-count');
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h4" component="p">
          {data ? data.unread : <Skeleton width={40} />}
        </Typography>
        <Typography color="text.secondary">{translate('aqtalu.dashboard.cards.unread')}</Typography>
      </CardContent>
    </Card>
  );
};

const today = () => new Date().toISOString().slice(0, 10);

const UpcomingSessions = () => {
  const translate = useTranslate();
  const { data } = useGetList('commission-sessions', { pagination: { page: 1, perPage: 10 }, sort: { field: 'date', order: 'DESC' } });
  const upcoming = (data ?? []).filter((session) => String(session.date) >= today()).reverse();
  return (
    <Card variant="outlined">
      <CardHeader title={translate('aqtalu.dashboard.upcoming_sessions')} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent>
        {upcoming.length === 0 ? <Typography color="text.secondary">{translate('aqtalu.dashboard.no_sessions')}</Typography> : null}
        {upcoming.map((session) => (
          <Typography key={session.id}>
            <Link to={`/commission-sessions/${session.id}/show`}>
              {session.date} · {session.number} · {session.place ?? ''} ({translate('aqtalu.dashboard.agenda_size', { smart_count: session.agendaSize ?? 0 })})
            </Link>
          </Typography>
        ))}
      </CardContent>
    </Card>
  );
};

/** The votes waiting for a commission member, beside their tasks (nothing for other roles). */
const VotesCell = () => {
  const { canAccess } = useCanAccess({ resource: 'commission-sessions', action: 'vote' });
  return canAccess ? (
    <Grid size={{ xs: 12, md: 6 }}>
      <MyVotes />
    </Grid>
  ) : null;
};

/** The home page: what needs this user, by role, counted by the API within the user's scope. */
export const Dashboard = () => {
  const translate = useTranslate();
  const logoutIfAccessDenied = useLogoutIfAccessDenied();
  // getIdentity asks the API who the token belongs to: a 401 there ends the session like any other.
  const { identity } = useGetIdentity({
    staleTime: 5 * 60 * 1000, // react-admin's default, which passing options would otherwise drop
    onError: (error) => void logoutIfAccessDenied(error),
  });
  const { permissions: role } = usePermissions<Role | undefined>();
  const cards = cardsFor(role);

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <CardHeader
        title={translate('aqtalu.title')}
        subheader={translate('aqtalu.subtitle')}
        slotProps={{ title: { component: 'h1' } }}
      />
      <CardContent>
        <CalendarWarning />
        {identity?.fullName && role ? (
          <Typography gutterBottom>
            {translate('aqtalu.dashboard.signed_in_as', {
              name: identity.fullName,
              role: translate(`aqtalu.role.${role}`, { _: role }),
            })}
          </Typography>
        ) : null}
        {role ? (
          <Grid container spacing={2} sx={{ mt: 1 }}>
            {cards.map((card) => (
              <Grid key={card.id} size={{ xs: 12, sm: 6, md: 3 }}>
                <CountCard card={card} />
              </Grid>
            ))}
            <Grid size={{ xs: 12, sm: 6, md: 3 }}>
              <UnreadCard />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <MyTasks />
            </Grid>
            <VotesCell />
            <Grid size={{ xs: 12, md: 6 }}>
              <OverdueRequests />
            </Grid>
            <CaseCharts />
            {showsUpcomingSessions(role) ? (
              <Grid size={12}>
                <UpcomingSessions />
              </Grid>
            ) : null}
          </Grid>
        ) : null}
      </CardContent>
    </Card>
  );
};
