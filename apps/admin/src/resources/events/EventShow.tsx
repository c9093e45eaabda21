import type { EventView } from '@aqtalu/contracts';
import { Stack, Typography } from '@mui/material';
import { EditButton, Labeled, SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { LazyPlacesMap } from '../../map';
import { localName } from '../../providers/useApi';
import { eventKindChoices } from './event';
import { EventPeople } from './EventPeople';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'events', action: 'edit' });
  return <TopToolbar>{canAccess ? <EditButton /> : null}</TopToolbar>;
};

const PlacesAndSources = () => {
  const record = useRecordContext<EventView>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // opened from the list, the list's row (no places, no sources) stands in until the event arrives
  if (!record?.places || !record.sources) return null;
  return (
    <Stack spacing={1}>
      <Labeled label="resources.events.fields.places">
        <Typography variant="body2">{record.places.map((place) => localName({ ...place, code: place.nameRu }, locale)).join('; ') || '—'}</Typography>
      </Labeled>
      <LazyPlacesMap places={record.places} label={translate('resources.events.map.of_event')} />
      <Labeled label="resources.events.fields.sources">
        <Stack>
          {record.sources.length === 0 ? <Typography variant="body2">—</Typography> : null}
          {record.sources.map((source) => (
            <Typography key={source.id} variant="body2">
              {source.reference?.text ?? (source.book ? `${source.book.title}, ${translate('resources.events.page')} ${source.book.page}` : `${source.evidence?.pageFrom}–${source.evidence?.pageTo}`)}
              {source.note ? ` — ${source.note}` : ''}
            </Typography>
          ))}
        </Stack>
      </Labeled>
    </Stack>
  );
};

const People = () => {
  const record = useRecordContext<EventView>();
  return record ? <EventPeople eventId={record.id} /> : null;
};

/** An event: its kind, names, date in the source's wording, places, sources, and its people with counts. */
export const EventShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <SelectField source="kind" choices={eventKindChoices} />
      <TextField source="nameKk" emptyText="—" />
      <TextField source="nameRu" emptyText="—" />
      <TextField source="nameEn" emptyText="—" />
      <TextField source="date.text" label="resources.events.fields.date" emptyText="—" />
      <TextField source="description" emptyText="—" />
      <PlacesAndSources />
      <People />
    </SimpleShowLayout>
  </Show>
);
