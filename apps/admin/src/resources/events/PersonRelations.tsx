import type { PersonRelationView } from '@aqtalu/contracts';
import { Alert, CircularProgress, List, ListItem, Stack, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';
import { relationKindLabel } from './event';

/** A registry person's relations from both sides (recorded once, the other side shown inverted), each with its source. */
export const PersonRelations = ({ personId }: { personId: string }) => {
  const translate = useTranslate();
  const { data, error } = useApi<PersonRelationView[]>(`/registry/persons/${personId}/relations`);
  if (error) return <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert>;
  if (!data) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  return (
    <Stack data-testid="person-relations">
      <Typography variant="h6">{translate('resources.events.relations')}</Typography>
      {data.length === 0 ? <Typography color="text.secondary">{translate('resources.events.no_relations')}</Typography> : null}
      <List dense>
        {data.map((relation) => (
          <ListItem key={relation.id}>
            {translate(relationKindLabel(relation.kind))}:&nbsp;<Link to={`/persons/${relation.personId}/show`}>{relation.nameKk ?? relation.nameRu}</Link>
            &nbsp;— {relation.source.reference?.text ?? (relation.source.book ? `${relation.source.book.title}, ${relation.source.book.page}` : '')}
          </ListItem>
        ))}
      </List>
    </Stack>
  );
};
