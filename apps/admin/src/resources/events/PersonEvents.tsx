import type { PersonEventView } from '@aqtalu/contracts';
import { Alert, CircularProgress, List, ListItem, Stack, Typography } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';

/** The events a registry person took part in, with their role, for the person's page (mount beside PersonFacts). */
export const PersonEvents = ({ personId }: { personId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data, error } = useApi<PersonEventView[]>(`/registry/persons/${personId}/events`);
  if (error) return <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert>;
  if (!data) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  const name = (event: PersonEventView) => (locale === 'kk' ? event.nameKk : locale === 'en' ? event.nameEn : event.nameRu) || event.nameRu || event.nameKk;
  return (
    <Stack data-testid="person-events">
      <Typography variant="h6">{translate('resources.events.of_person')}</Typography>
      {data.length === 0 ? <Typography color="text.secondary">{translate('resources.events.none_of_person')}</Typography> : null}
      <List dense>
        {data.map((event) => (
          <ListItem key={event.id}>
            <Link to={`/events/${event.eventId}/show`}>{name(event)}</Link>
            &nbsp;— {translate(`resources.events.kind.${event.kind}`)}, {event.dateText ?? '—'}, {translate(`resources.events.role.${event.role}`)}
          </ListItem>
        ))}
      </List>
    </Stack>
  );
};
