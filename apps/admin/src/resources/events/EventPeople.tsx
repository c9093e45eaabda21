import type { EventPeopleView } from '@aqtalu/contracts';
import { Alert, Box, Chip, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';

/** An event's people: counts by sentence, outcome and role, then each person with role, sentence, outcome and source. */
export const EventPeople = ({ eventId }: { eventId: string }) => {
  const translate = useTranslate();
  const { data, error } = useApi<EventPeopleView>(`/events/${eventId}/participants`);
  if (error) return <Alert severity="warning">{translate(messageOf(error), { _: messageOf(error) })}</Alert>;
  if (!data) return <CircularProgress size={20} aria-label={translate('ra.page.loading')} />;
  const counts = (title: string, entries: Record<string, number>, label: (key: string) => string) => (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
      <Typography variant="body2" color="text.secondary">{translate(title)}:</Typography>
      {Object.entries(entries).map(([key, count]) => (
        <Chip key={key} size="small" label={`${label(key)}: ${count}`} />
      ))}
    </Stack>
  );
  const outcome = (key: string) => (key === 'none' ? translate('resources.events.none') : translate(`resources.cases.outcome.${key}`, { _: key }));
  return (
    <Stack spacing={1} data-testid="event-people">
      <Typography variant="h6">{translate('resources.events.people', { smart_count: data.participants.length })}</Typography>
      {counts('resources.events.by_sentence', data.bySentence, (key) => (key === 'none' ? translate('resources.events.none') : key))}
      {counts('resources.events.by_outcome', data.byOutcome, outcome)}
      {counts('resources.events.by_role', data.byRole, (key) => translate(`resources.events.role.${key}`))}
      <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
        <Table size="small" aria-label={translate('resources.events.people', { smart_count: data.participants.length })}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.events.fields.person')}</TableCell>
              <TableCell>{translate('resources.events.fields.role')}</TableCell>
              <TableCell>{translate('resources.events.fields.sentence')}</TableCell>
              <TableCell>{translate('resources.events.fields.outcome')}</TableCell>
              <TableCell>{translate('resources.events.fields.source')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.participants.map((p) => (
              <TableRow key={p.id}>
                <TableCell>
                  <Link to={`/persons/${p.personId}/show`}>{p.nameKk ?? p.nameRu}</Link> {p.birthYear ? `(${p.birthYear})` : ''}
                </TableCell>
                <TableCell>{translate(`resources.events.role.${p.role}`)}</TableCell>
                <TableCell>{p.sentenceKindCode ?? '—'}</TableCell>
                <TableCell>{p.outcome ? outcome(p.outcome) : '—'}</TableCell>
                <TableCell>{p.source.reference?.text ?? (p.source.book ? `${p.source.book.title}, ${p.source.book.page}` : p.source.evidence ? `${p.source.evidence.pageFrom}–${p.source.evidence.pageTo}` : '')}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Stack>
  );
};
