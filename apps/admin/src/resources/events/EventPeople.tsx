import type { EventParticipantView, EventPeopleView, EventView } from '@aqtalu/contracts';
import { Alert, Box, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { DataTable, Link, ListContextProvider, useCanAccess, useList, useRecordContext, useTranslate } from 'react-admin';
import { useApi } from '../../providers/useApi';
import { messageOf } from '../cases/TransitionsPanel';
import { MakeGroupCaseButton } from './MakeGroupCaseButton';

const sourceText = (p: EventParticipantView) =>
  p.source.reference?.text ?? (p.source.book ? `${p.source.book.title}, ${p.source.book.page}` : p.source.evidence ? `${p.source.evidence.pageFrom}–${p.source.evidence.pageTo}` : '');

/**
 * An event's people: counts by sentence, outcome and role, then each person with role, sentence, outcome and
 * source. Those who may open cases select people (react-admin's bulk selection) and make a group case of them.
 */
export const EventPeople = ({ eventId }: { eventId: string }) => {
  const translate = useTranslate();
  const event = useRecordContext<EventView>();
  const { canAccess: canOpenCases } = useCanAccess({ resource: 'cases', action: 'create' });
  const { data, error } = useApi<EventPeopleView>(`/events/${eventId}/participants`);
  const list = useList<EventParticipantView>({ data: data?.participants ?? [], isPending: !data, perPage: 10_000, resource: `event-participants-${eventId}` });
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
  const title = translate('resources.events.people', { smart_count: data.participants.length });
  return (
    <Stack spacing={1} data-testid="event-people">
      <Typography variant="h6">{title}</Typography>
      {counts('resources.events.by_sentence', data.bySentence, (key) => (key === 'none' ? translate('resources.events.none') : key))}
      {counts('resources.events.by_outcome', data.byOutcome, outcome)}
      {counts('resources.events.by_role', data.byRole, (key) => translate(`resources.events.role.${key}`))}
      {canOpenCases && data.participants.length > 0 ? (
        <Typography variant="body2" color="text.secondary">{translate('resources.events.group.select_hint')}</Typography>
      ) : null}
      {/* room above the table for the bulk actions bar, which slides up over it */}
      <Box sx={{ overflowX: 'auto', maxWidth: '100%', pt: canOpenCases ? 6 : 0 }}>
        <ListContextProvider value={list}>
          <DataTable<EventParticipantView>
            rowClick={false}
            bulkActionButtons={canOpenCases ? <MakeGroupCaseButton event={event} participants={data.participants} /> : false}
            size="small"
            aria-label={title}
          >
            <DataTable.Col
              label="resources.events.fields.person"
              render={(p) => (
                <>
                  <Link to={`/persons/${p.personId}/show`}>
                    {p.nameKk ?? p.nameRu}
                  </Link>{' '}
                  {p.birthYear ? `(${p.birthYear})` : ''}
                </>
              )}
            />
            <DataTable.Col label="resources.events.fields.role" render={(p) => translate(`resources.events.role.${p.role}`)} />
            <DataTable.Col label="resources.events.fields.sentence" render={(p) => p.sentenceKindCode ?? '—'} />
            <DataTable.Col label="resources.events.fields.outcome" render={(p) => (p.outcome ? outcome(p.outcome) : '—')} />
            <DataTable.Col label="resources.events.fields.source" render={sourceText} />
          </DataTable>
        </ListContextProvider>
      </Box>
    </Stack>
  );
};
