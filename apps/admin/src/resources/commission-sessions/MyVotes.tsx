import { Card, CardContent, CardHeader, List as MuiList, ListItem, ListItemText, Skeleton, Typography } from '@mui/material';
import { Link, useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { useApi } from '../../providers/useApi';
import { formatDate } from '../../i18n/dates';
import type { PendingVote } from './session';

/** The votes waiting for the signed-in commission member: cases on an agenda they have not voted on yet. */
export const MyVotes = () => {
  const { canAccess } = useCanAccess({ resource: 'commission-sessions', action: 'vote' });
  return canAccess ? <PendingVotes /> : null;
};

const PendingVotes = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useApi<PendingVote[]>('/tasks/votes');
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid="my-votes">
      <CardHeader title={translate('aqtalu.screens.votes.title')} slotProps={{ title: { variant: 'subtitle1', component: 'h2' } }} />
      <CardContent>
        {!data ? <Skeleton /> : null}
        {data?.length === 0 ? <Typography color="text.secondary">{translate('aqtalu.screens.votes.none')}</Typography> : null}
        <MuiList dense disablePadding>
          {(data ?? []).map((vote) => (
            <ListItem key={`${vote.sessionId}-${vote.caseId}`} disableGutters>
              <ListItemText
                primary={
                  <Link to={`/commission-sessions/${vote.sessionId}/show`}>
                    {translate('aqtalu.screens.votes.item', { session: vote.sessionNumber, date: formatDate(vote.sessionDate, locale), number: vote.caseNumber })}
                  </Link>
                }
                secondary={[vote.subjects.join('; '), vote.present ? '' : translate('aqtalu.screens.votes.not_present')].filter(Boolean).join(' · ')}
              />
            </ListItem>
          ))}
        </MuiList>
      </CardContent>
    </Card>
  );
};
